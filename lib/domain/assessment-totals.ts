import type { CriteriaTree, CriterionNode } from "./criteria-tree";
import { computeIndexPercent, type IndexPercent, type Precision } from "./index-percent";

// Sums an assessment's leaf points over its criteria tree (all in thousandths), three ways:
// as the agency scored itself, as appraised so far, and as finally counted.

/** Points of one leaf from one source; excluded = "không phát sinh" with the excluded rule. */
export type LeafPoints = { points: number; isExcludedFromMaximum?: boolean };

/** Everything scored for one leaf (or bonus/penalty item) of one assessment. */
export type LeafScore = {
  self?: LeafPoints | null;
  round1?: LeafPoints | null;
  round2?: LeafPoints | null;
  /** Imported survey points, for SURVEY criteria. */
  survey?: number | null;
};

export type NodeTotal = { points: number; maxPoints: number };

export type DomainTotal = NodeTotal & { code: string; title: string; percent: IndexPercent | null };

export type ViewTotals = {
  byCode: Map<string, NodeTotal>;
  domains: DomainTotal[];
  /** The MAIN tree's points (domains summed). */
  treePoints: number;
  /** The part of treePoints that came from survey criteria. */
  surveyPoints: number;
  /** Bonus and penalty after the year's caps. */
  bonusPoints: number;
  penaltyPoints: number;
  /** treePoints + bonus − penalty, floored at 0. */
  totalPoints: number;
  maxPoints: number;
  /** totalPoints / maxPoints at the year's precision; null when nothing counts towards the maximum. */
  indexPercent: IndexPercent | null;
};

export type AssessmentTotals = {
  /** As the agency scored itself (survey criteria: the imported survey points). */
  self: ViewTotals;
  /** The latest appraised value of each criterion, and the self value where no appraiser set one yet. */
  appraised: ViewTotals;
  /** What counts: the latest appraised value, otherwise the self value — only once finalized. */
  final: ViewTotals | null;
};

export type TotalsOptions = { isFinalized: boolean; isSurveyIncluded: boolean; precision: Precision };

export function computeAssessmentTotals(
  tree: CriteriaTree,
  scores: ReadonlyMap<string, LeafScore>,
  options: TotalsOptions,
): AssessmentTotals {
  const pick = (choose: (score: LeafScore) => LeafPoints | null | undefined) => (node: CriterionNode): LeafPoints | null => {
    const score = scores.get(node.code);
    if (!score) return null;
    if (node.method?.method === "SURVEY") return score.survey === null || score.survey === undefined ? null : { points: score.survey };
    return choose(score) ?? null;
  };
  const latestAppraisedOrSelf = (score: LeafScore) => score.round2 ?? score.round1 ?? score.self;
  return {
    self: sumTree(tree, pick((score) => score.self), options),
    appraised: sumTree(tree, pick(latestAppraisedOrSelf), options),
    final: options.isFinalized ? sumTree(tree, pick(latestAppraisedOrSelf), options) : null,
  };
}

/**
 * Node points are the sum of the children capped at the node's maximum; a leaf with nothing to
 * count and the "excluded" rule leaves every maximum above it (its max is taken off). An unanswered
 * leaf counts 0.
 */
export function sumTree(
  tree: CriteriaTree,
  pointsOf: (node: CriterionNode) => LeafPoints | null,
  options: Pick<TotalsOptions, "isSurveyIncluded" | "precision">,
): ViewTotals {
  const byCode = new Map<string, NodeTotal>();
  let surveyPoints = 0;

  const visit = (node: CriterionNode): NodeTotal => {
    let total: NodeTotal;
    if (node.children.length === 0) {
      const isSurvey = node.method?.method === "SURVEY";
      const leaf = pointsOf(node);
      const isExcluded = leaf?.isExcludedFromMaximum === true || (isSurvey && !options.isSurveyIncluded);
      total = isExcluded ? { points: 0, maxPoints: 0 } : { points: Math.min(leaf?.points ?? 0, node.maxPoints), maxPoints: node.maxPoints };
      if (isSurvey) surveyPoints += total.points;
    } else {
      let points = 0;
      let excludedMax = 0;
      for (const child of node.children) {
        const childTotal = visit(child);
        points += childTotal.points;
        excludedMax += child.maxPoints - childTotal.maxPoints;
      }
      const maxPoints = Math.max(0, node.maxPoints - excludedMax);
      total = { points: Math.min(points, maxPoints), maxPoints };
    }
    byCode.set(node.code, total);
    return total;
  };

  const domains = tree.domains.map((domain) => {
    const total = visit(domain);
    return {
      code: domain.code,
      title: domain.title,
      ...total,
      percent: total.maxPoints > 0 ? computeIndexPercent(total.points, total.maxPoints, options.precision) : null,
    };
  });
  const treePoints = domains.reduce((sum, domain) => sum + domain.points, 0);
  const maxPoints = domains.reduce((sum, domain) => sum + domain.maxPoints, 0);

  const itemsSum = (items: readonly CriterionNode[]) =>
    items.reduce((sum, item) => {
      const points = Math.min(pointsOf(item)?.points ?? 0, item.maxPoints);
      byCode.set(item.code, { points, maxPoints: item.maxPoints });
      return sum + points;
    }, 0);
  const bonusPoints = Math.min(itemsSum(tree.bonusItems), tree.maxBonusPoints);
  const penaltyPoints = Math.min(itemsSum(tree.penaltyItems), tree.maxPenaltyPoints);
  const totalPoints = Math.max(0, treePoints + bonusPoints - penaltyPoints);

  return {
    byCode,
    domains,
    treePoints,
    surveyPoints,
    bonusPoints,
    penaltyPoints,
    totalPoints,
    maxPoints,
    indexPercent: maxPoints > 0 ? computeIndexPercent(totalPoints, maxPoints, options.precision) : null,
  };
}

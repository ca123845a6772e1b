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

/** Latest appraised value, else the self value; survey criteria take the imported survey points. */
function countedPoints(scores: ReadonlyMap<string, LeafScore>, node: CriterionNode, choose: (score: LeafScore) => LeafPoints | null | undefined): LeafPoints | null {
  const score = scores.get(node.code);
  if (!score) return null;
  if (node.method?.method === "SURVEY") return score.survey === null || score.survey === undefined ? null : { points: score.survey };
  return choose(score) ?? null;
}
const selfPoints = (score: LeafScore) => score.self;
const latestAppraisedOrSelf = (score: LeafScore) => score.round2 ?? score.round1 ?? score.self;

export function computeAssessmentTotals(
  tree: CriteriaTree,
  scores: ReadonlyMap<string, LeafScore>,
  options: TotalsOptions,
): AssessmentTotals {
  const appraised = sumTree(tree, (node) => countedPoints(scores, node, latestAppraisedOrSelf), options);
  return {
    self: sumTree(tree, (node) => countedPoints(scores, node, selfPoints), options),
    appraised,
    // Once finalized, what counts is exactly the appraised view: the same leaves, the same sums.
    final: options.isFinalized ? appraised : null,
  };
}

/**
 * The totals that count for a finalized assessment, without the per-node detail: what the year's
 * results need for every agency at once (computing a whole province's year keeps only these).
 */
export function computeFinalTotals(
  tree: CriteriaTree,
  scores: ReadonlyMap<string, LeafScore>,
  options: Omit<TotalsOptions, "isFinalized">,
): Omit<ViewTotals, "byCode"> {
  return sumTree(tree, (node) => countedPoints(scores, node, latestAppraisedOrSelf), { ...options, isNodeDetailKept: false });
}

/**
 * Node points are the sum of the children capped at the node's maximum; a leaf with nothing to
 * count and the "excluded" rule leaves every maximum above it (its max is taken off). An unanswered
 * leaf counts 0.
 */
export function sumTree(
  tree: CriteriaTree,
  pointsOf: (node: CriterionNode) => LeafPoints | null,
  options: Pick<TotalsOptions, "isSurveyIncluded" | "precision"> & { isNodeDetailKept?: boolean },
): ViewTotals {
  // Per-node totals are for one assessment's screen; a whole year's computation skips them.
  const byCode = new Map<string, NodeTotal>();
  const keep = options.isNodeDetailKept === false ? () => undefined : (code: string, total: NodeTotal) => void byCode.set(code, total);
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
    keep(node.code, total);
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
      keep(item.code, { points, maxPoints: item.maxPoints });
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

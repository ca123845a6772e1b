// Sums a criteria tree's leaf points into node, domain and assessment totals (all in thousandths).

export type AggregationNode = {
  code: string;
  parentCode: string | null;
  section: "MAIN" | "BONUS" | "PENALTY";
  maxPoints: number;
  isSurvey: boolean;
};

export type LeafPoints = { points: number; isExcludedFromMaximum?: boolean };

export type NodeTotal = { points: number; maxPoints: number };

export type AggregationInput = {
  nodes: readonly AggregationNode[];
  /** Points of each scored leaf (and bonus/penalty item) by code; a missing leaf counts 0. */
  pointsByCode: ReadonlyMap<string, LeafPoints>;
  maxBonusPoints: number;
  maxPenaltyPoints: number;
  /** When false the index is the appraised part alone over its own maximum. */
  isSurveyIncluded: boolean;
};

export type AggregationResult = {
  byCode: Map<string, NodeTotal>;
  /** Top-level domains (lĩnh vực) in set order. */
  domains: { code: string; points: number; maxPoints: number }[];
  treePoints: number;
  surveyPoints: number;
  bonusPoints: number;
  penaltyPoints: number;
  /** Tree + bonus − penalty, floored at 0. */
  totalPoints: number;
  maxPoints: number;
};

export function aggregatePoints(input: AggregationInput): AggregationResult {
  const mainNodes = input.nodes.filter((node) => node.section === "MAIN");
  const childrenByParent = new Map<string | null, AggregationNode[]>();
  for (const node of mainNodes) {
    const siblings = childrenByParent.get(node.parentCode) ?? [];
    siblings.push(node);
    childrenByParent.set(node.parentCode, siblings);
  }

  const byCode = new Map<string, NodeTotal>();
  let surveyPoints = 0;

  const visit = (node: AggregationNode): NodeTotal => {
    const children = childrenByParent.get(node.code) ?? [];
    let total: NodeTotal;
    if (children.length === 0) {
      const leaf = input.pointsByCode.get(node.code);
      const isExcluded = leaf?.isExcludedFromMaximum === true || (node.isSurvey && !input.isSurveyIncluded);
      total = isExcluded ? { points: 0, maxPoints: 0 } : { points: leaf?.points ?? 0, maxPoints: node.maxPoints };
      if (node.isSurvey && !isExcluded) surveyPoints += total.points;
    } else {
      const childTotals = children.map(visit);
      const excludedMax = children.reduce((sum, child, index) => sum + child.maxPoints - (childTotals[index]?.maxPoints ?? 0), 0);
      const maxPoints = Math.max(0, node.maxPoints - excludedMax);
      const sum = childTotals.reduce((acc, child) => acc + child.points, 0);
      // A parent sums its children, capped at its own maximum.
      total = { points: Math.min(sum, maxPoints), maxPoints };
    }
    byCode.set(node.code, total);
    return total;
  };

  const domains = (childrenByParent.get(null) ?? []).map((root) => ({ code: root.code, ...visit(root) }));
  const treePoints = domains.reduce((sum, domain) => sum + domain.points, 0);
  const maxPoints = domains.reduce((sum, domain) => sum + domain.maxPoints, 0);

  const sectionSum = (section: "BONUS" | "PENALTY") =>
    input.nodes
      .filter((node) => node.section === section)
      .reduce((sum, node) => sum + Math.min(input.pointsByCode.get(node.code)?.points ?? 0, node.maxPoints), 0);
  const bonusPoints = Math.min(sectionSum("BONUS"), input.maxBonusPoints);
  const penaltyPoints = Math.min(sectionSum("PENALTY"), input.maxPenaltyPoints);

  return {
    byCode,
    domains,
    treePoints,
    surveyPoints,
    bonusPoints,
    penaltyPoints,
    totalPoints: Math.max(0, treePoints + bonusPoints - penaltyPoints),
    maxPoints,
  };
}

// What changed in the rules from one year to the next (the methodology page's "what changed from
// the previous year"): a pure comparison of two criteria sets, their bands, and the year settings.

import type { TGradingBand } from "./bands";
import type { CriterionSection } from "./criteria-tree";
import type { TCriterionMethod } from "./criterion-params";

/** One criterion as both years define it. Points in thousandths; `method` null for a parent node. */
export type DiffCriterion = {
  code: string;
  title: string;
  section: CriterionSection;
  maxPoints: number;
  method: TCriterionMethod | null;
};

export type DiffSet = { criteria: readonly DiffCriterion[]; bands: readonly TGradingBand[] };

export type CriterionRef = { code: string; title: string; section: CriterionSection; maxPoints: number };

export type CriteriaSetChanges = {
  /** In this year's order. */
  added: CriterionRef[];
  /** In the previous year's order. */
  removed: CriterionRef[];
  /** Same code, another name. */
  renamed: { code: string; before: string; after: string }[];
  maxChanged: { code: string; title: string; before: number; after: number }[];
  /** Another method, or the same method with other parameters (a parent that became a leaf or back counts too). */
  methodChanged: {
    code: string;
    title: string;
    before: TCriterionMethod | null;
    after: TCriterionMethod | null;
    /** Each year's maximum of the criterion: a rule such as BOOLEAN or DEDUCTION reads it. */
    beforeMaxPoints: number;
    afterMaxPoints: number;
  }[];
  /** Matched by label, top band first: a new band has `before` null, a dropped one `after` null. */
  bandsChanged: { label: string; before: number | null; after: number | null }[];
};

/**
 * The differences between the previous year's criteria set of a unit type and this year's,
 * criteria matched by code (the code is the criterion's identity: "1.2" in both years is the same
 * criterion; a renumbered criterion reads as one removed and one added, as it would to an agency
 * comparing the two printed sets). Bands are matched by label, since a label is how the
 * announcement names a band. Parameters are compared by meaning, not by how they were typed:
 * tiers in another order are the same tiers (scoring sorts them); options keep their order (an
 * agency answers by position).
 */
export function diffCriteriaSets(previous: DiffSet, current: DiffSet): CriteriaSetChanges {
  const before = byCode(previous.criteria, "previous");
  const after = byCode(current.criteria, "current");
  const changes: CriteriaSetChanges = { added: [], removed: [], renamed: [], maxChanged: [], methodChanged: [], bandsChanged: [] };
  for (const criterion of current.criteria) {
    const old = before.get(criterion.code);
    if (!old) {
      changes.added.push(ref(criterion));
      continue;
    }
    if (old.title.trim() !== criterion.title.trim()) changes.renamed.push({ code: criterion.code, before: old.title, after: criterion.title });
    if (old.maxPoints !== criterion.maxPoints) changes.maxChanged.push({ code: criterion.code, title: criterion.title, before: old.maxPoints, after: criterion.maxPoints });
    if (methodKey(old.method) !== methodKey(criterion.method)) {
      changes.methodChanged.push({
        code: criterion.code,
        title: criterion.title,
        before: old.method,
        after: criterion.method,
        beforeMaxPoints: old.maxPoints,
        afterMaxPoints: criterion.maxPoints,
      });
    }
  }
  for (const criterion of previous.criteria) {
    if (!after.has(criterion.code)) changes.removed.push(ref(criterion));
  }

  const oldBands = new Map(previous.bands.map((band) => [band.label.trim(), band.minPercentThousandths]));
  const newBands = new Map(current.bands.map((band) => [band.label.trim(), band.minPercentThousandths]));
  const labels = [...new Set([...newBands.keys(), ...oldBands.keys()])];
  const bound = (label: string) => newBands.get(label) ?? oldBands.get(label) ?? 0;
  for (const label of labels.sort((a, b) => bound(b) - bound(a))) {
    const was = oldBands.get(label) ?? null;
    const is = newBands.get(label) ?? null;
    if (was !== is) changes.bandsChanged.push({ label, before: was, after: is });
  }
  return changes;
}

/** Whether a diff found nothing. */
export function hasCriteriaSetChanges(changes: CriteriaSetChanges): boolean {
  return Object.values(changes).some((list) => list.length > 0);
}

/** The year's settings that shape every unit type's index. Points in thousandths. */
export type YearRules = { precision: 2 | 3; isSurveyIncluded: boolean; maxBonusPoints: number; maxPenaltyPoints: number };

export type YearRuleChange =
  | { rule: "precision"; before: 2 | 3; after: 2 | 3 }
  | { rule: "isSurveyIncluded"; before: boolean; after: boolean }
  | { rule: "maxBonusPoints" | "maxPenaltyPoints"; before: number; after: number };

/** The year settings that differ, in a fixed order: precision, survey, bonus cap, penalty cap. */
export function diffYearRules(previous: YearRules, current: YearRules): YearRuleChange[] {
  const changes: YearRuleChange[] = [];
  if (previous.precision !== current.precision) changes.push({ rule: "precision", before: previous.precision, after: current.precision });
  if (previous.isSurveyIncluded !== current.isSurveyIncluded) changes.push({ rule: "isSurveyIncluded", before: previous.isSurveyIncluded, after: current.isSurveyIncluded });
  for (const rule of ["maxBonusPoints", "maxPenaltyPoints"] as const) {
    if (previous[rule] !== current[rule]) changes.push({ rule, before: previous[rule], after: current[rule] });
  }
  return changes;
}

function byCode(criteria: readonly DiffCriterion[], which: string): Map<string, DiffCriterion> {
  const map = new Map<string, DiffCriterion>();
  for (const criterion of criteria) {
    if (map.has(criterion.code)) throw new RangeError(`Criterion ${criterion.code} listed twice in the ${which} set`);
    map.set(criterion.code, criterion);
  }
  return map;
}

function ref(criterion: DiffCriterion): CriterionRef {
  return { code: criterion.code, title: criterion.title, section: criterion.section, maxPoints: criterion.maxPoints };
}

/** A method as comparable text: keys in a fixed order, tiers highest first, labels trimmed. */
function methodKey(method: TCriterionMethod | null): string {
  if (method === null) return "null";
  const sortTiers = <T extends { points: number }>(tiers: readonly T[], threshold: (tier: T) => number) =>
    [...tiers].sort((a, b) => threshold(b) - threshold(a)).map((tier) => [threshold(tier), tier.points]);
  switch (method.method) {
    case "MANUAL":
      return JSON.stringify([method.method, method.params.step]);
    case "BOOLEAN":
      return JSON.stringify([method.method]);
    case "CATEGORICAL":
      return JSON.stringify([method.method, method.params.options.map((option) => [option.label.trim(), option.points])]);
    case "TIERED_RATE":
      return JSON.stringify([
        method.method,
        method.params.numeratorLabel.trim(),
        method.params.denominatorLabel.trim(),
        method.params.whenNoData,
        sortTiers(method.params.tiers, (tier) => tier.minRate),
      ]);
    case "PROPORTIONAL_RATE":
      return JSON.stringify([method.method, method.params.numeratorLabel.trim(), method.params.denominatorLabel.trim(), method.params.whenNoData]);
    case "TIERED_COUNT":
      return JSON.stringify([method.method, method.params.countLabel.trim(), sortTiers(method.params.tiers, (tier) => tier.minCount)]);
    case "DEDUCTION":
      return JSON.stringify([method.method, method.params.countLabel.trim(), method.params.pointsPerOccurrence]);
    case "SURVEY":
      return JSON.stringify([method.method, method.params.survey.trim()]);
  }
}

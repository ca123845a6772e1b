import { findCriteriaWithoutAppraiserUnit } from "./criteria-assignment";
import { buildCriteriaTree, type CriteriaProblemCode, type CriteriaTree, type CriterionDefinition } from "./criteria-tree";

// Every rule a criteria set must meet before it is stored, for the editor (live, in the browser),
// the save and import services (again, on the server) alike: the tree's own rules
// (lib/domain/criteria-tree.ts) plus an appraiser unit on every self-scored leaf.

export type CheckableCriterion = CriterionDefinition & { appraiserUnitId: string | null };

/** Which part of a criterion a problem is about, so a form or an import report can point at it. */
export type CriteriaSetField = "code" | "title" | "maxPoints" | "method" | "params" | "appraiserUnit";

export type CriteriaSetProblem = {
  code: CriteriaProblemCode | "MISSING_APPRAISER_UNIT";
  /** Null for a problem of the whole set (empty set, total mismatch, caps). */
  criterionCode: string | null;
  field: CriteriaSetField | null;
  message: string;
};

const FIELD_OF: Record<CriteriaSetProblem["code"], CriteriaSetField | null> = {
  DUPLICATE_CODE: "code",
  INVALID_CODE: "code",
  NON_POSITIVE_MAX: "maxPoints",
  UNKNOWN_PARENT: "code",
  CODE_NOT_UNDER_PARENT: "code",
  NESTED_ADJUSTMENT: "code",
  PARENT_WITH_METHOD: "method",
  PARENT_MAX_MISMATCH: "maxPoints",
  LEAF_WITHOUT_METHOD: "method",
  INVALID_METHOD: "params",
  PENALTY_NOT_DEDUCTION: "method",
  DEDUCTION_OUTSIDE_PENALTY: "method",
  SURVEY_AS_BONUS: "method",
  POINTS_ABOVE_MAX: "params",
  DUPLICATE_TIER: "params",
  MAX_OFF_STEP: "params",
  EMPTY_SET: null,
  TOTAL_MAX_MISMATCH: null,
  NEGATIVE_CAP: null,
  MISSING_APPRAISER_UNIT: "appraiserUnit",
};

export type CriteriaSetCheck = { ok: true; tree: CriteriaTree } | { ok: false; problems: CriteriaSetProblem[] };

/** All problems of a set at once, tree problems first, in the tree's order. */
export function checkCriteriaSet(definition: {
  criteria: readonly CheckableCriterion[];
  totalMaxPoints?: number;
  maxBonusPoints: number;
  maxPenaltyPoints: number;
}): CriteriaSetCheck {
  // A maximum that is not a whole number of thousandths (NaN for "abc" typed in the editor) is
  // reported as not positive; as 0 it keeps the parents' sums computable (buildCriteriaTree formats
  // them into its messages and cannot format NaN).
  const built = buildCriteriaTree({
    ...definition,
    criteria: definition.criteria.map((criterion) => (Number.isSafeInteger(criterion.maxPoints) ? criterion : { ...criterion, maxPoints: 0 })),
  });
  const problems: CriteriaSetProblem[] = built.ok ? [] : built.problems.map((problem) => ({ ...problem, field: FIELD_OF[problem.code] }));
  const missingUnits = findCriteriaWithoutAppraiserUnit(
    definition.criteria.map((criterion) => ({
      code: criterion.code,
      parentCode: criterion.parentCode,
      method: methodName(criterion.method),
      appraiserUnitId: criterion.appraiserUnitId,
    })),
  );
  problems.push(...missingUnits.map((problem) => ({ ...problem, field: FIELD_OF[problem.code] })));
  if (problems.length > 0 || !built.ok) return { ok: false, problems };
  return { ok: true, tree: built.tree };
}

function methodName(method: unknown): string | null {
  if (typeof method !== "object" || method === null || !("method" in method)) return null;
  return typeof method.method === "string" ? method.method : null;
}

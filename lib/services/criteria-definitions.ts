import "server-only";

import { buildCriteriaTree, type CriteriaTree, type CriterionDefinition } from "@/lib/domain/criteria-tree";
import { toThousandths } from "@/lib/domain/points";

// Stored criteria as lib/domain's criteria tree takes them: every loader that sums points reads
// the same columns and builds the tree the same way.

type DecimalLike = { toFixed(digits: number): string };

/** The columns of a Criterion that make its definition. */
export const CRITERION_DEFINITION_COLUMNS = {
  id: true,
  code: true,
  parent: { select: { code: true } },
  title: true,
  section: true,
  maxPoints: true,
  method: true,
  params: true,
} as const;

type StoredCriterion = {
  id: string;
  code: string;
  parent: { code: string } | null;
  title: string;
  section: CriterionDefinition["section"];
  maxPoints: DecimalLike;
  method: string | null;
  params: unknown;
};

/** A stored criterion as a definition (points in thousandths), keeping its id. */
export function toCriterionDefinition(criterion: StoredCriterion): CriterionDefinition & { id: string } {
  return {
    id: criterion.id,
    code: criterion.code,
    parentCode: criterion.parent?.code ?? null,
    title: criterion.title,
    section: criterion.section,
    maxPoints: toThousandths(criterion.maxPoints.toFixed(3)),
    method: criterion.method ? { method: criterion.method, params: criterion.params } : null,
  };
}

/** The tree of a stored set; a set that does not validate is a bug in what was stored, not user input. */
export function criteriaTreeOf(criteria: readonly CriterionDefinition[], year: { maxBonusPoints: DecimalLike; maxPenaltyPoints: DecimalLike }, what: string): CriteriaTree {
  const built = buildCriteriaTree({ criteria, maxBonusPoints: toThousandths(year.maxBonusPoints.toFixed(3)), maxPenaltyPoints: toThousandths(year.maxPenaltyPoints.toFixed(3)) });
  if (!built.ok) throw new Error(`The criteria set of ${what} is invalid: ${built.problems.map((problem) => problem.message).join(" ")}`);
  return built.tree;
}

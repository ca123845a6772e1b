import type { LeafPoints } from "./assessment-totals";
import { ZCriterionMethod } from "./criterion-params";
import { toThousandths } from "./points";
import { scoreInput } from "./scoring-methods";

/**
 * Stored points of one leaf as the totals take them. The stored points count (they were computed
 * by the criterion's method when saved); the input is scored again only to tell whether the
 * criterion "did not arise" and so leaves the maximum, which is not stored.
 */
export function storedLeafPoints(criterion: { method: unknown; maxPoints: number }, input: unknown, points: string | null): LeafPoints | null {
  if (points === null) return null;
  const method = ZCriterionMethod.safeParse(criterion.method);
  const outcome = input !== null && input !== undefined && method.success ? scoreInput({ ...method.data, maxPoints: criterion.maxPoints }, input) : null;
  return { points: toThousandths(points), isExcludedFromMaximum: outcome?.ok === true && outcome.isExcludedFromMaximum };
}

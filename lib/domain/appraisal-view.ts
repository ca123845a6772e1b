import { toThousandths } from "./points";
import type { AssessmentStatus, YearPhase } from "./workflow";

// What of the appraisal an agency sees of its own assessment, and when a criterion is disputed.

/**
 * A criterion is disputed when round 1 appraised it and came to other points than the agency's
 * own (or the agency left it unanswered). Only disputed criteria take an explanation (giải trình).
 * Points are decimal strings ("1.500"), compared exactly in thousandths.
 */
export function isDisputed(selfPoints: string | null, round1Points: string | null): boolean {
  if (round1Points === null) return false;
  return selfPoints === null || toThousandths(selfPoints) !== toThousandths(round1Points);
}

export type AgencyAppraisalVisibility = {
  /** Round-1 appraised points and reasons. */
  round1: boolean;
  /** Round-2 decisions and the final points. */
  final: boolean;
};

/**
 * The agency sees round 1 once it is over for it: its assessment was returned for explanation (and
 * stays visible after the explanations went back), or the year has moved on to the explanation
 * phase or beyond — so no half-done appraisal shows. Round 2 and the final points show once its
 * assessment is finalized (locked).
 */
export function agencyAppraisalVisibility(status: AssessmentStatus, yearPhase: YearPhase, wasReturned: boolean): AgencyAppraisalVisibility {
  const isRoundOneOver =
    status === "RETURNED" ||
    status === "FINALIZED" ||
    (status === "UNDER_APPRAISAL" && (wasReturned || yearPhase === "EXPLANATION" || yearPhase === "FINALIZED" || yearPhase === "PUBLISHED"));
  return { round1: isRoundOneOver, final: status === "FINALIZED" };
}

/**
 * Whether an appraised value needs the appraiser's reason: in round 1 whenever it differs from the
 * agency's own points (or the agency gave none); in round 2 — the final decision — also whenever it
 * changes round 1's points. Keeping both the agency's and round 1's points needs none.
 */
export function isReasonRequired({ round, points, selfPoints, round1Points }: { round: 1 | 2; points: string; selfPoints: string | null; round1Points: string | null }): boolean {
  const differsFromSelf = selfPoints === null || toThousandths(selfPoints) !== toThousandths(points);
  if (round === 1) return differsFromSelf;
  return differsFromSelf || (round1Points !== null && toThousandths(round1Points) !== toThousandths(points));
}

import { isDisputed } from "./appraisal-view";

/**
 * What the appraisers still have to do before an assessment may be returned for explanation or
 * finalized (issue 6). Pure, like lib/domain/submission-check.ts: the services ask it inside their
 * transaction, the appraisal page asks it to show the same list.
 *
 * The rules:
 * - Round 1 must have appraised every criterion the agency answered (SURVEY criteria are imported,
 *   never appraised). An unanswered bonus or penalty item may be left: it counts 0 either way, and
 *   an appraiser who finds a violation the agency did not declare appraises it like any other.
 * - Before finalizing, every dispute the agency explained needs the round-2 decision: finalizing
 *   would otherwise lock points while the agency's answer has not been heard. A dispute left
 *   unexplained is the agency accepting round 1.
 */

export type AppraisalCriterion = { code: string; title: string; method: string | null };

/** The stored points (decimal strings) and explanation of one criterion; absent: nothing stored. */
export type AppraisalScore = {
  hasSelfInput: boolean;
  selfPoints: string | null;
  round1Points: string | null;
  round2Points: string | null;
  explanation: string | null;
};

export type AppraisalGapReason = "NOT_APPRAISED" | "DISPUTE_OPEN";

export type AppraisalGap = { criterionCode: string; title: string; reason: AppraisalGapReason };

export type AppraisalStage = "RETURN_FOR_EXPLANATION" | "FINALIZE";

export function findAppraisalGaps(criteria: readonly AppraisalCriterion[], scores: ReadonlyMap<string, AppraisalScore>, stage: AppraisalStage): AppraisalGap[] {
  const gaps: AppraisalGap[] = [];
  for (const criterion of criteria) {
    if (criterion.method === null || criterion.method === "SURVEY") continue;
    const score = scores.get(criterion.code);
    if (!score) continue;
    if (score.hasSelfInput && score.round1Points === null && score.round2Points === null) {
      gaps.push({ criterionCode: criterion.code, title: criterion.title, reason: "NOT_APPRAISED" });
      continue;
    }
    const isAnswered = (score.explanation ?? "").trim().length > 0;
    if (stage === "FINALIZE" && isAnswered && isDisputed(score.selfPoints, score.round1Points) && score.round2Points === null) {
      gaps.push({ criterionCode: criterion.code, title: criterion.title, reason: "DISPUTE_OPEN" });
    }
  }
  return gaps;
}

/** The criteria whose round-1 points differ from the agency's: what returning asks it to explain. */
export function countDisputes(scores: Iterable<AppraisalScore>): number {
  let count = 0;
  for (const score of scores) if (isDisputed(score.selfPoints, score.round1Points)) count += 1;
  return count;
}

/** The points that count once finalized: the final decision, else round 1, else the agency's own. */
export function finalPointsOf(score: Pick<AppraisalScore, "selfPoints" | "round1Points" | "round2Points">): string | null {
  return score.round2Points ?? score.round1Points ?? score.selfPoints;
}

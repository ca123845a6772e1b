/**
 * What an agency still has to do before its head may submit the self-assessment (issue 5 item 5).
 * Pure: the service loads the criteria and scores and asks this; the form asks it too to show the
 * same list before the head clicks, so the two can never disagree.
 *
 * The rules:
 * - Every self-scored criterion of the MAIN section needs a self input. SURVEY criteria are filled
 *   from survey results, never by the agency, so they are never missing.
 * - Bonus (BONUS) and penalty (PENALTY) items are optional: no input means "not achieved" for a
 *   bonus and "no violation" for a penalty, i.e. 0 points either way — which is what the scoring
 *   engine already counts for a missing input. Forcing the agency to answer every bonus item "no"
 *   would add clicks and nothing else. An answered bonus or penalty item follows the evidence rule.
 * - Where the criterion requires evidence, an answered criterion needs at least one evidence file
 *   or a written explanation (giải trình), as the national guidance demands. A blank explanation
 *   (whitespace only) is no explanation. An unanswered criterion is reported once, as NO_INPUT.
 */

export type SubmissionSection = "MAIN" | "BONUS" | "PENALTY";

/** One leaf of the criteria set. `method` is the scoring method's name (null for a parent node, which is skipped). */
export type SubmissionCriterion = {
  code: string;
  title: string;
  method: string | null;
  isEvidenceRequired: boolean;
  section: SubmissionSection;
};

/** What the agency has entered for one criterion; a criterion without a score row has nothing. */
export type SubmissionScore = {
  hasSelfInput: boolean;
  evidenceCount: number;
  selfExplanation: string | null;
};

export type SubmissionGapReason = "NO_INPUT" | "NO_EVIDENCE_OR_EXPLANATION";

export type SubmissionGap = { criterionCode: string; title: string; reason: SubmissionGapReason };

const EMPTY_SCORE: SubmissionScore = { hasSelfInput: false, evidenceCount: 0, selfExplanation: null };

/**
 * Every criterion still missing something, in the order of `criteria` (the criteria set's order).
 * `scores` is keyed by criterion code. An empty list means the assessment may be submitted.
 */
export function findSubmissionGaps(criteria: readonly SubmissionCriterion[], scores: ReadonlyMap<string, SubmissionScore>): SubmissionGap[] {
  const gaps: SubmissionGap[] = [];
  for (const criterion of criteria) {
    if (criterion.method === null || criterion.method === "SURVEY") continue;
    const score = scores.get(criterion.code) ?? EMPTY_SCORE;
    if (!score.hasSelfInput) {
      if (criterion.section === "MAIN") gaps.push({ criterionCode: criterion.code, title: criterion.title, reason: "NO_INPUT" });
      continue;
    }
    const hasExplanation = (score.selfExplanation ?? "").trim().length > 0;
    if (criterion.isEvidenceRequired && score.evidenceCount === 0 && !hasExplanation) {
      gaps.push({ criterionCode: criterion.code, title: criterion.title, reason: "NO_EVIDENCE_OR_EXPLANATION" });
    }
  }
  return gaps;
}

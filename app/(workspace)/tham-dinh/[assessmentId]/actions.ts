"use server";

import { revalidatePath } from "next/cache";

import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { acceptSelfScores, type AcceptedSelfScores } from "@/lib/services/accept-self-scores";
import { closeExplanation, finalizeAssessment, reopenAssessment, returnForExplanation } from "@/lib/services/appraisal-transitions";
import { appraiseScore, type AppraisedScore } from "@/lib/services/appraise-score";
import { openForAppraisal } from "@/lib/services/open-for-appraisal";
import { failure, type ServiceResult } from "@/lib/services/service-result";

// Server actions are public endpoints: each authenticates here and the service authorises.

export async function appraiseScoreAction(input: unknown): Promise<ServiceResult<AppraisedScore>> {
  return appraiseScore(getPrisma(), await getSessionUserId(), input);
}

export async function acceptSelfScoresAction(input: unknown): Promise<ServiceResult<AcceptedSelfScores>> {
  const result = await acceptSelfScores(getPrisma(), await getSessionUserId(), input);
  if (result.ok) revalidatePath("/tham-dinh", "layout");
  return result;
}

const TRANSITIONS = {
  open: openForAppraisal,
  return: returnForExplanation,
  close: closeExplanation,
  finalize: finalizeAssessment,
  reopen: reopenAssessment,
} as const;
export type AppraisalTransition = keyof typeof TRANSITIONS;

export async function transitionAction(kind: AppraisalTransition, assessmentId: string): Promise<ServiceResult<unknown>> {
  const run = Object.hasOwn(TRANSITIONS, kind) ? TRANSITIONS[kind] : null;
  if (!run) return failure("VALIDATION_FAILED");
  const result = await run(getPrisma(), await getSessionUserId(), { assessmentId });
  if (result.ok) revalidatePath("/tham-dinh", "layout");
  return result;
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import { carryOverFromLastYear } from "@/lib/services/carry-over-from-last-year";
import { removeEvidence } from "@/lib/services/remove-evidence";
import { saveExplanation, type SavedExplanation } from "@/lib/services/save-explanation";
import { saveSelfScore, type SavedSelfScore } from "@/lib/services/save-self-score";
import type { ServiceResult } from "@/lib/services/service-result";
import { sendExplanations, type SentExplanations } from "@/lib/services/send-explanations";
import { startSelfAssessment } from "@/lib/services/start-self-assessment";
import { submitAssessment } from "@/lib/services/submit-assessment";
import { withdrawAssessment } from "@/lib/services/withdraw-assessment";

// Server actions are public endpoints: each authenticates here and the service authorises.

export async function saveSelfScoreAction(input: unknown): Promise<ServiceResult<SavedSelfScore>> {
  const userId = await getSessionUserId();
  return saveSelfScore(getPrisma(), userId, input);
}

export async function startSelfAssessmentAction(): Promise<void> {
  const userId = await getSessionUserId();
  const result = await startSelfAssessment(getPrisma(), userId);
  if (result.ok) redirect("/co-quan/tu-danh-gia");
  redirect("/co-quan");
}

export async function submitAssessmentAction(assessmentId: string): Promise<ServiceResult<unknown>> {
  const userId = await getSessionUserId();
  const result = await submitAssessment(getPrisma(), userId, { assessmentId });
  if (result.ok) revalidatePath("/co-quan", "layout");
  return result;
}

export async function withdrawAssessmentAction(assessmentId: string): Promise<ServiceResult<unknown>> {
  const userId = await getSessionUserId();
  const result = await withdrawAssessment(getPrisma(), userId, { assessmentId });
  if (result.ok) revalidatePath("/co-quan", "layout");
  return result;
}

export async function saveExplanationAction(input: unknown): Promise<ServiceResult<SavedExplanation>> {
  const userId = await getSessionUserId();
  return saveExplanation(getPrisma(), userId, input);
}

export async function sendExplanationsAction(assessmentId: string): Promise<ServiceResult<SentExplanations>> {
  const userId = await getSessionUserId();
  const result = await sendExplanations(getPrisma(), userId, { assessmentId });
  if (result.ok) revalidatePath("/co-quan", "layout");
  return result;
}

export async function removeEvidenceAction(evidenceId: string): Promise<ServiceResult<unknown>> {
  const userId = await getSessionUserId();
  return removeEvidence(getPrisma(), userId, { evidenceId });
}

export type CarryOverState = { message: string; isError: boolean } | null;

export async function carryOverAction(_previous: CarryOverState, form: FormData): Promise<CarryOverState> {
  const userId = await getSessionUserId();
  const result = await carryOverFromLastYear(getPrisma(), userId, { assessmentId: String(form.get("assessmentId") ?? "") });
  if (!result.ok) return { message: result.message, isError: true };
  revalidatePath("/co-quan/tu-danh-gia");
  const { criteriaCarried, notesCopied, evidenceCopied, fromYear } = result.value;
  return {
    message:
      criteriaCarried === 0
        ? vi.carryOver.nothing
        : interpolate(vi.carryOver.done, { criteria: criteriaCarried, year: fromYear, notes: notesCopied, evidence: evidenceCopied }),
    isError: false,
  };
}

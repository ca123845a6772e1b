"use server";

import { revalidatePath } from "next/cache";

import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { createCriteriaSet, type CreatedCriteriaSet } from "@/lib/services/create-criteria-set";
import { applyCriteriaSetImport, previewCriteriaSetImport, type CriteriaSetImportPreview } from "@/lib/services/import-criteria-set";
import type { ReplaceSummary } from "@/lib/services/criteria-set-storage";
import { saveCriteriaSet, type SavedCriteriaSet } from "@/lib/services/save-criteria-set";
import { failure, type ServiceResult } from "@/lib/services/service-result";
import { freezeCriteriaSet, unfreezeCriteriaSet } from "@/lib/services/unfreeze-criteria-set";

// Server actions are public endpoints: each authenticates here and the service authorises.

const CRITERIA_SETS_PATH = "/quan-tri/bo-chi-so";

export async function createCriteriaSetAction(input: unknown): Promise<ServiceResult<CreatedCriteriaSet>> {
  const result = await createCriteriaSet(getPrisma(), await getSessionUserId(), input);
  if (result.ok) revalidatePath(CRITERIA_SETS_PATH, "layout");
  return result;
}

export async function saveCriteriaSetAction(input: unknown): Promise<ServiceResult<SavedCriteriaSet>> {
  const result = await saveCriteriaSet(getPrisma(), await getSessionUserId(), input);
  if (result.ok) revalidatePath(CRITERIA_SETS_PATH, "layout");
  return result;
}

/** The file as the service takes it: FormData's `file` read into bytes. */
async function importInput(form: FormData) {
  const file = form.get("file");
  if (!(file instanceof File)) return null;
  return { criteriaSetId: String(form.get("criteriaSetId") ?? ""), fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export async function previewCriteriaSetImportAction(form: FormData): Promise<ServiceResult<CriteriaSetImportPreview>> {
  const input = await importInput(form);
  if (!input) return failure("VALIDATION_FAILED");
  return previewCriteriaSetImport(getPrisma(), await getSessionUserId(), input);
}

export async function applyCriteriaSetImportAction(form: FormData): Promise<ServiceResult<ReplaceSummary & { criteriaCount: number }>> {
  const input = await importInput(form);
  if (!input) return failure("VALIDATION_FAILED");
  const result = await applyCriteriaSetImport(getPrisma(), await getSessionUserId(), input);
  if (result.ok) revalidatePath(CRITERIA_SETS_PATH, "layout");
  return result;
}

export async function unfreezeCriteriaSetAction(input: unknown): Promise<ServiceResult<{ frozenAt: null }>> {
  const result = await unfreezeCriteriaSet(getPrisma(), await getSessionUserId(), input);
  if (result.ok) revalidatePath(CRITERIA_SETS_PATH, "layout");
  return result;
}

export async function freezeCriteriaSetAction(input: unknown): Promise<ServiceResult<{ frozenAt: Date }>> {
  const result = await freezeCriteriaSet(getPrisma(), await getSessionUserId(), input);
  if (result.ok) revalidatePath(CRITERIA_SETS_PATH, "layout");
  return result;
}

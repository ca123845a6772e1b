"use server";

import { revalidatePath } from "next/cache";

import { getSessionUserId } from "@/lib/auth/session";
import { loadActor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import { acceptSelfScores } from "@/lib/services/accept-self-scores";
import { getAppraisalQueue } from "@/lib/services/get-appraisal-queue";
import { openForAppraisal } from "@/lib/services/open-for-appraisal";

import { queueFiltersFrom } from "./queue-filters";

export type BulkState = { message: string; isError: boolean } | null;

/**
 * A bulk action on every assessment the filters select — recomputed here from the same filters,
 * not taken from the page, so rows beyond the screen are included and none is invented. Each
 * assessment goes through its service, which checks permission and workflow on its own.
 */
export async function bulkQueueAction(_previous: BulkState, form: FormData): Promise<BulkState> {
  const userId = await getSessionUserId();
  const db = getPrisma();
  const actor = await loadActor(db, userId);
  if (!actor) return { message: vi.serviceErrors.UNAUTHENTICATED, isError: true };
  const queue = await getAppraisalQueue(db, actor, queueFiltersFrom(new URLSearchParams([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"))));
  if (!queue) return { message: vi.agencyHome.noOpenYear, isError: true };
  const kind = form.get("kind");
  let done = 0;
  let skipped = 0;
  let criteria = 0;
  for (const row of queue.rows) {
    if (kind === "open") {
      const result = row.status === "SUBMITTED" ? await openForAppraisal(db, actor.id, { assessmentId: row.id }) : null;
      if (result?.ok) done += 1;
      else skipped += 1;
    } else if (kind === "accept") {
      const result = row.status === "UNDER_APPRAISAL" ? await acceptSelfScores(db, actor.id, { assessmentId: row.id }) : null;
      if (result?.ok && result.value.accepted.length > 0) {
        done += 1;
        criteria += result.value.accepted.length;
      } else skipped += 1;
    } else {
      return { message: vi.serviceErrors.VALIDATION_FAILED, isError: true };
    }
  }
  revalidatePath("/tham-dinh");
  const text = kind === "accept" ? vi.appraisalHome.bulkAccepted : vi.appraisalHome.bulkDone;
  return { message: interpolate(text, { done, skipped, criteria }), isError: false };
}

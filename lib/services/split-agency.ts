import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { vi } from "@/lib/i18n/vi";

import { ZCalendarDate, zOptionalText } from "./admin-input";
import { recordAgencySuccession, ZSuccessorInput, type RecordedSuccession } from "./record-agency-succession";
import { failure, validationFailure, type ServiceResult } from "./service-result";

export const ZSplitAgencyInput = z.object({
  predecessorId: z.string(vi.adminOrg.succession.agencyRequired).trim().min(1, vi.adminOrg.succession.agencyRequired).max(100),
  /** At least two: one successor is a rename or an absorption (a merge), not a split. */
  successors: z.array(ZSuccessorInput).min(2, vi.adminOrg.succession.successorsRequired).max(20),
  /** The successors' first day; the predecessor ends the day before. */
  effectiveOn: ZCalendarDate,
  note: zOptionalText(1000),
});
export type TSplitAgencyInput = z.input<typeof ZSplitAgencyInput>;

/**
 * Records that agency X became Y and Z on a date (each new or existing): one SPLIT succession per
 * successor, X's last day set to the day before, AGENCY_SPLIT on X (and AGENCY_SAVED for each
 * successor created). Refusals: see recordAgencySuccession; nothing is saved on a refusal.
 */
export async function splitAgency(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<RecordedSuccession>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "agency.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZSplitAgencyInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { predecessorId, successors, effectiveOn, note } = parsed.data;
  return recordAgencySuccession(
    db,
    actor,
    { kind: "SPLIT", effectiveOn, note, predecessorIds: [predecessorId], successors, successorPath: (index) => `successors.${index}` },
    now,
  );
}

import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { vi } from "@/lib/i18n/vi";

import { ZCalendarDate, zOptionalText } from "./admin-input";
import { recordAgencySuccession, ZSuccessorInput, type RecordedSuccession } from "./record-agency-succession";
import { failure, validationFailure, type ServiceResult } from "./service-result";

export const ZMergeAgenciesInput = z.object({
  /** The agencies that became the successor (one is an absorption into an existing agency). */
  predecessorIds: z.array(z.string().trim().min(1).max(100)).min(1, vi.adminOrg.succession.predecessorsRequired).max(50),
  successor: ZSuccessorInput,
  /** The successor's first day; the predecessors end the day before. */
  effectiveOn: ZCalendarDate,
  note: zOptionalText(1000),
});
export type TMergeAgenciesInput = z.input<typeof ZMergeAgenciesInput>;

/**
 * Records that agencies X and Y became Z on a date (Z new or existing): one MERGE succession per
 * predecessor, the predecessors' last day set to the day before, AGENCY_MERGED on Z (and
 * AGENCY_SAVED when Z is created). Each agency keeps its own assessments and results. Refusals:
 * see recordAgencySuccession and lib/domain/agency-succession.ts; nothing is saved on a refusal.
 */
export async function mergeAgencies(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<RecordedSuccession>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "agency.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZMergeAgenciesInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { predecessorIds, successor, effectiveOn, note } = parsed.data;
  return recordAgencySuccession(db, actor, { kind: "MERGE", effectiveOn, note, predecessorIds, successors: [successor], successorPath: () => "successor" }, now);
}

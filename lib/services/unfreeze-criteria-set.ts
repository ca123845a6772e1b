import "server-only";

import { z } from "zod";

import type { PrismaClient } from "@/lib/db/prisma";
import { vi } from "@/lib/i18n/vi";

import { appendAuditEvent } from "./audit";
import { loadSetForAdmin } from "./criteria-set-storage";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";

const text = vi.adminCriteria.refusals;

export const ZUnfreezeCriteriaSetInput = z.object({
  criteriaSetId: z.string().min(1).max(100),
  /** Why the frozen set must change (kept in the audit trail). */
  reason: z.string().trim().min(10, text.reasonRequired).max(2000),
});
export type TUnfreezeCriteriaSetInput = z.input<typeof ZUnfreezeCriteriaSetInput>;

/**
 * An administrator unfreezes a frozen set to correct it, giving a reason; it can then be edited
 * and imported into until it is frozen again (freezeCriteriaSet). Refused (WRONG_PHASE) when the
 * set is not frozen. One transaction with a CRITERIA_SET_UNFROZEN event carrying the reason.
 */
export async function unfreezeCriteriaSet(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<{ frozenAt: null }>> {
  const parsed = ZUnfreezeCriteriaSetInput.safeParse(rawInput);
  const loaded = await loadSetForAdmin(db, actorId, parsed.success ? parsed.data.criteriaSetId : "");
  if (!loaded.ok && loaded.code !== "NOT_FOUND") return loaded;
  if (!parsed.success) return validationFailure(parsed.error);
  if (!loaded.ok) return loaded;
  const { actor, set } = loaded.value;
  if (!set.frozenAt) return failure("WRONG_PHASE", { message: text.notFrozen });

  return db.$transaction(async (tx) => {
    const updated = await tx.criteriaSet.updateMany({ where: { id: set.id, frozenAt: { not: null } }, data: { frozenAt: null } });
    if (updated.count === 0) return failure("WRONG_PHASE", { message: text.notFrozen });
    await appendAuditEvent(tx, {
      type: "CRITERIA_SET_UNFROZEN",
      actor,
      subjectType: "CriteriaSet",
      subjectId: set.id,
      yearId: set.year.id,
      before: { frozenAt: set.frozenAt?.toISOString() ?? null },
      after: { frozenAt: null, reason: parsed.data.reason },
    });
    return success({ frozenAt: null });
  });
}

export const ZFreezeCriteriaSetInput = z.object({ criteriaSetId: z.string().min(1).max(100) });

/**
 * Freezes an unfrozen set again once its correction is done. Refused (WRONG_PHASE) when it is
 * frozen already, or while its year is still in SETUP (the set freezes by itself when the year
 * moves on). Recorded as CRITERIA_SET_SAVED with frozenAt before → after.
 */
export async function freezeCriteriaSet(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown, now: Date = new Date()): Promise<ServiceResult<{ frozenAt: Date }>> {
  const parsed = ZFreezeCriteriaSetInput.safeParse(rawInput);
  const loaded = await loadSetForAdmin(db, actorId, parsed.success ? parsed.data.criteriaSetId : "");
  if (!loaded.ok && loaded.code !== "NOT_FOUND") return loaded;
  if (!parsed.success) return validationFailure(parsed.error);
  if (!loaded.ok) return loaded;
  const { actor, set } = loaded.value;
  if (set.frozenAt) return failure("WRONG_PHASE", { message: text.alreadyFrozen });
  if (set.year.phase === "SETUP") return failure("WRONG_PHASE", { message: text.freezeInSetup });

  return db.$transaction(async (tx) => {
    const updated = await tx.criteriaSet.updateMany({ where: { id: set.id, frozenAt: null }, data: { frozenAt: now } });
    if (updated.count === 0) return failure("WRONG_PHASE", { message: text.alreadyFrozen });
    await appendAuditEvent(tx, {
      type: "CRITERIA_SET_SAVED",
      actor,
      subjectType: "CriteriaSet",
      subjectId: set.id,
      yearId: set.year.id,
      before: { frozenAt: null },
      after: { frozenAt: now.toISOString() },
    });
    return success({ frozenAt: now });
  });
}

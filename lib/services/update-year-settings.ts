import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { appendAuditEvent } from "./audit";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";
import { auditedSettings, lockYear, ZYearId, ZYearSettingsFields, type TYearSettings } from "./year-admin";

export const ZUpdateYearSettingsInput = ZYearSettingsFields.extend({ yearId: ZYearId });
export type TUpdateYearSettingsInput = z.input<typeof ZUpdateYearSettingsInput>;

/**
 * The administrator changes a year's precision, whether survey points count, and the bonus and
 * penalty caps. Only in SETUP (WRONG_PHASE after): each of them changes the points or the published
 * percentage of every agency, so once agencies self-assess against the year they stay as announced.
 */
export async function updateYearSettings(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
): Promise<ServiceResult<{ isChanged: boolean }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "year.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZUpdateYearSettingsInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { yearId, ...settings } = parsed.data;

  return db.$transaction(async (tx) => {
    const locked = await lockYear(tx, yearId);
    if (!locked) return failure("NOT_FOUND");
    if (locked.phase !== "SETUP") {
      return failure("WRONG_PHASE", { message: interpolate(vi.adminYears.errors.settingsLocked, { phase: vi.labels.yearPhase[locked.phase] }) });
    }
    const stored = await tx.assessmentYear.findUniqueOrThrow({
      where: { id: yearId },
      select: { precision: true, isSurveyIncluded: true, maxBonusPoints: true, maxPenaltyPoints: true },
    });
    const before: TYearSettings = {
      precision: stored.precision === 3 ? 3 : 2,
      isSurveyIncluded: stored.isSurveyIncluded,
      maxBonusPoints: toThousandths(stored.maxBonusPoints.toFixed(3)),
      maxPenaltyPoints: toThousandths(stored.maxPenaltyPoints.toFixed(3)),
    };
    const beforeAudit = auditedSettings(before);
    const afterAudit = auditedSettings(settings);
    // A repeated click changes nothing and must not write a second audit event.
    if (JSON.stringify(beforeAudit) === JSON.stringify(afterAudit)) return success({ isChanged: false });
    await tx.assessmentYear.update({
      where: { id: yearId },
      data: {
        precision: settings.precision,
        isSurveyIncluded: settings.isSurveyIncluded,
        maxBonusPoints: formatThousandths(settings.maxBonusPoints),
        maxPenaltyPoints: formatThousandths(settings.maxPenaltyPoints),
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, { type: "YEAR_UPDATED", actor, subjectType: "AssessmentYear", subjectId: yearId, yearId, before: beforeAudit, after: afterAudit });
    return success({ isChanged: true });
  });
}

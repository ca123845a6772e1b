import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { type TGradingBand, storedBand, validateBands } from "@/lib/domain/bands";
import { parseDecimalInput } from "@/lib/domain/decimal-input";
import { formatThousandths } from "@/lib/domain/points";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { appendAuditEvent } from "./audit";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";
import { lockYear, ZYearId } from "./year-admin";

const { errors } = vi.adminYears;

/** A lower bound typed by the administrator ("72,5"), in thousandths of a percent; the range is validateBands'. */
const ZPercentText = z.union([z.string(), z.number()]).transform((value, context) => {
  const thousandths = parseDecimalInput(String(value));
  if (thousandths === null) {
    context.addIssue({ code: "custom", message: errors.percent });
    return z.NEVER;
  }
  return thousandths;
});

export const ZSaveGradingBandsInput = z.object({
  yearId: ZYearId,
  unitTypeId: z.string().min(1).max(100),
  /** The unit type's whole set of bands: what is not listed is removed. */
  bands: z
    .array(z.object({ label: z.string().trim().min(1, { message: errors.label }).max(100, { message: errors.label }), minPercent: ZPercentText }))
    .max(20),
});
export type TSaveGradingBandsInput = z.input<typeof ZSaveGradingBandsInput>;

/** Bands as the audit trail records them, highest first. */
function audited(bands: readonly TGradingBand[]) {
  return [...bands]
    .sort((a, b) => b.minPercentThousandths - a.minPercentThousandths)
    .map((band) => ({ label: band.label, minPercent: formatThousandths(band.minPercentThousandths) }));
}

/**
 * The administrator replaces one unit type's grading bands for the year, checked by lib/domain
 * validateBands (every problem listed: no band from 0%, two bands with one bound, a bound outside
 * 0–100%, a label used twice). Allowed until the year is finalized (WRONG_PHASE after): the
 * finalization bands the results with them, and a published band never changes.
 */
export async function saveGradingBands(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
): Promise<ServiceResult<{ isChanged: boolean }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "year.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZSaveGradingBandsInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { yearId, unitTypeId } = parsed.data;
  const bands: TGradingBand[] = parsed.data.bands.map((band) => ({ label: band.label, minPercentThousandths: band.minPercent }));

  return db.$transaction(async (tx) => {
    const locked = await lockYear(tx, yearId);
    if (!locked) return failure("NOT_FOUND");
    const unitType = await tx.unitType.findUnique({ where: { id: unitTypeId }, select: { id: true, name: true } });
    if (!unitType) return failure("NOT_FOUND");
    if (locked.phase === "FINALIZED" || locked.phase === "PUBLISHED") {
      return failure("WRONG_PHASE", { message: interpolate(errors.bandsLocked, { phase: vi.labels.yearPhase[locked.phase] }) });
    }
    const problems = validateBands(bands);
    if (problems.length > 0) return failure("VALIDATION_FAILED", { issues: problems.map((problem) => ({ path: "bands", message: problem.message })) });

    const stored = await tx.gradingBand.findMany({ where: { yearId, unitTypeId }, select: { label: true, minPercent: true } });
    const before = audited(stored.map(storedBand));
    const after = audited(bands);
    // A repeated click changes nothing and must not write a second audit event.
    if (JSON.stringify(before) === JSON.stringify(after)) return success({ isChanged: false });
    await tx.gradingBand.deleteMany({ where: { yearId, unitTypeId } });
    await tx.gradingBand.createMany({
      data: after.map((band, index) => ({ yearId, unitTypeId, label: band.label, minPercent: band.minPercent, sortOrder: index })),
    });
    const unit = { unitTypeId, unitType: unitType.name };
    await appendAuditEvent(tx, {
      type: "YEAR_UPDATED",
      actor,
      subjectType: "AssessmentYear",
      subjectId: yearId,
      yearId,
      before: { ...unit, bands: before },
      after: { ...unit, bands: after },
    });
    return success({ isChanged: true });
  });
}

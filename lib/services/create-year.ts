import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { shiftOneYear } from "@/lib/domain/phase-deadlines";
import { formatThousandths } from "@/lib/domain/points";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { appendAuditEvent } from "./audit";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";
import { auditedSettings, ZYearSettingsFields } from "./year-admin";

const { errors } = vi.adminYears;

export const ZCreateYearInput = ZYearSettingsFields.extend({
  year: z.coerce.number({ message: errors.yearRange }).int({ message: errors.yearRange }).min(2000, { message: errors.yearRange }).max(2100, { message: errors.yearRange }),
  /** Copy the previous year's grading bands and its deadlines moved one year on. */
  isCopyingPreviousYear: z.boolean().default(false),
});
export type TCreateYearInput = z.input<typeof ZCreateYearInput>;

export type CreatedYear = { yearId: string; year: number; copiedBands: number; copiedDeadlines: number };

/**
 * The administrator opens a new assessment year. It starts in SETUP: criteria sets, bands and
 * deadlines are prepared there, and the year moves on with change-year-phase once they are
 * complete. Optionally copies the previous year's grading bands and deadlines (shifted by one
 * year), which provinces mostly keep; criteria sets are cloned from the criteria set pages.
 */
export async function createYear(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<CreatedYear>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "year.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZCreateYearInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { year, isCopyingPreviousYear, ...settings } = parsed.data;

  return db.$transaction(async (tx) => {
    const previous = isCopyingPreviousYear
      ? await tx.assessmentYear.findUnique({
          where: { year: year - 1 },
          select: {
            gradingBands: { orderBy: [{ unitTypeId: "asc" }, { sortOrder: "asc" }], select: { unitTypeId: true, label: true, minPercent: true, sortOrder: true } },
            deadlines: { select: { phase: true, startsAt: true, endsAt: true } },
          },
        })
      : null;
    if (isCopyingPreviousYear && !previous) {
      return failure("VALIDATION_FAILED", { issues: [{ path: "isCopyingPreviousYear", message: interpolate(errors.noPreviousYear, { year: year - 1 }) }] });
    }
    const data = {
      year,
      precision: settings.precision,
      isSurveyIncluded: settings.isSurveyIncluded,
      maxBonusPoints: formatThousandths(settings.maxBonusPoints),
      maxPenaltyPoints: formatThousandths(settings.maxPenaltyPoints),
    };
    // ON CONFLICT DO NOTHING: of two administrators creating the same year at once, the second
    // waits for the first to commit and then inserts nothing, instead of failing on the constraint.
    const inserted = await tx.assessmentYear.createMany({ data: [data], skipDuplicates: true });
    if (inserted.count === 0) {
      return failure("VALIDATION_FAILED", { issues: [{ path: "year", message: interpolate(errors.yearExists, { year }) }] });
    }
    const created = await tx.assessmentYear.findUniqueOrThrow({ where: { year }, select: { id: true } });
    const bands = previous?.gradingBands ?? [];
    const deadlines = previous?.deadlines ?? [];
    if (bands.length > 0) {
      await tx.gradingBand.createMany({ data: bands.map((band) => ({ ...band, yearId: created.id })) });
    }
    if (deadlines.length > 0) {
      await tx.phaseDeadline.createMany({
        data: deadlines.map((deadline) => ({
          yearId: created.id,
          phase: deadline.phase,
          startsAt: deadline.startsAt ? shiftOneYear(deadline.startsAt) : null,
          endsAt: shiftOneYear(deadline.endsAt),
        })),
      });
    }
    await appendAuditEvent(tx, {
      type: "YEAR_CREATED",
      actor,
      subjectType: "AssessmentYear",
      subjectId: created.id,
      yearId: created.id,
      before: null,
      after: {
        year,
        phase: "SETUP",
        ...auditedSettings(settings),
        copiedFromYear: previous ? year - 1 : null,
        copiedBands: bands.length,
        copiedDeadlines: deadlines.length,
      },
    });
    return success({ yearId: created.id, year, copiedBands: bands.length, copiedDeadlines: deadlines.length });
  });
}

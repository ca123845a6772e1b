import "server-only";

import { z } from "zod";

import type { Prisma } from "@/lib/db/generated/prisma/client";
import { parseDecimalInput } from "@/lib/domain/decimal-input";
import { formatThousandths } from "@/lib/domain/points";
import type { YearPhase } from "@/lib/domain/workflow";
import { vi } from "@/lib/i18n/vi";

// What the year administration services (create-year, update-year-settings, save-phase-deadlines,
// save-grading-bands, change-year-phase) share: the settings' schema and the year's row lock.

const { errors } = vi.adminYears;

export const ZYearId = z.string().min(1).max(100);

/** A number of points typed by the administrator ("2,5"), in thousandths, 0–999. */
export const ZPointsText = z.union([z.string(), z.number()]).transform((value, context) => {
  const thousandths = parseDecimalInput(String(value));
  if (thousandths === null || thousandths < 0 || thousandths > 999_000) {
    context.addIssue({ code: "custom", message: errors.points });
    return z.NEVER;
  }
  return thousandths;
});

/** The settings that change how points become the published index; editable only in SETUP. */
export const ZYearSettingsFields = z.object({
  /** Decimals of the published index percentage. */
  precision: z.coerce.number({ message: errors.precision }).refine((value) => value === 2 || value === 3, { message: errors.precision }).transform((value) => value as 2 | 3),
  isSurveyIncluded: z.boolean(),
  maxBonusPoints: ZPointsText,
  maxPenaltyPoints: ZPointsText,
});
export type TYearSettings = z.output<typeof ZYearSettingsFields>;

/** The settings as the audit trail records them (points as decimal strings). */
export function auditedSettings(settings: TYearSettings) {
  return {
    precision: settings.precision,
    isSurveyIncluded: settings.isSurveyIncluded,
    maxBonusPoints: formatThousandths(settings.maxBonusPoints),
    maxPenaltyPoints: formatThousandths(settings.maxPenaltyPoints),
  };
}

export type LockedYear = { id: string; year: number; phase: YearPhase };

/**
 * Reads the year and locks its row until the transaction ends. Every write of the year
 * administration, and finalizeYear, takes this lock first, so a phase change and a settings,
 * deadline or band edit never interleave: the later one waits, then sees the new phase.
 */
export async function lockYear(tx: Prisma.TransactionClient, yearId: string): Promise<LockedYear | null> {
  const [year] = await tx.$queryRaw<LockedYear[]>`
    SELECT "id", "year", "phase" FROM "AssessmentYear" WHERE "id" = ${yearId} FOR UPDATE`;
  return year ?? null;
}

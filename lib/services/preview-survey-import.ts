import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { ZSurveyParams } from "@/lib/domain/criterion-params";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import type { YearPhase } from "@/lib/domain/workflow";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import { previewTokenOf } from "@/lib/imports/preview-token";
import { readTable, type ReadTableResult } from "@/lib/imports/read-table";
import { checkSurveyRows, SURVEY_COLUMNS, type ImportRowError, type SurveyCheck, type SurveyContext, type SurveyMissing, type SurveyRowChange } from "@/lib/imports/survey-rows";

import { failure, success, type ServiceError, type ServiceResult } from "./service-result";

// Survey results import, step 1 (issue 7 item 4): read the uploaded file, check every row and show
// what applying it would store. Writes nothing; applySurveyImport reads the same file again.

export const ZPreviewSurveyImportInput = z.object({
  yearId: z.string().min(1).max(100),
  fileName: z.string().max(255),
  bytes: z.instanceof(Uint8Array),
});
export type TPreviewSurveyImportInput = z.input<typeof ZPreviewSurveyImportInput>;

export type SurveyImportPreview = {
  yearId: string;
  year: number;
  fileName: string;
  /** Sent back with "apply" (lib/imports/preview-token.ts). */
  previewToken: string;
  rows: {
    rowNumber: number;
    agencyName: string;
    unitTypeName: string;
    criterionCode: string;
    criterionTitle: string;
    /** Decimal text, e.g. "2.250". */
    points: string;
    maxPoints: string;
    previousPoints: string | null;
    change: SurveyRowChange;
  }[];
  skippedRowNumbers: number[];
  errors: ImportRowError[];
  missing: SurveyMissing[];
  counts: { rows: number; created: number; replaced: number; unchanged: number; skipped: number; errors: number };
};

/** Checks a survey results file for a year in APPRAISAL or EXPLANATION; stores nothing. */
export async function previewSurveyImport(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<SurveyImportPreview>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZPreviewSurveyImportInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");
  if (!can(actor, "survey.import", { kind: "province" })) return failure("FORBIDDEN");
  const { yearId, fileName, bytes } = parsed.data;

  const year = await db.assessmentYear.findUnique({ where: { id: yearId }, select: { id: true, year: true, phase: true } });
  if (!year) return failure("NOT_FOUND");
  const refusal = surveyPhaseRefusal(year);
  if (refusal) return refusal;
  const table = await readSurveyTable(fileName, bytes);
  if (!table.ok) return failure("VALIDATION_FAILED", { message: table.message });

  const check = checkSurveyRows(table.rows, await loadSurveyContext(db, year));
  return success({
    yearId: year.id,
    year: year.year,
    fileName,
    previewToken: surveyPreviewToken(bytes, yearId),
    rows: check.rows.map((row) => ({
      rowNumber: row.rowNumber,
      agencyName: row.agencyName,
      unitTypeName: row.unitTypeName,
      criterionCode: row.criterionCode,
      criterionTitle: row.criterionTitle,
      points: formatThousandths(row.thousandths),
      maxPoints: formatThousandths(row.maxThousandths),
      previousPoints: row.previousThousandths === null ? null : formatThousandths(row.previousThousandths),
      change: row.change,
    })),
    skippedRowNumbers: check.skippedRowNumbers,
    errors: check.errors,
    missing: check.missing,
    counts: countsOf(check),
  });
}

// ---------------------------------------------------------------------------
// Shared with applySurveyImport
// ---------------------------------------------------------------------------

export function surveyPreviewToken(bytes: Uint8Array, yearId: string): string {
  return previewTokenOf(bytes, { yearId });
}

/**
 * Survey points are imported while the year is appraised (APPRAISAL, EXPLANATION): finalizing the
 * year requires them and computes the results from them. Once FINALIZED the stored results would
 * no longer match (reopen to EXPLANATION first); once PUBLISHED the announcement is final.
 */
export function surveyPhaseRefusal(year: { year: number; phase: YearPhase }): ServiceError | null {
  const text = vi.adminImports.survey;
  if (year.phase === "APPRAISAL" || year.phase === "EXPLANATION") return null;
  const message =
    year.phase === "FINALIZED"
      ? interpolate(text.finalized, { year: year.year })
      : year.phase === "PUBLISHED"
        ? interpolate(text.published, { year: year.year })
        : interpolate(text.wrongPhase, { year: year.year, phase: vi.labels.yearPhase[year.phase] });
  return failure("WRONG_PHASE", { message });
}

export function readSurveyTable(fileName: string, bytes: Uint8Array): Promise<ReadTableResult> {
  return readTable({ fileName, bytes }, { columns: SURVEY_COLUMNS });
}

/** The year's agencies, criteria sets, assessments and stored survey points, as the row checks take them. */
export async function loadSurveyContext(db: Prisma.TransactionClient, year: { id: string; year: number }): Promise<SurveyContext> {
  const [agencies, sets, assessments, existing] = await Promise.all([
    db.agency.findMany({
      select: { id: true, name: true, shortName: true, slug: true, unitTypeId: true, activeFrom: true, activeTo: true, unitType: { select: { name: true } } },
    }),
    db.criteriaSet.findMany({
      where: { yearId: year.id },
      orderBy: { unitType: { sortOrder: "asc" } },
      select: {
        id: true,
        unitTypeId: true,
        unitType: { select: { name: true } },
        criteria: { orderBy: { sortOrder: "asc" }, select: { id: true, code: true, title: true, method: true, params: true, maxPoints: true } },
      },
    }),
    db.assessment.findMany({ where: { yearId: year.id }, select: { agencyId: true, criteriaSetId: true } }),
    db.surveyResult.findMany({ where: { yearId: year.id }, select: { agencyId: true, criterionId: true, points: true } }),
  ]);
  const assessed = new Set(assessments.map((assessment) => assessment.agencyId));
  return {
    year: year.year,
    agencies: agencies.map(({ unitType, activeFrom, activeTo, ...agency }) => ({
      ...agency,
      unitTypeName: unitType.name,
      isCurrent: assessed.has(agency.id) || isActiveIn({ activeFrom, activeTo }, year.year),
    })),
    sets: sets.map((set) => ({
      id: set.id,
      unitTypeId: set.unitTypeId,
      unitTypeName: set.unitType.name,
      criteria: set.criteria.map((criterion) => ({
        id: criterion.id,
        code: criterion.code,
        title: criterion.title,
        method: criterion.method,
        surveyLabel: criterion.method === "SURVEY" ? (ZSurveyParams.safeParse(criterion.params).data?.survey ?? null) : null,
        maxThousandths: toThousandths(criterion.maxPoints.toFixed(3)),
      })),
    })),
    assessments,
    existing: existing.map((row) => ({ agencyId: row.agencyId, criterionId: row.criterionId, thousandths: toThousandths(row.points.toFixed(3)) })),
  };
}

/** Whether an agency existed at some point of the year (its dates are inclusive, either may be open). */
export function isActiveIn(agency: { activeFrom: Date | null; activeTo: Date | null }, year: number): boolean {
  return (agency.activeFrom === null || agency.activeFrom.getUTCFullYear() <= year) && (agency.activeTo === null || agency.activeTo.getUTCFullYear() >= year);
}

export function countsOf(check: SurveyCheck): SurveyImportPreview["counts"] {
  const count = (change: SurveyRowChange) => check.rows.filter((row) => row.change === change).length;
  return {
    rows: check.rows.length,
    created: count("NEW"),
    replaced: count("REPLACED"),
    unchanged: count("UNCHANGED"),
    skipped: check.skippedRowNumbers.length,
    errors: check.errors.length,
  };
}

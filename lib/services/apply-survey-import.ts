import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { formatThousandths } from "@/lib/domain/points";
import type { YearPhase } from "@/lib/domain/workflow";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import { PREVIEW_TOKEN_PATTERN, sha256Of } from "@/lib/imports/preview-token";
import { checkSurveyRows } from "@/lib/imports/survey-rows";

import { appendAuditEvent } from "./audit";
import { countsOf, loadSurveyContext, readSurveyTable, surveyPhaseRefusal, surveyPreviewToken, ZPreviewSurveyImportInput } from "./preview-survey-import";
import { failure, success, type ServiceResult } from "./service-result";

// Survey results import, step 2 (issue 7 item 4): the same file again, read and checked again
// inside the transaction that stores it — the preview the browser showed is never trusted.

export const ZApplySurveyImportInput = ZPreviewSurveyImportInput.extend({
  /** The token of the preview the administrator confirmed. */
  previewToken: z.string().regex(PREVIEW_TOKEN_PATTERN),
});
export type TApplySurveyImportInput = z.input<typeof ZApplySurveyImportInput>;

export type SurveyImportApplied = { created: number; replaced: number; unchanged: number; skipped: number; stillMissing: number };

/**
 * Stores a survey results file's points for the year, in one transaction, while the year is in
 * APPRAISAL or EXPLANATION. Each (agency, criterion) pair of the file gets the file's points; the
 * year's other survey points stay as they are, so the SIPAS results and the leaders' survey may
 * come in separate files, and a corrected file replaces just what it contains.
 *
 * Refused, with nothing stored: any row error (all listed, with their row numbers), a file with no
 * points at all, a file or year other than the previewed one (the preview token), the wrong phase.
 * One SURVEY_IMPORTED event records the counts and every replaced value before and after; a file
 * that changes nothing writes nothing, and no event.
 */
export async function applySurveyImport(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<SurveyImportApplied>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZApplySurveyImportInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");
  if (!can(actor, "survey.import", { kind: "province" })) return failure("FORBIDDEN");
  const { yearId, fileName, bytes, previewToken } = parsed.data;
  if (surveyPreviewToken(bytes, yearId) !== previewToken) return failure("VALIDATION_FAILED", { message: vi.adminImports.upload.fileChanged });

  const table = await readSurveyTable(fileName, bytes);
  const text = vi.adminImports.survey;

  return db.$transaction(
    async (tx) => {
      // FOR UPDATE: finalizing the year (which locks the same row) waits for the points, or wins and
      // this import then finds the year FINALIZED.
      const [year] = await tx.$queryRaw<{ id: string; year: number; phase: YearPhase }[]>`
        SELECT "id", "year", "phase" FROM "AssessmentYear" WHERE "id" = ${yearId} FOR UPDATE`;
      if (!year) return failure("NOT_FOUND");
      const refusal = surveyPhaseRefusal(year);
      if (refusal) return refusal;
      if (!table.ok) return failure("VALIDATION_FAILED", { message: table.message });

      const check = checkSurveyRows(table.rows, await loadSurveyContext(tx, year));
      if (check.errors.length > 0) {
        return failure("VALIDATION_FAILED", {
          message: interpolate(text.rowsInvalid, { n: check.errors.length }),
          issues: check.errors.flatMap((error) => error.messages.map((message) => ({ path: interpolate(vi.adminImports.upload.rowLabel, { row: error.rowNumber }), message }))),
        });
      }
      if (check.rows.length === 0) return failure("VALIDATION_FAILED", { message: text.nothingToImport });
      const counts = countsOf(check);
      const result = { created: counts.created, replaced: counts.replaced, unchanged: counts.unchanged, skipped: counts.skipped, stillMissing: check.missing.length };
      if (counts.created + counts.replaced === 0) return success(result);

      const created = check.rows.filter((row) => row.change === "NEW");
      const replaced = check.rows.filter((row) => row.change === "REPLACED");
      await tx.surveyResult.createMany({
        data: created.map((row) => ({
          yearId,
          agencyId: row.agencyId,
          criterionId: row.criterionId,
          points: formatThousandths(row.thousandths),
          importedById: actor.id,
          importedAt: now,
        })),
      });
      for (const row of replaced) {
        await tx.surveyResult.update({
          where: { yearId_agencyId_criterionId: { yearId, agencyId: row.agencyId, criterionId: row.criterionId } },
          data: { points: formatThousandths(row.thousandths), importedById: actor.id, importedAt: now },
          select: { id: true },
        });
      }
      const value = (row: (typeof replaced)[number], thousandths: number) => ({ agency: row.agencyName, criterion: row.criterionCode, points: formatThousandths(thousandths) });
      await appendAuditEvent(tx, {
        type: "SURVEY_IMPORTED",
        actor,
        subjectType: "AssessmentYear",
        subjectId: yearId,
        yearId,
        before: { replaced: replaced.map((row) => value(row, row.previousThousandths!)) },
        after: {
          fileName,
          sha256: sha256Of(bytes),
          created: counts.created,
          replaced: counts.replaced,
          unchanged: counts.unchanged,
          skipped: counts.skipped,
          stillMissing: check.missing.length,
          replacedValues: replaced.map((row) => value(row, row.thousandths)),
        },
      });
      return success(result);
    },
    // A province's agencies × survey criteria: at most a few thousand rows.
    { timeout: 60_000 },
  );
}

import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { formatThousandths } from "@/lib/domain/points";
import { buildPublicationSnapshot } from "@/lib/domain/publication-snapshot";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import { uniqueAgencySlug } from "@/lib/imports/agency-slug";
import { PREVIEW_TOKEN_PATTERN, sha256Of } from "@/lib/imports/preview-token";

import { appendAuditEvent } from "./audit";
import { computeHistoryImport, historyPreviewToken, historyYearRefusal, prepareHistoryImport, ZPreviewHistoryImportInput } from "./preview-history-import";
import { failure, success, type ServiceResult } from "./service-result";

// Historical results import, step 2 (issue 7 item 5): the administrator has seen the differences
// and confirms; the same file and form are read, checked and computed again, and stored at once.

export const ZApplyHistoryImportInput = ZPreviewHistoryImportInput.extend({
  /** The token of the preview the administrator confirmed. */
  previewToken: z.string().regex(PREVIEW_TOKEN_PATTERN),
});
export type TApplyHistoryImportInput = z.input<typeof ZApplyHistoryImportInput>;

export type HistoryImportApplied = { yearId: string; results: number; createdAgencies: number; differences: number; publicationId: string };

/**
 * Stores a past announcement as a PUBLISHED year, in one transaction: the year (created, or an empty
 * one reused) with the form's precision and bands, the agencies the file names that the
 * administrator chose to create, one Result per row with the COMPUTED %, rank and band (as every
 * year's results are) and the PUBLISHED %, rank and band beside them, and a Publication with the
 * announcement's number and date whose snapshot, like every publication's, is built from the
 * computed results — the differences were shown and confirmed first.
 *
 * Refused, with nothing stored: a year with assessments, results, survey points or a publication
 * (never overwritten), a year or date in the future, bad bands, any row error (all listed), a file
 * or form other than the previewed one. Events: AGENCY_SAVED for each agency created, then
 * HISTORY_IMPORTED with the announcement, the counts and the differences.
 */
export async function applyHistoryImport(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<HistoryImportApplied>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "history.import", { kind: "province" })) return failure("FORBIDDEN");
  const token = z.object({ previewToken: z.string().regex(PREVIEW_TOKEN_PATTERN) }).safeParse(rawInput);
  if (!token.success) return failure("VALIDATION_FAILED");
  const prepared = await prepareHistoryImport(db, rawInput, now);
  if (!prepared.ok) return prepared;
  const { input, bands, table } = prepared.value;
  if (historyPreviewToken(input, bands) !== token.data.previewToken) return failure("VALIDATION_FAILED", { message: vi.adminImports.upload.fileChanged });
  const text = vi.adminImports.history;

  try {
    return await db.$transaction(
      async (tx) => {
        // The year's row, if any, locked: a second import of the same year waits and is then refused.
        const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "AssessmentYear" WHERE "year" = ${input.year} FOR UPDATE`;
        const taken = await historyYearRefusal(tx, input.year);
        if (taken) return taken;

        const { check, ranked, preview } = await computeHistoryImport(tx, input, bands, table);
        if (check.errors.length > 0) {
          return failure("VALIDATION_FAILED", {
            message: interpolate(text.rowsInvalid, { n: check.errors.length }),
            issues: check.errors.flatMap((error) => error.messages.map((message) => ({ path: interpolate(vi.adminImports.upload.rowLabel, { row: error.rowNumber }), message }))),
          });
        }

        const yearData = { phase: "PUBLISHED" as const, precision: input.precision };
        const year = locked
          ? await tx.assessmentYear.update({ where: { id: locked.id }, data: yearData, select: { id: true } })
          : await tx.assessmentYear.create({ data: { year: input.year, ...yearData }, select: { id: true } });
        await tx.gradingBand.deleteMany({ where: { yearId: year.id } });
        await tx.gradingBand.createMany({
          data: ranked.flatMap((unitType) =>
            (bands.get(unitType.unitTypeId) ?? []).map((band, index) => ({
              yearId: year.id,
              unitTypeId: unitType.unitTypeId,
              label: band.label,
              minPercent: formatThousandths(band.minPercentThousandths),
              sortOrder: index,
            })),
          ),
        });

        // Agencies the announcement names and the database does not know yet.
        const takenSlugs = new Set((await tx.agency.findMany({ select: { slug: true } })).map((agency) => agency.slug));
        const created = new Map<number, { id: string; slug: string; name: string }>();
        for (const unitType of ranked) {
          for (const { entry } of unitType.results) {
            if (entry.agency.kind !== "new") continue;
            const agency = await tx.agency.create({
              data: { name: entry.agency.name, slug: uniqueAgencySlug(entry.agency.name, takenSlugs), unitTypeId: entry.unitTypeId },
              select: { id: true, slug: true, name: true },
            });
            created.set(entry.rowNumber, agency);
            await appendAuditEvent(tx, {
              type: "AGENCY_SAVED",
              actor,
              subjectType: "Agency",
              subjectId: agency.id,
              before: null,
              after: { name: agency.name, slug: agency.slug, unitType: unitType.name, isRanked: true, createdBy: "HISTORY_IMPORTED", year: input.year },
            });
          }
        }
        const agencyOf = (entry: (typeof ranked)[number]["results"][number]["entry"]) =>
          entry.agency.kind === "existing" ? { id: entry.agency.id, slug: entry.agency.slug, name: entry.agency.name } : created.get(entry.rowNumber)!;

        await tx.result.createMany({
          data: ranked.flatMap((unitType) =>
            unitType.results.map(({ result, entry }) => ({
              yearId: year.id,
              agencyId: agencyOf(entry).id,
              unitTypeId: unitType.unitTypeId,
              totalPoints: formatThousandths(entry.totalThousandths),
              maxPoints: formatThousandths(entry.maxThousandths),
              indexPercent: formatThousandths(result.indexPercent.thousandths),
              rank: result.rank,
              rankedCount: result.rankedCount,
              bandLabel: result.bandLabel,
              rankChange: result.rankChange,
              publishedRank: entry.published.rank,
              publishedPercent: entry.published.percentThousandths === null ? null : formatThousandths(entry.published.percentThousandths),
              publishedBandLabel: entry.published.bandLabel,
              computedAt: now,
            })),
          ),
        });

        const snapshot = buildPublicationSnapshot({
          year: input.year,
          precision: input.precision,
          unitTypes: ranked.map((unitType) => ({
            unitTypeId: unitType.unitTypeId,
            unitTypeName: unitType.name,
            results: unitType.results.map(({ result, entry }) => {
              const agency = agencyOf(entry);
              return {
                agencyId: agency.id,
                agencySlug: agency.slug,
                agencyName: agency.name,
                totalThousandths: entry.totalThousandths,
                maxThousandths: entry.maxThousandths,
                indexPercentThousandths: result.indexPercent.thousandths,
                rank: result.rank,
                rankedCount: result.rankedCount,
                bandLabel: result.bandLabel,
                rankChange: result.rankChange,
              };
            }),
          })),
        });
        const publication = await tx.publication.create({
          data: {
            yearId: year.id,
            number: input.number,
            issuedOn: input.issuedOn,
            publishedAt: now,
            publishedById: actor.id,
            snapshot,
            note: text.publicationNote,
          },
          select: { id: true },
        });

        await appendAuditEvent(tx, {
          type: "HISTORY_IMPORTED",
          actor,
          subjectType: "AssessmentYear",
          subjectId: year.id,
          yearId: year.id,
          before: locked ? { year: input.year, existed: true } : null,
          after: {
            year: input.year,
            number: input.number,
            issuedOn: preview.issuedOn,
            precision: input.precision,
            fileName: input.fileName,
            sha256: sha256Of(input.bytes),
            results: preview.counts.rows,
            unitTypes: ranked.map((unitType) => ({ name: unitType.name, agencies: unitType.results.length, bands: preview.unitTypes.find((row) => row.unitTypeId === unitType.unitTypeId)?.bands ?? [] })),
            createdAgencies: [...created.values()].map((agency) => agency.name),
            differences: preview.unitTypes.flatMap((unitType) =>
              unitType.rows
                .filter((row) => row.differences.length > 0)
                .map((row) => ({ agency: row.agencyName, computed: row.computed, published: row.published, fields: row.differences })),
            ),
          },
        });
        return success({ yearId: year.id, results: preview.counts.rows, createdAgencies: created.size, differences: preview.counts.differences, publicationId: publication.id });
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // Two imports of a year that did not exist: the second insert hits the unique year.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return failure("WRONG_PHASE", { message: interpolate(text.yearTaken, { year: input.year }) });
    }
    throw error;
  }
}

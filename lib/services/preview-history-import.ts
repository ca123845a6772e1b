import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { checkIssuedOn, vietnamToday, ZAnnouncementNumber, ZDayMonthYear } from "@/lib/domain/announcement";
import type { TGradingBand } from "@/lib/domain/bands";
import { rankImportedResults, type FigureDifference, type ImportedResult } from "@/lib/domain/imported-results";
import type { Precision } from "@/lib/domain/index-percent";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import { parseBandLines } from "@/lib/imports/band-lines";
import { checkHistoryRows, HISTORY_COLUMNS, type HistoryCheck, type HistoryEntry } from "@/lib/imports/history-rows";
import { previewTokenOf } from "@/lib/imports/preview-token";
import { readTable } from "@/lib/imports/read-table";

import { failure, success, type ServiceError, type ServiceResult } from "./service-result";

// Historical results import, step 1 (issue 7 item 5): a past announcement's table, recomputed and
// compared with what was published. Writes nothing; applyHistoryImport does it all again.

const text = vi.adminImports.history;

export const ZPreviewHistoryImportInput = z.object({
  year: z.coerce.number({ error: text.yearInvalid }).int(text.yearInvalid).min(2000, text.yearInvalid).max(2100, text.yearInvalid),
  /** The announcement's number, e.g. "35/TB-UBND" (checked and normalized as every announcement's). */
  number: ZAnnouncementNumber,
  /** Its date as typed, dd/mm/yyyy. */
  issuedOn: ZDayMonthYear,
  precision: z.coerce
    .number()
    .refine((value) => value === 2 || value === 3, text.precisionInvalid)
    .transform((value) => value as Precision),
  /** Bands per unit type id, as the form's text ("Nhóm 1: 90" per line); blank = none. */
  bands: z.record(z.string().max(100), z.string().max(5000)).default({}),
  isCreatingAgencies: z.boolean().default(false),
  fileName: z.string().max(255),
  bytes: z.instanceof(Uint8Array),
});
export type TPreviewHistoryImportInput = z.input<typeof ZPreviewHistoryImportInput>;
type HistoryInput = z.output<typeof ZPreviewHistoryImportInput>;

export type HistoryPreviewRow = {
  rowNumber: number;
  agencyName: string;
  /** Null for an agency the import would create. */
  agencySlug: string | null;
  totalPoints: string;
  maxPoints: string;
  computed: { indexPercent: string; rank: number | null; rankedCount: number; bandLabel: string | null };
  /** Index % as decimal text ("91.790"), or null where the file gives none. */
  published: { indexPercent: string | null; rank: number | null; bandLabel: string | null };
  differences: FigureDifference[];
};

export type HistoryImportPreview = {
  year: number;
  number: string;
  /** yyyy-mm-dd. */
  issuedOn: string;
  precision: Precision;
  fileName: string;
  previewToken: string;
  unitTypes: { unitTypeId: string; name: string; bands: { label: string; minPercent: string }[]; rows: HistoryPreviewRow[] }[];
  errors: HistoryCheck["errors"];
  newAgencies: { name: string; unitTypeName: string }[];
  counts: { rows: number; errors: number; newAgencies: number; differences: number };
};

/** Checks a past year's results file and shows the recomputed figures beside the published ones. */
export async function previewHistoryImport(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<HistoryImportPreview>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "history.import", { kind: "province" })) return failure("FORBIDDEN");
  const prepared = await prepareHistoryImport(db, rawInput, now);
  if (!prepared.ok) return prepared;
  const { input, bands, table } = prepared.value;
  const computed = await computeHistoryImport(db, input, bands, table);
  return success(computed.preview);
}

// ---------------------------------------------------------------------------
// Shared with applyHistoryImport
// ---------------------------------------------------------------------------

export type PreparedHistoryImport = {
  input: HistoryInput;
  bands: Map<string, TGradingBand[]>;
  table: Awaited<ReturnType<typeof readHistoryTable>> & { ok: true };
};

/**
 * Everything that needs no lock: the input, the form's checks (all reported together), whether
 * the year may be imported at all, the bands and the file.
 */
export async function prepareHistoryImport(db: Prisma.TransactionClient, rawInput: unknown, now: Date): Promise<ServiceResult<PreparedHistoryImport>> {
  const parsed = ZPreviewHistoryImportInput.safeParse(rawInput);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
    return failure("VALIDATION_FAILED", { issues: issues.filter((issue, index) => issues.findIndex((other) => other.path === issue.path) === index) });
  }
  const input = parsed.data;

  const issues: { path: string; message: string }[] = [];
  if (input.year > vietnamToday(now).getUTCFullYear()) issues.push({ path: "year", message: interpolate(text.yearInFuture, { year: input.year }) });
  const dateProblem = checkIssuedOn(input.issuedOn, { resultsComputedAt: null, now });
  if (dateProblem) issues.push({ path: "issuedOn", message: dateProblem });
  else if (input.issuedOn.getUTCFullYear() < input.year) issues.push({ path: "issuedOn", message: interpolate(text.dateBeforeYear, { year: input.year }) });
  const unitTypes = await db.unitType.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } });
  const bands = new Map<string, TGradingBand[]>();
  for (const unitType of unitTypes) {
    const lines = input.bands[unitType.id];
    if (lines === undefined || lines.trim() === "") continue;
    const parsedBands = parseBandLines(lines);
    if (parsedBands.ok) bands.set(unitType.id, parsedBands.bands);
    else for (const problem of parsedBands.problems) issues.push({ path: `bands.${unitType.id}`, message: interpolate(vi.adminImports.bandLines.problem, { unitType: unitType.name, problem }) });
  }
  if (issues.length > 0) return failure("VALIDATION_FAILED", { issues });

  const taken = await historyYearRefusal(db, input.year);
  if (taken) return taken;
  const table = await readHistoryTable(input.fileName, input.bytes);
  if (!table.ok) return failure("VALIDATION_FAILED", { message: table.message });
  return success({ input, bands, table });
}

/** A year already worked in the app, or already imported, is never overwritten. */
export async function historyYearRefusal(db: Prisma.TransactionClient, year: number): Promise<ServiceError | null> {
  const existing = await db.assessmentYear.findUnique({
    where: { year },
    select: { _count: { select: { assessments: true, results: true, publications: true, surveyResults: true } } },
  });
  if (!existing) return null;
  const counts = existing._count;
  if (counts.assessments + counts.results + counts.publications + counts.surveyResults === 0) return null;
  return failure("WRONG_PHASE", { message: interpolate(text.yearTaken, { year }) });
}

function readHistoryTable(fileName: string, bytes: Uint8Array) {
  return readTable({ fileName, bytes }, { columns: HISTORY_COLUMNS });
}

export type ComputedHistoryImport = {
  preview: HistoryImportPreview;
  check: HistoryCheck;
  /** Per unit type, in display order, the ranked results with the entry each came from. */
  ranked: { unitTypeId: string; name: string; results: { result: ImportedResult; entry: HistoryEntry }[] }[];
};

/** Reads the agencies, checks the rows and ranks them per unit type against the year before. */
export async function computeHistoryImport(
  db: Prisma.TransactionClient,
  input: HistoryInput,
  bands: Map<string, TGradingBand[]>,
  table: PreparedHistoryImport["table"],
): Promise<ComputedHistoryImport> {
  const [agencies, unitTypes, previous] = await Promise.all([
    db.agency.findMany({ select: { id: true, name: true, shortName: true, slug: true, unitTypeId: true, isRanked: true } }),
    db.unitType.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, code: true, name: true } }),
    db.result.findMany({ where: { year: { year: input.year - 1 } }, select: { agencyId: true, unitTypeId: true, rank: true, indexPercent: true } }),
  ]);
  const check = checkHistoryRows(table.rows, { agencies, unitTypes, isCreatingAgencies: input.isCreatingAgencies });

  const ranked: ComputedHistoryImport["ranked"] = [];
  for (const unitType of unitTypes) {
    const entries = check.entries.filter((entry) => entry.unitTypeId === unitType.id);
    if (entries.length === 0) continue;
    const keyOf = (entry: HistoryEntry) => (entry.agency.kind === "existing" ? entry.agency.id : `new:${entry.rowNumber}`);
    const entryByKey = new Map(entries.map((entry) => [keyOf(entry), entry]));
    const results = rankImportedResults(
      entries.map((entry) => {
        const last = entry.agency.kind === "existing" ? previous.find((row) => row.agencyId === keyOf(entry) && row.unitTypeId === unitType.id) : undefined;
        return {
          agencyId: keyOf(entry),
          agencyName: entry.agency.name,
          totalThousandths: entry.totalThousandths,
          maxThousandths: entry.maxThousandths,
          isRanked: entry.agency.kind === "existing" ? entry.agency.isRanked : true,
          previous: last ? { rank: last.rank, indexPercentThousandths: toThousandths(last.indexPercent.toFixed(3)) } : null,
          published: entry.published,
        };
      }),
      bands.get(unitType.id) ?? [],
      input.precision,
    );
    ranked.push({ unitTypeId: unitType.id, name: unitType.name, results: results.map((result) => ({ result, entry: entryByKey.get(result.agencyId)! })) });
  }

  const newAgencies = check.entries.filter((entry) => entry.agency.kind === "new").map((entry) => ({ name: entry.agency.name, unitTypeName: entry.unitTypeName }));
  const unitTypesPreview = ranked.map((unitType) => ({
    unitTypeId: unitType.unitTypeId,
    name: unitType.name,
    bands: (bands.get(unitType.unitTypeId) ?? []).map((band) => ({ label: band.label, minPercent: formatThousandths(band.minPercentThousandths) })),
    rows: unitType.results.map(({ result, entry }): HistoryPreviewRow => ({
      rowNumber: entry.rowNumber,
      agencyName: entry.agency.name,
      agencySlug: entry.agency.kind === "existing" ? entry.agency.slug : null,
      totalPoints: formatThousandths(entry.totalThousandths),
      maxPoints: formatThousandths(entry.maxThousandths),
      computed: { indexPercent: result.indexPercent.text, rank: result.rank, rankedCount: result.rankedCount, bandLabel: result.bandLabel },
      published: {
        indexPercent: entry.published.percentThousandths === null ? null : formatThousandths(entry.published.percentThousandths),
        rank: entry.published.rank,
        bandLabel: entry.published.bandLabel,
      },
      differences: result.differences,
    })),
  }));
  const preview: HistoryImportPreview = {
    year: input.year,
    number: input.number,
    issuedOn: input.issuedOn.toISOString().slice(0, 10),
    precision: input.precision,
    fileName: input.fileName,
    previewToken: historyPreviewToken(input, bands),
    unitTypes: unitTypesPreview,
    errors: check.errors,
    newAgencies,
    counts: {
      rows: check.entries.length,
      errors: check.errors.length,
      newAgencies: newAgencies.length,
      differences: unitTypesPreview.reduce((sum, unitType) => sum + unitType.rows.filter((row) => row.differences.length > 0).length, 0),
    },
  };
  return { preview, check, ranked };
}

export function historyPreviewToken(input: HistoryInput, bands: Map<string, TGradingBand[]>): string {
  return previewTokenOf(input.bytes, {
    year: input.year,
    number: input.number,
    issuedOn: input.issuedOn.toISOString().slice(0, 10),
    precision: input.precision,
    bands: [...bands.entries()].sort(([a], [b]) => a.localeCompare(b)),
    isCreatingAgencies: input.isCreatingAgencies,
  });
}


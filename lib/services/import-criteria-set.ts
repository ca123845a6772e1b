import "server-only";

import { z } from "zod";

import type { PrismaClient } from "@/lib/db/prisma";
import {
  checkImportedCriteria,
  criteriaFromJson,
  criteriaFromTemplateRows,
  MAX_CRITERIA,
  TEMPLATE_COLUMNS,
  templateHeader,
  type ImportProblem,
  type PortableRow,
  type TemplateColumn,
} from "@/lib/domain/criteria-set-document";
import type { FlatCriterion } from "@/lib/domain/criteria-set-draft";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { en } from "@/lib/i18n/en";
import { interpolate } from "@/lib/i18n/format";
import { readTable, type TableColumn } from "@/lib/imports/read-table";
import { vi } from "@/lib/i18n/vi";

import { appendAuditEvent } from "./audit";
import { frozenRefusal, loadSetForAdmin, previewReplacement, replaceCriteria, setSummary, storedCriteriaOf, yearCaps, type AdminCriteriaSet, type ReplaceSummary } from "./criteria-set-storage";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";

/** Without these a row means nothing; the others may be left out of a hand-made file (empty values). */
const REQUIRED_COLUMNS = new Set<TemplateColumn>(["code", "title", "maxPoints", "method"]);

/**
 * An exported set is 20–60 KB. The file comes through a server action, whose body Next.js caps at
 * 1 MB by default; this stays under it, so a larger file gets this message, not a failed request.
 */
export const MAX_IMPORT_BYTES = 900 * 1024;

export const ZImportCriteriaSetInput = z.object({
  criteriaSetId: z.string().min(1).max(100),
  fileName: z.string().trim().min(1).max(255),
  bytes: z.instanceof(Uint8Array),
});
export type TImportCriteriaSetInput = z.input<typeof ZImportCriteriaSetInput>;

export type ImportFormat = "JSON" | "XLSX" | "CSV";

export type CriteriaSetImportPreview = {
  format: ImportFormat;
  rowCount: number;
  /** Every problem found, by row and column; the import is applied only when there is none. */
  problems: ImportProblem[];
  /** What applying would change (codes); null when there are problems. */
  changes: (ReplaceSummary & { criteriaCount: number; totalMaxPoints: string }) | null;
};

const text = vi.adminCriteria.import;

/**
 * Reads an XLSX, CSV or JSON criteria set (lib/domain/criteria-set-document.ts) for the set and
 * lists every problem with its row and column, writing nothing. Refused like the import itself
 * (administrators only; WRONG_PHASE while the set is frozen); a file that cannot be read at all is
 * one problem without a row.
 */
export async function previewCriteriaSetImport(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<CriteriaSetImportPreview>> {
  const prepared = await prepareImport(db, actorId, rawInput);
  if (!prepared.ok) return prepared;
  const { format, rowCount, problems, criteria, rows, totalMaxPoints, set } = prepared.value;
  if (problems.length > 0) return success({ format, rowCount, problems, changes: null });
  const { summary, blocked } = await previewReplacement(db, set.id, criteria);
  if (blocked.length > 0) return success({ format, rowCount, problems: blocked.map(blockedProblem(rows, format)), changes: null });
  return success({ format, rowCount, problems: [], changes: { ...summary, criteriaCount: criteria.length, totalMaxPoints: formatThousandths(totalMaxPoints) } });
}

/**
 * Replaces the set's criteria by the file's, in one transaction with a CRITERIA_SET_IMPORTED
 * event (file name, format, before/after summaries and the codes added, removed, changed). The
 * file is read and checked again from scratch: any problem refuses it (VALIDATION_FAILED, each
 * problem an issue "row N, column"), and nothing is saved. Criteria are matched by code, so
 * re-importing a corrected file keeps the scores of the criteria it keeps; deleting a scored
 * criterion is refused. The set keeps its title.
 */
export async function applyCriteriaSetImport(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<ReplaceSummary & { criteriaCount: number }>> {
  const prepared = await prepareImport(db, actorId, rawInput);
  if (!prepared.ok) return prepared;
  const { actor, set, format, fileName, problems, criteria, totalMaxPoints } = prepared.value;
  if (problems.length > 0) {
    return failure("VALIDATION_FAILED", { message: interpolate(text.notApplied, { n: problems.length }), issues: problems.map((problem) => ({ path: problemPlace(problem), message: problem.message })) });
  }
  return db.$transaction(async (tx) => {
    const before = await storedCriteriaOf(tx, set.id);
    const replaced = await replaceCriteria(tx, set.id, criteria, "code");
    if (!replaced.ok) return replaced;
    const updated = await tx.criteriaSet.updateMany({ where: { id: set.id, frozenAt: null }, data: { totalMaxPoints: formatThousandths(totalMaxPoints) } });
    if (updated.count === 0) throw new Error("The criteria set was frozen during the import");
    await appendAuditEvent(tx, {
      type: "CRITERIA_SET_IMPORTED",
      actor,
      subjectType: "CriteriaSet",
      subjectId: set.id,
      yearId: set.year.id,
      before: setSummary({ title: set.title, totalMaxPoints: toThousandths(set.totalMaxPoints.toFixed(3)) }, before),
      after: { ...setSummary({ title: set.title, totalMaxPoints }, criteria), fileName, format, ...replaced.value },
    });
    return success({ ...replaced.value, criteriaCount: criteria.length });
  });
}

type PreparedImport = {
  actor: Extract<Awaited<ReturnType<typeof loadSetForAdmin>>, { ok: true }>["value"]["actor"];
  set: AdminCriteriaSet;
  format: ImportFormat;
  fileName: string;
  rowCount: number;
  problems: ImportProblem[];
  rows: PortableRow[];
  criteria: FlatCriterion[];
  totalMaxPoints: number;
};

async function prepareImport(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<PreparedImport>> {
  const parsed = ZImportCriteriaSetInput.safeParse(rawInput);
  const loaded = await loadSetForAdmin(db, actorId, parsed.success ? parsed.data.criteriaSetId : "");
  if (!loaded.ok && loaded.code !== "NOT_FOUND") return loaded;
  if (!parsed.success) return validationFailure(parsed.error);
  if (!loaded.ok) return loaded;
  const { actor, set } = loaded.value;
  const frozen = frozenRefusal(set);
  if (frozen) return frozen;
  const { fileName, bytes } = parsed.data;

  const format = formatOf(fileName);
  const fileProblem = (message: string) =>
    success({ actor, set, format: format ?? "JSON", fileName, rowCount: 0, problems: [{ row: null, column: null, message }], rows: [], criteria: [], totalMaxPoints: 0 } satisfies PreparedImport);
  if (!format) return fileProblem(text.unsupportedFile);
  if (bytes.byteLength === 0) return fileProblem(text.emptyFile);
  if (bytes.byteLength > MAX_IMPORT_BYTES) return fileProblem(interpolate(text.fileTooLarge, { max: `${MAX_IMPORT_BYTES / 1024} KB` }));

  const read = await readRows(format, fileName, bytes);
  const units = await db.appraiserUnit.findMany({ select: { id: true, name: true } });
  const checked = checkImportedCriteria(read.rows, {
    appraiserUnits: units,
    totalMaxPoints: read.totalMaxPoints !== null ? safeThousandths(read.totalMaxPoints) : undefined,
    ...yearCaps(set.year),
    readProblems: read.problems,
    columnName: format === "JSON" ? (column) => column : templateHeader,
  });
  // A read failure of the whole file (not JSON, wrong columns…) says it all: the rule checks of an empty list would add noise.
  const problems = read.rows.length === 0 && read.problems.length > 0 ? read.problems : checked.problems;
  const totalMaxPoints = read.totalMaxPoints !== null ? safeThousandths(read.totalMaxPoints) : checked.criteria.filter((criterion) => criterion.section === "MAIN" && !criterion.parentCode).reduce((sum, criterion) => sum + criterion.maxPoints, 0);
  return success({ actor, set, format, fileName, rowCount: read.rows.length, problems, rows: read.rows, criteria: checked.criteria, totalMaxPoints });
}

/** The zod schema allows at most 3 decimals; NaN otherwise, which the checks report. */
function safeThousandths(points: number): number {
  try {
    return toThousandths(points);
  } catch {
    return Number.NaN;
  }
}

function formatOf(fileName: string): ImportFormat | null {
  const extension = fileName.toLowerCase().split(".").pop();
  return extension === "json" ? "JSON" : extension === "xlsx" ? "XLSX" : extension === "csv" ? "CSV" : null;
}

/** The file's criteria with their rows; the declared total only where the format has one (JSON). */
async function readRows(format: ImportFormat, fileName: string, bytes: Uint8Array): Promise<{ rows: PortableRow[]; problems: ImportProblem[]; totalMaxPoints: number | null }> {
  if (format === "JSON") {
    const read = criteriaFromJson(new TextDecoder("utf-8").decode(bytes));
    return { rows: read.criteria, problems: read.problems, totalMaxPoints: read.document?.totalMaxPoints ?? null };
  }
  const table = await readTable({ fileName, bytes }, { columns: TABLE_COLUMNS, maxRows: MAX_CRITERIA, maxBytes: MAX_IMPORT_BYTES });
  if (!table.ok) return { rows: [], problems: [{ row: null, column: null, message: table.message }], totalMaxPoints: null };
  const read = criteriaFromTemplateRows(table.rows);
  return { rows: read.criteria, problems: read.problems, totalMaxPoints: null };
}

/** The template's columns for the shared reader; the English headers are accepted too. */
const TABLE_COLUMNS: TableColumn[] = TEMPLATE_COLUMNS.map((column) => ({
  key: column,
  header: templateHeader(column),
  aliases: [en.adminCriteria.template.columns[column]],
  isRequired: REQUIRED_COLUMNS.has(column),
}));

function problemPlace(problem: ImportProblem): string {
  if (problem.row === null) return problem.column ?? "";
  return problem.column ? interpolate(text.rowColumn, { row: problem.row, column: problem.column }) : interpolate(text.row, { row: problem.row });
}

/** A change the stored scores forbid, at the file row of the criterion it concerns (none for one the file leaves out). */
function blockedProblem(rows: readonly PortableRow[], format: ImportFormat) {
  const rowOf = new Map(rows.map((row) => [row.code, row.row]));
  return (issue: { path: string; message: string }): ImportProblem => {
    const row = rowOf.get(issue.path) ?? null;
    return { row, column: row === null ? null : format === "JSON" ? "method" : templateHeader("method"), message: issue.message };
  };
}

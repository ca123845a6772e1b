import { z } from "zod";

import { vi } from "@/lib/i18n/vi";

import { checkCriteriaSet, type CriteriaSetField } from "./criteria-set-check";
import type { FlatCriterion } from "./criteria-set-draft";
import type { CriterionSection } from "./criteria-tree";
import type { TCriterionMethod } from "./criterion-params";
import { parseDecimal, SCORING_METHODS } from "./criterion-params-fields";
import { toThousandths } from "./points";

// A criteria set outside the app: the versioned JSON document and the XLSX/CSV template (one row
// per node, in tree order). Both carry the same fields; appraiser units go by name, so a file
// moves between years and installations. Export and import meet here, so what one writes the
// other reads back to the same tree.

export const CRITERIA_SET_FORMAT = "par-index/criteria-set";
export const CRITERIA_SET_FORMAT_VERSION = 1;
/** A real set has 60–80 nodes; this bounds a pasted or generated file. */
export const MAX_CRITERIA = 2000;

const SECTIONS = ["MAIN", "BONUS", "PENALTY"] as const satisfies readonly CriterionSection[];
const ZPoints = z.number().positive().max(100_000).multipleOf(0.001);

export const ZPortableCriterion = z
  .object({
    code: z.string().trim().min(1).max(50),
    parentCode: z.string().trim().min(1).max(50).nullable(),
    title: z.string().trim().min(1).max(1000),
    guidance: z.string().trim().max(5000).nullable(),
    section: z.enum(SECTIONS),
    maxPoints: ZPoints,
    /** Null for a parent (it sums its children). */
    method: z.enum(SCORING_METHODS).nullable(),
    /** The method's parameters as lib/domain/criterion-params.ts defines them; null for a parent. */
    params: z.record(z.string(), z.unknown()).nullable(),
    isEvidenceRequired: z.boolean(),
    /** The appraiser unit's name; null for SURVEY criteria and parents. */
    appraiserUnit: z.string().trim().min(1).max(300).nullable(),
  })
  .strict();
export type TPortableCriterion = z.infer<typeof ZPortableCriterion>;

/** Version 1 of the JSON export. `year` and `unitType` say where it came from; an import ignores them. */
export const ZCriteriaSetDocument = z
  .object({
    format: z.literal(CRITERIA_SET_FORMAT),
    version: z.literal(CRITERIA_SET_FORMAT_VERSION),
    title: z.string().trim().min(1).max(300),
    year: z.number().int(),
    unitType: z.string().trim().min(1).max(300),
    totalMaxPoints: ZPoints,
    criteria: z.array(ZPortableCriterion).min(1).max(MAX_CRITERIA),
  })
  .strict();
export type TCriteriaSetDocument = z.infer<typeof ZCriteriaSetDocument>;

/** One problem of an imported file: its row (1-based; for JSON, the position in `criteria`) and column. */
export type ImportProblem = { row: number | null; column: string | null; message: string };

export type PortableRow = TPortableCriterion & { row: number };

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

/** The document of a stored set (criteria in tree order), validated as it leaves the app. */
export function criteriaSetDocument(
  set: { title: string; year: number; unitType: string; totalMaxPoints: number },
  criteria: readonly FlatCriterion[],
  appraiserUnitNames: ReadonlyMap<string, string>,
): TCriteriaSetDocument {
  return ZCriteriaSetDocument.parse({
    format: CRITERIA_SET_FORMAT,
    version: CRITERIA_SET_FORMAT_VERSION,
    title: set.title,
    year: set.year,
    unitType: set.unitType,
    totalMaxPoints: set.totalMaxPoints / 1000,
    criteria: criteria.map((criterion) => ({
      code: criterion.code,
      parentCode: criterion.parentCode,
      title: criterion.title,
      guidance: criterion.guidance,
      section: criterion.section,
      maxPoints: criterion.maxPoints / 1000,
      method: criterion.method?.method ?? null,
      params: criterion.method ? (criterion.method.params as Record<string, unknown>) : null,
      isEvidenceRequired: criterion.isEvidenceRequired,
      appraiserUnit: criterion.appraiserUnitId ? (appraiserUnitNames.get(criterion.appraiserUnitId) ?? null) : null,
    })),
  });
}

// ---------------------------------------------------------------------------
// The XLSX/CSV template
// ---------------------------------------------------------------------------

/** The template's columns, in order. The header texts are the contract of the file. */
export const TEMPLATE_COLUMNS = ["code", "title", "section", "maxPoints", "method", "params", "isEvidenceRequired", "appraiserUnit", "guidance"] as const;
export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];

export function templateHeader(column: TemplateColumn): string {
  return vi.adminCriteria.template.columns[column];
}

const YES = vi.adminCriteria.template.yes;
const NO = vi.adminCriteria.template.no;

/** A document's criteria as template rows: text and numbers, one array per node, columns in order. */
export function templateRows(document: TCriteriaSetDocument): (string | number)[][] {
  return document.criteria.map((criterion) =>
    TEMPLATE_COLUMNS.map((column) => {
      switch (column) {
        case "code":
          return criterion.code;
        case "title":
          return criterion.title;
        case "section":
          return vi.adminCriteria.sections[criterion.section];
        case "maxPoints":
          return criterion.maxPoints;
        case "method":
          return criterion.method ?? "";
        case "params":
          return criterion.params && Object.keys(criterion.params).length > 0 ? JSON.stringify(criterion.params) : "";
        case "isEvidenceRequired":
          return criterion.isEvidenceRequired ? YES : NO;
        case "appraiserUnit":
          return criterion.appraiserUnit ?? "";
        case "guidance":
          return criterion.guidance ?? "";
      }
    }),
  );
}

/**
 * Template rows (trimmed text by column, with their row numbers in the file) as portable criteria,
 * with a problem for every cell that cannot be read. The parent of a MAIN node is its code less
 * the last part ("1.2.3" → "1.2"); an empty "section" is read from the code (T… bonus, P…
 * penalty, digits main).
 */
export function criteriaFromTemplateRows(rows: readonly { rowNumber: number; values: Readonly<Partial<Record<TemplateColumn, string>>> }[]): { criteria: PortableRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const criteria: PortableRow[] = [];
  const text = vi.adminCriteria.import;
  for (const { rowNumber, values } of rows) {
    const cell = (column: TemplateColumn) => (values[column] ?? "").trim();
    const report = (column: TemplateColumn, message: string) => problems.push({ row: rowNumber, column: templateHeader(column), message });

    const code = cell("code");
    if (!code) report("code", text.required);
    const title = cell("title");
    if (!title) report("title", text.required);

    const sectionText = cell("section");
    const section = sectionText ? sectionOf(sectionText) : sectionFromCode(code);
    if (!section) report("section", text.unknownSection);

    const maxText = cell("maxPoints");
    const maxPoints = parseDecimal(maxText);
    if (!maxText) report("maxPoints", text.required);
    else if (typeof maxPoints !== "number") report("maxPoints", text.notANumber);

    const methodText = cell("method").toUpperCase();
    const method = methodText ? (SCORING_METHODS as readonly string[]).includes(methodText) ? (methodText as TCriterionMethod["method"]) : undefined : null;
    if (method === undefined) report("method", text.unknownMethod);

    let params: Record<string, unknown> | null = method ? {} : null;
    const paramsText = cell("params");
    if (paramsText) {
      try {
        const parsed: unknown = JSON.parse(paramsText);
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) report("params", text.paramsNotObject);
        else params = parsed as Record<string, unknown>;
      } catch {
        report("params", text.paramsNotJson);
      }
    }

    const evidenceText = cell("isEvidenceRequired");
    const isEvidenceRequired = yesNo(evidenceText);
    if (isEvidenceRequired === null) report("isEvidenceRequired", text.notYesNo);

    // An unreadable section is reported above; the code still places the row in the tree.
    const isMain = (section ?? sectionFromCode(code)) === "MAIN";
    criteria.push({
      row: rowNumber,
      code,
      parentCode: isMain && code.includes(".") ? code.slice(0, code.lastIndexOf(".")) : null,
      title,
      guidance: cell("guidance") || null,
      section: section ?? sectionFromCode(code),
      maxPoints: typeof maxPoints === "number" ? maxPoints : Number.NaN,
      method: method ?? null,
      params,
      isEvidenceRequired: isEvidenceRequired ?? false,
      appraiserUnit: cell("appraiserUnit") || null,
    });
  }
  return { criteria, problems };
}

/** T… bonus, P… penalty, anything else main (where an invalid code is then reported). */
function sectionFromCode(code: string): CriterionSection {
  return /^[Tt]/.test(code) ? "BONUS" : /^[Pp]/.test(code) ? "PENALTY" : "MAIN";
}

function sectionOf(text: string): CriterionSection | null {
  const wanted = text.toLocaleLowerCase("vi");
  for (const section of SECTIONS) {
    if (section.toLowerCase() === wanted || vi.adminCriteria.sections[section].toLocaleLowerCase("vi") === wanted) return section;
  }
  return null;
}

function yesNo(text: string): boolean | null {
  const wanted = text.toLocaleLowerCase("vi");
  if (["", NO.toLocaleLowerCase("vi"), "false", "0", "no"].includes(wanted)) return false;
  if ([YES.toLocaleLowerCase("vi"), "true", "1", "yes", "x"].includes(wanted)) return true;
  return null;
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

/** A JSON document's criteria with their positions, or every problem that keeps it from being read. */
export function criteriaFromJson(text: string): { document: TCriteriaSetDocument | null; criteria: PortableRow[]; problems: ImportProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { document: null, criteria: [], problems: [{ row: null, column: null, message: vi.adminCriteria.import.notJson }] };
  }
  const parsed = ZCriteriaSetDocument.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue): ImportProblem => {
      const [first, index, field] = issue.path;
      if (first === "criteria" && typeof index === "number") {
        return { row: index + 1, column: field === undefined ? null : String(field), message: issue.message };
      }
      return { row: null, column: issue.path.length ? issue.path.map(String).join(".") : null, message: issue.message };
    });
    return { document: null, criteria: [], problems };
  }
  return { document: parsed.data, criteria: parsed.data.criteria.map((criterion, index) => ({ ...criterion, row: index + 1 })), problems: [] };
}

// ---------------------------------------------------------------------------
// Checking an import against the app's rules
// ---------------------------------------------------------------------------

const FIELD_COLUMNS: Record<CriteriaSetField, TemplateColumn> = {
  code: "code",
  title: "title",
  maxPoints: "maxPoints",
  method: "method",
  params: "params",
  appraiserUnit: "appraiserUnit",
};

/**
 * Resolves appraiser units by name and checks the whole set (lib/domain/criteria-set-check.ts),
 * each problem placed at the row of its criterion. `readProblems` are those found while reading
 * the file: a rule broken only because a cell could not be read is not reported twice.
 * `columnName` names a column as the file does (template headers, or JSON field names).
 */
export function checkImportedCriteria(
  rows: readonly PortableRow[],
  context: {
    appraiserUnits: readonly { id: string; name: string }[];
    totalMaxPoints?: number;
    maxBonusPoints: number;
    maxPenaltyPoints: number;
    readProblems?: readonly ImportProblem[];
    columnName: (column: TemplateColumn) => string;
  },
): { criteria: FlatCriterion[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [...(context.readProblems ?? [])];
  const text = vi.adminCriteria.import;
  if (rows.length === 0) problems.push({ row: null, column: null, message: text.noRows });
  if (rows.length > MAX_CRITERIA) problems.push({ row: null, column: null, message: text.tooManyRows.replace("{max}", String(MAX_CRITERIA)) });

  const unitIdsByName = new Map(context.appraiserUnits.map((unit) => [unit.name.toLocaleLowerCase("vi"), unit.id]));
  const unknownUnitRows = new Set<number>();
  const criteria: FlatCriterion[] = rows.map((row) => {
    const appraiserUnitId = row.appraiserUnit ? (unitIdsByName.get(row.appraiserUnit.toLocaleLowerCase("vi")) ?? null) : null;
    if (row.appraiserUnit && !appraiserUnitId) {
      unknownUnitRows.add(row.row);
      problems.push({ row: row.row, column: context.columnName("appraiserUnit"), message: text.unknownAppraiserUnit.replace("{name}", row.appraiserUnit) });
    }
    return {
      id: null,
      code: row.code,
      parentCode: row.parentCode,
      title: row.title,
      guidance: row.guidance,
      section: row.section,
      maxPoints: safeThousandths(row.maxPoints),
      method: row.method ? ({ method: row.method, params: row.params ?? {} } as TCriterionMethod) : null,
      isEvidenceRequired: row.isEvidenceRequired,
      appraiserUnitId,
    };
  });

  const alreadyReported = new Set(problems.map((problem) => `${problem.row}:${problem.column}`));
  // A maximum that could not be read is checked as 0: what that breaks (its parents' sums, its own
  // method's points) follows from the reported cell and is left out.
  const unreadableMaxima = rows.filter((row) => !Number.isFinite(row.maxPoints)).map((row) => row.code.trim());
  const followsFromUnreadableMax = (code: string, criterionCode: string | null) =>
    unreadableMaxima.length > 0 &&
    ((code === "TOTAL_MAX_MISMATCH" && criterionCode === null) ||
      (criterionCode !== null &&
        ((code === "PARENT_MAX_MISMATCH" && unreadableMaxima.some((unreadable) => unreadable.startsWith(`${criterionCode}.`))) ||
          (["POINTS_ABOVE_MAX", "MAX_OFF_STEP", "NON_POSITIVE_MAX"].includes(code) && unreadableMaxima.includes(criterionCode)))));
  const rowsByCode = new Map<string, number[]>();
  for (const row of rows) rowsByCode.set(row.code.trim(), [...(rowsByCode.get(row.code.trim()) ?? []), row.row]);
  const duplicatesSeen = new Map<string, number>();
  const check = checkCriteriaSet({
    criteria,
    totalMaxPoints: context.totalMaxPoints,
    maxBonusPoints: context.maxBonusPoints,
    maxPenaltyPoints: context.maxPenaltyPoints,
  });
  if (!check.ok) {
    for (const problem of check.problems) {
      let row: number | null = null;
      if (problem.criterionCode !== null) {
        const candidates = rowsByCode.get(problem.criterionCode) ?? [];
        // The tree reports each repeated code once per extra occurrence, in file order.
        const occurrence = problem.code === "DUPLICATE_CODE" ? (duplicatesSeen.get(problem.criterionCode) ?? 0) + 1 : 0;
        if (problem.code === "DUPLICATE_CODE") duplicatesSeen.set(problem.criterionCode, occurrence);
        row = candidates[occurrence] ?? candidates[0] ?? null;
      }
      const column = problem.field ? context.columnName(FIELD_COLUMNS[problem.field]) : null;
      if (row !== null && alreadyReported.has(`${row}:${column}`)) continue;
      if (problem.code === "MISSING_APPRAISER_UNIT" && row !== null && unknownUnitRows.has(row)) continue;
      if (followsFromUnreadableMax(problem.code, problem.criterionCode)) continue;
      problems.push({ row, column, message: problem.message });
    }
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (!check.ok || problems.length > 0) return { criteria, problems };
  // The methods as the schema parsed them (unknown keys dropped), so what is stored is what was checked.
  return { criteria: criteria.map((criterion) => ({ ...criterion, method: check.tree.byCode.get(criterion.code)?.method ?? null })), problems };
}

function safeThousandths(points: number): number {
  try {
    return toThousandths(points);
  } catch {
    return Number.NaN;
  }
}

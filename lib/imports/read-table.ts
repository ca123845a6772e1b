import "server-only";

import ExcelJS from "exceljs";

import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

/**
 * Reads the table of an uploaded XLSX or CSV file — what the Department of Home Affairs keeps in
 * Excel today (criteria sets, survey results, past announcements) — into rows of trimmed strings
 * keyed by the caller's columns, each with the row number Excel shows, or refuses the whole file
 * with one Vietnamese message. Importers then check each row's values and list every row error
 * before anything is saved; this file only answers "is this a table we can read, with these columns".
 *
 * Refused, each with its message: an empty or oversized file, an unknown format (old .xls, a PDF
 * renamed .csv), a damaged XLSX, a CSV that is not UTF-8 (Excel's plain "CSV" on Windows writes
 * Windows-1258), an unterminated quote, no header row, missing or unknown or repeated columns,
 * merged cells, formulas (their cached result may be stale, and the province wants the figures it
 * sees), error values (#N/A), values under no header, no data row, and more rows than allowed
 * (checked before reading them). Blank rows are skipped.
 *
 * Values: text as typed, trimmed; XLSX numbers in their shortest exact decimal form ("91.79", never
 * "91.79000000000001", no thousands separators); booleans "TRUE"/"FALSE"; dates "yyyy-mm-dd".
 * Importers parse numbers with `parseDecimalText` (lib/domain/decimal-input.ts), which also accepts
 * the Vietnamese decimal comma.
 */

export type TableColumn = {
  /** The key of this column's value in each row. */
  key: string;
  /** The header as the template writes it (matched ignoring case, diacritics and spacing). */
  header: string;
  /** Other headers accepted for this column (older templates, English). */
  aliases?: readonly string[];
  isRequired: boolean;
};

export type TableRow = {
  /** The row number in the file as Excel shows it (1-based, header row included). */
  rowNumber: number;
  /** Every column's value, "" when the cell is blank or the optional column is absent. */
  values: Record<string, string>;
};

export type TableFormat = "xlsx" | "csv";

export type ReadTableOptions = {
  columns: readonly TableColumn[];
  /** Data rows allowed (default 10,000: far above any province's agencies × criteria). */
  maxRows?: number;
  /** Bytes allowed (default 5 MB). */
  maxBytes?: number;
};

export type TableFileProblem = keyof typeof vi.tableImport.problems;

export type ReadTableResult =
  | { ok: true; format: TableFormat; rows: TableRow[] }
  | { ok: false; problem: TableFileProblem; message: string };

export const DEFAULT_MAX_ROWS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** How many offending cells a message names before it says "…". */
const CELLS_NAMED = 5;

type RawRow = { rowNumber: number; cells: string[] };
type RawTable = { ok: true; format: TableFormat; rows: RawRow[] } | { ok: false; problem: TableFileProblem; message: string };

export async function readTable(file: { fileName: string; bytes: Uint8Array }, options: ReadTableOptions): Promise<ReadTableResult> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { bytes } = file;
  if (bytes.length === 0) return refuse("EMPTY_FILE");
  if (bytes.length > maxBytes) return refuse("FILE_TOO_LARGE", { max: formatMegabytes(maxBytes) });

  const format = detectFormat(file.fileName, bytes);
  if (format === "xls") return refuse("OLD_EXCEL_FORMAT");
  if (format === null) return refuse("UNSUPPORTED_FORMAT");
  // The header row is read too, and blank rows are skipped after counting: one row of slack each.
  const raw = format === "xlsx" ? await readXlsx(bytes, maxRows) : readCsv(bytes, maxRows);
  if (!raw.ok) return raw;
  return mapColumns(raw.format, raw.rows, options.columns, maxRows);
}

/** Lower-case, no diacritics (đ → d), single spaces: how headers are compared. */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

// ---------------------------------------------------------------------------

function refuse(problem: TableFileProblem, values: Record<string, string | number> = {}): { ok: false; problem: TableFileProblem; message: string } {
  return { ok: false, problem, message: interpolate(vi.tableImport.problems[problem], values) };
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;
}

function formatCount(count: number): string {
  return count.toLocaleString("vi-VN");
}

function detectFormat(fileName: string, bytes: Uint8Array): TableFormat | "xls" | null {
  const name = fileName.toLowerCase();
  // By content first: a renamed file is read as what it is, or refused.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "xls";
  if (name.endsWith(".xlsx") || name.endsWith(".xls")) return null;
  // A text file: no NUL byte in its first kilobyte (UTF-16 has them; so do PDFs and images mostly).
  const head = bytes.subarray(0, 1024);
  if (head.includes(0) && !isUtf16Bom(bytes)) return null;
  return "csv";
}

function isUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function namedCells(addresses: readonly string[]): string {
  const named = addresses.slice(0, CELLS_NAMED).join(", ");
  return addresses.length > CELLS_NAMED ? `${named}… (${formatCount(addresses.length)} ô)` : named;
}

// ---------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------

async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want a Node Buffer; the bytes are shared, not copied.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return refuse("DAMAGED_XLSX");
  }
  const sheet = workbook.worksheets.find((worksheet) => worksheet.state === "visible") ?? workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) return refuse("NO_HEADER");
  if (sheet.actualRowCount > maxRows + 1) return refuse("TOO_MANY_ROWS", { count: formatCount(sheet.actualRowCount - 1), max: formatCount(maxRows) });

  const merged: string[] = [];
  const formulas: string[] = [];
  const errors: string[] = [];
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.isMerged) {
        merged.push(cell.address);
        return;
      }
      if (cell.type === ExcelJS.ValueType.Formula) {
        formulas.push(cell.address);
        return;
      }
      if (cell.type === ExcelJS.ValueType.Error) {
        errors.push(cell.address);
        return;
      }
      cells[columnNumber - 1] = cellText(cell);
    });
    const values = Array.from(cells, (value) => value ?? "");
    if (values.some((value) => value !== "")) rows.push({ rowNumber, cells: values });
  });
  if (merged.length > 0) return refuse("MERGED_CELLS", { cells: namedCells(merged) });
  if (formulas.length > 0) return refuse("FORMULAS", { cells: namedCells(formulas) });
  if (errors.length > 0) return refuse("ERROR_VALUES", { cells: namedCells(errors) });
  return { ok: true, format: "xlsx", rows };
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return value.trim();
  if (typeof value === "object" && "richText" in value) return value.richText.map((part) => part.text).join("").trim();
  if (typeof value === "object" && "text" in value && typeof value.text === "string") return value.text.trim();
  return String(cell.text ?? "").trim();
}

/** The shortest decimal that reads back as the same double ("91.79"), never an exponent. */
function numberText(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, "");
}

// ---------------------------------------------------------------------------
// CSV (RFC 4180: quotes, doubled quotes, line breaks inside quotes; comma, semicolon or tab)
// ---------------------------------------------------------------------------

function readCsv(bytes: Uint8Array, maxRows: number): RawTable {
  if (isUtf16Bom(bytes)) return refuse("NOT_UTF8");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return refuse("NOT_UTF8");
  }
  const delimiter = detectDelimiter(text);
  const rows: RawRow[] = [];
  const formulas: string[] = [];
  let cells: string[] = [];
  let field = "";
  let isQuoted = false;
  let isFieldStarted = false;
  let rowNumber = 1;
  let quoteStartRow = 0;

  const endField = () => {
    const value = field.trim();
    // A cell starting with "=" is a formula to Excel: refused, as in XLSX (and no CSV injection).
    if (value.startsWith("=")) formulas.push(`${columnLetters(cells.length + 1)}${rowNumber}`);
    cells.push(value);
    field = "";
    isQuoted = false;
    isFieldStarted = false;
  };
  const endRow = () => {
    endField();
    if (cells.some((cell) => cell !== "")) rows.push({ rowNumber, cells });
    cells = [];
    rowNumber += 1;
  };

  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (isQuoted && isFieldStarted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 1;
        } else {
          isFieldStarted = false; // the closing quote; the field stays quoted until its end
        }
      } else {
        field += char;
      }
      continue;
    }
    if (char === '"' && field.trim() === "" && !isQuoted) {
      isQuoted = true;
      isFieldStarted = true;
      quoteStartRow = rowNumber;
      field = "";
    } else if (char === delimiter) {
      endField();
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && text[index + 1] === "\n") index += 1;
      endRow();
      if (rows.length > maxRows + 1) return refuse("TOO_MANY_ROWS", { count: `${formatCount(maxRows)}+`, max: formatCount(maxRows) });
    } else if (!isQuoted) {
      field += char;
    }
    // Text after a closing quote (`"a"b`) is dropped, as Excel does.
  }
  if (isQuoted && isFieldStarted) return refuse("UNTERMINATED_QUOTE", { row: quoteStartRow });
  if (field !== "" || cells.length > 0 || isQuoted) endRow();
  if (rows.length > maxRows + 1) return refuse("TOO_MANY_ROWS", { count: formatCount(rows.length - 1), max: formatCount(maxRows) });
  if (formulas.length > 0) return refuse("FORMULAS", { cells: namedCells(formulas) });
  return { ok: true, format: "csv", rows };
}

/** The separator the first line uses most (outside quotes): Excel writes ";" where the decimal mark is ",". */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[",", 0], [";", 0], ["\t", 0]]);
  let isQuoted = false;
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === "\n" || char === "\r")) break;
    else if (!isQuoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

function columnLetters(columnNumber: number): string {
  let letters = "";
  for (let rest = columnNumber; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

// ---------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------

function mapColumns(format: TableFormat, rawRows: readonly RawRow[], columns: readonly TableColumn[], maxRows: number): ReadTableResult {
  const [headerRow, ...dataRows] = rawRows;
  if (!headerRow) return refuse("NO_HEADER");
  if (dataRows.length > maxRows) return refuse("TOO_MANY_ROWS", { count: formatCount(dataRows.length), max: formatCount(maxRows) });

  const columnByHeader = new Map<string, TableColumn>();
  for (const column of columns) {
    for (const header of [column.header, ...(column.aliases ?? [])]) columnByHeader.set(normalizeHeader(header), column);
  }
  const keyAtIndex: (string | null)[] = [];
  const unknown: string[] = [];
  const seen = new Map<string, string>();
  for (const [index, header] of headerRow.cells.entries()) {
    if (header === "") {
      keyAtIndex[index] = null;
      continue;
    }
    const column = columnByHeader.get(normalizeHeader(header));
    if (!column) {
      unknown.push(header);
      keyAtIndex[index] = null;
      continue;
    }
    if (seen.has(column.key)) return refuse("DUPLICATE_COLUMN", { column: column.header, row: headerRow.rowNumber });
    seen.set(column.key, header);
    keyAtIndex[index] = column.key;
  }
  const missing = columns.filter((column) => column.isRequired && !seen.has(column.key)).map((column) => `“${column.header}”`);
  const expected = columns.map((column) => `“${column.header}”`).join(", ");
  if (missing.length > 0) {
    return refuse("MISSING_COLUMNS", { missing: missing.join(", "), row: headerRow.rowNumber, expected });
  }
  if (unknown.length > 0) {
    return refuse("UNKNOWN_COLUMNS", { unknown: unknown.map((header) => `“${header}”`).join(", "), expected });
  }

  const rows: TableRow[] = [];
  for (const raw of dataRows) {
    const values: Record<string, string> = Object.fromEntries(columns.map((column) => [column.key, ""]));
    for (const [index, value] of raw.cells.entries()) {
      if (value === "") continue;
      const key = keyAtIndex[index];
      if (key === undefined || key === null) {
        return refuse("VALUE_WITHOUT_HEADER", { cell: `${columnLetters(index + 1)}${raw.rowNumber}` });
      }
      values[key] = value;
    }
    rows.push({ rowNumber: raw.rowNumber, values });
  }
  if (rows.length === 0) return refuse("NO_DATA_ROWS");
  return { ok: true, format, rows };
}

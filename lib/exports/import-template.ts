import ExcelJS from "exceljs";

import type { TableColumn } from "@/lib/imports/read-table";
import { vi } from "@/lib/i18n/vi";

// The templates of the imports, written with the very headers lib/imports/read-table.ts reads back,
// so a downloaded template, filled in, always passes the column checks.

export type TemplateCell = string | number;

export type ImportTemplate = {
  columns: readonly TableColumn[];
  /** What each column means, by column key: the XLSX's second sheet. */
  guide: Readonly<Record<string, string>>;
  /** Pre-filled rows (e.g. every agency and survey criterion of a year), by column key. */
  rows: readonly Readonly<Record<string, TemplateCell>>[];
};

const text = vi.adminImports.upload;

/** Sheet 1 the data (the sheet the reader reads), sheet 2 the guide. */
export async function importTemplateXlsx(template: ImportTemplate): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = vi.app.fullName;
  const data = workbook.addWorksheet(text.dataSheet);
  data.addRow(template.columns.map((column) => column.header)).font = { bold: true };
  for (const row of template.rows) data.addRow(template.columns.map((column) => row[column.key] ?? null));
  data.columns.forEach((column, index) => {
    const header = template.columns[index]?.header ?? "";
    column.width = Math.max(12, Math.min(60, header.length + 4, longest(template.rows, template.columns[index]?.key) + 2));
  });
  data.views = [{ state: "frozen", ySplit: 1 }];

  const guide = workbook.addWorksheet(text.guideSheet);
  guide.addRow([text.guideColumns.column, text.guideColumns.required, text.guideColumns.meaning]).font = { bold: true };
  for (const column of template.columns) {
    guide.addRow([column.header, column.isRequired ? text.yes : text.no, template.guide[column.key] ?? ""]).alignment = { vertical: "top", wrapText: true };
  }
  guide.columns.forEach((column, index) => {
    column.width = [36, 10, 90][index];
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** UTF-8 with a BOM (so Excel shows the diacritics), comma-separated, CRLF, quoted where needed. */
export function importTemplateCsv(template: ImportTemplate): Uint8Array {
  const lines = [template.columns.map((column) => csvField(column.header))];
  for (const row of template.rows) lines.push(template.columns.map((column) => csvField(String(row[column.key] ?? ""))));
  return new TextEncoder().encode(`\uFEFF${lines.map((line) => line.join(",")).join("\r\n")}\r\n`);
}

function csvField(value: string): string {
  return /[",;\r\n\t]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function longest(rows: ImportTemplate["rows"], key: string | undefined): number {
  if (key === undefined) return 0;
  return rows.reduce((max, row) => Math.max(max, String(row[key] ?? "").length), 0);
}

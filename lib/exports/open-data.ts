import ExcelJS from "exceljs";
import { z } from "zod";

import type { PublishedRanking } from "@/lib/services/get-latest-published-ranking";

// Open data: every published year as CSV, XLSX and JSON with the same stable columns. The column
// keys are a public contract (documented in the README): add columns at the end, never rename.

const ZDecimalText = z.string().regex(/^-?\d+\.\d+$/);
const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ZOpenDataRow = z.object({
  year: z.number().int(),
  unitType: z.string().min(1),
  rank: z.number().int().positive().nullable(),
  rankedCount: z.number().int().min(0),
  agency: z.string().min(1),
  agencySlug: z.string().min(1),
  totalPoints: ZDecimalText,
  maxPoints: ZDecimalText,
  indexPercent: ZDecimalText,
  band: z.string().nullable(),
  rankChange: z.number().int().nullable(),
  publicationNumber: z.string().min(1),
  publicationDate: ZIsoDate,
});
export type TOpenDataRow = z.infer<typeof ZOpenDataRow>;

export const ZOpenDataDocument = z.object({
  year: z.number().int(),
  precision: z.union([z.literal(2), z.literal(3)]),
  publication: z.object({ number: z.string().min(1), issuedOn: ZIsoDate }),
  rows: z.array(ZOpenDataRow),
});
export type TOpenDataDocument = z.infer<typeof ZOpenDataDocument>;

export const OPEN_DATA_COLUMNS = Object.keys(ZOpenDataRow.shape) as (keyof TOpenDataRow)[];

/** The announcement as one validated document: unit types in their order, rows in rank order. */
export function openDataDocument(ranking: PublishedRanking): TOpenDataDocument {
  const publicationDate = ranking.publication.issuedOn.toISOString().slice(0, 10);
  return ZOpenDataDocument.parse({
    year: ranking.year,
    precision: ranking.precision,
    publication: { number: ranking.publication.number, issuedOn: publicationDate },
    rows: ranking.unitTypes.flatMap((unitType) =>
      unitType.rows.map((row) => ({
        year: ranking.year,
        unitType: unitType.unitTypeName,
        rank: row.rank,
        rankedCount: row.rankedCount,
        agency: row.agencyName,
        agencySlug: row.agencySlug,
        totalPoints: row.totalPoints,
        maxPoints: row.maxPoints,
        indexPercent: row.indexPercent,
        band: row.bandLabel,
        rankChange: row.rankChange,
        publicationNumber: ranking.publication.number,
        publicationDate,
      })),
    ),
  });
}

/** RFC 4180 CSV in UTF-8 with a BOM (so Excel reads the diacritics), decimal points, empty for null. */
export function openDataCsv(document: TOpenDataDocument): string {
  const quote = (value: string | number | null) => {
    const text = value === null ? "" : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [OPEN_DATA_COLUMNS.join(","), ...document.rows.map((row) => OPEN_DATA_COLUMNS.map((column) => quote(row[column])).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** One sheet, the same columns; figures as numbers. */
export async function openDataXlsx(document: TOpenDataDocument): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(String(document.year));
  sheet.addRow(OPEN_DATA_COLUMNS).font = { bold: true };
  const numeric = new Set<keyof TOpenDataRow>(["totalPoints", "maxPoints", "indexPercent"]);
  for (const row of document.rows) {
    sheet.addRow(OPEN_DATA_COLUMNS.map((column) => (numeric.has(column) ? Number(row[column]) : row[column])));
  }
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return workbook.xlsx.writeBuffer();
}

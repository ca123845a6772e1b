import ExcelJS from "exceljs";

import type { TPublicationSnapshot } from "@/lib/domain/publication-snapshot";
import { formatDate, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import type { AnnouncementTable } from "@/lib/services/get-announcement-table";

const text = vi.adminPublication;

/** The rows above the table: title, unit type, announcement (or draft), supersession note, blank. */
export const RESULTS_HEADER_ROW = 6;

const COLUMNS = [
  { heading: text.tableColumns.order, width: 6 },
  { heading: text.tableColumns.agency, width: 46 },
  { heading: text.tableColumns.totalPoints, width: 12 },
  { heading: text.tableColumns.maxPoints, width: 12 },
  { heading: text.tableColumns.indexPercent, width: 14 },
  { heading: text.tableColumns.rank, width: 10 },
  { heading: text.tableColumns.band, width: 16 },
  { heading: text.tableColumns.rankChange, width: 16 },
] as const;

/** "Ủy ban nhân dân tỉnh Sông Lam": the province's name runs on in the sentence. */
function provinceInSentence(): string {
  const province = vi.app.province;
  return province.charAt(0).toLocaleLowerCase("vi") + province.slice(1);
}

/** The line under the title that ties the table to its announcement, or marks it as a draft. */
export function announcementLine(table: AnnouncementTable): string {
  if (!table.announcement) return text.xlsx.draft;
  return interpolate(text.xlsx.announcement, { number: table.announcement.number, date: formatDate(table.announcement.issuedOn), province: provinceInSentence() });
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ ; names must also be unique. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, "-").slice(0, 31) || "Sheet";
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLocaleLowerCase("vi")); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(candidate.toLocaleLowerCase("vi"));
  return candidate;
}

function rankChangeCell(row: TPublicationSnapshot["unitTypes"][number]["rows"][number]): number | string {
  if (row.rank === null) return "—";
  return row.rankChange ?? text.xlsx.isNew;
}

/**
 * The results table attached to an announcement as XLSX (issue 7 item 7): one sheet per unit type,
 * Vietnamese headings, the announcement's number and date (or DỰ THẢO) under the title, figures as
 * numbers formatted at the year's precision so that the sheet sums and sorts. Built only from the
 * snapshot: a published table is exactly what was announced.
 */
export async function resultsWorkbook(table: AnnouncementTable): Promise<ArrayBuffer> {
  const { snapshot } = table;
  const decimals = snapshot.precision === 3 ? "0.000" : "0.00";
  const workbook = new ExcelJS.Workbook();
  workbook.creator = vi.app.fullName;
  workbook.title = interpolate(text.xlsx.title, { year: snapshot.year });
  const taken = new Set<string>();
  const lastColumn = String.fromCharCode("A".charCodeAt(0) + COLUMNS.length - 1);

  for (const unitType of snapshot.unitTypes) {
    const sheet = workbook.addWorksheet(sheetName(unitType.unitTypeName, taken), {
      pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${RESULTS_HEADER_ROW}:${RESULTS_HEADER_ROW}` },
      views: [{ state: "frozen", ySplit: RESULTS_HEADER_ROW }],
    });
    const titleLines: [string, Partial<ExcelJS.Font>][] = [
      [interpolate(text.xlsx.title, { year: snapshot.year }), { bold: true, size: 14 }],
      [unitType.unitTypeName, { bold: true, size: 12 }],
      [announcementLine(table), table.isDraft ? { bold: true, color: { argb: "FFB91C1C" } } : { italic: true }],
      [table.announcement?.supersededByNumber ? interpolate(text.xlsx.superseded, { number: table.announcement.supersededByNumber }) : "", { italic: true, color: { argb: "FFB91C1C" } }],
      ["", {}],
    ];
    titleLines.forEach(([line, font], index) => {
      const row = sheet.getRow(index + 1);
      row.getCell(1).value = line;
      row.font = font;
      row.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      sheet.mergeCells(`A${index + 1}:${lastColumn}${index + 1}`);
    });
    sheet.getRow(3).height = 30;

    const header = sheet.getRow(RESULTS_HEADER_ROW);
    header.values = COLUMNS.map((column) => column.heading);
    header.font = { bold: true };
    header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
      cell.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
    });

    unitType.rows.forEach((result, index) => {
      const row = sheet.addRow([
        index + 1,
        result.agencyName,
        Number(result.totalPoints),
        Number(result.maxPoints),
        Number(result.indexPercent),
        result.rank ?? text.xlsx.notRanked,
        result.bandLabel ?? "—",
        rankChangeCell(result),
      ]);
      row.getCell(3).numFmt = decimals;
      row.getCell(4).numFmt = decimals;
      row.getCell(5).numFmt = decimals;
      row.getCell(8).numFmt = "+0;-0;0";
      row.eachCell((cell) => {
        cell.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
      });
      for (const column of [1, 6, 7, 8]) row.getCell(column).alignment = { horizontal: "center" };
    });
    COLUMNS.forEach((column, index) => {
      sheet.getColumn(index + 1).width = column.width;
    });
  }
  return workbook.xlsx.writeBuffer();
}

/** The download's file name, e.g. "ket-qua-chi-so-cchc-2025-42-TB-UBND.xlsx". */
export function resultsFileName(table: AnnouncementTable): string {
  if (!table.announcement) return `${interpolate(text.xlsx.draftFileName, { year: table.snapshot.year })}.xlsx`;
  return `${interpolate(text.xlsx.fileName, { year: table.snapshot.year })}-${table.announcement.number.replace(/\//g, "-")}.xlsx`;
}

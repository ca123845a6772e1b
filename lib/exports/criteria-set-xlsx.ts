import ExcelJS from "exceljs";

import { TEMPLATE_COLUMNS, templateHeader, templateRows, type TCriteriaSetDocument } from "@/lib/domain/criteria-set-document";
import { SCORING_METHODS } from "@/lib/domain/criterion-params-fields";
import { formatPoints, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

// The criteria set template (README "Administration — criteria sets"): the first sheet holds the
// header row and one row per node in tree order, as the import reads it back; the second explains
// the columns and each scoring method's parameters in Vietnamese.

const WIDTHS: Record<(typeof TEMPLATE_COLUMNS)[number], number> = {
  code: 9,
  title: 60,
  section: 13,
  maxPoints: 11,
  method: 20,
  params: 60,
  isEvidenceRequired: 14,
  appraiserUnit: 26,
  guidance: 60,
};

export async function criteriaSetWorkbook(document: TCriteriaSetDocument): Promise<ArrayBuffer> {
  const text = vi.adminCriteria.template;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = vi.app.fullName;
  workbook.title = document.title;

  const sheet = workbook.addWorksheet(text.sheetName);
  const header = sheet.addRow(TEMPLATE_COLUMNS.map(templateHeader));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  for (const [index, values] of templateRows(document).entries()) {
    const row = sheet.addRow(values);
    row.alignment = { vertical: "top", wrapText: true };
    const criterion = document.criteria[index];
    // Domains and criteria with sub-criteria in bold, as in the printed sets.
    if (criterion && criterion.method === null) row.font = { bold: true };
  }
  sheet.getColumn(TEMPLATE_COLUMNS.indexOf("maxPoints") + 1).numFmt = "0.###";
  sheet.columns.forEach((column, index) => {
    column.width = WIDTHS[TEMPLATE_COLUMNS[index]!];
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];

  const guide = workbook.addWorksheet(text.guideSheetName);
  guide.addRow([document.title]).font = { bold: true, size: 14 };
  guide.addRow([interpolate(text.guideSource, { year: document.year, unitType: document.unitType, total: formatPoints(document.totalMaxPoints.toFixed(3)) })]);
  guide.addRow([text.guideIntro]);
  guide.addRow([]);
  guide.addRow([text.columnsHeading]).font = { bold: true, size: 12 };
  guide.addRow([text.columnHeader, text.meaningHeader]).font = { bold: true };
  for (const column of TEMPLATE_COLUMNS) guide.addRow([templateHeader(column), text.columnHelp[column]]);
  guide.addRow([]);
  guide.addRow([text.methodsHeading]).font = { bold: true, size: 12 };
  guide.addRow([text.methodHeader, text.meaningHeader, text.exampleHeader]).font = { bold: true };
  for (const method of SCORING_METHODS) guide.addRow([method, text.methodHelp[method], JSON.stringify(EXAMPLES[method])]);
  guide.addRow([]);
  guide.addRow([text.notesHeading]).font = { bold: true, size: 12 };
  for (const note of Object.values(text.notes)) guide.addRow([note]);
  guide.columns.forEach((column, index) => {
    column.width = [28, 80, 70][index];
    column.alignment = { vertical: "top", wrapText: true };
  });

  return workbook.xlsx.writeBuffer();
}

/** One valid parameter set per method, as the guide shows it (checked by a unit test). */
export const EXAMPLES: Record<(typeof SCORING_METHODS)[number], Record<string, unknown>> = {
  MANUAL: { step: 0.25 },
  BOOLEAN: {},
  CATEGORICAL: {
    options: [
      { label: "Ban hành đúng thời hạn", points: 1 },
      { label: "Ban hành chậm", points: 0.5 },
      { label: "Không ban hành", points: 0 },
    ],
  },
  TIERED_RATE: {
    numeratorLabel: "Số hồ sơ giải quyết đúng hạn",
    denominatorLabel: "Tổng số hồ sơ đã giải quyết",
    whenNoData: "FULL_POINTS",
    tiers: [
      { minRate: 1, points: 1 },
      { minRate: 0.9, points: 0.5 },
      { minRate: 0, points: 0 },
    ],
  },
  PROPORTIONAL_RATE: { numeratorLabel: "Số thủ tục cung cấp trực tuyến toàn trình", denominatorLabel: "Tổng số thủ tục hành chính", whenNoData: "EXCLUDED_FROM_MAXIMUM" },
  TIERED_COUNT: {
    countLabel: "Số cuộc kiểm tra đã thực hiện",
    tiers: [
      { minCount: 4, points: 1 },
      { minCount: 2, points: 0.5 },
      { minCount: 0, points: 0 },
    ],
  },
  DEDUCTION: { countLabel: "Số văn bản bị phát hiện trái pháp luật", pointsPerOccurrence: 0.5 },
  SURVEY: { survey: "SIPAS" },
};

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { RESULTS_HEADER_ROW, resultsFileName, resultsWorkbook } from "@/lib/exports/results-xlsx";
import { getAnnouncementTable, type AnnouncementTable } from "@/lib/services/get-announcement-table";
import { finalizeWithResultsOf } from "@/tests/support/finalized-year";
import { createTestDatabase } from "@/tests/support/test-database";

// The results table attached to the announcement (issue 7 item 7), opened again with exceljs and
// read against the stored results: 2025 as published in 42/TB-UBND, and 2026 made FINALIZED with
// a copy of 2025's results, exported as a draft.
const { prisma } = await createTestDatabase("seeded");

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
const adminId = await userId("quantri@songlam.demo");

async function open(table: AnnouncementTable): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await resultsWorkbook(table));
  return workbook;
}

async function tableOf(input: { year: number | string; publicationId?: string }): Promise<AnnouncementTable> {
  const result = await getAnnouncementTable(prisma, adminId, input);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const HEADINGS = ["STT", "Cơ quan, đơn vị", "Điểm đạt được", "Điểm tối đa", "Chỉ số CCHC (%)", "Xếp hạng", "Xếp loại", "Thay đổi thứ hạng so với năm trước"];

describe("who may export, and when", () => {
  it("refuses whoever is not an administrator, and a year with nothing finalized", async () => {
    expect(await getAnnouncementTable(prisma, await userId("thamdinh.snv@songlam.demo"), { year: 2025 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await getAnnouncementTable(prisma, null, { year: 2025 })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await getAnnouncementTable(prisma, adminId, { year: 2026 })).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Chỉ tải được bảng kết quả của năm đã chốt kết quả hoặc đã công bố.",
    });
    expect(await getAnnouncementTable(prisma, adminId, { year: 1999 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await getAnnouncementTable(prisma, adminId, { year: 2025, publicationId: "no-such-publication" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("the published 2025 table", () => {
  it("has one sheet per unit type with the title, the announcement's number and date, and the headings", async () => {
    const table = await tableOf({ year: 2025 });
    const workbook = await open(table);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Sở, ban, ngành", "UBND cấp xã"]);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect(sheet.getCell("A1").value).toBe("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025");
    expect(sheet.getCell("A2").value).toBe("Sở, ban, ngành");
    expect(sheet.getCell("A3").value).toBe("(Kèm theo Thông báo số 42/TB-UBND ngày 06/03/2026 của Ủy ban nhân dân tỉnh Sông Lam)");
    expect((sheet.getRow(RESULTS_HEADER_ROW).values as unknown[]).slice(1)).toEqual(HEADINGS);
    expect(resultsFileName(table)).toBe("ket-qua-chi-so-cchc-2025-42-TB-UBND.xlsx");
  });

  it("lists every stored result in rank order, figures as numbers formatted at the year's precision", async () => {
    const workbook = await open(await tableOf({ year: 2025 }));
    const year = await prisma.assessmentYear.findUniqueOrThrow({ where: { year: 2025 }, select: { id: true, precision: true } });
    const unitTypes = await prisma.unitType.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } });
    let rowsChecked = 0;
    for (const unitType of unitTypes) {
      const sheet = workbook.getWorksheet(unitType.name);
      if (!sheet) throw new Error(`no sheet ${unitType.name}`);
      const stored = await prisma.result.findMany({
        where: { yearId: year.id, unitTypeId: unitType.id },
        select: { totalPoints: true, maxPoints: true, indexPercent: true, rank: true, bandLabel: true, agency: { select: { name: true } } },
      });
      const rows = sheet.getRows(RESULTS_HEADER_ROW + 1, sheet.rowCount - RESULTS_HEADER_ROW) ?? [];
      expect(rows).toHaveLength(stored.length);
      const ranks: number[] = [];
      rows.forEach((row, index) => {
        const name = row.getCell(2).value;
        const result = stored.find((candidate) => candidate.agency.name === name);
        if (!result) throw new Error(`no stored result for ${String(name)}`);
        expect(row.getCell(1).value).toBe(index + 1);
        expect(row.getCell(3).value).toBe(Number(result.totalPoints.toFixed(3)));
        expect(row.getCell(4).value).toBe(Number(result.maxPoints.toFixed(3)));
        expect(row.getCell(5).value).toBe(Number(result.indexPercent.toFixed(year.precision)));
        expect(row.getCell(6).value).toBe(result.rank ?? "Không xếp hạng");
        expect(row.getCell(7).value).toBe(result.bandLabel ?? "—");
        for (const column of [3, 4, 5]) expect(row.getCell(column).numFmt).toBe("0.00");
        if (result.rank !== null) ranks.push(result.rank);
        rowsChecked++;
      });
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    expect(rowsChecked).toBe(await prisma.result.count({ where: { yearId: year.id } }));
  });

  it("marks an earlier, superseded announcement as corrected", async () => {
    const year = await prisma.assessmentYear.findUniqueOrThrow({ where: { year: 2025 }, select: { id: true } });
    const original = await prisma.publication.findFirstOrThrow({ where: { yearId: year.id }, select: { id: true, snapshot: true } });
    await prisma.publication.create({
      data: { yearId: year.id, number: "57/TB-UBND", issuedOn: new Date("2026-03-20"), snapshot: original.snapshot ?? {}, supersedesId: original.id, note: "Đính chính ngày." },
    });
    const current = await tableOf({ year: 2025 });
    expect(current.announcement).toMatchObject({ number: "57/TB-UBND", supersededByNumber: null });
    const earlier = await open(await tableOf({ year: 2025, publicationId: original.id }));
    expect(earlier.worksheets[0]?.getCell("A3").value).toBe("(Kèm theo Thông báo số 42/TB-UBND ngày 06/03/2026 của Ủy ban nhân dân tỉnh Sông Lam)");
    expect(earlier.worksheets[0]?.getCell("A4").value).toBe("Thông báo này đã được đính chính bởi Thông báo số 57/TB-UBND.");
  });
});

describe("a finalized year not yet published", () => {
  it("is exported from the stored results and marked as a draft", async () => {
    await finalizeWithResultsOf(prisma, 2026, 2025);
    const table = await tableOf({ year: 2026 });
    expect(table).toMatchObject({ isDraft: true, announcement: null });
    const workbook = await open(table);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell("A1").value).toBe("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026");
    expect(sheet?.getCell("A3").value).toBe("DỰ THẢO — kết quả đã chốt, chưa công bố");
    const stored = await prisma.result.count({ where: { year: { year: 2026 } } });
    expect(workbook.worksheets.reduce((sum, worksheet) => sum + worksheet.rowCount - RESULTS_HEADER_ROW, 0)).toBe(stored);
    expect(resultsFileName(table)).toBe("du-thao-ket-qua-chi-so-cchc-2026.xlsx");
    // A finalized year has no publication to ask for.
    expect(await getAnnouncementTable(prisma, adminId, { year: 2026, publicationId: "anything" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { readTable } from "@/lib/imports/read-table";
import { SURVEY_COLUMNS } from "@/lib/imports/survey-rows";
import { applySurveyImport } from "@/lib/services/apply-survey-import";
import { getSurveyTemplate } from "@/lib/services/get-import-template";
import { previewSurveyImport } from "@/lib/services/preview-survey-import";
import { previewYearResults } from "@/lib/services/year-results";
import { createTestDatabase } from "@/tests/support/test-database";

// Survey results import (issue 7 item 4) on the seeded province. Its 2026 year has six assessments
// under way, none with survey points; the describes run in order on one database and move the year
// through the phases the import allows and refuses.
const { prisma } = await createTestDatabase("seeded");

const NOW = new Date("2027-02-15T09:00:00+07:00");
const FORBIDDEN = { ok: false, code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." };
const HEADER = '"Cơ quan, đơn vị",Mã tiêu chí hoặc thành phần khảo sát,Điểm\n';

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
const adminId = await userId("quantri@songlam.demo");
const year2025 = await prisma.assessmentYear.findUniqueOrThrow({ where: { year: 2025 }, select: { id: true } });
const year2026 = await prisma.assessmentYear.findUniqueOrThrow({ where: { year: 2026 }, select: { id: true } });

const csv = (text: string, fileName = "khao-sat.csv") => ({ fileName, bytes: new TextEncoder().encode(text) });
const setPhase = (phase: "SELF_ASSESSMENT" | "APPRAISAL" | "EXPLANATION" | "FINALIZED") =>
  prisma.assessmentYear.update({ where: { id: year2026.id }, data: { phase } });
const stored = async () =>
  (await prisma.surveyResult.findMany({ where: { yearId: year2026.id }, select: { agency: { select: { slug: true } }, criterion: { select: { code: true } }, points: true } }))
    .map((row) => `${row.agency.slug} ${row.criterion.code} ${row.points.toFixed(3)}`)
    .sort();
const surveyEvents = () => prisma.auditEvent.findMany({ where: { type: "SURVEY_IMPORTED" }, orderBy: { id: "asc" }, select: { actorId: true, yearId: true, before: true, after: true } });

async function preview(file: { fileName: string; bytes: Uint8Array }, yearId = year2026.id, actor = adminId) {
  return previewSurveyImport(prisma, actor, { yearId, ...file });
}
async function apply(file: { fileName: string; bytes: Uint8Array }) {
  const previewed = await preview(file);
  const previewToken = previewed.ok ? previewed.value.previewToken : "0".repeat(64);
  return applySurveyImport(prisma, adminId, { yearId: year2026.id, ...file, previewToken }, NOW);
}

// The departments' survey criteria of the demo sets, and the communes'.
const DEPARTMENT_SURVEY = ["1.6", "2.1.2", "2.3.3", "3.4.2", "4.4", "5.4.3", "5.6", "6.4", "7.5.1", "7.5.2", "8.1.1", "8.1.2", "8.1.3", "8.1.4", "8.1.5", "8.2.1", "8.2.2"];
const COMMUNE_SURVEY = ["1.7", "2.4", "3.6.1", "3.6.2", "4.4", "5.6", "6.3", "7.5", "8.1.1", "8.1.2", "8.1.3", "8.1.4", "8.1.5", "8.2.2"];

describe("who may import survey points, and when", () => {
  const file = csv(`${HEADER}Sở Y tế,1.6,"0,75"\n`);

  it("refuses anyone but an administrator", async () => {
    expect(await preview(file, year2026.id, await userId("thamdinh.snv@songlam.demo"))).toEqual(FORBIDDEN);
    expect(await preview(file, year2026.id, await userId("lanhdao.syt@songlam.demo"))).toEqual(FORBIDDEN);
    expect(await applySurveyImport(prisma, await userId("thamdinh.snv@songlam.demo"), { yearId: year2026.id, ...file, previewToken: "a".repeat(64) })).toEqual(FORBIDDEN);
    expect(await preview(file, year2026.id, null as unknown as string)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("refuses a year before its appraisal, a finalized year and a published one, each saying why", async () => {
    expect(await preview(file)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Chỉ nhập điểm điều tra xã hội học khi kỳ đánh giá ở giai đoạn Thẩm định hoặc Giải trình; kỳ 2026 đang ở giai đoạn Tự đánh giá.",
    });
    await setPhase("FINALIZED");
    expect(await preview(file)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Kỳ 2026 đã chốt kết quả: muốn thay điểm điều tra xã hội học, hãy mở lại kỳ về giai đoạn Giải trình rồi kết thúc lại để kết quả được tính lại.",
    });
    expect(await preview(file, year2025.id)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Kết quả năm 2025 đã công bố: không thể thay điểm điều tra xã hội học. Sai sót được sửa bằng một thông báo đính chính.",
    });
    expect(await preview(file, "no-such-year")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await setPhase("APPRAISAL");
  });

  it("refuses an unreadable file with the reader's message, and an input that does not parse", async () => {
    expect(await preview(csv(""))).toEqual({ ok: false, code: "VALIDATION_FAILED", message: "Tệp rỗng: không có dữ liệu nào để nhập." });
    expect(await preview(csv("Đơn vị,Điểm\nSở Y tế,1\n"))).toMatchObject({ ok: false, code: "VALIDATION_FAILED", message: expect.stringContaining("Thiếu cột “Mã tiêu chí hoặc thành phần khảo sát”") });
    expect(await previewSurveyImport(prisma, adminId, { yearId: year2026.id, fileName: "a.csv", bytes: "not bytes" })).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
  });
});

describe("previewing a file with every kind of row problem", () => {
  it("lists every problem of every row with its row number, and stores nothing", async () => {
    // Two agencies answering to one name; a name shared with an agency dissolved long ago (the one of
    // 2026 is meant); and an agency whose unit type has no set in 2026.
    const departments = await prisma.unitType.findUniqueOrThrow({ where: { code: "so-ban-nganh" }, select: { id: true } });
    for (const slug of ["trung-tam-phuc-vu-hanh-chinh-cong", "trung-tam-phuc-vu-hanh-chinh-cong-2"]) {
      await prisma.agency.create({ data: { slug, name: "Trung tâm Phục vụ hành chính công", unitTypeId: departments.id } });
    }
    await prisma.agency.create({ data: { slug: "so-ngoai-vu-cu", name: "Sở Ngoại vụ", unitTypeId: departments.id, activeTo: new Date("2020-12-31") } });
    const central = await prisma.unitType.create({ data: { code: "co-quan-trung-uong", name: "Cơ quan Trung ương đóng trên địa bàn", sortOrder: 3 } });
    await prisma.agency.create({ data: { slug: "bao-hiem-xa-hoi-tinh", name: "Bảo hiểm xã hội tỉnh", unitTypeId: central.id } });
    const eventsBefore = await prisma.auditEvent.count();

    const file = csv(
      [
        HEADER.trim(),
        'Sở Y tế,1.6,"0,75"', // 2: fine
        "Sở Không Có,1.6,0.5", // 3
        "Sở Y tế,9.9.9,1", // 4
        "Sở Y tế,1.2,1", // 5
        "Phường Hòa Bình,7.5.1,1", // 6
        "Phường Hòa Bình,1.6,0.5", // 7
        "Sở Y tế,2.1.2,abc", // 8
        "Sở Y tế,2.3.3,1.5", // 9
        "Sở Y tế,4.4,0.1234", // 10
        "Sở Y tế,1.6,0.5", // 11
        "Sở Y tế,SIPAS,1", // 12
        ",,1", // 13
        "Trung tâm Phục vụ hành chính công,1.6,1", // 14
        "Bảo hiểm xã hội tỉnh,1.6,1", // 15
        "Xã Kim Liên,Hài lòng về tiếp cận dịch vụ,2.5", // 16: by title, fine
        "so-tu-phap,8.1.1,-1", // 17
        "STP,8.1.2,", // 18: blank points, skipped
        "Xa Kim Lien,1.7,1", // 19: without diacritics, fine
        "Sở Không Có,9.9.9,x", // 20
        "Sở Ngoại vụ,1.6,1", // 21: the Sở Ngoại vụ of 2026, fine
      ].join("\n"),
    );
    const result = await preview(file);
    if (!result.ok) throw new Error(result.message);
    const { errors, rows, skippedRowNumbers, counts, missing } = result.value;
    expect(errors).toEqual([
      { rowNumber: 3, messages: ["Không có cơ quan, đơn vị “Sở Không Có” trong hệ thống."] },
      { rowNumber: 4, messages: ["Không có tiêu chí “9.9.9” trong các bộ chỉ số năm 2026."] },
      { rowNumber: 5, messages: ["Tiêu chí 1.2 của bộ chỉ số Sở, ban, ngành không chấm qua điều tra xã hội học nên không nhập điểm khảo sát được."] },
      { rowNumber: 6, messages: ["Tiêu chí “7.5.1” chỉ có trong bộ chỉ số của Sở, ban, ngành, còn Phường Hòa Bình thuộc loại UBND cấp xã."] },
      { rowNumber: 7, messages: ["Tiêu chí 1.6 của bộ chỉ số UBND cấp xã không chấm qua điều tra xã hội học nên không nhập điểm khảo sát được."] },
      { rowNumber: 8, messages: ["Điểm “abc” không phải là số."] },
      { rowNumber: 9, messages: ["Điểm 1.5 phải từ 0 đến 1 (điểm tối đa của tiêu chí 2.3.3)."] },
      { rowNumber: 10, messages: ["Điểm 0.1234 có quá 3 chữ số thập phân."] },
      { rowNumber: 11, messages: ["Trùng đơn vị và tiêu chí với dòng 2."] },
      {
        rowNumber: 12,
        messages: ["“SIPAS” ứng với nhiều tiêu chí (7.5.1, 8.1.1, 8.1.2, 8.1.3, 8.1.4, 8.1.5) của bộ chỉ số Sở, ban, ngành: hãy ghi mã tiêu chí."],
      },
      { rowNumber: 13, messages: ["Thiếu tên cơ quan, đơn vị.", "Thiếu mã tiêu chí hoặc thành phần khảo sát."] },
      {
        rowNumber: 14,
        messages: [
          "“Trung tâm Phục vụ hành chính công” ứng với nhiều cơ quan, đơn vị (mã định danh: trung-tam-phuc-vu-hanh-chinh-cong, trung-tam-phuc-vu-hanh-chinh-cong-2): hãy ghi mã định danh của đơn vị.",
        ],
      },
      { rowNumber: 15, messages: ["Năm 2026 chưa có bộ chỉ số cho loại đơn vị Cơ quan Trung ương đóng trên địa bàn của Bảo hiểm xã hội tỉnh."] },
      { rowNumber: 17, messages: ["Điểm -1 phải từ 0 đến 2,5 (điểm tối đa của tiêu chí 8.1.1)."] },
      { rowNumber: 20, messages: ["Không có cơ quan, đơn vị “Sở Không Có” trong hệ thống.", "Không có tiêu chí “9.9.9” trong các bộ chỉ số năm 2026.", "Điểm “x” không phải là số."] },
    ]);
    expect(rows.map((row) => [row.rowNumber, row.agencyName, row.criterionCode, row.points, row.previousPoints, row.change])).toEqual([
      [2, "Sở Y tế", "1.6", "0.750", null, "NEW"],
      [16, "Xã Kim Liên", "8.1.1", "2.500", null, "NEW"],
      [19, "Xã Kim Liên", "1.7", "1.000", null, "NEW"],
      [21, "Sở Ngoại vụ", "1.6", "1.000", null, "NEW"],
    ]);
    expect(skippedRowNumbers).toEqual([18]);
    expect(counts).toEqual({ rows: 4, created: 4, replaced: 0, unchanged: 0, skipped: 1, errors: 15 });

    // The six assessed agencies all still miss points; Sở Y tế all but 1.6, Xã Kim Liên all but two.
    expect(missing.map((agency) => agency.agencyName)).toEqual(["Sở Công Thương", "Sở Tư pháp", "Sở Xây dựng", "Sở Y tế", "Phường Hòa Bình", "Xã Kim Liên"]);
    expect(missing.find((agency) => agency.agencyName === "Sở Y tế")?.codes).toEqual(DEPARTMENT_SURVEY.filter((code) => code !== "1.6"));
    expect(missing.find((agency) => agency.agencyName === "Xã Kim Liên")?.codes).toEqual(COMMUNE_SURVEY.filter((code) => code !== "1.7" && code !== "8.1.1"));

    // Preview writes nothing; applying the same file is refused as a whole.
    expect(await stored()).toEqual([]);
    const refused = await applySurveyImport(prisma, adminId, { yearId: year2026.id, ...file, previewToken: result.value.previewToken }, NOW);
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION_FAILED", message: "Tệp có 15 dòng lỗi: chưa lưu gì. Hãy sửa tệp rồi tải lên lại." });
    expect(!refused.ok && refused.issues).toContainEqual({ path: "Dòng 20", message: "Điểm “x” không phải là số." });
    expect(await stored()).toEqual([]);
    expect(await prisma.auditEvent.count()).toBe(eventsBefore);
  });
});

describe("applying and re-importing", () => {
  it("refuses a file other than the previewed one, and a file without any points", async () => {
    const previewed = csv(`${HEADER}Sở Y tế,1.6,"0,75"\n`);
    const token = await preview(previewed);
    if (!token.ok) throw new Error(token.message);
    const other = csv(`${HEADER}Sở Y tế,1.6,1\n`);
    expect(await applySurveyImport(prisma, adminId, { yearId: year2026.id, ...other, previewToken: token.value.previewToken }, NOW)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Tệp hoặc thông tin nhập đã thay đổi kể từ khi xem trước: hãy xem trước lại rồi mới ghi.",
    });
    expect(await apply(csv(`${HEADER}Sở Y tế,1.6,\n`))).toEqual({ ok: false, code: "VALIDATION_FAILED", message: "Tệp không có dòng nào có điểm để nhập." });
    expect(await stored()).toEqual([]);
  });

  it("stores an XLSX file in one go with one audit event, then replaces only the pairs a second file names", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Điểm");
    sheet.addRow(["Cơ quan, đơn vị", "Mã tiêu chí", "Điểm", "Ghi chú"]);
    sheet.addRow(["Sở Y tế", "1.6", 0.75, "SIPAS 2026"]);
    sheet.addRow(["SYT", "8.1.1", 2.25]);
    sheet.addRow(["Sở Tư pháp", "8.1.1", "2,4"]);
    const first = { fileName: "khao-sat.xlsx", bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
    expect(await apply(first)).toEqual({ ok: true, value: { created: 3, replaced: 0, unchanged: 0, skipped: 0, stillMissing: 6 } });
    expect(await stored()).toEqual(["so-tu-phap 8.1.1 2.400", "so-y-te 1.6 0.750", "so-y-te 8.1.1 2.250"]);
    const importedBy = await prisma.surveyResult.findMany({ where: { yearId: year2026.id }, select: { importedById: true, importedAt: true } });
    expect(importedBy.every((row) => row.importedById === adminId && row.importedAt.getTime() === NOW.getTime())).toBe(true);

    // The corrected file: one value changed, one the same, one new; the pair it omits stays.
    const second = csv(`${HEADER}Sở Y tế,1.6,"0,5"\nSở Y tế,8.1.1,2.25\nXã Kim Liên,7.5,2\n`);
    const secondPreview = await preview(second);
    expect(secondPreview.ok && secondPreview.value.rows.map((row) => [row.criterionCode, row.previousPoints, row.change])).toEqual([
      ["1.6", "0.750", "REPLACED"],
      ["8.1.1", "2.250", "UNCHANGED"],
      ["7.5", null, "NEW"],
    ]);
    expect(await apply(second)).toEqual({ ok: true, value: { created: 1, replaced: 1, unchanged: 1, skipped: 0, stillMissing: 6 } });
    expect(await stored()).toEqual(["so-tu-phap 8.1.1 2.400", "so-y-te 1.6 0.500", "so-y-te 8.1.1 2.250", "xa-kim-lien 7.5 2.000"]);

    const events = await surveyEvents();
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      actorId: adminId,
      yearId: year2026.id,
      before: { replaced: [{ agency: "Sở Y tế", criterion: "1.6", points: "0.750" }] },
      after: { fileName: "khao-sat.csv", created: 1, replaced: 1, unchanged: 1, skipped: 0, stillMissing: 6, replacedValues: [{ agency: "Sở Y tế", criterion: "1.6", points: "0.500" }] },
    });

    // The same file once more changes nothing and records nothing.
    expect(await apply(second)).toEqual({ ok: true, value: { created: 0, replaced: 0, unchanged: 3, skipped: 0, stillMissing: 6 } });
    expect(await surveyEvents()).toHaveLength(2);
  });

  it("fills the year from its downloaded template, after which finalizing no longer misses a survey point", async () => {
    await setPhase("EXPLANATION");
    const template = await getSurveyTemplate(prisma, adminId, { format: "xlsx", yearId: year2026.id });
    if (!template.ok) throw new Error(template.message);
    expect(template.value.fileName).toBe("mau-diem-dieu-tra-xa-hoi-hoc-2026.xlsx");
    const read = await readTable({ fileName: template.value.fileName, bytes: template.value.bytes }, { columns: SURVEY_COLUMNS });
    if (!read.ok) throw new Error(read.message);
    // Every agency scored in 2026 — the 6 assessed and the other active ones — under each survey criterion of its set.
    const agencies = new Set(read.rows.map((row) => row.values.agency));
    expect(agencies.has("Sở Y tế") && agencies.has("Xã Kim Liên") && agencies.has("Sở Ngoại vụ")).toBe(true);
    expect(agencies.has("trung-tam-phuc-vu-hanh-chinh-cong-2")).toBe(true); // a shared name: the slug
    expect(agencies.has("Sở Kế hoạch và Đầu tư")).toBe(false); // merged in 2025
    expect(read.rows.filter((row) => row.values.agency === "Sở Y tế").map((row) => [row.values.criterion, row.values.points])).toEqual(
      DEPARTMENT_SURVEY.map((code) => [code, code === "1.6" ? "0.5" : code === "8.1.1" ? "2.25" : ""]),
    );

    // Fill the blanks with 80% of each criterion's maximum, as the Department would, and import.
    const filled = new ExcelJS.Workbook();
    const sheet = filled.addWorksheet("Dữ liệu");
    sheet.addRow(SURVEY_COLUMNS.map((column) => column.header));
    for (const row of read.rows) {
      sheet.addRow([row.values.agency, row.values.criterion, row.values.points === "" ? Math.round(Number(row.values.maxPoints) * 800) / 1000 : Number(row.values.points), row.values.title, Number(row.values.maxPoints)]);
    }
    const file = { fileName: "da-dien.xlsx", bytes: new Uint8Array(await filled.xlsx.writeBuffer()) };
    const previewed = await preview(file);
    if (!previewed.ok) throw new Error(previewed.message);
    expect(previewed.value.errors).toEqual([]);
    expect(previewed.value.missing).toEqual([]);
    expect(previewed.value.counts).toMatchObject({ unchanged: 4, replaced: 0, skipped: 0 });
    expect(await apply(file)).toMatchObject({ ok: true, value: { unchanged: 4, stillMissing: 0 } });

    const results = await previewYearResults(prisma, adminId, { yearId: year2026.id });
    if (!results.ok) throw new Error(results.message);
    expect(results.value.blockers.filter((blocker) => blocker.problem.startsWith("Chưa có điểm điều tra xã hội học"))).toEqual([]);
  });

  it("downloads the empty template as CSV with the columns the reader expects", async () => {
    const template = await getSurveyTemplate(prisma, adminId, { format: "csv" });
    if (!template.ok) throw new Error(template.message);
    expect(template.value).toMatchObject({ fileName: "mau-diem-dieu-tra-xa-hoi-hoc.csv", contentType: "text/csv; charset=utf-8" });
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(template.value.bytes)).toBe('\uFEFF"Cơ quan, đơn vị",Mã tiêu chí hoặc thành phần khảo sát,Điểm,Tên tiêu chí,Điểm tối đa,Ghi chú\r\n');
    expect(await getSurveyTemplate(prisma, await userId("bientap.syt@songlam.demo"), { format: "csv" })).toEqual(FORBIDDEN);
  });
});

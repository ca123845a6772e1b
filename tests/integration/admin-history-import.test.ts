import { readFileSync } from "node:fs";
import path from "node:path";

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { ZPublicationSnapshot } from "@/lib/domain/publication-snapshot";
import { HISTORY_COLUMNS } from "@/lib/imports/history-rows";
import { readTable } from "@/lib/imports/read-table";
import { applyHistoryImport } from "@/lib/services/apply-history-import";
import { getHistoryTemplate } from "@/lib/services/get-import-template";
import { getLatestPublishedRanking } from "@/lib/services/get-latest-published-ranking";
import { previewHistoryImport } from "@/lib/services/preview-history-import";
import { createTestDatabase } from "@/tests/support/test-database";

// Historical results import (issue 7 item 5) on the seeded province (2024 and 2025 published, 2026
// under way): the real Vĩnh Phúc 2019 announcement (tests/fixtures/published-examples.json) is
// imported as a past year, recomputed, and stored. The describes run in order on one database.
const { prisma } = await createTestDatabase("seeded");

const NOW = new Date("2027-03-10T09:00:00+07:00");
const FORBIDDEN = { ok: false, code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." };
const HEADER = "Cơ quan, đơn vị;Loại đơn vị;Điểm đạt được;Điểm tối đa;Chỉ số (%) công bố;Xếp hạng công bố;Xếp loại công bố\n";
const BANDS = "Nhóm 1: 90\nNhóm 2: 85\nNhóm 3: 0";

type PublishedTable = { id: string; year: number; maxPoints: number; precision: 2 | 3; units: { name: string; totalPoints: number; rank: number }[] };
const { tables } = JSON.parse(readFileSync(path.join(import.meta.dirname, "../fixtures/published-examples.json"), "utf8")) as { tables: PublishedTable[] };
const departments2019 = tables.find((table) => table.id === "vinhphuc-2019-so")!;
const central2019 = tables.find((table) => table.id === "vinhphuc-2019-tw")!;

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
const adminId = await userId("quantri@songlam.demo");
const departments = await prisma.unitType.findUniqueOrThrow({ where: { code: "so-ban-nganh" }, select: { id: true } });
const communes = await prisma.unitType.findUniqueOrThrow({ where: { code: "ubnd-cap-xa" }, select: { id: true } });

const csv = (text: string, fileName = "lich-su.csv") => ({ fileName, bytes: new TextEncoder().encode(text) });
const form = (file: { fileName: string; bytes: Uint8Array }, extra: Record<string, unknown> = {}) => ({
  year: 2019,
  number: "08/TB-UBND",
  issuedOn: "14/02/2020",
  precision: 2,
  bands: { [departments.id]: BANDS },
  isCreatingAgencies: true,
  ...file,
  ...extra,
});
const preview = (input: Record<string, unknown>, actor: string | null = adminId) => previewHistoryImport(prisma, actor, input, NOW);
async function apply(input: Record<string, unknown>) {
  const previewed = await preview(input);
  const previewToken = previewed.ok ? previewed.value.previewToken : "0".repeat(64);
  return applyHistoryImport(prisma, adminId, { ...input, previewToken }, NOW);
}
const nothingStored = async () => ({
  years: await prisma.assessmentYear.count(),
  agencies: await prisma.agency.count(),
  results: await prisma.result.count(),
  publications: await prisma.publication.count(),
  events: await prisma.auditEvent.count(),
});

/** The announcement as the Department would type it: points over 100, the published % and rank. */
async function announcementXlsx(rows: (string | number | null)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Kết quả");
  sheet.addRow(HISTORY_COLUMNS.map((column) => column.header));
  for (const row of rows) sheet.addRow(row);
  return { fileName: "thong-bao-2019.xlsx", bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}
const percentText = (points: number) => points.toFixed(2).replace(".", ",");

describe("who may import a past year, and which", () => {
  const file = csv(`${HEADER}Sở Y tế;Sở, ban, ngành;85,47;100;85,47;1;\n`);

  it("refuses anyone but an administrator", async () => {
    expect(await preview(form(file), await userId("thamdinh.snv@songlam.demo"))).toEqual(FORBIDDEN);
    expect(await applyHistoryImport(prisma, await userId("lanhdao.syt@songlam.demo"), { ...form(file), previewToken: "a".repeat(64) }, NOW)).toEqual(FORBIDDEN);
    expect(await preview(form(file), null)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("refuses a year with assessments or results, whether published or under way", async () => {
    for (const year of [2025, 2026]) {
      expect(await preview(form(file, { year, issuedOn: "01/12/2026" }))).toEqual({
        ok: false,
        code: "WRONG_PHASE",
        message: `Năm ${year} đã có hồ sơ đánh giá, kết quả hoặc thông báo công bố trong hệ thống: không nhập đè kết quả các năm trước lên được.`,
      });
    }
  });

  it("lists every problem of the form at once: a future year, a date before the year, bands with a gap", async () => {
    const result = await preview(form(file, { year: 2028, number: " ", issuedOn: "30/02/2027", precision: 4, bands: { [departments.id]: "Nhóm 1: 90\nNhóm 2 80\nNhóm 3: 50,1234" } }));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(!result.ok && result.issues).toEqual([
      { path: "number", message: "Nhập số thông báo." },
      { path: "issuedOn", message: "Ngày ban hành phải có dạng ngày/tháng/năm, ví dụ: 28/02/2025." },
      { path: "precision", message: "Chọn 2 hoặc 3 chữ số thập phân." },
    ]);
    const dates = await preview(form(file, { year: 2028, issuedOn: "11/03/2027", bands: { [departments.id]: "Nhóm 1: 90\nNhóm 2 80\nNhóm 3: 50,1234", [communes.id]: "Xuất sắc: 90\nTốt: 80" } }));
    expect(!dates.ok && dates.issues).toEqual([
      { path: "year", message: "Năm 2028 chưa tới: chỉ nhập được kết quả đã công bố." },
      { path: "issuedOn", message: "Ngày ban hành không được sau ngày hôm nay (10/03/2027)." },
      { path: `bands.${departments.id}`, message: "Xếp loại của Sở, ban, ngành: Dòng 2: “Nhóm 2 80” cần có dạng “Nhóm 1: 90” (tên mức xếp loại, dấu hai chấm, ngưỡng dưới tính bằng %)." },
      { path: `bands.${departments.id}`, message: "Xếp loại của Sở, ban, ngành: Dòng 3: ngưỡng 50,1234 có quá 3 chữ số thập phân." },
      { path: `bands.${communes.id}`, message: "Xếp loại của UBND cấp xã: Các mức xếp loại phải phủ từ 0%: mức thấp nhất cần có ngưỡng dưới 0%." },
    ]);
    const early = await preview(form(file, { issuedOn: "31/12/2018" }));
    expect(!early.ok && early.issues).toEqual([{ path: "issuedOn", message: "Ngày ban hành phải từ năm 2019 trở đi." }]);
  });
});

describe("a file with every kind of row problem", () => {
  it("lists each problem with its row number, and stores nothing on preview or on apply", async () => {
    await prisma.agency.create({ data: { slug: "phong-noi-vu", name: "Phòng Nội vụ", unitTypeId: departments.id } });
    await prisma.agency.create({ data: { slug: "phong-noi-vu-2", name: "Phòng Nội vụ", unitTypeId: departments.id } });
    const before = await nothingStored();
    const file = csv(
      HEADER +
        [
          "Sở Y tế;Sở, ban, ngành;85,47;100;85,47;1;Nhóm 2", // 2: fine
          "Sở Mới;Khối không có;80;100;;;", // 3
          ";;;;;;", // 4 (blank: skipped by the reader)
          "Sở Tư pháp;Sở, ban, ngành;abc;100;;;", // 5
          "Sở Nội vụ;Sở, ban, ngành;90,1234;0;;;", // 6
          "Sở Xây dựng;Sở, ban, ngành;-1;100;101;0;", // 7
          "Sở Tài chính;Sở, ban, ngành;101;100;;hạng 2;", // 8
          "SYT;Sở, ban, ngành;80;100;;;", // 9: Sở Y tế again
          "Phòng Nội vụ;Sở, ban, ngành;80;100;;;", // 10
          ";Sở, ban, ngành;80;;;;", // 11
        ].join("\n"),
    );
    const notCreating = await preview(form(file, { isCreatingAgencies: false }));
    if (!notCreating.ok) throw new Error(notCreating.message);
    expect(notCreating.value.errors).toEqual([
      {
        rowNumber: 3,
        messages: [
          "Không có loại đơn vị “Khối không có” trong hệ thống (có: Sở, ban, ngành; UBND cấp xã).",
          "Không có cơ quan, đơn vị “Sở Mới” trong hệ thống (chọn “Tạo mới các đơn vị chưa có” để tạo khi nhập).",
        ],
      },
      { rowNumber: 5, messages: ["Điểm đạt được “abc” không phải là số."] },
      { rowNumber: 6, messages: ["Điểm đạt được 90,1234 có quá 3 chữ số thập phân.", "Điểm tối đa phải lớn hơn 0."] },
      { rowNumber: 7, messages: ["Điểm đạt được -1 không được âm.", "Chỉ số công bố 101 phải từ 0 đến 100.", "Xếp hạng công bố “0” phải là số nguyên dương."] },
      { rowNumber: 8, messages: ["Điểm đạt được (101) lớn hơn điểm tối đa (100).", "Xếp hạng công bố “hạng 2” phải là số nguyên dương."] },
      { rowNumber: 9, messages: ["Sở Y tế đã có ở dòng 2."] },
      { rowNumber: 10, messages: ["“Phòng Nội vụ” ứng với nhiều cơ quan, đơn vị (mã định danh: phong-noi-vu, phong-noi-vu-2): hãy ghi mã định danh của đơn vị."] },
      { rowNumber: 11, messages: ["Thiếu tên cơ quan, đơn vị.", "Thiếu điểm tối đa."] },
    ]);
    // Row 3's agency would be created when asked; its unit type still is unknown.
    const creating = await preview(form(file));
    expect(creating.ok && creating.value.errors[0]).toEqual({ rowNumber: 3, messages: ["Không có loại đơn vị “Khối không có” trong hệ thống (có: Sở, ban, ngành; UBND cấp xã)."] });

    const refused = await apply(form(file));
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION_FAILED", message: "Tệp có 8 dòng lỗi: chưa lưu gì. Hãy sửa tệp rồi tải lên lại." });
    expect(!refused.ok && refused.issues).toContainEqual({ path: "Dòng 9", message: "Sở Y tế đã có ở dòng 2." });
    expect(await nothingStored()).toEqual(before);
    expect(await prisma.assessmentYear.findUnique({ where: { year: 2019 } })).toBeNull();
  });
});

describe("importing Vĩnh Phúc 2019 (its departments and central agencies tables)", () => {
  it("imports 2018 into an empty year first, so 2019 shows each agency's change", async () => {
    // An empty 2018 created by mistake earlier: reused, not refused.
    await prisma.assessmentYear.create({ data: { year: 2018, phase: "SETUP" } });
    const file = csv(`${HEADER}Sở Tài chính;so-ban-nganh;88,5;100;88,5;3;\nSở Xây dựng;Sở, ban, ngành;90;100;90;1;\nSở Y tế;Sở, ban, ngành;89;100;89;2;\n`);
    expect(await apply(form(file, { year: 2018, number: "15/TB-UBND", issuedOn: "01/03/2019", bands: {} }))).toMatchObject({ ok: true, value: { results: 3, createdAgencies: 0, differences: 0 } });
    expect(await prisma.assessmentYear.findUniqueOrThrow({ where: { year: 2018 }, select: { phase: true, precision: true } })).toEqual({ phase: "PUBLISHED", precision: 2 });
  });

  it("recomputes every % and rank as published, shows the one row typed wrong, and stores the year on confirmation", async () => {
    await prisma.unitType.create({ data: { code: "co-quan-trung-uong", name: "Cơ quan Trung ương đóng trên địa bàn", sortOrder: 3 } });
    const central = await prisma.unitType.findUniqueOrThrow({ where: { code: "co-quan-trung-uong" }, select: { id: true } });
    // Sở Y tế's published index is typed with two digits swapped (85,74 for 85,47).
    const rows = [
      ...departments2019.units.map((unit) => [
        unit.name,
        "Sở, ban, ngành",
        unit.totalPoints,
        departments2019.maxPoints,
        unit.name === "Sở Y tế" ? "85,74" : percentText(unit.totalPoints),
        unit.rank,
        unit.rank === 1 ? "Nhóm 1" : null,
      ]),
      ...central2019.units.map((unit) => [unit.name, "Cơ quan Trung ương đóng trên địa bàn", unit.totalPoints, central2019.maxPoints, percentText(unit.totalPoints), unit.rank, null]),
    ];
    const file = await announcementXlsx(rows);
    const input = form(file, { bands: { [departments.id]: BANDS, [central.id]: "" } });
    const lastEvent = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } });

    const previewed = await preview(input);
    if (!previewed.ok) throw new Error(previewed.message);
    const { value } = previewed;
    expect(value.errors).toEqual([]);
    expect(value.unitTypes.map((unitType) => [unitType.name, unitType.rows.length])).toEqual([
      ["Sở, ban, ngành", 17],
      ["Cơ quan Trung ương đóng trên địa bàn", 5],
    ]);
    // Every published % and rank comes out again — but the one typed wrong.
    for (const [unitType, table] of [[value.unitTypes[0]!, departments2019], [value.unitTypes[1]!, central2019]] as const) {
      expect(unitType.rows.map((row) => [row.agencyName.toLowerCase(), row.computed.indexPercent, row.computed.rank])).toEqual(
        table.units.map((unit) => [unit.name.toLowerCase(), unit.totalPoints.toFixed(2), unit.rank]),
      );
    }
    expect(value.unitTypes.flatMap((unitType) => unitType.rows.filter((row) => row.differences.length > 0))).toEqual([
      expect.objectContaining({
        agencyName: "Sở Y tế",
        computed: { indexPercent: "85.47", rank: 12, rankedCount: 17, bandLabel: "Nhóm 2" },
        published: { indexPercent: "85.740", rank: 12, bandLabel: null },
        differences: ["indexPercent"],
      }),
    ]);
    // Existing agencies are matched by name whatever the case ("Sở Công thương"); the others are new.
    expect(value.newAgencies).toEqual([
      { name: "Sở Lao động, Thương binh và Xã hội", unitTypeName: "Sở, ban, ngành" },
      ...central2019.units.map((unit) => ({ name: unit.name, unitTypeName: "Cơ quan Trung ương đóng trên địa bàn" })),
    ]);
    expect(value.counts).toEqual({ rows: 22, errors: 0, newAgencies: 6, differences: 1 });
    expect(await prisma.assessmentYear.findUnique({ where: { year: 2019 } })).toBeNull();

    // A different file or band than the one previewed is refused.
    expect(await applyHistoryImport(prisma, adminId, { ...input, bands: { [departments.id]: "Nhóm 1: 90\nNhóm 2: 0" }, previewToken: value.previewToken }, NOW)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Tệp hoặc thông tin nhập đã thay đổi kể từ khi xem trước: hãy xem trước lại rồi mới ghi.",
    });

    const applied = await applyHistoryImport(prisma, adminId, { ...input, previewToken: value.previewToken }, NOW);
    expect(applied).toMatchObject({ ok: true, value: { results: 22, createdAgencies: 6, differences: 1 } });
    if (!applied.ok) return;

    const year = await prisma.assessmentYear.findUniqueOrThrow({ where: { year: 2019 }, select: { id: true, phase: true, precision: true } });
    expect(year).toMatchObject({ phase: "PUBLISHED", precision: 2 });
    const bands = await prisma.gradingBand.findMany({ where: { yearId: year.id }, orderBy: { sortOrder: "asc" }, select: { unitTypeId: true, label: true, minPercent: true } });
    expect(bands.map((band) => [band.unitTypeId, band.label, band.minPercent.toFixed(3)])).toEqual([
      [departments.id, "Nhóm 1", "90.000"],
      [departments.id, "Nhóm 2", "85.000"],
      [departments.id, "Nhóm 3", "0.000"],
    ]);

    // Results hold the computed figures and, beside them, the published ones.
    const health = await prisma.result.findFirstOrThrow({ where: { yearId: year.id, agency: { slug: "so-y-te" } } });
    expect({
      totalPoints: health.totalPoints.toFixed(3),
      indexPercent: health.indexPercent.toFixed(3),
      rank: health.rank,
      rankedCount: health.rankedCount,
      bandLabel: health.bandLabel,
      publishedPercent: health.publishedPercent?.toFixed(3),
      publishedRank: health.publishedRank,
      publishedBandLabel: health.publishedBandLabel,
      unitTypeId: health.unitTypeId,
      computedAt: health.computedAt,
    }).toEqual({
      totalPoints: "85.470",
      indexPercent: "85.470",
      rank: 12,
      rankedCount: 17,
      bandLabel: "Nhóm 2",
      publishedPercent: "85.740",
      publishedRank: 12,
      publishedBandLabel: null,
      unitTypeId: departments.id,
      computedAt: NOW,
    });
    // Against 2018: Sở Tài chính rose from 3rd to 1st, Sở Y tế fell from 2nd to 12th.
    const finance = await prisma.result.findFirstOrThrow({ where: { yearId: year.id, agency: { slug: "so-tai-chinh" } }, select: { rankChange: true, publishedBandLabel: true } });
    expect(finance).toEqual({ rankChange: 2, publishedBandLabel: "Nhóm 1" });
    expect(health.rankChange).toBe(-10);

    // The publication: the announcement's number and date, a valid snapshot of the computed results.
    const publication = await prisma.publication.findUniqueOrThrow({ where: { id: applied.value.publicationId } });
    expect({ number: publication.number, issuedOn: publication.issuedOn, publishedById: publication.publishedById, publishedAt: publication.publishedAt }).toEqual({
      number: "08/TB-UBND",
      issuedOn: new Date("2020-02-14T00:00:00Z"),
      publishedById: adminId,
      publishedAt: NOW,
    });
    const snapshot = ZPublicationSnapshot.parse(publication.snapshot);
    expect(snapshot.unitTypes.map((unitType) => unitType.rows.map((row) => [row.agencyName, row.indexPercent, row.rank]))).toEqual(
      value.unitTypes.map((unitType) => unitType.rows.map((row) => [row.agencyName, row.computed.indexPercent, row.computed.rank])),
    );
    const created = await prisma.agency.findFirstOrThrow({ where: { name: "Bảo hiểm xã hội tỉnh" }, select: { slug: true, unitTypeId: true, isRanked: true } });
    expect(created).toEqual({ slug: "bao-hiem-xa-hoi-tinh", unitTypeId: central.id, isRanked: true });

    // The public home page still shows the latest year, 2025.
    expect((await getLatestPublishedRanking(prisma))?.year).toBe(2025);

    const events = await prisma.auditEvent.findMany({ where: { id: { gt: lastEvent.id } }, orderBy: { id: "asc" }, select: { type: true, actorId: true, yearId: true, after: true } });
    expect(events.map((event) => event.type)).toEqual([...Array(6).fill("AGENCY_SAVED"), "HISTORY_IMPORTED"]);
    expect(events.at(-1)).toMatchObject({
      actorId: adminId,
      yearId: year.id,
      after: {
        year: 2019,
        number: "08/TB-UBND",
        issuedOn: "2020-02-14",
        results: 22,
        createdAgencies: ["Sở Lao động, Thương binh và Xã hội", ...central2019.units.map((unit) => unit.name)],
        differences: [{ agency: "Sở Y tế", fields: ["indexPercent"] }],
      },
    });

    // Imported once: never over itself.
    expect(await preview(input)).toMatchObject({ ok: false, code: "WRONG_PHASE" });
  });

  it("downloads the template with the columns the reader expects", async () => {
    const template = await getHistoryTemplate(prisma, adminId, { format: "xlsx" });
    if (!template.ok) throw new Error(template.message);
    expect(template.value.fileName).toBe("mau-ket-qua-cac-nam-truoc.xlsx");
    // Headers only: the reader accepts the columns and finds no data row.
    expect(await readTable({ fileName: "mau.xlsx", bytes: template.value.bytes }, { columns: HISTORY_COLUMNS })).toMatchObject({ ok: false, problem: "NO_DATA_ROWS" });
    expect(await getHistoryTemplate(prisma, await userId("thamdinh.snv@songlam.demo"), { format: "csv" })).toEqual(FORBIDDEN);
  });
});

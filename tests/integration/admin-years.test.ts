import { describe, expect, it } from "vitest";

import { changeYearPhase, previewYearPhaseChange } from "@/lib/services/change-year-phase";
import { createYear } from "@/lib/services/create-year";
import { extendDeadline } from "@/lib/services/extend-deadline";
import { saveGradingBands } from "@/lib/services/save-grading-bands";
import { savePhaseDeadlines } from "@/lib/services/save-phase-deadlines";
import { updateYearSettings } from "@/lib/services/update-year-settings";
import { createTestDatabase } from "@/tests/support/test-database";

// Years administration (issue 7 item 1) on the seeded province: 2024 and 2025 published, 2026 in
// self-assessment (deadline 15/01/2027). The describes run in order on one database: 2027 is
// created, set up and opened; 2026 is then taken through appraisal and explanation.
const { prisma } = await createTestDatabase("seeded");

const NOW = new Date("2026-12-01T09:00:00+07:00");
const FORBIDDEN = { ok: false, code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." };

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
const adminId = await userId("quantri@songlam.demo");
const leadId = await userId("thamdinh.snv@songlam.demo");
const editorId = await userId("bientap.syt@songlam.demo");
const yearId = async (year: number) => (await prisma.assessmentYear.findUniqueOrThrow({ where: { year }, select: { id: true } })).id;
const unitTypeId = async (code: string) => (await prisma.unitType.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
const departmentsId = await unitTypeId("so-ban-nganh");
const communesId = await unitTypeId("ubnd-cap-xa");

const settings = { precision: 2, isSurveyIncluded: true, maxBonusPoints: "2", maxPenaltyPoints: "3" };

/** The refusal of opening a year while another one is open (the workspaces show one year). */
const otherYearOpen = (year: number, phase: string) => ({
  path: `Kỳ đánh giá năm ${year}`,
  message: `Đang ở giai đoạn ${phase}. Các khu vực làm việc chỉ mở một kỳ đánh giá tại một thời điểm: hãy chốt kết quả kỳ đó trước.`,
});

/** Everything about a year that a refused call must leave as it was. */
async function yearState(id: string) {
  const [year, deadlines, bands, sets, events] = await Promise.all([
    prisma.assessmentYear.findUniqueOrThrow({ where: { id }, select: { phase: true, precision: true, isSurveyIncluded: true, maxBonusPoints: true, maxPenaltyPoints: true } }),
    prisma.phaseDeadline.findMany({ where: { yearId: id }, orderBy: { phase: "asc" }, select: { phase: true, startsAt: true, endsAt: true } }),
    prisma.gradingBand.findMany({ where: { yearId: id }, orderBy: [{ unitTypeId: "asc" }, { sortOrder: "asc" }], select: { unitTypeId: true, label: true, minPercent: true } }),
    prisma.criteriaSet.findMany({ where: { yearId: id }, orderBy: { unitTypeId: "asc" }, select: { id: true, frozenAt: true } }),
    prisma.auditEvent.count({ where: { yearId: id } }),
  ]);
  return { year, deadlines, bands, sets, events };
}

async function lastEvent(id: string) {
  return prisma.auditEvent.findFirstOrThrow({ where: { yearId: id }, orderBy: { id: "desc" }, select: { type: true, actorId: true, before: true, after: true } });
}

/** Stands in for the criteria set clone (another page's job): the sets of one year copied into another. */
async function copyCriteriaSets(fromYear: number, toYearId: string) {
  const sets = await prisma.criteriaSet.findMany({
    where: { year: { year: fromYear } },
    select: { unitTypeId: true, title: true, totalMaxPoints: true, criteria: { orderBy: { sortOrder: "asc" }, select: { id: true, parentId: true, code: true, title: true, section: true, maxPoints: true, method: true, params: true, appraiserUnitId: true, sortOrder: true } } },
  });
  for (const set of sets) {
    const created = await prisma.criteriaSet.create({ data: { yearId: toYearId, unitTypeId: set.unitTypeId, title: set.title, totalMaxPoints: set.totalMaxPoints }, select: { id: true } });
    const newIds = new Map(set.criteria.map((criterion) => [criterion.id, `${created.id}-${criterion.code}`]));
    await prisma.criterion.createMany({
      data: set.criteria.map(({ id, parentId, params, ...criterion }) => ({
        ...criterion,
        id: newIds.get(id)!,
        parentId: parentId ? newIds.get(parentId)! : null,
        params: params ?? undefined,
        criteriaSetId: created.id,
      })),
    });
  }
}

describe("createYear", () => {
  it("refuses anyone but an administrator, and a signed-out caller", async () => {
    const input = { year: 2027, ...settings };
    expect(await createYear(prisma, leadId, input)).toEqual(FORBIDDEN);
    expect(await createYear(prisma, editorId, input)).toEqual(FORBIDDEN);
    expect(await createYear(prisma, null, input)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await prisma.assessmentYear.count({ where: { year: 2027 } })).toBe(0);
  });

  it("lists every invalid field with its Vietnamese message", async () => {
    const refused = await createYear(prisma, adminId, { year: 1999, precision: 4, isSurveyIncluded: true, maxBonusPoints: "abc", maxPenaltyPoints: "-1" });
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(refused.ok ? [] : refused.issues).toEqual([
      { path: "precision", message: "Chọn 2 hoặc 3 chữ số thập phân." },
      { path: "maxBonusPoints", message: "Nhập số điểm từ 0 đến 999, tối đa 3 chữ số thập phân." },
      { path: "maxPenaltyPoints", message: "Nhập số điểm từ 0 đến 999, tối đa 3 chữ số thập phân." },
      { path: "year", message: "Năm đánh giá phải là số nguyên từ 2000 đến 2100." },
    ]);
  });

  it("refuses a year that exists, and copying from a year that does not", async () => {
    const events = await prisma.auditEvent.count();
    expect(await createYear(prisma, adminId, { year: 2026, ...settings })).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      issues: [{ path: "year", message: "Kỳ đánh giá năm 2026 đã có." }],
    });
    expect(await createYear(prisma, adminId, { year: 2029, ...settings, isCopyingPreviousYear: true })).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      issues: [{ path: "isCopyingPreviousYear", message: "Không có kỳ đánh giá năm 2028 để sao chép." }],
    });
    expect(await prisma.assessmentYear.count({ where: { year: 2029 } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(events);
  });

  it("creates 2027 in SETUP with 2026's bands and deadlines moved one year on, audited", async () => {
    const created = await createYear(prisma, adminId, { year: 2027, precision: "3", isSurveyIncluded: false, maxBonusPoints: "2,5", maxPenaltyPoints: 3, isCopyingPreviousYear: true });
    if (!created.ok) throw new Error(created.message);
    const previous = await yearState(await yearId(2026));
    expect(created.value).toEqual({ yearId: created.value.yearId, year: 2027, copiedBands: previous.bands.length, copiedDeadlines: previous.deadlines.length });
    const state = await yearState(created.value.yearId);
    expect(state.year).toMatchObject({ phase: "SETUP", precision: 3, isSurveyIncluded: false });
    expect([state.year.maxBonusPoints.toFixed(3), state.year.maxPenaltyPoints.toFixed(3)]).toEqual(["2.500", "3.000"]);
    expect(state.bands).toEqual(previous.bands);
    expect(state.deadlines.find((deadline) => deadline.phase === "SELF_ASSESSMENT")?.endsAt).toEqual(new Date("2028-01-15T23:59:59+07:00"));
    expect(state.deadlines.map((deadline) => deadline.phase)).toEqual(previous.deadlines.map((deadline) => deadline.phase));
    expect(state.sets).toEqual([]);
    expect(await lastEvent(created.value.yearId)).toEqual({
      type: "YEAR_CREATED",
      actorId: adminId,
      before: null,
      after: { year: 2027, phase: "SETUP", precision: 3, isSurveyIncluded: false, maxBonusPoints: "2.500", maxPenaltyPoints: "3.000", copiedFromYear: 2026, copiedBands: 8, copiedDeadlines: 4 },
    });
  });

  it("creates a year once when two administrators create it at the same moment", async () => {
    const results = await Promise.all([createYear(prisma, adminId, { year: 2030, ...settings }), createYear(prisma, adminId, { year: 2030, ...settings })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "year", message: "Kỳ đánh giá năm 2030 đã có." }] });
    expect(await prisma.auditEvent.count({ where: { type: "YEAR_CREATED", yearId: await yearId(2030) } })).toBe(1);
  });
});

describe("updateYearSettings", () => {
  it("changes a year in SETUP once, audited with before and after", async () => {
    const id = await yearId(2027);
    const input = { yearId: id, precision: 2, isSurveyIncluded: true, maxBonusPoints: "2", maxPenaltyPoints: "3,25" };
    expect(await updateYearSettings(prisma, adminId, input)).toEqual({ ok: true, value: { isChanged: true } });
    expect(await lastEvent(id)).toEqual({
      type: "YEAR_UPDATED",
      actorId: adminId,
      before: { precision: 3, isSurveyIncluded: false, maxBonusPoints: "2.500", maxPenaltyPoints: "3.000" },
      after: { precision: 2, isSurveyIncluded: true, maxBonusPoints: "2.000", maxPenaltyPoints: "3.250" },
    });
    const events = await prisma.auditEvent.count({ where: { yearId: id } });
    expect(await updateYearSettings(prisma, adminId, input)).toEqual({ ok: true, value: { isChanged: false } });
    expect(await prisma.auditEvent.count({ where: { yearId: id } })).toBe(events);
  });

  it("refuses once the year has left SETUP, non-administrators, bad input and unknown years, changing nothing", async () => {
    const id = await yearId(2026);
    const before = await yearState(id);
    expect(await updateYearSettings(prisma, adminId, { yearId: id, ...settings, precision: 3 })).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message:
        "Chỉ sửa được độ chính xác, việc tính điểm điều tra xã hội học và giới hạn điểm thưởng, điểm trừ khi kỳ đánh giá ở giai đoạn chuẩn bị (hiện ở giai đoạn Tự đánh giá): các giá trị này thay đổi điểm số đã chấm.",
    });
    expect(await updateYearSettings(prisma, leadId, { yearId: id, ...settings })).toEqual(FORBIDDEN);
    expect(await updateYearSettings(prisma, adminId, { yearId: id, ...settings, maxBonusPoints: "1,2345" })).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "maxBonusPoints", message: "Nhập số điểm từ 0 đến 999, tối đa 3 chữ số thập phân." }],
    });
    expect(await updateYearSettings(prisma, adminId, { yearId: "no-such-year", ...settings })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await yearState(id)).toEqual(before);
  });
});

describe("savePhaseDeadlines", () => {
  const days = {
    // As the form sends them (dd/mm/yyyy), or ISO.
    SELF_ASSESSMENT: { startsOn: "01/12/2027", endsOn: "20/01/2028" },
    APPRAISAL: { startsOn: "2028-01-21", endsOn: "2028-02-10" },
    EXPLANATION: { startsOn: "", endsOn: "2028-02-20" },
    FINALIZED: { startsOn: "", endsOn: "2028-03-02" },
  };

  it("stores days read in Vietnam time, the end at the last millisecond of its day, audited", async () => {
    const id = await yearId(2027);
    expect(await savePhaseDeadlines(prisma, adminId, { yearId: id, deadlines: days })).toEqual({ ok: true, value: { isChanged: true } });
    const stored = await prisma.phaseDeadline.findUniqueOrThrow({ where: { yearId_phase: { yearId: id, phase: "SELF_ASSESSMENT" } }, select: { startsAt: true, endsAt: true } });
    expect(stored).toEqual({ startsAt: new Date("2027-12-01T00:00:00+07:00"), endsAt: new Date("2028-01-20T23:59:59.999+07:00") });
    const event = await lastEvent(id);
    expect(event).toMatchObject({ type: "YEAR_UPDATED", actorId: adminId });
    expect((event.before as { deadlines: { phase: string; endsAt: string }[] }).deadlines[0]).toEqual({ phase: "SELF_ASSESSMENT", startsAt: null, endsAt: "2028-01-15T16:59:59.000Z" });
    expect((event.after as { deadlines: { phase: string; endsAt: string }[] }).deadlines).toEqual([
      { phase: "SELF_ASSESSMENT", startsAt: "2027-11-30T17:00:00.000Z", endsAt: "2028-01-20T16:59:59.999Z" },
      { phase: "APPRAISAL", startsAt: "2028-01-20T17:00:00.000Z", endsAt: "2028-02-10T16:59:59.999Z" },
      { phase: "EXPLANATION", startsAt: null, endsAt: "2028-02-20T16:59:59.999Z" },
      { phase: "FINALIZED", startsAt: null, endsAt: "2028-03-02T16:59:59.999Z" },
    ]);
    expect(await savePhaseDeadlines(prisma, adminId, { yearId: id, deadlines: days })).toEqual({ ok: true, value: { isChanged: false } });
  });

  it("lists every problem with the field it belongs to, and saves nothing", async () => {
    const id = await yearId(2027);
    const before = await yearState(id);
    const refused = await savePhaseDeadlines(prisma, adminId, {
      yearId: id,
      deadlines: { ...days, APPRAISAL: { startsOn: "2028-01-10", endsOn: "2028-01-05" }, EXPLANATION: { startsOn: "2028-02-12", endsOn: "" } },
    });
    expect(refused).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Dữ liệu nhập chưa hợp lệ.",
      issues: [
        { path: "deadlines.APPRAISAL.endsOn", message: "Giai đoạn Thẩm định: hạn kết thúc phải sau ngày bắt đầu." },
        { path: "deadlines.APPRAISAL.startsOn", message: "Giai đoạn Thẩm định: ngày bắt đầu phải sau hạn của giai đoạn Tự đánh giá (20/01/2028)." },
        { path: "deadlines.APPRAISAL.endsOn", message: "Giai đoạn Thẩm định: hạn kết thúc phải sau hạn của giai đoạn Tự đánh giá (20/01/2028)." },
        { path: "deadlines.EXPLANATION.endsOn", message: "Giai đoạn Giải trình: có ngày bắt đầu thì phải có hạn kết thúc." },
      ],
    });
    expect(await savePhaseDeadlines(prisma, adminId, { yearId: id, deadlines: { SELF_ASSESSMENT: { endsOn: "2028-02-30" } } })).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "deadlines.SELF_ASSESSMENT.endsOn", message: "Ngày không hợp lệ: nhập dạng dd/mm/yyyy, ví dụ 15/01/2027." }],
    });
    expect(await savePhaseDeadlines(prisma, adminId, { yearId: id, deadlines: { SETUP: { endsOn: "2027-12-01" } } })).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await savePhaseDeadlines(prisma, editorId, { yearId: id, deadlines: days })).toEqual(FORBIDDEN);
    expect(await savePhaseDeadlines(prisma, adminId, { yearId: "no-such-year", deadlines: days })).toMatchObject({ code: "NOT_FOUND" });
    expect(await yearState(id)).toEqual(before);
  });

  it("keeps a deadline the year has needed once in its phase, and refuses any change once the year is finalized", async () => {
    const id2026 = await yearId(2026);
    const before = await yearState(id2026);
    expect(await savePhaseDeadlines(prisma, adminId, { yearId: id2026, deadlines: { APPRAISAL: { endsOn: "2027-02-10" } } })).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "deadlines.SELF_ASSESSMENT.endsOn", message: "Giai đoạn Tự đánh giá: kỳ đánh giá đã bắt đầu giai đoạn này nên không bỏ hạn kết thúc được." }],
    });
    expect(await yearState(id2026)).toEqual(before);
    expect(await savePhaseDeadlines(prisma, adminId, { yearId: await yearId(2025), deadlines: days })).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Không sửa được thời hạn khi kỳ đánh giá ở giai đoạn Đã công bố.",
    });
  });
});

describe("saveGradingBands", () => {
  it("refuses bands with a gap, overlaps, bounds out of range and unreadable numbers, saving nothing", async () => {
    const id = await yearId(2027);
    const before = await yearState(id);
    expect(await saveGradingBands(prisma, adminId, { yearId: id, unitTypeId: departmentsId, bands: [{ label: "Tốt", minPercent: "80" }, { label: "Khá", minPercent: "50" }] })).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Dữ liệu nhập chưa hợp lệ.",
      issues: [{ path: "bands", message: "Các mức xếp loại phải phủ từ 0%: mức thấp nhất cần có ngưỡng dưới 0%." }],
    });
    const overlapping = await saveGradingBands(prisma, adminId, {
      yearId: id,
      unitTypeId: departmentsId,
      bands: [
        { label: "Xuất sắc", minPercent: "90" },
        { label: "Tốt", minPercent: "90,0" },
        { label: "Tốt", minPercent: "100,5" },
        { label: "Khá", minPercent: "0" },
      ],
    });
    expect(overlapping.ok ? [] : overlapping.issues?.map((issue) => issue.message)).toEqual([
      "Hai mức xếp loại có cùng ngưỡng dưới 90%.",
      "Mức xếp loại Tốt: ngưỡng dưới phải từ 0 đến 100%.",
      "Tên mức xếp loại Tốt bị trùng.",
    ]);
    expect(await saveGradingBands(prisma, adminId, { yearId: id, unitTypeId: departmentsId, bands: [{ label: " ", minPercent: "9O" }] })).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [
        { path: "bands.0.label", message: "Nhập tên mức xếp loại (tối đa 100 ký tự)." },
        { path: "bands.0.minPercent", message: "Nhập ngưỡng dưới là một số, tối đa 3 chữ số thập phân (ví dụ 90 hoặc 72,5)." },
      ],
    });
    expect(await saveGradingBands(prisma, adminId, { yearId: id, unitTypeId: departmentsId, bands: [] })).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "bands", message: "Chưa có mức xếp loại nào." }],
    });
    expect(await yearState(id)).toEqual(before);
  });

  it("replaces one unit type's bands, highest first, audited with before and after", async () => {
    const id = await yearId(2027);
    const communesBefore = await prisma.gradingBand.findMany({ where: { yearId: id, unitTypeId: communesId }, orderBy: { sortOrder: "asc" } });
    const saved = await saveGradingBands(prisma, adminId, {
      yearId: id,
      unitTypeId: departmentsId,
      bands: [
        { label: "Khá", minPercent: "0" },
        { label: "Tốt", minPercent: "72,5" },
        { label: "Xuất sắc", minPercent: 90 },
      ],
    });
    expect(saved).toEqual({ ok: true, value: { isChanged: true } });
    const stored = await prisma.gradingBand.findMany({ where: { yearId: id, unitTypeId: departmentsId }, orderBy: { sortOrder: "asc" }, select: { label: true, minPercent: true } });
    expect(stored.map((band) => [band.label, band.minPercent.toFixed(3)])).toEqual([
      ["Xuất sắc", "90.000"],
      ["Tốt", "72.500"],
      ["Khá", "0.000"],
    ]);
    expect(await prisma.gradingBand.findMany({ where: { yearId: id, unitTypeId: communesId }, orderBy: { sortOrder: "asc" } })).toEqual(communesBefore);
    expect(await lastEvent(id)).toEqual({
      type: "YEAR_UPDATED",
      actorId: adminId,
      before: {
        unitTypeId: departmentsId,
        unitType: "Sở, ban, ngành",
        bands: [
          { label: "Nhóm 1 (Xuất sắc)", minPercent: "90.000" },
          { label: "Nhóm 2 (Tốt)", minPercent: "80.000" },
          { label: "Nhóm 3 (Khá)", minPercent: "70.000" },
          { label: "Nhóm 4 (Trung bình)", minPercent: "0.000" },
        ],
      },
      after: {
        unitTypeId: departmentsId,
        unitType: "Sở, ban, ngành",
        bands: [
          { label: "Xuất sắc", minPercent: "90.000" },
          { label: "Tốt", minPercent: "72.500" },
          { label: "Khá", minPercent: "0.000" },
        ],
      },
    });
  });

  it("lets bands change during the year but not once it is finalized; refuses unknown unit types and non-administrators", async () => {
    const bands = [{ label: "Đạt", minPercent: "0" }];
    expect(await saveGradingBands(prisma, adminId, { yearId: await yearId(2025), unitTypeId: departmentsId, bands })).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Không sửa được xếp loại khi kỳ đánh giá ở giai đoạn Đã công bố: kết quả đã được tính theo xếp loại hiện có.",
    });
    expect(await saveGradingBands(prisma, adminId, { yearId: await yearId(2027), unitTypeId: "no-such-unit-type", bands })).toMatchObject({ code: "NOT_FOUND" });
    expect(await saveGradingBands(prisma, leadId, { yearId: await yearId(2027), unitTypeId: departmentsId, bands })).toEqual(FORBIDDEN);
    const id2026 = await yearId(2026);
    const original = await prisma.gradingBand.findMany({ where: { yearId: id2026, unitTypeId: communesId }, orderBy: { sortOrder: "asc" }, select: { label: true, minPercent: true } });
    expect(await saveGradingBands(prisma, adminId, { yearId: id2026, unitTypeId: communesId, bands: [{ label: "Tốt", minPercent: "85" }, ...bands] })).toEqual({ ok: true, value: { isChanged: true } });
    // Put 2026 back as seeded for the phase changes below.
    expect(
      await saveGradingBands(prisma, adminId, { yearId: id2026, unitTypeId: communesId, bands: original.map((band) => ({ label: band.label, minPercent: band.minPercent.toFixed(3) })) }),
    ).toEqual({ ok: true, value: { isChanged: true } });
  });
});

describe("changeYearPhase: SETUP → SELF_ASSESSMENT", () => {
  it("lists every unit type with active agencies that has no criteria set; inactive ones are not checked", async () => {
    const id = await yearId(2027);
    // A unit type whose only agency closed before the year: nobody to assess, nothing to check.
    const districts = await prisma.unitType.create({ data: { code: "ubnd-cap-huyen", name: "UBND cấp huyện", sortOrder: 3 }, select: { id: true } });
    await prisma.agency.create({ data: { slug: "huyen-cu", name: "UBND huyện Cũ", unitTypeId: districts.id, activeTo: new Date("2025-06-30") } });
    const activeDepartments = await prisma.agency.count({ where: { unitTypeId: departmentsId, OR: [{ activeTo: null }, { activeTo: { gt: NOW } }] } });
    const activeCommunes = await prisma.agency.count({ where: { unitTypeId: communesId, OR: [{ activeTo: null }, { activeTo: { gt: NOW } }] } });
    const before = await yearState(id);
    const expected = {
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Chưa thể chuyển sang giai đoạn Tự đánh giá: còn 3 vấn đề cần xử lý.",
      issues: [
        { path: "Sở, ban, ngành", message: `Chưa có bộ chỉ số năm 2027 cho ${activeDepartments} đơn vị đang hoạt động của khối.` },
        { path: "UBND cấp xã", message: `Chưa có bộ chỉ số năm 2027 cho ${activeCommunes} đơn vị đang hoạt động của khối.` },
        otherYearOpen(2026, "Tự đánh giá"),
      ],
    };
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "SETUP", to: "SELF_ASSESSMENT" }, NOW)).toEqual(expected);
    expect(await previewYearPhaseChange(prisma, adminId, { yearId: id, to: "SELF_ASSESSMENT" }, NOW)).toEqual({
      ok: true,
      value: { from: "SETUP", to: "SELF_ASSESSMENT", problems: expected.issues.map((issue) => ({ subject: issue.path, message: issue.message })) },
    });
    expect(await yearState(id)).toEqual(before);
  });

  it("fails on a criterion without an appraiser unit and on bands with a gap, then passes once fixed and freezes the sets", async () => {
    const id = await yearId(2027);
    await copyCriteriaSets(2026, id);
    const leaf = await prisma.criterion.findFirstOrThrow({
      where: { criteriaSet: { yearId: id, unitTypeId: departmentsId }, method: { notIn: ["SURVEY"] }, children: { none: {} } },
      orderBy: { sortOrder: "asc" },
      select: { id: true, code: true, appraiserUnitId: true },
    });
    await prisma.criterion.update({ where: { id: leaf.id }, data: { appraiserUnitId: null } });
    // Bands as an older import left them, never validated: nothing from 0% to 70%.
    await prisma.gradingBand.deleteMany({ where: { yearId: id, unitTypeId: communesId, minPercent: 0 } });
    // A set whose stated total no longer matches its domains.
    const communesSet = await prisma.criteriaSet.findFirstOrThrow({ where: { yearId: id, unitTypeId: communesId }, select: { id: true, totalMaxPoints: true } });
    await prisma.criteriaSet.update({ where: { id: communesSet.id }, data: { totalMaxPoints: communesSet.totalMaxPoints.plus(1) } });
    const before = await yearState(id);

    const refused = await changeYearPhase(prisma, adminId, { yearId: id, from: "SETUP", to: "SELF_ASSESSMENT" }, NOW);
    expect(refused).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Chưa thể chuyển sang giai đoạn Tự đánh giá: còn 4 vấn đề cần xử lý.",
      issues: [
        { path: "Sở, ban, ngành", message: `Các tiêu chí chưa có đơn vị thẩm định: ${leaf.code}.` },
        {
          path: "UBND cấp xã",
          message: `Tổng điểm tối đa của bộ chỉ số là ${communesSet.totalMaxPoints.plus(1).toString().replace(".", ",")} nhưng tổng các lĩnh vực là ${communesSet.totalMaxPoints.toString().replace(".", ",")}.`,
        },
        { path: "UBND cấp xã", message: "Xếp loại: Các mức xếp loại phải phủ từ 0%: mức thấp nhất cần có ngưỡng dưới 0%." },
        otherYearOpen(2026, "Tự đánh giá"),
      ],
    });
    expect(await yearState(id)).toEqual(before);
    expect(before.sets.every((set) => set.frozenAt === null)).toBe(true);

    await prisma.criterion.update({ where: { id: leaf.id }, data: { appraiserUnitId: leaf.appraiserUnitId } });
    await prisma.criteriaSet.update({ where: { id: communesSet.id }, data: { totalMaxPoints: communesSet.totalMaxPoints } });
    expect(
      await saveGradingBands(prisma, adminId, {
        yearId: id,
        unitTypeId: communesId,
        bands: [
          { label: "Tốt", minPercent: "80" },
          { label: "Đạt", minPercent: "0" },
        ],
      }),
    ).toMatchObject({ ok: true });
    // As if 2026 were finalized; put back below, for the phase changes of 2026 further down.
    const id2026 = await yearId(2026);
    await prisma.assessmentYear.update({ where: { id: id2026 }, data: { phase: "FINALIZED" } });
    expect(await previewYearPhaseChange(prisma, adminId, { yearId: id, to: "SELF_ASSESSMENT" }, NOW)).toEqual({ ok: true, value: { from: "SETUP", to: "SELF_ASSESSMENT", problems: [] } });

    // Two administrators click at once: the year changes once, the second is told it moved.
    const results = await Promise.all([
      changeYearPhase(prisma, adminId, { yearId: id, from: "SETUP", to: "SELF_ASSESSMENT" }, NOW),
      changeYearPhase(prisma, adminId, { yearId: id, from: "SETUP", to: "SELF_ASSESSMENT" }, NOW),
    ]);
    expect(results).toContainEqual({ ok: true, value: { phase: "SELF_ASSESSMENT", frozenCriteriaSets: 2, clearedResults: 0 } });
    expect(results).toContainEqual({
      ok: false,
      code: "STALE_VERSION",
      message: "Kỳ đánh giá vừa được chuyển sang giai đoạn Tự đánh giá bởi người khác. Vui lòng xem lại trước khi thao tác.",
      current: { phase: "SELF_ASSESSMENT" },
    });
    const after = await yearState(id);
    expect(after.year.phase).toBe("SELF_ASSESSMENT");
    expect(after.sets.map((set) => set.frozenAt)).toEqual([NOW, NOW]);
    expect(await prisma.auditEvent.findMany({ where: { yearId: id, type: "YEAR_PHASE_CHANGED" }, select: { actorId: true, before: true, after: true } })).toEqual([
      { actorId: adminId, before: { phase: "SETUP" }, after: { phase: "SELF_ASSESSMENT", frozenCriteriaSets: 2 } },
    ]);
    // The settings are now the year's as announced.
    expect(await updateYearSettings(prisma, adminId, { yearId: id, ...settings })).toMatchObject({ ok: false, code: "WRONG_PHASE" });
    await prisma.assessmentYear.update({ where: { id: id2026 }, data: { phase: "SELF_ASSESSMENT" } });
  });

  it("needs a self-assessment deadline still ahead", async () => {
    const created = await createYear(prisma, adminId, { year: 2031, ...settings });
    if (!created.ok) throw new Error(created.message);
    const id = created.value.yearId;
    await copyCriteriaSets(2026, id);
    for (const unitType of [departmentsId, communesId]) {
      expect(await saveGradingBands(prisma, adminId, { yearId: id, unitTypeId: unitType, bands: [{ label: "Đạt", minPercent: "0" }] })).toMatchObject({ ok: true });
    }
    const open = [otherYearOpen(2026, "Tự đánh giá"), otherYearOpen(2027, "Tự đánh giá")];
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "SETUP", to: "SELF_ASSESSMENT" }, NOW)).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "Thời hạn", message: "Chưa đặt hạn kết thúc giai đoạn Tự đánh giá." }, ...open],
    });
    expect(await savePhaseDeadlines(prisma, adminId, { yearId: id, deadlines: { SELF_ASSESSMENT: { endsOn: "2026-11-30" } } })).toMatchObject({ ok: true });
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "SETUP", to: "SELF_ASSESSMENT" }, NOW)).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "Thời hạn", message: "Hạn tự đánh giá (30/11/2026) đã qua: đặt hạn mới trước khi mở tự đánh giá." }, ...open],
    });
    expect((await yearState(id)).year.phase).toBe("SETUP");
  });
});

describe("changeYearPhase: through appraisal and explanation (2026)", () => {
  const BEFORE_DEADLINE = new Date("2027-01-10T09:00:00+07:00");
  const AFTER_DEADLINE = new Date("2027-01-20T09:00:00+07:00");
  const seededDays = {
    SELF_ASSESSMENT: { endsOn: "2027-01-15" },
    APPRAISAL: { endsOn: "2027-02-10" },
    EXPLANATION: { endsOn: "2027-02-20" },
    FINALIZED: { endsOn: "2027-03-02" },
  };

  it("refuses non-administrators, unknown years, a stale phase and skipping a phase", async () => {
    const id = await yearId(2026);
    const before = await yearState(id);
    expect(await changeYearPhase(prisma, leadId, { yearId: id, from: "SELF_ASSESSMENT", to: "APPRAISAL" }, AFTER_DEADLINE)).toEqual(FORBIDDEN);
    expect(await previewYearPhaseChange(prisma, editorId, { yearId: id, to: "APPRAISAL" }, AFTER_DEADLINE)).toEqual(FORBIDDEN);
    expect(await changeYearPhase(prisma, adminId, { yearId: "no-such-year", from: "SELF_ASSESSMENT", to: "APPRAISAL" }, AFTER_DEADLINE)).toMatchObject({ code: "NOT_FOUND" });
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "SELF_ASSESSMENT", to: "DONE" }, AFTER_DEADLINE)).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "SETUP", to: "SELF_ASSESSMENT" }, AFTER_DEADLINE)).toMatchObject({
      code: "STALE_VERSION",
      message: "Kỳ đánh giá vừa được chuyển sang giai đoạn Tự đánh giá bởi người khác. Vui lòng xem lại trước khi thao tác.",
    });
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "SELF_ASSESSMENT", to: "EXPLANATION" }, AFTER_DEADLINE)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Không thể chuyển thẳng từ giai đoạn Tự đánh giá sang giai đoạn Giải trình: mỗi giai đoạn phải được thực hiện lần lượt.",
    });
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "SELF_ASSESSMENT", to: "SETUP", reason: "Sửa bộ chỉ số" }, AFTER_DEADLINE)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Không thể chuyển từ giai đoạn Tự đánh giá về giai đoạn Chuẩn bị.",
    });
    expect(await yearState(id)).toEqual(before);
  });

  it("SELF_ASSESSMENT → APPRAISAL needs the appraisal deadline, and before the self-assessment deadline every agency's submission", async () => {
    const id = await yearId(2026);
    const withoutAppraisal = { SELF_ASSESSMENT: seededDays.SELF_ASSESSMENT, EXPLANATION: seededDays.EXPLANATION, FINALIZED: seededDays.FINALIZED };
    expect(await savePhaseDeadlines(prisma, adminId, { yearId: id, deadlines: withoutAppraisal })).toMatchObject({ ok: true });
    const notSubmitted = await prisma.agency.findMany({
      where: {
        OR: [{ activeTo: null }, { activeTo: { gt: BEFORE_DEADLINE } }],
        unitType: { criteriaSets: { some: { yearId: id } } },
        NOT: { assessments: { some: { yearId: id, status: { not: "DRAFT" } } } },
      },
      orderBy: { name: "asc" },
      select: { name: true },
    });
    expect(notSubmitted.map((agency) => agency.name)).toContain("Sở Y tế");
    expect(notSubmitted.map((agency) => agency.name)).not.toContain("Sở Tư pháp");
    const before = await yearState(id);
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "SELF_ASSESSMENT", to: "APPRAISAL" }, BEFORE_DEADLINE)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Chưa thể chuyển sang giai đoạn Thẩm định: còn 2 vấn đề cần xử lý.",
      issues: [
        { path: "Thời hạn", message: "Chưa đặt hạn kết thúc giai đoạn Thẩm định." },
        {
          path: "Thời hạn",
          message: `Hạn tự đánh giá (15/01/2027) chưa qua và còn ${notSubmitted.length} đơn vị chưa gửi kết quả tự đánh giá: ${notSubmitted.map((agency) => agency.name).join(", ")}.`,
        },
      ],
    });
    expect(await yearState(id)).toEqual(before);

    expect(await savePhaseDeadlines(prisma, adminId, { yearId: id, deadlines: seededDays })).toMatchObject({ ok: true });
    // Sở Y tế gets its own extension: the workflow keeps it open in APPRAISAL.
    const yte = await prisma.assessment.findFirstOrThrow({ where: { yearId: id, agency: { slug: "so-y-te" } }, select: { id: true } });
    expect(await extendDeadline(prisma, adminId, { assessmentId: yte.id, extendedTo: "2027-01-31T23:59:59.999+07:00" }, BEFORE_DEADLINE)).toMatchObject({ ok: true });
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "SELF_ASSESSMENT", to: "APPRAISAL" }, AFTER_DEADLINE)).toEqual({
      ok: true,
      value: { phase: "APPRAISAL", frozenCriteriaSets: 0, clearedResults: 0 },
    });
    expect(await lastEvent(id)).toEqual({ type: "YEAR_PHASE_CHANGED", actorId: adminId, before: { phase: "SELF_ASSESSMENT" }, after: { phase: "APPRAISAL" } });
  });

  it("APPRAISAL → EXPLANATION waits for running extensions and needs the explanation deadline", async () => {
    const id = await yearId(2026);
    const during = new Date("2027-01-25T09:00:00+07:00");
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "APPRAISAL", to: "EXPLANATION" }, during)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Chưa thể chuyển sang giai đoạn Giải trình: còn 1 vấn đề cần xử lý.",
      issues: [{ path: "Sở Y tế", message: "Được gia hạn tự đánh giá đến 31/01/2027; chuyển sang giai đoạn giải trình sẽ chấm dứt gia hạn này." }],
    });
    const withoutExplanation = { SELF_ASSESSMENT: seededDays.SELF_ASSESSMENT, APPRAISAL: seededDays.APPRAISAL };
    expect(await savePhaseDeadlines(prisma, adminId, { yearId: id, deadlines: withoutExplanation })).toMatchObject({ ok: true });
    const after = new Date("2027-02-11T09:00:00+07:00");
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "APPRAISAL", to: "EXPLANATION" }, after)).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "Thời hạn", message: "Chưa đặt hạn kết thúc giai đoạn Giải trình." }],
    });
    expect(await savePhaseDeadlines(prisma, adminId, { yearId: id, deadlines: seededDays })).toMatchObject({ ok: true });
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "APPRAISAL", to: "EXPLANATION" }, after)).toMatchObject({ ok: true, value: { phase: "EXPLANATION" } });
  });

  it("reopens one step back with a reason, and leaves finalizing to the results page", async () => {
    const id = await yearId(2026);
    const now = new Date("2027-02-12T09:00:00+07:00");
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "EXPLANATION", to: "FINALIZED" }, now)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Việc chốt kết quả (chuyển sang giai đoạn Đã chốt kết quả) thực hiện ở trang Kết quả thẩm định, nơi kết quả được tính và kiểm tra.",
    });
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "EXPLANATION", to: "APPRAISAL", reason: "  " }, now)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Dữ liệu nhập chưa hợp lệ.",
      issues: [{ path: "reason", message: "Nhập lý do mở lại giai đoạn." }],
    });
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "EXPLANATION", to: "APPRAISAL", reason: "Thẩm định lại lĩnh vực 3" }, now)).toMatchObject({ ok: true, value: { phase: "APPRAISAL" } });
    expect(await lastEvent(id)).toEqual({ type: "YEAR_PHASE_CHANGED", actorId: adminId, before: { phase: "EXPLANATION" }, after: { phase: "APPRAISAL", reason: "Thẩm định lại lĩnh vực 3" } });
    // Back to self-assessment only with a deadline ahead: the seeded one has passed.
    expect(await changeYearPhase(prisma, adminId, { yearId: id, from: "APPRAISAL", to: "SELF_ASSESSMENT", reason: "Gia hạn chung" }, now)).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "Thời hạn", message: "Hạn tự đánh giá (15/01/2027) đã qua: đặt hạn mới trước khi mở lại giai đoạn tự đánh giá." }],
    });
    expect((await yearState(id)).year.phase).toBe("APPRAISAL");
  });

  it("reopening a finalized year clears its computed results; a published year never moves, and publishing is not done here", async () => {
    const id2024 = await yearId(2024);
    const results = await prisma.result.count({ where: { yearId: id2024 } });
    expect(results).toBeGreaterThan(0);
    await prisma.assessmentYear.update({ where: { id: id2024 }, data: { phase: "FINALIZED" } });
    // While 2026 and 2027 are open, reopening 2024 would hide it from the workspaces.
    expect(await changeYearPhase(prisma, adminId, { yearId: id2024, from: "FINALIZED", to: "EXPLANATION", reason: "Sai sót điểm của một đơn vị" }, NOW)).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [otherYearOpen(2026, "Thẩm định"), otherYearOpen(2027, "Tự đánh giá")],
    });
    expect(await prisma.result.count({ where: { yearId: id2024 } })).toBe(results);
    await prisma.assessmentYear.updateMany({ where: { year: { in: [2026, 2027] } }, data: { phase: "FINALIZED" } });
    expect(await changeYearPhase(prisma, adminId, { yearId: id2024, from: "FINALIZED", to: "PUBLISHED" }, NOW)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Việc công bố kết quả thực hiện ở mục Công bố kết quả.",
    });
    expect(await changeYearPhase(prisma, adminId, { yearId: id2024, from: "FINALIZED", to: "EXPLANATION", reason: "Sai sót điểm của một đơn vị" }, NOW)).toEqual({
      ok: true,
      value: { phase: "EXPLANATION", frozenCriteriaSets: 0, clearedResults: results },
    });
    expect(await prisma.result.count({ where: { yearId: id2024 } })).toBe(0);

    const id2025 = await yearId(2025);
    const before = await yearState(id2025);
    expect(await changeYearPhase(prisma, adminId, { yearId: id2025, from: "PUBLISHED", to: "FINALIZED", reason: "Đính chính" }, NOW)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Kết quả đã công bố: kỳ đánh giá không chuyển giai đoạn được nữa. Sai sót được xử lý bằng một công bố đính chính.",
    });
    expect(await yearState(id2025)).toEqual(before);
  });
});

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { criteriaSetWorkbook } from "@/lib/exports/criteria-set-xlsx";
import { createCriteriaSet } from "@/lib/services/create-criteria-set";
import { exportCriteriaSet } from "@/lib/services/export-criteria-set";
import { applyCriteriaSetImport, previewCriteriaSetImport } from "@/lib/services/import-criteria-set";
import { saveCriteriaSet } from "@/lib/services/save-criteria-set";
import { freezeCriteriaSet, unfreezeCriteriaSet } from "@/lib/services/unfreeze-criteria-set";
import { createTestDatabase } from "@/tests/support/test-database";

// Criteria set administration (issue 7 item 3) on the seeded province: 2023–2026 have frozen sets
// (their years left SETUP); 2027 is created here in SETUP. The describes run in order on one database.
const { prisma } = await createTestDatabase("seeded");

const FORBIDDEN = { ok: false, code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." };
const UNAUTHENTICATED = { ok: false, code: "UNAUTHENTICATED", message: expect.any(String) };

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
const adminId = await userId("quantri@songlam.demo");
const leadId = await userId("thamdinh.snv@songlam.demo");
const editorId = await userId("bientap.syt@songlam.demo");
const departments = await prisma.unitType.findUniqueOrThrow({ where: { code: "so-ban-nganh" }, select: { id: true } });
const communes = await prisma.unitType.findFirstOrThrow({ where: { code: { not: "so-ban-nganh" } }, select: { id: true } });
const year2026 = await prisma.assessmentYear.findUniqueOrThrow({ where: { year: 2026 }, select: { id: true } });
const year2027 = await prisma.assessmentYear.create({ data: { year: 2027, phase: "SETUP", maxBonusPoints: "2.000", maxPenaltyPoints: "3.000" }, select: { id: true } });
const set2026 = await prisma.criteriaSet.findUniqueOrThrow({ where: { yearId_unitTypeId: { yearId: year2026.id, unitTypeId: departments.id } }, select: { id: true } });

/** Everything a set's tree holds, in the set's order, without ids: what "identical" means here. */
async function treeOf(criteriaSetId: string) {
  const rows = await prisma.criterion.findMany({
    where: { criteriaSetId },
    orderBy: { sortOrder: "asc" },
    select: {
      code: true,
      parent: { select: { code: true } },
      title: true,
      guidance: true,
      section: true,
      maxPoints: true,
      method: true,
      params: true,
      isEvidenceRequired: true,
      appraiserUnit: { select: { name: true } },
      sortOrder: true,
    },
  });
  return rows.map(({ parent, maxPoints, appraiserUnit, ...row }) => ({ ...row, parentCode: parent?.code ?? null, maxPoints: maxPoints.toFixed(3), appraiserUnit: appraiserUnit?.name ?? null }));
}

async function editorInput(criteriaSetId: string) {
  const set = await prisma.criteriaSet.findUniqueOrThrow({ where: { id: criteriaSetId }, select: { title: true, totalMaxPoints: true, updatedAt: true } });
  const rows = await prisma.criterion.findMany({
    where: { criteriaSetId },
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true, parent: { select: { code: true } }, title: true, guidance: true, section: true, maxPoints: true, method: true, params: true, isEvidenceRequired: true, appraiserUnitId: true },
  });
  return {
    criteriaSetId,
    expectedUpdatedAt: set.updatedAt.toISOString(),
    title: set.title,
    totalMaxPoints: Number(set.totalMaxPoints.toFixed(3)),
    criteria: rows.map(({ parent, maxPoints, params, id, ...row }) => ({ ...row, id: id as string | null, parentCode: parent?.code ?? null, maxPoints: Number(maxPoints.toFixed(3)), params: params as Record<string, unknown> | null })),
  };
}
type EditorInput = Awaited<ReturnType<typeof editorInput>>;

async function eventsOf(criteriaSetId: string) {
  return prisma.auditEvent.findMany({ where: { subjectType: "CriteriaSet", subjectId: criteriaSetId }, orderBy: { id: "asc" }, select: { type: true, actorId: true, yearId: true, before: true, after: true } });
}

let set2027 = "";

describe("creating a set for a year and unit type", () => {
  it("refuses anyone but an administrator, a year past SETUP, and an unknown year", async () => {
    expect(await createCriteriaSet(prisma, editorId, { yearId: year2027.id, unitTypeId: departments.id, source: "PREVIOUS_YEAR" })).toEqual(FORBIDDEN);
    expect(await createCriteriaSet(prisma, leadId, { yearId: year2027.id, unitTypeId: departments.id, source: "EMPTY" })).toEqual(FORBIDDEN);
    expect(await createCriteriaSet(prisma, null, { yearId: year2027.id, unitTypeId: departments.id, source: "EMPTY" })).toEqual(UNAUTHENTICATED);
    expect(await createCriteriaSet(prisma, adminId, { yearId: year2026.id, unitTypeId: departments.id, source: "EMPTY" })).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Chỉ tạo bộ chỉ số mới khi kỳ đánh giá đang ở giai đoạn chuẩn bị.",
    });
    expect(await createCriteriaSet(prisma, adminId, { yearId: "no-such-year", unitTypeId: departments.id, source: "EMPTY" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await createCriteriaSet(prisma, adminId, { yearId: year2027.id, unitTypeId: departments.id, source: "SOMEWHERE" })).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(await prisma.criteriaSet.count({ where: { yearId: year2027.id } })).toBe(0);
  });

  it("clones last year's set: the whole tree with params and appraiser units, never scores nor the frozen state", async () => {
    const created = await createCriteriaSet(prisma, adminId, { yearId: year2027.id, unitTypeId: departments.id, source: "PREVIOUS_YEAR" });
    if (!created.ok) throw new Error(created.message);
    set2027 = created.value.criteriaSetId;
    const source = await treeOf(set2026.id);
    expect(created.value).toEqual({ criteriaSetId: set2027, clonedFromYear: 2026, criteriaCount: source.length });
    expect(await treeOf(set2027)).toEqual(source);
    const copy = await prisma.criteriaSet.findUniqueOrThrow({ where: { id: set2027 }, select: { title: true, totalMaxPoints: true, frozenAt: true } });
    expect(copy).toEqual({ title: "Bộ chỉ số cải cách hành chính của các sở, ban, ngành tỉnh năm 2027", totalMaxPoints: expect.anything(), frozenAt: null });
    expect(copy.totalMaxPoints.toFixed(3)).toBe("100.000");
    // The 2026 set has scores and survey results; none came along.
    expect(await prisma.score.count({ where: { criterion: { criteriaSetId: set2026.id } } })).toBeGreaterThan(0);
    expect(await prisma.score.count({ where: { criterion: { criteriaSetId: set2027 } } })).toBe(0);
    expect(await prisma.surveyResult.count({ where: { criterion: { criteriaSetId: set2027 } } })).toBe(0);
    expect(await eventsOf(set2027)).toEqual([
      {
        type: "CRITERIA_SET_SAVED",
        actorId: adminId,
        yearId: year2027.id,
        before: null,
        after: expect.objectContaining({ criteriaCount: source.length, clonedFromYear: 2026, totalMaxPoints: "100.000" }),
      },
    ]);
  });

  it("refuses a second set for the same year and unit type, and a clone with nothing to copy", async () => {
    expect(await createCriteriaSet(prisma, adminId, { yearId: year2027.id, unitTypeId: departments.id, source: "EMPTY" })).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Năm 2027 đã có bộ chỉ số của khối Sở, ban, ngành.",
    });
    const newType = await prisma.unitType.create({ data: { code: "don-vi-su-nghiep", name: "Đơn vị sự nghiệp" }, select: { id: true } });
    expect(await createCriteriaSet(prisma, adminId, { yearId: year2027.id, unitTypeId: newType.id, source: "PREVIOUS_YEAR" })).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Không có bộ chỉ số của khối Đơn vị sự nghiệp ở năm nào trước năm 2027 để sao chép.",
    });
    expect(await prisma.criteriaSet.count({ where: { unitTypeId: newType.id } })).toBe(0);
  });

  it("creates an empty set with a default title", async () => {
    const created = await createCriteriaSet(prisma, adminId, { yearId: year2027.id, unitTypeId: communes.id, source: "EMPTY" });
    if (!created.ok) throw new Error(created.message);
    expect(created.value).toMatchObject({ clonedFromYear: null, criteriaCount: 0 });
    expect(await prisma.criteriaSet.findUniqueOrThrow({ where: { id: created.value.criteriaSetId }, select: { title: true } })).toEqual({
      title: "Bộ chỉ số cải cách hành chính khối UBND cấp xã năm 2027",
    });
  });
});

describe("saving the editor's tree", () => {
  const mutate = async (change: (input: EditorInput) => void) => {
    const input = await editorInput(set2027);
    change(input);
    return input;
  };
  const byCode = (input: EditorInput, code: string) => input.criteria.find((criterion) => criterion.code === code)!;

  it("refuses anyone but an administrator", async () => {
    const input = await editorInput(set2027);
    expect(await saveCriteriaSet(prisma, editorId, input)).toEqual(FORBIDDEN);
    expect(await saveCriteriaSet(prisma, leadId, input)).toEqual(FORBIDDEN);
    expect(await saveCriteriaSet(prisma, null, input)).toEqual(UNAUTHENTICATED);
  });

  it("refuses sums that do not add up, method params off the rules, duplicate codes and a leaf without appraiser unit — all at once, nothing saved", async () => {
    const before = await treeOf(set2027);
    const input = await mutate((draft) => {
      byCode(draft, "1.1.1").maxPoints = 2; // 1.1 is 3 = 1 + 2; now 2 + 2
      byCode(draft, "1.1.2").params = { ...byCode(draft, "1.1.2").params, tiers: [] };
      byCode(draft, "2.1").code = "2.2";
      byCode(draft, "2.2.1").appraiserUnitId = null;
    });
    const refused = await saveCriteriaSet(prisma, adminId, input);
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION_FAILED", message: expect.stringMatching(/^Bộ chỉ số còn \d+ lỗi nên chưa được lưu\.$/) });
    const issues = refused.ok ? [] : (refused.issues ?? []);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "2.2", message: "Mã tiêu chí 2.2 bị trùng." },
        { path: "1.1", message: "Tiêu chí 1.1: điểm tối đa 3 khác tổng điểm tối đa của các tiêu chí con (4)." },
        { path: "1.1.2", message: expect.stringMatching(/^Tiêu chí 1\.1\.2: phương pháp chấm hoặc tham số không hợp lệ/) },
        { path: "2.2.1", message: "Tiêu chí 2.2.1 chưa có đơn vị thẩm định." },
        // The repeated 2.2 is left out of the tree, so domain 2 no longer adds up either.
        { path: "2", message: "Tiêu chí 2: điểm tối đa 9 khác tổng điểm tối đa của các tiêu chí con (6)." },
      ]),
    );
    expect(await treeOf(set2027)).toEqual(before);
  });

  it("refuses an input that does not parse, and an unknown appraiser unit", async () => {
    expect(await saveCriteriaSet(prisma, adminId, { criteriaSetId: set2027 })).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    const input = await mutate((draft) => {
      byCode(draft, "2.2.1").appraiserUnitId = "no-such-unit";
    });
    expect(await saveCriteriaSet(prisma, adminId, input)).toMatchObject({ ok: false, code: "VALIDATION_FAILED", issues: [{ path: "2.2.1", message: "Tiêu chí 2.2.1: đơn vị thẩm định không tồn tại." }] });
  });

  it("saves edits, moves, renumbering, additions and deletions in place, with a CRITERIA_SET_SAVED summary", async () => {
    const original = await editorInput(set2027);
    const input = await mutate((draft) => {
      draft.title = "Bộ chỉ số sở, ban, ngành năm 2027 (dự thảo)";
      // Swap 1.1.1 and 1.1.2 (renumbered), retitle 2.1, delete 2.3.2 giving its point to 2.3.1,
      // and add a bonus item.
      const first = byCode(draft, "1.1.1");
      const second = byCode(draft, "1.1.2");
      first.code = "1.1.2";
      second.code = "1.1.1";
      draft.criteria.splice(draft.criteria.indexOf(first), 1);
      draft.criteria.splice(draft.criteria.indexOf(second) + 1, 0, first);
      byCode(draft, "2.1").title = "Tiêu chí đã sửa tên";
      const removed = byCode(draft, "2.3.2");
      const kept = byCode(draft, "2.3.1");
      kept.maxPoints += removed.maxPoints;
      draft.criteria.splice(draft.criteria.indexOf(removed), 1);
      draft.criteria.push({
        id: null,
        code: "T9",
        parentCode: null,
        title: "Sáng kiến cải cách hành chính được công nhận",
        guidance: null,
        section: "BONUS",
        maxPoints: 0.5,
        method: "BOOLEAN",
        params: {},
        isEvidenceRequired: true,
        appraiserUnitId: kept.appraiserUnitId,
      });
    });
    const movedId = byCode(original, "1.1.1").id as string;
    const keptIds = await prisma.criterion.findMany({ where: { criteriaSetId: set2027 }, select: { id: true } });
    const saved = await saveCriteriaSet(prisma, adminId, input);
    if (!saved.ok) throw new Error(`${saved.message} ${JSON.stringify(saved.issues)}`);
    expect(saved.value).toMatchObject({ added: 1, removed: 1 });

    const tree = await treeOf(set2027);
    expect(tree.map((row) => row.code)).toEqual(input.criteria.map((criterion) => criterion.code));
    expect(tree.find((row) => row.code === "2.1")?.title).toBe("Tiêu chí đã sửa tên");
    expect(tree.find((row) => row.code === "T9")).toMatchObject({ section: "BONUS", method: "BOOLEAN", maxPoints: "0.500", appraiserUnit: expect.any(String) });
    // The moved criterion kept its id under its new code.
    expect((await prisma.criterion.findUniqueOrThrow({ where: { id: movedId }, select: { code: true } })).code).toBe("1.1.2");
    expect(await prisma.criterion.count({ where: { id: { in: keptIds.map((row) => row.id) } } })).toBe(keptIds.length - 1);
    expect((await prisma.criteriaSet.findUniqueOrThrow({ where: { id: set2027 }, select: { title: true } })).title).toBe(input.title);

    const events = await eventsOf(set2027);
    expect(events.at(-1)).toEqual({
      type: "CRITERIA_SET_SAVED",
      actorId: adminId,
      yearId: year2027.id,
      before: expect.objectContaining({ title: original.title, criteriaCount: original.criteria.length }),
      after: expect.objectContaining({ title: input.title, criteriaCount: input.criteria.length, added: ["T9"], removed: ["2.3.2"], changed: ["1.1.1", "1.1.2", "2.1", "2.3.1"] }),
    });
  });

  it("refuses a save from an editor that loaded the set before the last save", async () => {
    const input = await editorInput(set2027);
    const stale = { ...input, expectedUpdatedAt: new Date(Date.parse(input.expectedUpdatedAt) - 60_000).toISOString() };
    expect(await saveCriteriaSet(prisma, adminId, stale)).toMatchObject({ ok: false, code: "STALE_VERSION" });
  });
});

describe("frozen sets", () => {
  it("refuses to edit or import into a frozen set, saying how to unfreeze it", async () => {
    const input = await editorInput(set2026.id);
    const frozen = { ok: false, code: "WRONG_PHASE", message: expect.stringMatching(/^Bộ chỉ số đã khóa từ ngày \d\d\/\d\d\/2026 \(kỳ đánh giá đã qua giai đoạn chuẩn bị\)\. Muốn sửa, quản trị viên phải mở khóa và nêu lý do\.$/) };
    expect(await saveCriteriaSet(prisma, adminId, input)).toEqual(frozen);
    const file = { criteriaSetId: set2026.id, fileName: "bo-chi-so.json", bytes: new TextEncoder().encode("{}") };
    expect(await previewCriteriaSetImport(prisma, adminId, file)).toEqual(frozen);
    expect(await applyCriteriaSetImport(prisma, adminId, file)).toEqual(frozen);
  });

  it("unfreezes only for an administrator with a reason, audited; then refuses to delete or re-method a scored criterion", async () => {
    expect(await unfreezeCriteriaSet(prisma, editorId, { criteriaSetId: set2026.id, reason: "Sửa lỗi chính tả tiêu chí 2.1" })).toEqual(FORBIDDEN);
    expect(await unfreezeCriteriaSet(prisma, adminId, { criteriaSetId: set2026.id, reason: "sửa" })).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      issues: [{ path: "reason", message: "Vui lòng nêu lý do mở khóa (ít nhất 10 ký tự)." }],
    });
    expect(await unfreezeCriteriaSet(prisma, adminId, { criteriaSetId: set2026.id, reason: "Sửa lỗi chính tả tiêu chí 2.1 theo Quyết định 12/QĐ-UBND" })).toEqual({ ok: true, value: { frozenAt: null } });
    expect(await unfreezeCriteriaSet(prisma, adminId, { criteriaSetId: set2026.id, reason: "Lần thứ hai, không cần" })).toEqual({ ok: false, code: "WRONG_PHASE", message: "Bộ chỉ số đang không bị khóa." });
    expect((await eventsOf(set2026.id)).at(-1)).toEqual({
      type: "CRITERIA_SET_UNFROZEN",
      actorId: adminId,
      yearId: year2026.id,
      before: { frozenAt: expect.any(String) },
      after: { frozenAt: null, reason: "Sửa lỗi chính tả tiêu chí 2.1 theo Quyết định 12/QĐ-UBND" },
    });

    const scored = await prisma.score.findFirstOrThrow({ where: { criterion: { criteriaSetId: set2026.id } }, select: { criterion: { select: { code: true, parent: { select: { code: true } } } } } });
    const code = scored.criterion.code;
    const before = await treeOf(set2026.id);
    const input = await editorInput(set2026.id);
    // Delete the scored criterion and give its points to a sibling, so the sums still add up.
    const victim = input.criteria.find((criterion) => criterion.code === code)!;
    const sibling = input.criteria.find((criterion) => criterion.parentCode === victim.parentCode && criterion.code !== code && criterion.method !== null);
    if (!sibling) throw new Error(`No sibling for ${code}`);
    sibling.maxPoints += victim.maxPoints;
    sibling.method = "MANUAL";
    sibling.params = { step: 0.25 };
    input.criteria.splice(input.criteria.indexOf(victim), 1);
    const refused = await saveCriteriaSet(prisma, adminId, input);
    expect(refused).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Không thể lưu: thay đổi này ảnh hưởng đến tiêu chí đã có điểm chấm hoặc điểm điều tra.",
      issues: expect.arrayContaining([{ path: code, message: `Không thể xóa tiêu chí ${code} vì đã có điểm chấm hoặc điểm điều tra xã hội học.` }]),
    });
    expect(await treeOf(set2026.id)).toEqual(before);

    // A correction that keeps every scored criterion goes through.
    const fix = await editorInput(set2026.id);
    fix.criteria.find((criterion) => criterion.code === code)!.title += " (đã sửa)";
    expect(await saveCriteriaSet(prisma, adminId, fix)).toMatchObject({ ok: true, value: { added: 0, removed: 0, changed: 1 } });
  });

  it("freezes again, audited, and refuses to freeze twice or a set whose year is still in SETUP", async () => {
    const now = new Date("2026-12-02T09:00:00+07:00");
    expect(await freezeCriteriaSet(prisma, adminId, { criteriaSetId: set2027 }, now)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Kỳ đánh giá đang ở giai đoạn chuẩn bị: bộ chỉ số sẽ tự khóa khi kỳ chuyển sang giai đoạn tự đánh giá.",
    });
    expect(await freezeCriteriaSet(prisma, editorId, { criteriaSetId: set2026.id }, now)).toEqual(FORBIDDEN);
    expect(await freezeCriteriaSet(prisma, adminId, { criteriaSetId: set2026.id }, now)).toEqual({ ok: true, value: { frozenAt: now } });
    expect(await freezeCriteriaSet(prisma, adminId, { criteriaSetId: set2026.id }, now)).toEqual({ ok: false, code: "WRONG_PHASE", message: "Bộ chỉ số đã được khóa." });
    expect((await eventsOf(set2026.id)).at(-1)).toMatchObject({ type: "CRITERIA_SET_SAVED", before: { frozenAt: null }, after: { frozenAt: now.toISOString() } });
    expect(await saveCriteriaSet(prisma, adminId, await editorInput(set2026.id))).toMatchObject({ ok: false, code: "WRONG_PHASE" });
  });
});

describe("export", () => {
  it("refuses anyone but an administrator", async () => {
    expect(await exportCriteriaSet(prisma, editorId, { criteriaSetId: set2026.id })).toEqual(FORBIDDEN);
    expect(await exportCriteriaSet(prisma, adminId, { criteriaSetId: "nothing" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("writes a workbook with the template sheet and the guide", async () => {
    const exported = await exportCriteriaSet(prisma, adminId, { criteriaSetId: set2026.id });
    if (!exported.ok) throw new Error(exported.message);
    expect(exported.value.fileBaseName).toBe("bo-chi-so-2026-so-ban-nganh");
    const bytes = await criteriaSetWorkbook(exported.value.document);
    expect(new Uint8Array(bytes).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });
});

describe("JSON round trip and import", () => {
  it("exports the 2026 departments set to JSON and imports it into 2027 communes: the same tree", async () => {
    const empty = (await prisma.criteriaSet.findUniqueOrThrow({ where: { yearId_unitTypeId: { yearId: year2027.id, unitTypeId: communes.id } }, select: { id: true } })).id;
    const exported = await exportCriteriaSet(prisma, adminId, { criteriaSetId: set2026.id });
    if (!exported.ok) throw new Error(exported.message);
    const file = { criteriaSetId: empty, fileName: "bo-chi-so-2026.json", bytes: new TextEncoder().encode(JSON.stringify(exported.value.document, null, 2)) };

    const preview = await previewCriteriaSetImport(prisma, adminId, file);
    if (!preview.ok) throw new Error(preview.message);
    const source = await treeOf(set2026.id);
    expect(preview.value).toEqual({
      format: "JSON",
      rowCount: source.length,
      problems: [],
      changes: { added: source.map((row) => row.code), removed: [], changed: [], criteriaCount: source.length, totalMaxPoints: "100.000" },
    });
    expect(await prisma.criterion.count({ where: { criteriaSetId: empty } })).toBe(0);

    expect(await applyCriteriaSetImport(prisma, editorId, file)).toEqual(FORBIDDEN);
    const applied = await applyCriteriaSetImport(prisma, adminId, file);
    expect(applied).toMatchObject({ ok: true, value: { criteriaCount: source.length, removed: [], changed: [] } });
    expect(await treeOf(empty)).toEqual(source);
    expect((await eventsOf(empty)).at(-1)).toMatchObject({
      type: "CRITERIA_SET_IMPORTED",
      actorId: adminId,
      before: { criteriaCount: 0 },
      after: { fileName: "bo-chi-so-2026.json", format: "JSON", criteriaCount: source.length },
    });

    // Imported again, unchanged: every criterion keeps its id.
    const ids = await prisma.criterion.findMany({ where: { criteriaSetId: empty }, select: { id: true }, orderBy: { id: "asc" } });
    expect(await applyCriteriaSetImport(prisma, adminId, file)).toMatchObject({ ok: true, value: { added: [], removed: [], changed: [] } });
    expect(await prisma.criterion.findMany({ where: { criteriaSetId: empty }, select: { id: true }, orderBy: { id: "asc" } })).toEqual(ids);
  });

  it("lists every problem of a broken file with its row and column, and saves nothing", async () => {
    const exported = await exportCriteriaSet(prisma, adminId, { criteriaSetId: set2026.id });
    if (!exported.ok) throw new Error(exported.message);
    const document = structuredClone(exported.value.document);
    const index = (code: string) => document.criteria.findIndex((criterion) => criterion.code === code);
    document.criteria[index("1.1.1")]!.maxPoints = 5;
    document.criteria[index("2.1")]!.appraiserUnit = "Sở Không Tồn Tại";
    document.criteria[index("3.5")]!.params = { step: 0.3 };
    document.criteria[index("3.5")]!.method = "MANUAL";
    document.criteria[index("P1")]!.method = "BOOLEAN";
    document.criteria[index("P1")]!.params = {};
    document.criteria[index("1")]!.maxPoints = 11;
    const before = await treeOf(set2027);
    const file = { criteriaSetId: set2027, fileName: "loi.json", bytes: new TextEncoder().encode(JSON.stringify(document)) };
    const preview = await previewCriteriaSetImport(prisma, adminId, file);
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.value.changes).toBeNull();
    expect(preview.value.problems).toEqual(
      expect.arrayContaining([
        { row: index("1.1") + 1, column: "maxPoints", message: "Tiêu chí 1.1: điểm tối đa 3 khác tổng điểm tối đa của các tiêu chí con (7)." },
        { row: index("2.1") + 1, column: "appraiserUnit", message: 'Không có đơn vị thẩm định tên "Sở Không Tồn Tại".' },
        { row: index("3.5") + 1, column: "params", message: "Tiêu chí 3.5: điểm tối đa không chia hết cho bước chấm 0,3." },
        { row: index("P1") + 1, column: "method", message: "Tiêu chí điểm trừ P1 phải chấm theo số lần vi phạm (trừ điểm mỗi lần)." },
        { row: null, column: null, message: "Tổng điểm tối đa của bộ chỉ số là 100 nhưng tổng các lĩnh vực là 101." },
      ]),
    );
    const applied = await applyCriteriaSetImport(prisma, adminId, file);
    expect(applied).toMatchObject({ ok: false, code: "VALIDATION_FAILED", message: `Tệp còn ${preview.value.problems.length} lỗi nên chưa được nhập.` });
    expect(applied.ok ? [] : applied.issues).toContainEqual({ path: `Dòng ${index("2.1") + 1}, cột appraiserUnit`, message: 'Không có đơn vị thẩm định tên "Sở Không Tồn Tại".' });
    expect(await treeOf(set2027)).toEqual(before);
  });

  it("reports a file that is not JSON, empty, or of another type as one problem", async () => {
    const file = (fileName: string, content: string) => ({ criteriaSetId: set2027, fileName, bytes: new TextEncoder().encode(content) });
    const problems = async (fileName: string, content: string) => {
      const preview = await previewCriteriaSetImport(prisma, adminId, file(fileName, content));
      return preview.ok ? preview.value.problems : preview;
    };
    expect(await problems("a.json", "{ broken")).toEqual([{ row: null, column: null, message: "Tệp không phải JSON hợp lệ." }]);
    expect(await problems("a.json", "")).toEqual([{ row: null, column: null, message: "Tệp rỗng." }]);
    expect(await problems("a.pdf", "%PDF")).toEqual([{ row: null, column: null, message: "Chỉ nhập được tệp .xlsx, .csv hoặc .json." }]);
  });
});

describe("XLSX round trip and import", () => {
  async function exportedWorkbook() {
    const exported = await exportCriteriaSet(prisma, adminId, { criteriaSetId: set2026.id });
    if (!exported.ok) throw new Error(exported.message);
    return new Uint8Array(await criteriaSetWorkbook(exported.value.document));
  }
  /** The exported workbook with some cells changed (row 1 is the header; columns by header). */
  async function edited(change: (sheet: ExcelJS.Worksheet, cell: (code: string, header: string) => ExcelJS.Cell) => void) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportedWorkbook()).buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ""));
    const rowOf = new Map<string, number>();
    sheet.eachRow((row, rowNumber) => rowOf.set(String(row.getCell(1).value), rowNumber));
    change(sheet, (code, header) => sheet.getRow(rowOf.get(code)!).getCell(headers.indexOf(header)));
    return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), rowOf };
  }

  it("exports the seeded 2026 departments set to XLSX and imports it into another year and unit type: the same tree", async () => {
    const unitType = await prisma.unitType.findUniqueOrThrow({ where: { code: "don-vi-su-nghiep" }, select: { id: true } });
    const created = await createCriteriaSet(prisma, adminId, { yearId: year2027.id, unitTypeId: unitType.id, source: "EMPTY" });
    if (!created.ok) throw new Error(created.message);
    const target = created.value.criteriaSetId;
    const file = { criteriaSetId: target, fileName: "bo-chi-so-2026-so-ban-nganh.xlsx", bytes: await exportedWorkbook() };
    const source = await treeOf(set2026.id);

    const preview = await previewCriteriaSetImport(prisma, adminId, file);
    expect(preview).toMatchObject({ ok: true, value: { format: "XLSX", rowCount: source.length, problems: [], changes: { criteriaCount: source.length, totalMaxPoints: "100.000" } } });
    const applied = await applyCriteriaSetImport(prisma, adminId, file);
    expect(applied).toMatchObject({ ok: true, value: { criteriaCount: source.length } });
    expect(await treeOf(target)).toEqual(source);
    expect((await prisma.criteriaSet.findUniqueOrThrow({ where: { id: target }, select: { totalMaxPoints: true } })).totalMaxPoints.toFixed(3)).toBe("100.000");
    expect((await eventsOf(target)).at(-1)).toMatchObject({ type: "CRITERIA_SET_IMPORTED", after: { format: "XLSX", fileName: file.fileName } });
  });

  it("lists every row error with its row number and column header, and saves nothing", async () => {
    const { bytes, rowOf } = await edited((_sheet, cell) => {
      cell("1.1.1", "Điểm tối đa").value = "một";
      cell("1.2", "Phương pháp chấm").value = "ĐOÁN";
      cell("2.1.1", "Đơn vị thẩm định").value = null;
      cell("3.5", "Tham số (JSON)").value = "{\"tiers\": [";
      cell("4.1", "Yêu cầu tài liệu kiểm chứng").value = "Có thể";
    });
    const before = await treeOf(set2027);
    const file = { criteriaSetId: set2027, fileName: "sua.xlsx", bytes };
    const preview = await previewCriteriaSetImport(prisma, adminId, file);
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.value.problems.map((problem) => [problem.row, problem.column, problem.message])).toEqual([
      [rowOf.get("1.1.1"), "Điểm tối đa", "Không phải là số."],
      [rowOf.get("1.2"), "Phương pháp chấm", expect.stringMatching(/^Phương pháp chấm không hợp lệ/)],
      [rowOf.get("2.1.1"), "Đơn vị thẩm định", "Tiêu chí 2.1.1 chưa có đơn vị thẩm định."],
      [rowOf.get("3.5"), "Tham số (JSON)", "Tham số không phải JSON hợp lệ."],
      [rowOf.get("4.1"), "Yêu cầu tài liệu kiểm chứng", "Chỉ ghi Có hoặc Không."],
    ]);
    const applied = await applyCriteriaSetImport(prisma, adminId, file);
    expect(applied).toMatchObject({ ok: false, code: "VALIDATION_FAILED", message: "Tệp còn 5 lỗi nên chưa được nhập." });
    expect(applied.ok ? [] : applied.issues?.[0]).toEqual({ path: `Dòng ${rowOf.get("1.1.1")}, cột Điểm tối đa`, message: "Không phải là số." });
    expect(await treeOf(set2027)).toEqual(before);
  });

  it("refuses a file the shared reader cannot read, with its message", async () => {
    const { bytes } = await edited((sheet) => sheet.mergeCells("B3:B4"));
    const preview = await previewCriteriaSetImport(prisma, adminId, { criteriaSetId: set2027, fileName: "gop.xlsx", bytes });
    expect(preview).toMatchObject({ ok: true, value: { problems: [{ row: null, column: null, message: expect.stringMatching(/^Tệp có ô gộp \(B3, B4\)/) }], changes: null } });
    const csv = new TextEncoder().encode("Mã;Tên\n1;Lĩnh vực\n");
    const csvPreview = await previewCriteriaSetImport(prisma, adminId, { criteriaSetId: set2027, fileName: "sai-cot.csv", bytes: csv });
    expect(csvPreview).toMatchObject({ ok: true, value: { problems: [{ row: null, message: expect.stringMatching(/^Thiếu cột/) }] } });
  });

  it("reads the same template saved as CSV", async () => {
    const exported = await exportCriteriaSet(prisma, adminId, { criteriaSetId: set2026.id });
    if (!exported.ok) throw new Error(exported.message);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportedWorkbook()).buffer as ArrayBuffer);
    const csv = new Uint8Array(await workbook.csv.writeBuffer({ sheetId: workbook.worksheets[0]!.id }));
    const preview = await previewCriteriaSetImport(prisma, adminId, { criteriaSetId: set2027, fileName: "bo-chi-so.csv", bytes: csv });
    expect(preview).toMatchObject({ ok: true, value: { format: "CSV", problems: [], changes: { criteriaCount: exported.value.document.criteria.length } } });
  });
});

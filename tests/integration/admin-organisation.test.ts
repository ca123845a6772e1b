import { describe, expect, it } from "vitest";

import { DEMO_DEPARTMENTS, DEMO_SUCCESSIONS, DEPARTMENTS_UNIT_TYPE, SUCCESSION_DATE } from "@/prisma/seed/demo-province";
import { agencyFiltersFrom, agencyWhere } from "@/app/(workspace)/quan-tri/don-vi/agency-filters";
import { createCriteriaSet } from "@/lib/services/create-criteria-set";
import { deleteUnitType } from "@/lib/services/delete-unit-type";
import { getAgencyLineage } from "@/lib/services/get-agency-lineage";
import { mergeAgencies } from "@/lib/services/merge-agencies";
import { saveAgency } from "@/lib/services/save-agency";
import { saveAppraiserUnit } from "@/lib/services/save-appraiser-unit";
import { saveUnitType } from "@/lib/services/save-unit-type";
import type { ServiceResult } from "@/lib/services/service-result";
import { setUnitTypeActive } from "@/lib/services/set-unit-type-active";
import { splitAgency } from "@/lib/services/split-agency";
import { createTestDatabase } from "@/tests/support/test-database";

// Issue 7 item 2: unit types, agencies (merge and split) and appraiser units, administered on
// the seeded province. The describes run in order on one database.
const { prisma } = await createTestDatabase("seeded");

const NOW = new Date("2026-11-30T10:00:00+07:00");
const FORBIDDEN = { ok: false, code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." };
const UNAUTHENTICATED = { ok: false, code: "UNAUTHENTICATED", message: "Phiên đăng nhập đã hết hạn hoặc tài khoản đã bị khóa. Vui lòng đăng nhập lại." };

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
const adminId = await userId("quantri@songlam.demo");
const leadId = await userId("thamdinh.snv@songlam.demo");
const editorId = await userId("bientap.syt@songlam.demo");

async function unitTypeId(code: string) {
  return (await prisma.unitType.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}
async function agencyBySlug(slug: string) {
  return prisma.agency.findUniqueOrThrow({ where: { slug }, select: { id: true, name: true, slug: true, activeFrom: true, activeTo: true, unitTypeId: true, isRanked: true, parentId: true } });
}
const departmentsId = await unitTypeId(DEPARTMENTS_UNIT_TYPE.code);

/** What a refused write must leave untouched. */
async function organisation() {
  const [unitTypes, agencies, successions, appraiserUnits, events] = await Promise.all([
    prisma.unitType.findMany({ orderBy: { id: "asc" } }),
    prisma.agency.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, slug: true, unitTypeId: true, parentId: true, activeFrom: true, activeTo: true, isRanked: true } }),
    prisma.agencySuccession.findMany({ orderBy: { id: "asc" } }),
    prisma.appraiserUnit.findMany({ orderBy: { id: "asc" } }),
    prisma.auditEvent.count(),
  ]);
  return { unitTypes, agencies, successions, appraiserUnits, events };
}

/** Runs a write that must be refused with `message` (the refusal's, or one of its fields'), and checks that it saved nothing. */
async function expectRefused(write: () => Promise<ServiceResult<unknown>>, message: string) {
  const before = await organisation();
  const result = await write();
  expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
  expect(result.ok ? [] : [result.message, ...(result.issues ?? []).map((issue) => issue.message)]).toContain(message);
  expect(await organisation()).toEqual(before);
}

async function lastEvent(type: "UNIT_TYPE_SAVED" | "UNIT_TYPE_DELETED" | "AGENCY_SAVED" | "AGENCY_MERGED" | "AGENCY_SPLIT" | "APPRAISER_UNIT_SAVED") {
  return prisma.auditEvent.findFirstOrThrow({ where: { type }, orderBy: { id: "desc" }, select: { actorId: true, subjectId: true, before: true, after: true } });
}

const activeDepartments = DEMO_DEPARTMENTS.filter((agency) => agency.activeTo === undefined).length;

describe("who may administer the organisation", () => {
  it("refuses appraisers, agency staff and the signed-out, and changes nothing", async () => {
    const before = await organisation();
    const unitType = { name: "Khối mới", code: "khoi-moi", sortOrder: 3 };
    const agency = { name: "Đơn vị mới", unitTypeId: departmentsId };
    for (const actor of [leadId, editorId]) {
      expect(await saveUnitType(prisma, actor, unitType)).toEqual(FORBIDDEN);
      expect(await setUnitTypeActive(prisma, actor, { unitTypeId: departmentsId, isActive: false }, NOW)).toEqual(FORBIDDEN);
      expect(await deleteUnitType(prisma, actor, { unitTypeId: departmentsId }, NOW)).toEqual(FORBIDDEN);
      expect(await saveAgency(prisma, actor, agency, NOW)).toEqual(FORBIDDEN);
      expect(await mergeAgencies(prisma, actor, {}, NOW)).toEqual(FORBIDDEN);
      expect(await splitAgency(prisma, actor, {}, NOW)).toEqual(FORBIDDEN);
      expect(await saveAppraiserUnit(prisma, actor, { name: "Sở Mới" })).toEqual(FORBIDDEN);
    }
    expect(await saveUnitType(prisma, null, unitType)).toEqual(UNAUTHENTICATED);
    expect(await saveAgency(prisma, "no-such-user", agency, NOW)).toEqual(UNAUTHENTICATED);
    expect(await organisation()).toEqual(before);
  });
});

describe("unit types", () => {
  let districtsId = "";

  it("creates one and audits it", async () => {
    const result = await saveUnitType(prisma, adminId, { name: "  UBND cấp huyện ", code: "UBND-Cap-Huyen", sortOrder: "3" });
    if (!result.ok) throw new Error(result.message);
    districtsId = result.value.unitTypeId;
    expect(await prisma.unitType.findUniqueOrThrow({ where: { id: districtsId }, select: { name: true, code: true, sortOrder: true, deactivatedAt: true } })).toEqual({
      name: "UBND cấp huyện",
      code: "ubnd-cap-huyen",
      sortOrder: 3,
      deactivatedAt: null,
    });
    expect(await lastEvent("UNIT_TYPE_SAVED")).toEqual({
      actorId: adminId,
      subjectId: districtsId,
      before: null,
      after: { name: "UBND cấp huyện", code: "ubnd-cap-huyen", sortOrder: 3 },
    });
  });

  it("refuses a taken name or code, a malformed code or order, with the field's message", async () => {
    await expectRefused(() => saveUnitType(prisma, adminId, { name: DEPARTMENTS_UNIT_TYPE.name, code: "khac", sortOrder: 1 }), "Đã có loại đơn vị tên “Sở, ban, ngành”.");
    await expectRefused(() => saveUnitType(prisma, adminId, { name: "Khác", code: DEPARTMENTS_UNIT_TYPE.code, sortOrder: 1 }), "Mã “so-ban-nganh” đã được dùng cho loại đơn vị khác.");
    const malformed = await saveUnitType(prisma, adminId, { name: "", code: "mã có dấu", sortOrder: "-1" });
    expect(malformed).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(malformed.ok ? [] : malformed.issues).toEqual([
      { path: "name", message: "Vui lòng nhập tên." },
      { path: "code", message: "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối, ví dụ: so-ban-nganh." },
      { path: "sortOrder", message: "Thứ tự là số nguyên từ 0 đến 9999." },
    ]);
  });

  it("edits name, code and order with before and after; saving it unchanged writes nothing", async () => {
    const result = await saveUnitType(prisma, adminId, { unitTypeId: districtsId, name: "UBND cấp huyện (cũ)", code: "ubnd-cap-huyen", sortOrder: 9 });
    expect(result).toEqual({ ok: true, value: { unitTypeId: districtsId } });
    expect(await lastEvent("UNIT_TYPE_SAVED")).toMatchObject({
      before: { name: "UBND cấp huyện", code: "ubnd-cap-huyen", sortOrder: 3 },
      after: { name: "UBND cấp huyện (cũ)", code: "ubnd-cap-huyen", sortOrder: 9 },
    });
    const events = await prisma.auditEvent.count();
    expect(await saveUnitType(prisma, adminId, { unitTypeId: districtsId, name: "UBND cấp huyện (cũ)", code: "ubnd-cap-huyen", sortOrder: 9 })).toMatchObject({ ok: true });
    expect(await prisma.auditEvent.count()).toBe(events);
    expect(await saveUnitType(prisma, adminId, { unitTypeId: "no-such-type", name: "X", code: "x", sortOrder: 1 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("refuses deactivating or deleting a type that still has active agencies", async () => {
    const message = `Loại đơn vị “Sở, ban, ngành” còn ${activeDepartments} đơn vị đang hoạt động: hãy chuyển các đơn vị này sang loại khác hoặc cho ngừng hoạt động trước.`;
    await expectRefused(() => setUnitTypeActive(prisma, adminId, { unitTypeId: departmentsId, isActive: false }, NOW), message);
    await expectRefused(() => deleteUnitType(prisma, adminId, { unitTypeId: departmentsId }, NOW), message);
  });

  it("deactivates a type: it takes no new agency, keeps its ended ones, and can be used again", async () => {
    const ended = await saveAgency(prisma, adminId, { name: "Huyện Cũ", unitTypeId: districtsId, activeFrom: "2010-01-01", activeTo: "2025-06-30", isRanked: true }, NOW);
    if (!ended.ok) throw new Error(ended.message);

    const deactivated = await setUnitTypeActive(prisma, adminId, { unitTypeId: districtsId, isActive: false }, NOW);
    expect(deactivated).toEqual({ ok: true, value: { deactivatedAt: NOW } });
    expect(await lastEvent("UNIT_TYPE_SAVED")).toMatchObject({ subjectId: districtsId, before: { deactivatedAt: null }, after: { deactivatedAt: NOW.toISOString() } });

    const refusal = "Loại đơn vị “UBND cấp huyện (cũ)” đã ngừng sử dụng: không nhận thêm đơn vị đang hoạt động.";
    await expectRefused(() => saveAgency(prisma, adminId, { name: "Huyện Mới", unitTypeId: districtsId }, NOW), refusal);
    // Moving an active agency into it, or making its ended agency active again, is taking a new one.
    const health = await agencyBySlug("so-y-te");
    await expectRefused(() => saveAgency(prisma, adminId, { agencyId: health.id, name: health.name, slug: health.slug, unitTypeId: districtsId, isRanked: true }, NOW), refusal);
    await expectRefused(
      () => saveAgency(prisma, adminId, { agencyId: ended.value.agencyId, name: "Huyện Cũ", unitTypeId: districtsId, activeFrom: "2010-01-01", activeTo: null, isRanked: true }, NOW),
      refusal,
    );
    // It is not offered a criteria set for a new year.
    const setup = await prisma.assessmentYear.create({ data: { year: 2027 }, select: { id: true } });
    const noSet = await createCriteriaSet(prisma, adminId, { yearId: setup.id, unitTypeId: districtsId, source: "EMPTY" });
    expect(noSet).toEqual({ ok: false, code: "VALIDATION_FAILED", message: "Loại đơn vị “UBND cấp huyện (cũ)” đã ngừng sử dụng: không tạo bộ chỉ số cho năm mới." });
    expect(await prisma.criteriaSet.count({ where: { yearId: setup.id } })).toBe(0);
    // Its history can still be corrected.
    expect(
      await saveAgency(prisma, adminId, { agencyId: ended.value.agencyId, name: "Huyện Cũ (đã giải thể)", unitTypeId: districtsId, activeFrom: "2010-01-01", activeTo: "2025-06-30", isRanked: true }, NOW),
    ).toMatchObject({ ok: true });

    expect(await setUnitTypeActive(prisma, adminId, { unitTypeId: districtsId, isActive: "true" }, NOW)).toEqual({ ok: true, value: { deactivatedAt: null } });
    expect(await createCriteriaSet(prisma, adminId, { yearId: setup.id, unitTypeId: districtsId, source: "EMPTY" })).toMatchObject({ ok: true });
    const events = await prisma.auditEvent.count();
    expect(await setUnitTypeActive(prisma, adminId, { unitTypeId: districtsId, isActive: true }, NOW)).toEqual({ ok: true, value: { deactivatedAt: null } });
    expect(await prisma.auditEvent.count()).toBe(events);
  });

  it("deletes only a type nothing refers to; one with history must be deactivated instead", async () => {
    await expectRefused(
      () => deleteUnitType(prisma, adminId, { unitTypeId: districtsId }, NOW),
      "Loại đơn vị “UBND cấp huyện (cũ)” đã có đơn vị, bộ chỉ số hoặc kết quả đánh giá nên không xóa được; hãy ngừng sử dụng để giữ lịch sử.",
    );
    const created = await saveUnitType(prisma, adminId, { name: "Tạo nhầm", code: "tao-nham", sortOrder: 0 });
    if (!created.ok) throw new Error(created.message);
    expect(await deleteUnitType(prisma, adminId, { unitTypeId: created.value.unitTypeId }, NOW)).toEqual({ ok: true, value: { unitTypeId: created.value.unitTypeId } });
    expect(await prisma.unitType.findUnique({ where: { id: created.value.unitTypeId } })).toBeNull();
    expect(await lastEvent("UNIT_TYPE_DELETED")).toEqual({
      actorId: adminId,
      subjectId: created.value.unitTypeId,
      before: { name: "Tạo nhầm", code: "tao-nham", sortOrder: 0, deactivatedAt: null },
      after: null,
    });
    expect(await deleteUnitType(prisma, adminId, { unitTypeId: created.value.unitTypeId }, NOW)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("agencies", () => {
  it("creates one with a slug derived from its Vietnamese name and audits it", async () => {
    const result = await saveAgency(prisma, adminId, { name: "Sở Đối ngoại", shortName: "SĐN", unitTypeId: departmentsId, activeFrom: "2026-01-01", isRanked: "on" }, NOW);
    expect(result).toMatchObject({ ok: true, value: { slug: "so-doi-ngoai" } });
    const agency = await agencyBySlug("so-doi-ngoai");
    expect(agency).toMatchObject({ name: "Sở Đối ngoại", activeFrom: new Date("2026-01-01"), activeTo: null, isRanked: true, parentId: null });
    expect(await lastEvent("AGENCY_SAVED")).toEqual({
      actorId: adminId,
      subjectId: agency.id,
      before: null,
      after: { name: "Sở Đối ngoại", shortName: "SĐN", slug: "so-doi-ngoai", unitTypeId: departmentsId, parentId: null, activeFrom: "2026-01-01", activeTo: null, isRanked: true },
    });
  });

  it("refuses a slug another agency has, naming it, and a malformed one", async () => {
    await expectRefused(() => saveAgency(prisma, adminId, { name: "Sở Y tế mới", slug: "so-y-te", unitTypeId: departmentsId }, NOW), "Đường dẫn “so-y-te” đã được dùng cho đơn vị “Sở Y tế”.");
    await expectRefused(
      () => saveAgency(prisma, adminId, { name: "Sở Y tế mới", slug: "sở y tế", unitTypeId: departmentsId }, NOW),
      "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối, ví dụ: so-y-te.",
    );
  });

  it("keeps the slug of an agency with results, and lets one without results change it", async () => {
    const health = await agencyBySlug("so-y-te");
    expect(await prisma.result.count({ where: { agencyId: health.id } })).toBeGreaterThan(0);
    await expectRefused(
      () => saveAgency(prisma, adminId, { agencyId: health.id, name: health.name, slug: "y-te", unitTypeId: health.unitTypeId, isRanked: true }, NOW),
      "Đơn vị đã có kết quả đánh giá nên giữ nguyên đường dẫn “so-y-te”: trang công khai và dữ liệu đã công bố dùng đường dẫn này.",
    );
    const foreign = await agencyBySlug("so-doi-ngoai");
    const renamed = await saveAgency(prisma, adminId, { agencyId: foreign.id, name: foreign.name, shortName: "SĐN", slug: "so-doi-ngoai-tinh", unitTypeId: departmentsId, activeFrom: "2026-01-01", isRanked: true }, NOW);
    expect(renamed).toEqual({ ok: true, value: { agencyId: foreign.id, slug: "so-doi-ngoai-tinh" } });
    // Only the changed field is in the event.
    expect(await lastEvent("AGENCY_SAVED")).toMatchObject({ before: { slug: "so-doi-ngoai" }, after: { slug: "so-doi-ngoai-tinh" } });
  });

  it("edits the ranked flag, ends an agency with its last day, and writes nothing when unchanged", async () => {
    const foreign = await agencyBySlug("so-doi-ngoai-tinh");
    const fields = { agencyId: foreign.id, name: foreign.name, shortName: "SĐN", unitTypeId: departmentsId, activeFrom: "2026-01-01" };
    expect(await saveAgency(prisma, adminId, { ...fields, isRanked: false, activeTo: "2026-12-31" }, NOW)).toMatchObject({ ok: true });
    expect(await lastEvent("AGENCY_SAVED")).toMatchObject({ before: { activeTo: null, isRanked: true }, after: { activeTo: "2026-12-31", isRanked: false } });
    expect(await agencyBySlug("so-doi-ngoai-tinh")).toMatchObject({ isRanked: false, activeTo: new Date("2026-12-31") });
    const events = await prisma.auditEvent.count();
    expect(await saveAgency(prisma, adminId, { ...fields, slug: "", isRanked: false, activeTo: "2026-12-31" }, NOW)).toMatchObject({ ok: true });
    expect(await prisma.auditEvent.count()).toBe(events);
  });

  it("refuses a last day before the first, a parent that would make a cycle, dates against a recorded merger", async () => {
    const foreign = await agencyBySlug("so-doi-ngoai-tinh");
    const refused = await saveAgency(prisma, adminId, { agencyId: foreign.id, name: foreign.name, unitTypeId: departmentsId, activeFrom: "2026-01-01", activeTo: "2025-12-31" }, NOW);
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION_FAILED", issues: [{ path: "activeTo", message: "Ngày ngừng hoạt động không được trước ngày bắt đầu hoạt động." }] });
    expect(await saveAgency(prisma, adminId, { agencyId: foreign.id, name: foreign.name, unitTypeId: departmentsId, activeFrom: "2026-02-30" }, NOW)).toMatchObject({
      issues: [{ path: "activeFrom", message: "Ngày không hợp lệ." }],
    });

    const parent = await saveAgency(prisma, adminId, { name: "Huyện Thử", unitTypeId: departmentsId }, NOW);
    const child = await saveAgency(prisma, adminId, { name: "Xã Thử", unitTypeId: departmentsId, parentId: parent.ok ? parent.value.agencyId : "" }, NOW);
    if (!parent.ok || !child.ok) throw new Error("setup failed");
    const cycle = "Đơn vị cấp trên không thể là chính đơn vị này hoặc một đơn vị trực thuộc nó.";
    await expectRefused(() => saveAgency(prisma, adminId, { agencyId: parent.value.agencyId, name: "Huyện Thử", unitTypeId: departmentsId, parentId: child.value.agencyId }, NOW), cycle);
    await expectRefused(() => saveAgency(prisma, adminId, { agencyId: parent.value.agencyId, name: "Huyện Thử", unitTypeId: departmentsId, parentId: parent.value.agencyId }, NOW), cycle);
    await expectRefused(() => saveAgency(prisma, adminId, { name: "Xã Khác", unitTypeId: departmentsId, parentId: "no-such-agency" }, NOW), "Không tìm thấy đơn vị cấp trên đã chọn.");

    // Sở Kế hoạch và Đầu tư became part of Sở Tài chính on 01/03/2025 (seed): it cannot come back.
    const planning = await agencyBySlug("so-ke-hoach-va-dau-tu");
    await expectRefused(
      () => saveAgency(prisma, adminId, { agencyId: planning.id, name: planning.name, unitTypeId: planning.unitTypeId, activeTo: "", isRanked: true }, NOW),
      "Đơn vị đã được sáp nhập hoặc chia tách từ ngày 01/03/2025: ngày hoạt động cuối cùng phải trước ngày đó.",
    );
    const finance = await agencyBySlug("so-tai-chinh");
    await expectRefused(
      () => saveAgency(prisma, adminId, { agencyId: finance.id, name: finance.name, slug: finance.slug, unitTypeId: finance.unitTypeId, activeFrom: "2025-06-01", isRanked: true }, NOW),
      "Đơn vị tiếp nhận các đơn vị tiền thân từ ngày 01/03/2025: ngày bắt đầu hoạt động không được sau ngày đó.",
    );
    expect(await saveAgency(prisma, adminId, { agencyId: "no-such-agency", name: "X", unitTypeId: departmentsId }, NOW)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("merging agencies", () => {
  async function create(name: string, activeFrom = "2020-01-01") {
    const result = await saveAgency(prisma, adminId, { name, unitTypeId: departmentsId, activeFrom, isRanked: true }, NOW);
    if (!result.ok) throw new Error(result.message);
    return result.value.agencyId;
  }

  it("reads the seeded history: each successor with its predecessors, each predecessor with its successor", async () => {
    const environment = await agencyBySlug("so-nong-nghiep-va-moi-truong");
    const lineage = await getAgencyLineage(environment.id, prisma);
    const expected = DEMO_SUCCESSIONS.filter((succession) => succession.successor === "so-nong-nghiep-va-moi-truong").map((succession) => succession.predecessor);
    expect(lineage.predecessors.map((agency) => [agency.slug, agency.kind, agency.effectiveOn]).sort()).toEqual(expected.map((slug) => [slug, "MERGE", SUCCESSION_DATE]).sort());
    expect(lineage.successors).toEqual([]);
    const ethnic = await getAgencyLineage((await agencyBySlug("ban-dan-toc")).id, prisma);
    expect(ethnic).toMatchObject({ predecessors: [], successors: [{ slug: "so-dan-toc-va-ton-giao", kind: "RENAME", effectiveOn: SUCCESSION_DATE }] });
  });

  it("merges X and Y into a new Z: Z starts on the date, X and Y end the day before, all audited", async () => {
    const x = await create("Sở Thử X");
    const y = await create("Sở Thử Y");
    const result = await mergeAgencies(
      prisma,
      adminId,
      { predecessorIds: [x, y], successor: { kind: "new", name: "Sở Thử Z", unitTypeId: departmentsId, isRanked: true }, effectiveOn: "2026-07-01", note: "QĐ 12/QĐ-UBND" },
      NOW,
    );
    if (!result.ok) throw new Error(result.message);
    const [z] = result.value.successorIds;
    expect(await prisma.agency.findUniqueOrThrow({ where: { id: z }, select: { name: true, slug: true, activeFrom: true, activeTo: true } })).toEqual({
      name: "Sở Thử Z",
      slug: "so-thu-z",
      activeFrom: new Date("2026-07-01"),
      activeTo: null,
    });
    for (const id of [x, y]) {
      expect(await prisma.agency.findUniqueOrThrow({ where: { id }, select: { activeTo: true } })).toEqual({ activeTo: new Date("2026-06-30") });
    }
    const rows = await prisma.agencySuccession.findMany({ where: { successorId: z }, select: { predecessorId: true, kind: true, effectiveOn: true, note: true } });
    expect(rows.sort((a, b) => a.predecessorId.localeCompare(b.predecessorId))).toEqual(
      [x, y].sort().map((predecessorId) => ({ predecessorId, kind: "MERGE", effectiveOn: new Date("2026-07-01"), note: "QĐ 12/QĐ-UBND" })),
    );
    const event = await lastEvent("AGENCY_MERGED");
    expect(event).toMatchObject({
      actorId: adminId,
      subjectId: z,
      before: { predecessors: [{ id: x, activeTo: null }, { id: y, activeTo: null }] },
      after: { effectiveOn: "2026-07-01", predecessors: [{ id: x, activeTo: "2026-06-30" }, { id: y, activeTo: "2026-06-30" }], successors: [{ id: z, name: "Sở Thử Z", isNew: true }] },
    });
    expect(await lastEvent("AGENCY_SAVED")).toMatchObject({ subjectId: z, after: { name: "Sở Thử Z", activeFrom: "2026-07-01" } });

    const lineage = await getAgencyLineage(z!, prisma);
    expect(lineage.predecessors.map((agency) => agency.name).sort()).toEqual(["Sở Thử X", "Sở Thử Y"]);
    expect((await getAgencyLineage(x, prisma)).successors).toEqual([{ id: z, name: "Sở Thử Z", slug: "so-thu-z", kind: "MERGE", effectiveOn: "2026-07-01" }]);
  });

  it("keeps a merged agency's assessments and results under its own name and slug", async () => {
    const foreign = await agencyBySlug("so-ngoai-vu");
    const interior = await agencyBySlug("so-noi-vu");
    const history = async () => ({
      results: await prisma.result.findMany({ where: { agencyId: foreign.id }, orderBy: { yearId: "asc" } }),
      assessments: await prisma.assessment.count({ where: { agencyId: foreign.id } }),
    });
    const before = await history();
    expect(before.results.length).toBeGreaterThan(0);
    const result = await mergeAgencies(prisma, adminId, { predecessorIds: [foreign.id], successor: { kind: "existing", agencyId: interior.id }, effectiveOn: "2026-10-01" }, NOW);
    expect(result).toEqual({ ok: true, value: { predecessorIds: [foreign.id], successorIds: [interior.id] } });
    expect(await history()).toEqual(before);
    expect(await agencyBySlug("so-ngoai-vu")).toMatchObject({ name: "Sở Ngoại vụ", slug: "so-ngoai-vu", activeTo: new Date("2026-09-30") });
  });

  it("refuses merging an agency into itself", async () => {
    const x = await create("Sở Thử Tự Sáp Nhập");
    await expectRefused(
      () => mergeAgencies(prisma, adminId, { predecessorIds: [x], successor: { kind: "existing", agencyId: x }, effectiveOn: "2026-07-01" }, NOW),
      "Không thể sáp nhập hoặc chia tách đơn vị “Sở Thử Tự Sáp Nhập” vào chính nó.",
    );
  });

  it("refuses a successor that has itself become another agency, and an inactive successor", async () => {
    const w = await create("Sở Thử W");
    const x = await agencyBySlug("so-thu-z").then(() => prisma.agency.findFirstOrThrow({ where: { name: "Sở Thử X" }, select: { id: true } }));
    await expectRefused(
      () => mergeAgencies(prisma, adminId, { predecessorIds: [w], successor: { kind: "existing", agencyId: x.id }, effectiveOn: "2026-08-01" }, NOW),
      "Đơn vị tiếp nhận “Sở Thử X” đã được sáp nhập hoặc chia tách từ ngày 01/07/2026: hãy chọn đơn vị kế thừa của nó.",
    );
    const ended = await create("Sở Thử Đã Giải Thể", "2019-01-01");
    await saveAgency(prisma, adminId, { agencyId: ended, name: "Sở Thử Đã Giải Thể", unitTypeId: departmentsId, activeFrom: "2019-01-01", activeTo: "2021-12-31", isRanked: true }, NOW);
    await expectRefused(
      () => mergeAgencies(prisma, adminId, { predecessorIds: [w], successor: { kind: "existing", agencyId: ended }, effectiveOn: "2026-08-01" }, NOW),
      "Đơn vị tiếp nhận “Sở Thử Đã Giải Thể” không hoạt động vào ngày 01/08/2026.",
    );
  });

  it("refuses a date on or before a predecessor's first day, and a predecessor that ended long before", async () => {
    const late = await create("Sở Thử Mới Lập", "2026-09-01");
    const target = await create("Sở Thử Tiếp Nhận", "2015-01-01");
    await expectRefused(
      () => mergeAgencies(prisma, adminId, { predecessorIds: [late], successor: { kind: "existing", agencyId: target }, effectiveOn: "2026-09-01" }, NOW),
      "Ngày hiệu lực phải sau ngày bắt đầu hoạt động của “Sở Thử Mới Lập” (01/09/2026).",
    );
    const old = await create("Sở Thử Cũ", "2015-01-01");
    await saveAgency(prisma, adminId, { agencyId: old, name: "Sở Thử Cũ", unitTypeId: departmentsId, activeFrom: "2015-01-01", activeTo: "2020-12-31", isRanked: true }, NOW);
    await expectRefused(
      () => mergeAgencies(prisma, adminId, { predecessorIds: [old], successor: { kind: "existing", agencyId: target }, effectiveOn: "2026-09-01" }, NOW),
      "Đơn vị “Sở Thử Cũ” chỉ hoạt động đến ngày 31/12/2020, trước ngày hiệu lực: hãy kiểm tra lại ngày.",
    );
  });

  it("refuses recording a succession twice, and a predecessor that already became another agency", async () => {
    const planning = await agencyBySlug("so-ke-hoach-va-dau-tu");
    const finance = await agencyBySlug("so-tai-chinh");
    await expectRefused(
      () => mergeAgencies(prisma, adminId, { predecessorIds: [planning.id], successor: { kind: "existing", agencyId: finance.id }, effectiveOn: SUCCESSION_DATE }, NOW),
      "Đã ghi nhận “Sở Kế hoạch và Đầu tư” trở thành “Sở Tài chính” từ ngày 01/03/2025.",
    );
    const construction = await agencyBySlug("so-xay-dung");
    await expectRefused(
      () => mergeAgencies(prisma, adminId, { predecessorIds: [planning.id], successor: { kind: "existing", agencyId: construction.id }, effectiveOn: SUCCESSION_DATE }, NOW),
      "Đơn vị “Sở Kế hoạch và Đầu tư” đã được sáp nhập hoặc chia tách từ ngày 01/03/2025.",
    );
  });

  it("lists every problem at once, and refuses a new successor whose slug is taken or whose type is deactivated, saving nothing", async () => {
    const a = await create("Sở Thử A");
    const b = await create("Sở Thử B", "2026-10-01");
    const before = await organisation();
    const refused = await mergeAgencies(prisma, adminId, { predecessorIds: [a, a, b], successor: { kind: "existing", agencyId: a }, effectiveOn: "2026-10-01" }, NOW);
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect((refused.ok ? [] : (refused.issues ?? [])).map((issue) => issue.message)).toEqual([
      "Đơn vị “Sở Thử A” được chọn hai lần.",
      "Không thể sáp nhập hoặc chia tách đơn vị “Sở Thử A” vào chính nó.",
      "Ngày hiệu lực phải sau ngày bắt đầu hoạt động của “Sở Thử B” (01/10/2026).",
    ]);
    expect(await organisation()).toEqual(before);

    await expectRefused(
      () => mergeAgencies(prisma, adminId, { predecessorIds: [a], successor: { kind: "new", name: "Sở Y tế", unitTypeId: departmentsId }, effectiveOn: "2026-11-01" }, NOW),
      "Đường dẫn “so-y-te” đã được dùng cho đơn vị “Sở Y tế”.",
    );
    const closed = await saveUnitType(prisma, adminId, { name: "Khối đã đóng", code: "khoi-da-dong", sortOrder: 8 });
    if (!closed.ok) throw new Error(closed.message);
    await setUnitTypeActive(prisma, adminId, { unitTypeId: closed.value.unitTypeId, isActive: false }, NOW);
    await expectRefused(
      () => mergeAgencies(prisma, adminId, { predecessorIds: [a], successor: { kind: "new", name: "Sở Thử Mới", unitTypeId: closed.value.unitTypeId }, effectiveOn: "2026-11-01" }, NOW),
      "Loại đơn vị “Khối đã đóng” đã ngừng sử dụng: không nhận thêm đơn vị đang hoạt động.",
    );
    expect(await mergeAgencies(prisma, adminId, { predecessorIds: [], successor: { kind: "existing", agencyId: a }, effectiveOn: "2026-11-01" }, NOW)).toMatchObject({
      ok: false,
      issues: [{ path: "predecessorIds", message: "Chọn ít nhất một đơn vị được sáp nhập." }],
    });
    expect(await mergeAgencies(prisma, adminId, { predecessorIds: ["no-such-agency"], successor: { kind: "existing", agencyId: a }, effectiveOn: "2026-11-01" }, NOW)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });
});

describe("splitting an agency", () => {
  it("splits X into an existing Y and a new Z, ending X the day before, audited on X", async () => {
    const x = await saveAgency(prisma, adminId, { name: "Sở Thử Chia", unitTypeId: departmentsId, activeFrom: "2018-01-01" }, NOW);
    const y = await saveAgency(prisma, adminId, { name: "Sở Thử Nhận Một Phần", unitTypeId: departmentsId, activeFrom: "2018-01-01" }, NOW);
    if (!x.ok || !y.ok) throw new Error("setup failed");
    const result = await splitAgency(
      prisma,
      adminId,
      {
        predecessorId: x.value.agencyId,
        successors: [
          { kind: "existing", agencyId: y.value.agencyId },
          { kind: "new", name: "Sở Thử Tách Ra", shortName: "STTR", unitTypeId: departmentsId, isRanked: false },
        ],
        effectiveOn: "2026-01-01",
      },
      NOW,
    );
    if (!result.ok) throw new Error(result.message);
    const z = await agencyBySlug("so-thu-tach-ra");
    expect(result.value).toEqual({ predecessorIds: [x.value.agencyId], successorIds: [y.value.agencyId, z.id] });
    expect(z).toMatchObject({ activeFrom: new Date("2026-01-01"), isRanked: false });
    expect(await prisma.agency.findUniqueOrThrow({ where: { id: x.value.agencyId }, select: { activeTo: true } })).toEqual({ activeTo: new Date("2025-12-31") });
    const lineage = await getAgencyLineage(x.value.agencyId, prisma);
    expect(lineage.successors.map((agency) => [agency.name, agency.kind]).sort()).toEqual([
      ["Sở Thử Nhận Một Phần", "SPLIT"],
      ["Sở Thử Tách Ra", "SPLIT"],
    ]);
    expect(await lastEvent("AGENCY_SPLIT")).toMatchObject({
      subjectId: x.value.agencyId,
      after: { effectiveOn: "2026-01-01", successors: [{ id: y.value.agencyId, isNew: false }, { id: z.id, isNew: true }] },
    });
  });

  it("refuses a split into itself, into one agency, or into the same agency twice", async () => {
    const x = await saveAgency(prisma, adminId, { name: "Sở Thử Chia Lỗi", unitTypeId: departmentsId, activeFrom: "2018-01-01" }, NOW);
    const y = await agencyBySlug("so-y-te");
    if (!x.ok) throw new Error(x.message);
    const predecessorId = x.value.agencyId;
    await expectRefused(
      () => splitAgency(prisma, adminId, { predecessorId, successors: [{ kind: "existing", agencyId: predecessorId }, { kind: "existing", agencyId: y.id }], effectiveOn: "2026-01-01" }, NOW),
      "Không thể sáp nhập hoặc chia tách đơn vị “Sở Thử Chia Lỗi” vào chính nó.",
    );
    await expectRefused(
      () => splitAgency(prisma, adminId, { predecessorId, successors: [{ kind: "existing", agencyId: y.id }, { kind: "existing", agencyId: y.id }], effectiveOn: "2026-01-01" }, NOW),
      "Đơn vị “Sở Y tế” được chọn hai lần.",
    );
    expect(await splitAgency(prisma, adminId, { predecessorId, successors: [{ kind: "existing", agencyId: y.id }], effectiveOn: "2026-01-01" }, NOW)).toMatchObject({
      ok: false,
      issues: [{ path: "successors", message: "Chia tách cần ít nhất hai đơn vị sau chia tách." }],
    });
    expect(await splitAgency(prisma, adminId, { predecessorId, successors: [{ kind: "existing", agencyId: y.id }, { kind: "new", name: "", unitTypeId: departmentsId }], effectiveOn: "" }, NOW)).toMatchObject({
      ok: false,
      issues: [
        { path: "successors.1.name", message: "Vui lòng nhập tên." },
        { path: "effectiveOn", message: "Vui lòng nhập ngày." },
      ],
    });
  });
});

describe("appraiser units", () => {
  it("creates one bound to an agency, edits it with before and after, and refuses a taken name", async () => {
    const justice = await agencyBySlug("so-tu-phap");
    const created = await saveAppraiserUnit(prisma, adminId, { name: "Thanh tra tỉnh", agencyId: (await agencyBySlug("thanh-tra-tinh")).id, isCoordinator: false });
    if (!created.ok) throw new Error(created.message);
    const id = created.value.appraiserUnitId;
    expect(await lastEvent("APPRAISER_UNIT_SAVED")).toMatchObject({ subjectId: id, before: null, after: { name: "Thanh tra tỉnh", isCoordinator: false } });

    expect(await saveAppraiserUnit(prisma, adminId, { appraiserUnitId: id, name: "Thanh tra tỉnh (đoàn kiểm tra)", agencyId: justice.id, isCoordinator: "on" })).toEqual({ ok: true, value: { appraiserUnitId: id } });
    expect(await prisma.appraiserUnit.findUniqueOrThrow({ where: { id }, select: { name: true, agencyId: true, isCoordinator: true } })).toEqual({
      name: "Thanh tra tỉnh (đoàn kiểm tra)",
      agencyId: justice.id,
      isCoordinator: true,
    });
    expect(await lastEvent("APPRAISER_UNIT_SAVED")).toMatchObject({
      before: { name: "Thanh tra tỉnh", isCoordinator: false },
      after: { name: "Thanh tra tỉnh (đoàn kiểm tra)", agencyId: justice.id, isCoordinator: true },
    });

    await expectRefused(() => saveAppraiserUnit(prisma, adminId, { name: "Sở Nội vụ" }), "Đã có đơn vị thẩm định tên “Sở Nội vụ”.");
    await expectRefused(() => saveAppraiserUnit(prisma, adminId, { name: "Sở Khác", agencyId: "no-such-agency" }), "Không tìm thấy đơn vị đã chọn.");
    expect(await saveAppraiserUnit(prisma, adminId, { appraiserUnitId: "no-such-unit", name: "X" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("the agency list's filters", () => {
  const list = async (params: Record<string, string>) =>
    (await prisma.agency.findMany({ where: agencyWhere(agencyFiltersFrom(params), "2026-11-30"), select: { slug: true }, orderBy: { slug: "asc" } })).map((agency) => agency.slug);

  it("finds an agency by its name as typed, or without diacritics through its slug", async () => {
    expect(await list({ tim: "Y tế" })).toEqual(["so-y-te"]);
    expect(await list({ tim: "y te" })).toEqual(["so-y-te"]);
    expect(await list({ tim: "SYT" })).toEqual(["so-y-te"]);
  });

  it("lists active agencies by default, ended ones on demand, and filters by unit type", async () => {
    const ended = DEMO_DEPARTMENTS.filter((agency) => agency.activeTo !== undefined).map((agency) => agency.slug);
    const endedListed = await list({ "trang-thai": "ended", loai: departmentsId });
    for (const slug of ended) expect(endedListed).toContain(slug);
    const active = await list({ loai: departmentsId });
    for (const slug of ended) expect(active).not.toContain(slug);
    expect(active).toContain("so-y-te");
    expect((await list({ "trang-thai": "all", loai: departmentsId })).length).toBe(active.length + endedListed.length);
    // An unknown status falls back to the default instead of failing.
    expect(await list({ "trang-thai": "whatever", loai: departmentsId })).toEqual(active);
  });
});

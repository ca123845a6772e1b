import { describe, expect, it } from "vitest";

import { ZPublicationSnapshot } from "@/lib/domain/publication-snapshot";
import { correctPublication } from "@/lib/services/correct-publication";
import { getLatestPublishedRanking } from "@/lib/services/get-latest-published-ranking";
import { getYearPublication } from "@/lib/services/get-year-publication";
import { publishYear } from "@/lib/services/publish-year";
import { buildYearSnapshot } from "@/lib/services/year-snapshot";
import { finalizeWithResultsOf } from "@/tests/support/finalized-year";
import { createTestDatabase } from "@/tests/support/test-database";

// Publication and correction (issue 7 item 6) on the seeded province: 2025 is PUBLISHED as
// 42/TB-UBND; 2026 is made FINALIZED with a copy of 2025's stored results, then published here.
// The describes run in order on one database.
const { prisma } = await createTestDatabase("seeded");

const NOW = new Date("2027-03-05T10:00:00+07:00");
const FORBIDDEN = { ok: false, code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." };

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
const adminId = await userId("quantri@songlam.demo");
const leadId = await userId("thamdinh.snv@songlam.demo");
const headId = await userId("lanhdao.syt@songlam.demo");
const year2025 = await prisma.assessmentYear.findUniqueOrThrow({ where: { year: 2025 }, select: { id: true } });
const year2026 = await prisma.assessmentYear.findUniqueOrThrow({ where: { year: 2026 }, select: { id: true } });
const published2025 = await prisma.publication.findFirstOrThrow({ where: { yearId: year2025.id }, select: { id: true, snapshot: true } });

const valid = { yearId: year2026.id, number: "15/TB-UBND", issuedOn: "03/03/2027", note: "Công bố kết quả năm 2026." };

/** Everything a refused call must leave as it was. */
async function state() {
  const [publications, phases, events] = await Promise.all([
    prisma.publication.findMany({ orderBy: { id: "asc" }, select: { id: true, number: true, issuedOn: true, snapshot: true, supersedesId: true, note: true } }),
    prisma.assessmentYear.findMany({ orderBy: { year: "asc" }, select: { year: true, phase: true } }),
    prisma.auditEvent.count(),
  ]);
  return { publications, phases, events };
}

describe("refusals, each with nothing saved", () => {
  it("refuses whoever is not an administrator, signed out included", async () => {
    const before = await state();
    expect(await publishYear(prisma, leadId, valid, NOW)).toEqual(FORBIDDEN);
    expect(await publishYear(prisma, headId, valid, NOW)).toEqual(FORBIDDEN);
    expect(await publishYear(prisma, null, valid, NOW)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await correctPublication(prisma, leadId, { ...valid, yearId: year2025.id, supersedesId: published2025.id }, NOW)).toEqual(FORBIDDEN);
    expect(await getYearPublication(prisma, leadId, { year: 2025 })).toEqual(FORBIDDEN);
    expect(await state()).toEqual(before);
  });

  it("refuses a year that is not finalized, and a second publication of a published year", async () => {
    const before = await state();
    expect(await publishYear(prisma, adminId, valid, NOW)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Chỉ công bố được năm đã chốt kết quả (giai đoạn hiện tại: Tự đánh giá).",
    });
    expect(await publishYear(prisma, adminId, { ...valid, yearId: year2025.id, issuedOn: "01/03/2027" }, NOW)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Năm 2025 đã được công bố. Muốn thay đổi, hãy công bố một thông báo đính chính.",
    });
    expect(await correctPublication(prisma, adminId, { ...valid, supersedesId: published2025.id, note: "Đính chính số liệu." }, NOW)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Chỉ đính chính được năm đã công bố (giai đoạn hiện tại: Tự đánh giá).",
    });
    expect(await publishYear(prisma, adminId, { ...valid, yearId: "no-such-year" }, NOW)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await state()).toEqual(before);
  });

  it("refuses a bad number, date or note, field by field", async () => {
    await finalizeWithResultsOf(prisma, 2026, 2025);
    const before = await state();
    const issuesOf = async (input: Record<string, unknown>) => {
      const result = await publishYear(prisma, adminId, { ...valid, ...input }, NOW);
      expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
      return result.ok ? [] : result.issues;
    };
    expect(await issuesOf({ number: "" })).toEqual([{ path: "number", message: "Nhập số thông báo." }]);
    expect(await issuesOf({ number: "Thông báo 35" })).toEqual([
      { path: "number", message: "Số thông báo chưa đúng dạng “số/ký hiệu”, ví dụ: 35/TB-UBND hoặc 12/2025/QĐ-UBND." },
    ]);
    expect(await issuesOf({ number: `35/TB-${"UBND".repeat(5)}-${"SNV".repeat(6)}-${"X".repeat(10)}` })).toEqual([
      { path: "number", message: "Số thông báo dài tối đa 50 ký tự." },
    ]);
    expect(await issuesOf({ issuedOn: "2027-03-03" })).toEqual([{ path: "issuedOn", message: "Ngày ban hành phải có dạng ngày/tháng/năm, ví dụ: 28/02/2025." }]);
    expect(await issuesOf({ issuedOn: "30/02/2027" })).toEqual([{ path: "issuedOn", message: "Ngày ban hành phải có dạng ngày/tháng/năm, ví dụ: 28/02/2025." }]);
    expect(await issuesOf({ issuedOn: "06/03/2027" })).toEqual([{ path: "issuedOn", message: "Ngày ban hành không được sau ngày hôm nay (05/03/2027)." }]);
    // finalizeWithResultsOf stored the results on 20/02/2027: no announcement before that day.
    expect(await issuesOf({ issuedOn: "19/02/2027" })).toEqual([
      { path: "issuedOn", message: "Ngày ban hành không được trước ngày kết quả của năm được chốt (20/02/2027)." },
    ]);
    expect(await issuesOf({ note: "x".repeat(2001) })).toEqual([{ path: "note", message: "Ghi chú dài tối đa 2000 ký tự." }]);
    expect(await state()).toEqual(before);
  });
});

describe("publishing 2026", () => {
  it("publishes exactly once when two administrators publish at the same moment", async () => {
    const secondAdmin = await prisma.user.create({ data: { email: "quantri2@songlam.demo", name: "Trần Văn Quản Trị", passwordHash: "x", roles: ["ADMIN"] }, select: { id: true } });
    const outcomes = await Promise.all([
      publishYear(prisma, adminId, valid, NOW),
      publishYear(prisma, secondAdmin.id, { ...valid, number: "16/TB-UBND" }, NOW),
    ]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.find((outcome) => !outcome.ok)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Năm 2026 đã được công bố. Muốn thay đổi, hãy công bố một thông báo đính chính.",
    });
    const publications = await prisma.publication.findMany({ where: { yearId: year2026.id } });
    expect(publications).toHaveLength(1);
    const [publication] = publications;
    const winner = outcomes.find((outcome) => outcome.ok);
    expect(publication).toMatchObject({ id: winner?.ok ? winner.value.publicationId : null, supersedesId: null, publishedAt: NOW });
    expect(publication?.issuedOn.toISOString()).toBe("2027-03-03T00:00:00.000Z");
    expect(await prisma.assessmentYear.findUniqueOrThrow({ where: { id: year2026.id }, select: { phase: true } })).toEqual({ phase: "PUBLISHED" });

    const events = await prisma.auditEvent.findMany({ where: { yearId: year2026.id, type: { in: ["YEAR_PUBLISHED", "YEAR_PHASE_CHANGED"] } }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.type, event.before, (event.after as { phase: string }).phase])).toEqual([
      ["YEAR_PUBLISHED", { phase: "FINALIZED" }, "PUBLISHED"],
      ["YEAR_PHASE_CHANGED", { phase: "FINALIZED" }, "PUBLISHED"],
    ]);
    expect(events[0]?.after).toMatchObject({ publicationId: publication?.id, number: publication?.number, issuedOn: "03/03/2027" });
  });

  it("stores a snapshot equal to the stored results, row by row, in the ranking's order", async () => {
    const publication = await prisma.publication.findFirstOrThrow({ where: { yearId: year2026.id }, select: { snapshot: true } });
    const snapshot = ZPublicationSnapshot.parse(publication.snapshot);
    const results = await prisma.result.findMany({
      where: { yearId: year2026.id },
      select: { agencyId: true, totalPoints: true, maxPoints: true, indexPercent: true, rank: true, rankedCount: true, bandLabel: true, rankChange: true, agency: { select: { name: true, slug: true } }, unitType: { select: { name: true } } },
    });
    const rows = snapshot.unitTypes.flatMap((unitType) => unitType.rows.map((row) => ({ ...row, unitTypeName: unitType.unitTypeName })));
    expect(rows).toHaveLength(results.length);
    for (const result of results) {
      expect(rows.find((row) => row.agencyId === result.agencyId)).toEqual({
        agencyId: result.agencyId,
        agencySlug: result.agency.slug,
        agencyName: result.agency.name,
        unitTypeName: result.unitType.name,
        totalPoints: result.totalPoints.toFixed(3),
        maxPoints: result.maxPoints.toFixed(3),
        indexPercent: result.indexPercent.toFixed(2),
        rank: result.rank,
        rankedCount: result.rankedCount,
        bandLabel: result.bandLabel,
        rankChange: result.rankChange,
      });
    }
    // 2026 holds 2025's results: rebuilt from the database, the table is the one the seed ranked
    // in memory and announced as 42/TB-UBND, in the same order.
    expect(snapshot.unitTypes).toEqual(ZPublicationSnapshot.parse(published2025.snapshot).unitTypes);
    expect(snapshot).toMatchObject({ year: 2026, precision: 2 });
  });

  it("is what the public home page shows now", async () => {
    const ranking = await getLatestPublishedRanking(prisma);
    expect(ranking?.year).toBe(2026);
    expect(ranking?.publication.number).toMatch(/^1[56]\/TB-UBND$/);
  });
});

describe("correcting 2025", () => {
  const correction = { yearId: year2025.id, supersedesId: published2025.id, number: "57/TB-UBND", issuedOn: "20/03/2026", note: "Đính chính tên đơn vị và số liệu của Sở Y tế." };

  it("refuses a missing note, a date before the corrected announcement, a stale or foreign supersedesId, and a correction that changes nothing", async () => {
    const before = await state();
    expect(await correctPublication(prisma, adminId, { ...correction, note: "  sửa  " }, NOW)).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      issues: [{ path: "note", message: "Ghi rõ nội dung đính chính (ít nhất 10 ký tự)." }],
    });
    expect(await correctPublication(prisma, adminId, { ...correction, issuedOn: "05/03/2026" }, NOW)).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      issues: [{ path: "issuedOn", message: "Ngày ban hành của thông báo đính chính không được trước ngày của thông báo được đính chính (06/03/2026)." }],
    });
    const publication2026 = await prisma.publication.findFirstOrThrow({ where: { yearId: year2026.id }, select: { id: true } });
    expect(await correctPublication(prisma, adminId, { ...correction, supersedesId: publication2026.id }, NOW)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // Same number, same date, same figures: there is nothing to correct.
    expect(await correctPublication(prisma, adminId, { ...correction, number: "42/TB-UBND", issuedOn: "06/03/2026" }, NOW)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Thông báo đính chính phải khác thông báo hiện hành: số, ngày và số liệu đều trùng khớp.",
    });
    expect(await state()).toEqual(before);
  });

  it("publishes a correction that supersedes the announcement, rebuilt from what is stored now; both are kept", async () => {
    // An agency's name fixed since, and a result stored again (as an administrator's import would):
    // the correction carries both, the published announcement neither.
    const health = await prisma.agency.findUniqueOrThrow({ where: { slug: "so-y-te" }, select: { id: true, name: true } });
    await prisma.agency.update({ where: { id: health.id }, data: { name: "Sở Y tế tỉnh Sông Lam" } });
    const stored = await prisma.result.findUniqueOrThrow({ where: { yearId_agencyId: { yearId: year2025.id, agencyId: health.id } }, select: { totalPoints: true, bandLabel: true } });
    await prisma.result.update({ where: { yearId_agencyId: { yearId: year2025.id, agencyId: health.id } }, data: { bandLabel: "Nhóm đính chính" } });

    const result = await correctPublication(prisma, adminId, correction, NOW);
    expect(result).toMatchObject({ ok: true, value: { year: 2025, number: "57/TB-UBND", changes: 1 } });
    if (!result.ok) return;

    const publications = await prisma.publication.findMany({ where: { yearId: year2025.id }, orderBy: { publishedAt: "asc" } });
    expect(publications.map((publication) => [publication.number, publication.supersedesId, publication.note])).toEqual([
      ["42/TB-UBND", null, null],
      ["57/TB-UBND", published2025.id, correction.note],
    ]);
    // The corrected announcement is untouched.
    expect(publications[0]?.snapshot).toEqual(published2025.snapshot);
    const corrected = ZPublicationSnapshot.parse(publications[1]?.snapshot);
    expect(corrected).toEqual(await buildYearSnapshot(prisma, year2025.id));
    const healthRow = corrected.unitTypes.flatMap((unitType) => unitType.rows).find((row) => row.agencyId === health.id);
    expect(healthRow).toMatchObject({ agencyName: "Sở Y tế tỉnh Sông Lam", bandLabel: "Nhóm đính chính", totalPoints: stored.totalPoints.toFixed(3) });

    const [event] = await prisma.auditEvent.findMany({ where: { type: "PUBLICATION_CORRECTED" } });
    expect(event).toMatchObject({ actorId: adminId, subjectType: "Publication", subjectId: result.value.publicationId, yearId: year2025.id });
    expect(event?.before).toEqual({ publicationId: published2025.id, number: "42/TB-UBND", issuedOn: "06/03/2026" });
    expect(event?.after).toMatchObject({
      number: "57/TB-UBND",
      issuedOn: "20/03/2026",
      changes: [
        {
          agencyId: health.id,
          kind: "CHANGED",
          fields: [
            { field: "agencyName", before: health.name, after: "Sở Y tế tỉnh Sông Lam" },
            { field: "bandLabel", before: stored.bandLabel, after: "Nhóm đính chính" },
          ],
        },
      ],
    });
    // The year stays PUBLISHED: workflow.ts makes it final.
    expect(await prisma.assessmentYear.findUniqueOrThrow({ where: { id: year2025.id }, select: { phase: true } })).toEqual({ phase: "PUBLISHED" });
  });

  it("lists both publications with their dates on the administrator's page, the correction current", async () => {
    const page = await getYearPublication(prisma, adminId, { year: "2025" });
    if (!page.ok) throw new Error(page.message);
    expect(page.value.publications.map((publication) => ({
      number: publication.number,
      issuedOn: publication.issuedOn.toISOString().slice(0, 10),
      supersedes: publication.supersedes?.number ?? null,
      supersededBy: publication.supersededBy?.number ?? null,
      publishedByName: publication.publishedByName,
    }))).toEqual([
      { number: "57/TB-UBND", issuedOn: "2026-03-20", supersedes: "42/TB-UBND", supersededBy: null, publishedByName: "Nguyễn Thị Quản Trị" },
      { number: "42/TB-UBND", issuedOn: "2026-03-06", supersedes: null, supersededBy: "57/TB-UBND", publishedByName: null },
    ]);
    expect(page.value.current?.publication.number).toBe("57/TB-UBND");
    expect(page.value.changes).toEqual([]);
  });

  it("refuses a correction of an announcement already corrected, when two corrections race: exactly one wins", async () => {
    const current = await prisma.publication.findFirstOrThrow({ where: { yearId: year2025.id, supersededBy: null }, select: { id: true } });
    const stale = await correctPublication(prisma, adminId, { ...correction, number: "58/TB-UBND" }, NOW);
    expect(stale).toEqual({
      ok: false,
      code: "STALE_VERSION",
      message: "Thông báo số 57/TB-UBND đã được người khác công bố trong lúc bạn nhập. Hãy xem lại trang trước khi đính chính.",
    });
    const outcomes = await Promise.all(
      ["61/TB-UBND", "62/TB-UBND"].map((number) => correctPublication(prisma, adminId, { ...correction, supersedesId: current.id, number, issuedOn: "25/03/2026", note: "Đính chính ngày ban hành." }, NOW)),
    );
    expect(outcomes.map((outcome) => outcome.ok).sort()).toEqual([false, true]);
    expect(outcomes.find((outcome) => !outcome.ok)).toMatchObject({ code: "STALE_VERSION" });
    expect(await prisma.publication.count({ where: { yearId: year2025.id } })).toBe(3);
  });
});

describe("the public side and immutability", () => {
  it("shows the newest publication of a year: the one no correction superseded", async () => {
    const latest = await prisma.publication.findFirstOrThrow({ where: { yearId: year2025.id, supersededBy: null }, select: { number: true } });
    expect(latest.number).toMatch(/^6[12]\/TB-UBND$/);
    // 2026 is published too and is the later year, so the home page shows it; hide it to look at 2025.
    await prisma.assessmentYear.update({ where: { id: year2026.id }, data: { phase: "FINALIZED" } });
    const ranking = await getLatestPublishedRanking(prisma);
    expect(ranking?.year).toBe(2025);
    expect(ranking?.publication.number).toBe(latest.number);
    expect(ranking?.unitTypes.flatMap((unitType) => unitType.rows).some((row) => row.agencyName === "Sở Y tế tỉnh Sông Lam")).toBe(true);
    await prisma.assessmentYear.update({ where: { id: year2026.id }, data: { phase: "PUBLISHED" } });
  });

  it("has no service path that changes or removes a publication, and the database refuses both", async () => {
    const before = await prisma.publication.findMany({ orderBy: { id: "asc" } });
    // Publishing again never overwrites: the year is published, so it is refused.
    expect(await publishYear(prisma, adminId, { ...valid, number: "99/TB-UBND" }, NOW)).toMatchObject({ ok: false, code: "WRONG_PHASE" });
    const original = before.find((publication) => publication.number === "42/TB-UBND");
    if (!original) throw new Error("no 42/TB-UBND");
    await expect(prisma.publication.update({ where: { id: original.id }, data: { number: "43/TB-UBND" } })).rejects.toThrow(/Publication is immutable/);
    await expect(prisma.publication.delete({ where: { id: original.id } })).rejects.toThrow(/Publication is immutable/);
    await expect(prisma.publication.deleteMany({ where: { yearId: year2025.id } })).rejects.toThrow(/Publication is immutable/);
    // A second first publication of a year is refused by the database too.
    await expect(
      prisma.publication.create({ data: { yearId: year2025.id, number: "1/TB-UBND", issuedOn: new Date("2026-04-01"), snapshot: {} } }),
    ).rejects.toThrow(/Publication_one_original_per_year|Unique constraint/);
    expect(await prisma.publication.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});

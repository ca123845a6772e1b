import { describe, expect, it } from "vitest";

import { ZPublicationSnapshot } from "@/lib/domain/publication-snapshot";
import { finalizeYear, previewYearResults } from "@/lib/services/year-results";
import { createTestDatabase } from "@/tests/support/test-database";

// Year finalization (issue 6 item 4) on the seeded province. The seed's 2025 year was computed
// in memory from the generated inputs and published as 42/TB-UBND; here the same year is
// finalized again from what is stored in the database, and every rank, % and band must come out
// as published. The describes run in order on one database.
const { prisma } = await createTestDatabase("seeded");

const NOW = new Date("2027-02-25T10:00:00+07:00");
const FORBIDDEN = { ok: false, code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." };

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
const leadId = await userId("thamdinh.snv@songlam.demo");
const adminId = await userId("quantri@songlam.demo");
const year2025 = await prisma.assessmentYear.findUniqueOrThrow({ where: { year: 2025 }, select: { id: true } });
const year2026 = await prisma.assessmentYear.findUniqueOrThrow({ where: { year: 2026 }, select: { id: true } });

describe("who may finalize, and when", () => {
  it("refuses agency staff and appraisers who are not leads, and a year not in the explanation phase", async () => {
    expect(await finalizeYear(prisma, await userId("lanhdao.syt@songlam.demo"), { yearId: year2025.id }, NOW)).toEqual(FORBIDDEN);
    expect(await finalizeYear(prisma, await userId("thamdinh.stp@songlam.demo"), { yearId: year2025.id }, NOW)).toEqual(FORBIDDEN);
    expect(await previewYearResults(prisma, await userId("bientap.syt@songlam.demo"), { yearId: year2025.id })).toEqual(FORBIDDEN);
    expect(await finalizeYear(prisma, leadId, { yearId: year2026.id }, NOW)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Chỉ kết thúc kỳ đánh giá được khi kỳ đang ở giai đoạn giải trình.",
    });
    expect(await finalizeYear(prisma, leadId, { yearId: "no-such-year" }, NOW)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await finalizeYear(prisma, leadId, {}, NOW)).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
  });

  it("lists every assessment not finalized and every missing survey point, and stores nothing", async () => {
    await prisma.assessmentYear.update({ where: { id: year2026.id }, data: { phase: "EXPLANATION" } });
    const open = await prisma.assessment.count({ where: { yearId: year2026.id, status: { not: "FINALIZED" } } });
    const refused = await finalizeYear(prisma, leadId, { yearId: year2026.id }, NOW);
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    const issues = refused.ok ? [] : (refused.issues ?? []);
    expect(issues.filter((issue) => issue.message.startsWith("Hồ sơ chưa kết thúc thẩm định"))).toHaveLength(open);
    expect(issues).toContainEqual({ path: "Sở Y tế", message: "Hồ sơ chưa kết thúc thẩm định (trạng thái: Đang tự đánh giá)." });
    expect(issues.some((issue) => issue.path === "Sở Y tế" && issue.message.startsWith("Chưa có điểm điều tra xã hội học của tiêu chí"))).toBe(true);
    expect(await prisma.result.count({ where: { yearId: year2026.id } })).toBe(0);
    expect(await prisma.assessmentYear.findUniqueOrThrow({ where: { id: year2026.id }, select: { phase: true } })).toEqual({ phase: "EXPLANATION" });
  });
});

describe("finalizing 2025 again from the stored scores", () => {
  it("previews, then stores exactly the ranks, percentages and bands announced in 42/TB-UBND", async () => {
    const publication = await prisma.publication.findFirstOrThrow({ where: { yearId: year2025.id, number: "42/TB-UBND" }, select: { snapshot: true } });
    const published = ZPublicationSnapshot.parse(publication.snapshot);
    await prisma.result.deleteMany({ where: { yearId: year2025.id } });
    await prisma.assessmentYear.update({ where: { id: year2025.id }, data: { phase: "EXPLANATION" } });

    const preview = await previewYearResults(prisma, adminId, { yearId: year2025.id });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.value.blockers).toEqual([]);
    const previewed = preview.value.unitTypes.map((unitType) => unitType.rows.map((row) => [row.agencySlug, row.indexPercent, row.rank, row.bandLabel]));
    expect(previewed).toEqual(published.unitTypes.map((unitType) => unitType.rows.map((row) => [row.agencySlug, row.indexPercent, row.rank, row.bandLabel])));

    expect(await finalizeYear(prisma, leadId, { yearId: year2025.id }, NOW)).toEqual({ ok: true, value: { resultsStored: published.unitTypes.reduce((sum, unitType) => sum + unitType.rows.length, 0) } });
    for (const unitType of published.unitTypes) {
      for (const row of unitType.rows) {
        const stored = await prisma.result.findUniqueOrThrow({ where: { yearId_agencyId: { yearId: year2025.id, agencyId: row.agencyId } } });
        expect({
          totalPoints: stored.totalPoints.toFixed(3),
          maxPoints: stored.maxPoints.toFixed(3),
          indexPercent: stored.indexPercent.toFixed(published.precision),
          rank: stored.rank,
          rankedCount: stored.rankedCount,
          bandLabel: stored.bandLabel,
          rankChange: stored.rankChange,
          computedAt: stored.computedAt,
        }).toEqual({
          totalPoints: Number(row.totalPoints).toFixed(3),
          maxPoints: Number(row.maxPoints).toFixed(3),
          indexPercent: row.indexPercent,
          rank: row.rank,
          rankedCount: row.rankedCount,
          bandLabel: row.bandLabel,
          rankChange: row.rankChange,
          computedAt: NOW,
        });
      }
    }
    expect(await prisma.assessmentYear.findUniqueOrThrow({ where: { id: year2025.id }, select: { phase: true } })).toEqual({ phase: "FINALIZED" });
    const events = await prisma.auditEvent.findMany({ where: { yearId: year2025.id, type: { in: ["RESULTS_COMPUTED", "YEAR_PHASE_CHANGED"] } }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.type, event.actorId])).toEqual([
      ["RESULTS_COMPUTED", leadId],
      ["YEAR_PHASE_CHANGED", leadId],
    ]);
    // Finalized once: a second run finds the year moved on.
    expect(await finalizeYear(prisma, leadId, { yearId: year2025.id }, NOW)).toMatchObject({ ok: false, code: "WRONG_PHASE" });
  });
});

import { describe, expect, it } from "vitest";

import { toThousandths } from "@/lib/domain/points";
import { ZPublicationSnapshot } from "@/lib/domain/publication-snapshot";
import { getPublicLeaderboard } from "@/lib/services/get-public-leaderboard";
import { getYearSummary } from "@/lib/services/get-year-summary";
import { finalizeWithResultsOf } from "@/tests/support/finalized-year";
import { createTestDatabase } from "@/tests/support/test-database";

// The public year summary (issue 8 item 3) on the seeded province: 2024 and 2025 PUBLISHED, 2026
// in SELF_ASSESSMENT. Each figure is checked against the stored Results, recomputed here plainly
// (floating point within half a rounding step), not against the service's own helpers.
const seeded = await createTestDatabase("seeded");
const changed = await createTestDatabase("seeded");

type StoredResult = { agencyId: string; rank: number | null; bandLabel: string | null; totalPoints: number; maxPoints: number; indexPercent: number; domains: { code: string; points: number; maxPoints: number }[] };

async function storedResults(year: number, unitTypeCode: string): Promise<StoredResult[]> {
  const rows = await seeded.prisma.result.findMany({
    where: { year: { year }, unitType: { code: unitTypeCode } },
    select: { agencyId: true, rank: true, bandLabel: true, totalPoints: true, maxPoints: true, indexPercent: true, domainBreakdown: true },
  });
  return rows.map((row) => ({
    agencyId: row.agencyId,
    rank: row.rank,
    bandLabel: row.bandLabel,
    totalPoints: Number(row.totalPoints),
    maxPoints: Number(row.maxPoints),
    indexPercent: Number(row.indexPercent),
    domains: (row.domainBreakdown as { code: string; points: string; maxPoints: string }[]).map((domain) => ({
      code: domain.code,
      points: Number(domain.points),
      maxPoints: Number(domain.maxPoints),
    })),
  }));
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe("getYearSummary on the seeded years", () => {
  it("serves the latest published year (2025) by default, and 2024 when asked, each with its own previous year", async () => {
    const latest = await getYearSummary(null, seeded.prisma);
    expect(latest?.year).toBe(2025);
    expect(latest?.precision).toBe(2);
    expect(latest?.publishedYears).toEqual([2025, 2024]);
    expect(latest?.previousYear).toBe(2024);
    expect(latest?.unitTypes.map((unitType) => [unitType.code, unitType.name])).toEqual([
      ["so-ban-nganh", "Sở, ban, ngành"],
      ["ubnd-cap-xa", "UBND cấp xã"],
    ]);
    const first = await getYearSummary(2024, seeded.prisma);
    expect(first?.year).toBe(2024);
    expect(first?.previousYear).toBeNull();
    expect(first?.unitTypes.every((unitType) => unitType.movers === null)).toBe(true);
  });

  it("counts each band as the stored ranked results have it, equal to the leaderboard's counts, with its share", async () => {
    for (const year of [2024, 2025]) {
      const [summary, leaderboard] = await Promise.all([getYearSummary(year, seeded.prisma), getPublicLeaderboard(year, seeded.prisma)]);
      for (const unitType of summary?.unitTypes ?? []) {
        const stored = (await storedResults(year, unitType.code)).filter((result) => result.rank !== null);
        expect(unitType.rankedCount).toBe(stored.length);
        const onLeaderboard = leaderboard?.unitTypes.find((candidate) => candidate.code === unitType.code)?.statistics.bandCounts;
        expect(unitType.bandShares.map((band) => [band.label, band.count])).toEqual(onLeaderboard?.map((band) => [band.label, band.count]));
        for (const band of unitType.bandShares) {
          expect(band.count).toBe(stored.filter((result) => result.bandLabel === band.label).length);
          expect(Math.abs(Number(band.share?.text) - (band.count / stored.length) * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
        }
        expect(unitType.bandShares.reduce((sum, band) => sum + band.count, 0)).toBe(stored.length);
        // The province average: the mean of each ranked agency's total / max.
        const average = mean(stored.map((result) => (result.totalPoints / result.maxPoints) * 100));
        expect(Math.abs(Number(unitType.averageIndexPercent?.text) - average)).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    }
  });

  it("averages each domain over the stored breakdowns, named and bounded by that year's criteria set", async () => {
    const summary = await getYearSummary(2025, seeded.prisma);
    for (const unitType of summary?.unitTypes ?? []) {
      const stored = (await storedResults(2025, unitType.code)).filter((result) => result.rank !== null);
      const setDomains = await seeded.prisma.criterion.findMany({
        where: { criteriaSet: { year: { year: 2025 }, unitType: { code: unitType.code } }, parentId: null, section: "MAIN" },
        select: { code: true, title: true, maxPoints: true },
      });
      expect(unitType.domains.map((domain) => domain.code).sort()).toEqual(setDomains.map((domain) => domain.code).sort());
      for (const domain of unitType.domains) {
        const inSet = setDomains.find((candidate) => candidate.code === domain.code);
        expect(domain.title).toBe(inSet?.title);
        expect(domain.maxPoints).toBe(toThousandths(inSet?.maxPoints.toFixed(3) ?? "0"));
        const counted = stored.flatMap((result) => result.domains.filter((entry) => entry.code === domain.code && entry.maxPoints > 0));
        expect(domain.agencyCount).toBe(counted.length);
        expect(Math.abs(Number(domain.averagePoints?.text) - mean(counted.map((entry) => entry.points)))).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(Number(domain.averagePercent?.text) - mean(counted.map((entry) => (entry.points / entry.maxPoints) * 100)))).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    }
  });

  it("lists the biggest rises and drops since 2024 from the stored results, leaving out agencies new in 2025", async () => {
    const summary = await getYearSummary(2025, seeded.prisma);
    const newIn2025 = await seeded.prisma.agency.findMany({ where: { activeFrom: { gte: new Date("2025-01-01") } }, select: { id: true } });
    expect(newIn2025.length).toBeGreaterThan(0);
    const all2024 = [...(await storedResults(2024, "so-ban-nganh")), ...(await storedResults(2024, "ubnd-cap-xa"))];
    for (const unitType of summary?.unitTypes ?? []) {
      const current = (await storedResults(2025, unitType.code)).filter((result) => result.rank !== null);
      const changes = current
        .map((result) => {
          const before = all2024.find((candidate) => candidate.agencyId === result.agencyId);
          return before ? { agencyId: result.agencyId, change: Math.round((result.indexPercent - before.indexPercent) * 1000), rankChange: before.rank === null ? null : before.rank - (result.rank as number) } : null;
        })
        .filter((entry) => entry !== null);
      const rises = changes.filter((entry) => entry.change > 0);
      const drops = changes.filter((entry) => entry.change < 0);
      const movers = summary?.unitTypes.find((candidate) => candidate.code === unitType.code)?.movers;
      expect(movers?.improved).toHaveLength(Math.min(5, rises.length));
      expect(movers?.dropped).toHaveLength(Math.min(5, drops.length));
      expect(movers?.improved.length).toBeGreaterThan(0);
      expect(movers?.dropped.length).toBeGreaterThan(0);
      for (const mover of [...(movers?.improved ?? []), ...(movers?.dropped ?? [])]) {
        const expected = changes.find((entry) => entry.agencyId === mover.agencyId);
        expect([mover.changeThousandths, mover.rankChange]).toEqual([expected?.change, expected?.rankChange]);
        expect(newIn2025.some((agency) => agency.id === mover.agencyId)).toBe(false);
      }
      // Nobody left out rose more than the last one listed (nor fell more).
      const lastRise = movers?.improved.at(-1)?.changeThousandths ?? 0;
      expect(rises.filter((entry) => entry.change > lastRise).length).toBeLessThan(5);
      expect(Math.max(...rises.map((entry) => entry.change))).toBe(movers?.improved[0]?.changeThousandths);
      expect(Math.min(...drops.map((entry) => entry.change))).toBe(movers?.dropped[0]?.changeThousandths);
    }
  });

  it("gives the year's announcement", async () => {
    const summary = await getYearSummary(2025, seeded.prisma);
    expect(summary?.publications.current).toMatchObject({ number: "42/TB-UBND", supersedes: null, supersededBy: null });
    expect(summary?.publications.current.issuedOn.toISOString().slice(0, 10)).toBe("2026-03-06");
    expect(summary?.publications.superseded).toEqual([]);
  });

  it("never gives an unpublished year: unknown, open (2026) or finalized but not published", async () => {
    expect(await getYearSummary(1999, seeded.prisma)).toBeNull();
    expect(await getYearSummary(2026, seeded.prisma)).toBeNull();
  });
});

describe("getYearSummary after changes", () => {
  it("follows a correction: the new announcement is current, the superseded one listed with what replaced it", async () => {
    const current = await changed.prisma.publication.findFirstOrThrow({ where: { year: { year: 2025 } } });
    await changed.prisma.publication.create({
      data: {
        yearId: current.yearId,
        number: "57/TB-UBND",
        issuedOn: new Date("2026-03-20"),
        publishedAt: new Date("2026-03-20T10:00:00+07:00"),
        snapshot: ZPublicationSnapshot.parse(current.snapshot),
        supersedesId: current.id,
        note: "Đính chính số liệu của Sở Y tế.",
      },
    });
    const summary = await getYearSummary(2025, changed.prisma);
    expect(summary?.publications.current).toMatchObject({ number: "57/TB-UBND", note: "Đính chính số liệu của Sở Y tế.", supersedes: { number: "42/TB-UBND" } });
    expect(summary?.publications.superseded).toHaveLength(1);
    expect(summary?.publications.superseded[0]).toMatchObject({ number: "42/TB-UBND", supersededBy: { number: "57/TB-UBND" } });
    expect(summary?.publications.superseded[0]?.supersededBy?.issuedOn.toISOString().slice(0, 10)).toBe("2026-03-20");
  });

  it("refuses a FINALIZED year even with results and a publication row, and keeps 2025 as the latest", async () => {
    const yearId = await finalizeWithResultsOf(changed.prisma, 2026, 2025);
    const source = await changed.prisma.publication.findFirstOrThrow({ where: { year: { year: 2025 }, supersededBy: null }, select: { snapshot: true } });
    // A publication row on a year that is not PUBLISHED cannot come from the app; it stands for a
    // half-finished publication, which must still not leak.
    await changed.prisma.publication.create({
      data: { yearId, number: "1/TB-UBND", issuedOn: new Date("2027-03-01"), snapshot: { ...ZPublicationSnapshot.parse(source.snapshot), year: 2026 } },
    });
    expect(await getYearSummary(2026, changed.prisma)).toBeNull();
    const latest = await getYearSummary(null, changed.prisma);
    expect(latest?.year).toBe(2025);
    expect(latest?.publishedYears).toEqual([2025, 2024]);
  });
});

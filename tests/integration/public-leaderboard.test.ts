import { describe, expect, it } from "vitest";

import { toThousandths } from "@/lib/domain/points";
import { getPublicLeaderboard, getPublishedYears } from "@/lib/services/get-public-leaderboard";
import { getPublicSiteMap } from "@/lib/services/get-public-site-map";
import { createTestDatabase } from "@/tests/support/test-database";

const seeded = await createTestDatabase("seeded");

describe("the public leaderboard's data", () => {
  it("lists every stored result of a published year with its rank, index and band, per unit type", async () => {
    const leaderboard = await getPublicLeaderboard(2025, seeded.prisma);
    expect(leaderboard?.publication).toEqual({ number: "42/TB-UBND", issuedOn: new Date("2026-03-06T00:00:00Z") });
    const stored = await seeded.prisma.result.findMany({
      where: { year: { year: 2025 } },
      select: { rank: true, rankedCount: true, indexPercent: true, bandLabel: true, agency: { select: { slug: true, name: true } }, unitType: { select: { code: true } } },
    });
    const shown = leaderboard!.unitTypes.flatMap((unitType) => unitType.rows.map((row) => ({ ...row, code: unitType.code })));
    expect(shown).toHaveLength(stored.length);
    expect(leaderboard!.unitTypes.map((unitType) => unitType.code)).toEqual(["so-ban-nganh", "ubnd-cap-xa"]);
    for (const result of stored) {
      const row = shown.find((candidate) => candidate.agencySlug === result.agency.slug);
      expect(row, result.agency.name).toMatchObject({ code: result.unitType.code, rank: result.rank, rankedCount: result.rankedCount, bandLabel: result.bandLabel });
      expect(toThousandths(row!.indexPercent)).toBe(toThousandths(result.indexPercent.toString()));
    }
  });

  it("counts each band's ranked agencies as stored, and gives the year's bands from the top", async () => {
    const leaderboard = await getPublicLeaderboard(2025, seeded.prisma);
    for (const unitType of leaderboard!.unitTypes) {
      const stored = await seeded.prisma.result.groupBy({
        by: ["bandLabel"],
        where: { year: { year: 2025 }, unitTypeId: unitType.unitTypeId, rank: { not: null } },
        _count: { _all: true },
      });
      for (const band of unitType.statistics.bandCounts) {
        expect(band.count, `${unitType.name} ${band.label}`).toBe(stored.find((group) => group.bandLabel === band.label)?._count._all ?? 0);
      }
      expect(unitType.statistics.rankedCount).toBe(unitType.rows.filter((row) => row.rank !== null).length);
      const minima = unitType.bands.map((band) => band.minPercentThousandths);
      expect(minima).toEqual([...minima].sort((a, b) => b - a));
      expect(minima.at(-1)).toBe(0);
    }
  });

  it("shows the latest published year by default and lists published years only", async () => {
    expect((await getPublicLeaderboard(null, seeded.prisma))?.year).toBe(2025);
    expect(await getPublishedYears(seeded.prisma)).toEqual([2025, 2024]);
    expect((await getPublicLeaderboard(2024, seeded.prisma))?.year).toBe(2024);
  });

  it("never shows a year that is not published — not its draft scores, not results stored before publication", async () => {
    expect(await getPublicLeaderboard(2026, seeded.prisma)).toBeNull();
    // 2026 finalized with results and even a publication row, but not PUBLISHED: still private.
    const year2025 = await seeded.prisma.publication.findFirstOrThrow({ where: { year: { year: 2025 } }, select: { snapshot: true } });
    const year2026 = await seeded.prisma.assessmentYear.update({ where: { year: 2026 }, data: { phase: "FINALIZED" }, select: { id: true } });
    const agency = await seeded.prisma.agency.findFirstOrThrow({ select: { id: true, unitTypeId: true } });
    await seeded.prisma.result.create({
      data: { yearId: year2026.id, agencyId: agency.id, unitTypeId: agency.unitTypeId, totalPoints: "99", maxPoints: "100", indexPercent: "99", rank: 1, rankedCount: 1, bandLabel: "Nhóm 1 (Xuất sắc)" },
    });
    await seeded.prisma.publication.create({ data: { yearId: year2026.id, number: "99/TB-UBND", issuedOn: new Date("2026-11-30"), snapshot: { ...(year2025.snapshot as object), year: 2026 } } });
    expect(await getPublicLeaderboard(2026, seeded.prisma)).toBeNull();
    expect((await getPublicLeaderboard(null, seeded.prisma))?.year).toBe(2025);
    expect(await getPublishedYears(seeded.prisma)).toEqual([2025, 2024]);
    expect((await getPublicSiteMap(seeded.prisma)).years.map((entry) => entry.year)).toEqual([2025, 2024]);
  });
});

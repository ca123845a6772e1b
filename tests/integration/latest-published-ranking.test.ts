import { describe, expect, it } from "vitest";

import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { ZPublicationSnapshot } from "@/lib/domain/publication-snapshot";
import { getLatestPublishedRanking } from "@/lib/services/get-latest-published-ranking";
import { createTestDatabase } from "@/tests/support/test-database";

const seeded = await createTestDatabase("seeded");
const empty = await createTestDatabase("migrated");

describe("getLatestPublishedRanking (the home page's data)", () => {
  it("returns the latest published year as its announcement published it", async () => {
    const ranking = await getLatestPublishedRanking(seeded.prisma);
    expect(ranking?.year).toBe(2025);
    expect(ranking?.precision).toBe(2);
    expect(ranking?.publication.number).toBe("42/TB-UBND");
    expect(ranking?.publication.issuedOn.toISOString().slice(0, 10)).toBe("2026-03-06");
    expect(ranking?.unitTypes.map((unitType) => [unitType.unitTypeName, unitType.rows.length])).toEqual([
      ["Sở, ban, ngành", 16],
      ["UBND cấp xã", 25],
    ]);
  });

  it("lists each unit type in rank order, ties sharing a rank, with the stored results' figures", async () => {
    const ranking = await getLatestPublishedRanking(seeded.prisma);
    const departments = ranking?.unitTypes[0];
    if (!departments) throw new Error("no departments");
    const ranked = departments.rows.filter((row) => row.rank !== null);
    expect(ranked).toHaveLength(15);
    expect(ranked.every((row) => row.rankedCount === 15)).toBe(true);
    ranked.forEach((row, index) => {
      const previous = ranked[index - 1];
      if (!previous) return expect(row.rank).toBe(1);
      expect(toThousandths(row.indexPercent)).toBeLessThanOrEqual(toThousandths(previous.indexPercent));
      expect(row.rank).toBe(row.indexPercent === previous.indexPercent && row.totalPoints === previous.totalPoints ? previous.rank : index + 1);
    });
    // The unranked unit is listed last, without a rank.
    expect(departments.rows.at(-1)).toMatchObject({ agencySlug: "van-phong-doan-dbqh-va-hdnd-tinh", rank: null });

    const stored = await seeded.prisma.result.findMany({
      where: { year: { year: 2025 }, unitType: { code: "so-ban-nganh" } },
      select: { agencyId: true, totalPoints: true, indexPercent: true, rank: true, bandLabel: true },
    });
    for (const row of departments.rows) {
      const result = stored.find((candidate) => candidate.agencyId === row.agencyId);
      expect(result).toBeDefined();
      expect(row.totalPoints).toBe(result?.totalPoints.toFixed(3));
      expect(formatThousandths(toThousandths(row.indexPercent))).toBe(result?.indexPercent.toFixed(3));
      expect([row.rank, row.bandLabel]).toEqual([result?.rank, result?.bandLabel]);
    }
  });

  it("follows a correction that supersedes the publication", async () => {
    const current = await seeded.prisma.publication.findFirstOrThrow({ where: { year: { year: 2025 } } });
    const snapshot = ZPublicationSnapshot.parse(current.snapshot);
    await seeded.prisma.publication.create({
      data: {
        yearId: current.yearId,
        number: "57/TB-UBND",
        issuedOn: new Date("2026-03-20"),
        snapshot,
        supersedesId: current.id,
        note: "Đính chính",
      },
    });
    const ranking = await getLatestPublishedRanking(seeded.prisma);
    expect(ranking?.publication.number).toBe("57/TB-UBND");
    expect(await seeded.prisma.publication.count({ where: { year: { year: 2025 } } })).toBe(2);
  });

  it("returns null when nothing has been published", async () => {
    expect(await getLatestPublishedRanking(empty.prisma)).toBeNull();
  });
});

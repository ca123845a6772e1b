import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { toThousandths } from "@/lib/domain/points";
import { rankResults } from "@/lib/domain/rank-results";
import { rankCompetition } from "@/lib/domain/ranking";

type PublishedTable = {
  id: string;
  maxPoints: number;
  precision: 2 | 3;
  units: { name: string; directPoints: number; surveyPoints: number; totalPoints: number; rank: number }[];
};

const publishedTables = (
  JSON.parse(readFileSync(path.join(import.meta.dirname, "../../fixtures/published-examples.json"), "utf8")) as {
    tables: PublishedTable[];
  }
).tables;

const bands = [
  { label: "Nhóm 1", minPercentThousandths: 90_000 },
  { label: "Nhóm 2", minPercentThousandths: 80_000 },
  { label: "Nhóm 3", minPercentThousandths: 0 },
];

describe("rankCompetition", () => {
  it("gives ties the same rank and skips the next (1, 2, 2, 4)", () => {
    expect(rankCompetition([95, 90, 90, 80], (a, b) => b - a)).toEqual([1, 2, 2, 4]);
    expect(rankCompetition([80, 95, 90, 95], (a, b) => b - a)).toEqual([4, 1, 3, 1]);
  });
});

describe.each(publishedTables.map((table) => [table.id, table] as const))("published table %s", (_id, table) => {
  const inputs = table.units.map((unit) => ({
    agencyId: unit.name,
    // The published total is direct assessment plus survey points, exactly.
    totalThousandths: toThousandths(unit.directPoints) + toThousandths(unit.surveyPoints),
    maxThousandths: toThousandths(table.maxPoints),
    isRanked: true,
    previousRank: null,
  }));
  const results = rankResults(inputs, bands, table.precision);

  it("reproduces every published total", () => {
    expect(inputs.map((input) => input.totalThousandths)).toEqual(table.units.map((unit) => toThousandths(unit.totalPoints)));
  });

  it("reproduces every published rank", () => {
    expect(results.map((result) => result.rank)).toEqual(table.units.map((unit) => unit.rank));
  });
});

describe("rankResults", () => {
  const input = (agencyId: string, total: string, isRanked = true, previousRank: number | null = null) => ({
    agencyId,
    totalThousandths: toThousandths(total),
    maxThousandths: toThousandths(100),
    isRanked,
    previousRank,
  });

  it("bands on the published figure and leaves unranked units out of the ranking", () => {
    const results = rankResults(
      [input("a", "89.996", true, 3), input("b", "95.7"), input("c", "95.7", false), input("d", "79.994", true, 1)],
      bands,
      2,
    );
    expect(results.map((r) => [r.agencyId, r.indexPercent.text, r.rank, r.bandLabel, r.rankChange])).toEqual([
      ["a", "90.00", 2, "Nhóm 1", 1],
      ["b", "95.70", 1, "Nhóm 1", null],
      ["c", "95.70", null, "Nhóm 1", null],
      ["d", "79.99", 3, "Nhóm 3", -2],
    ]);
    expect(results[0]?.rankedCount).toBe(3);
  });
});

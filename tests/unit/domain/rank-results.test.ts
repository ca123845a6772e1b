import { readFileSync } from "node:fs";
import path from "node:path";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { toThousandths } from "@/lib/domain/points";
import { rankResults, type RankingEntry } from "@/lib/domain/rank-results";
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

const entry = (agencyName: string, total: string, extra: Partial<RankingEntry> = {}): RankingEntry => ({
  agencyId: agencyName,
  agencyName,
  totalThousandths: toThousandths(total),
  maxThousandths: toThousandths(100),
  isRanked: true,
  previous: null,
  ...extra,
});

describe("rankCompetition", () => {
  it("gives ties the same rank and skips the next (1, 2, 2, 4)", () => {
    expect(rankCompetition([95, 90, 90, 80], (a, b) => b - a)).toEqual([1, 2, 2, 4]);
    expect(rankCompetition([80, 95, 90, 95], (a, b) => b - a)).toEqual([4, 1, 3, 1]);
  });
});

describe.each(publishedTables.map((table) => [table.id, table] as const))("published table %s", (_id, table) => {
  const entries = table.units.map((unit) =>
    // The published total is direct assessment plus survey points, exactly.
    entry(unit.name, "0", { totalThousandths: toThousandths(unit.directPoints) + toThousandths(unit.surveyPoints), maxThousandths: toThousandths(table.maxPoints) }),
  );
  const results = rankResults(entries, bands, table.precision);

  it("reproduces every published total from its parts", () => {
    expect(entries.map((e) => e.totalThousandths)).toEqual(table.units.map((unit) => toThousandths(unit.totalPoints)));
  });

  it("reproduces every published rank", () => {
    const rankByName = new Map(results.map((result) => [result.agencyName, result.rank]));
    expect(table.units.map((unit) => rankByName.get(unit.name))).toEqual(table.units.map((unit) => unit.rank));
    expect(results.every((result) => result.rankedCount === table.units.length)).toBe(true);
  });
});

describe("rankResults", () => {
  it("ranks on the published (rounded) percentage: equal figures share a rank", () => {
    // 95.704 and 95.696 both publish as 95,70% → both rank 1, the next unit ranks 3.
    const results = rankResults([entry("Sở B", "95.696"), entry("Sở A", "95.704"), entry("Sở C", "91.79")], bands, 2);
    expect(results.map((r) => [r.agencyName, r.indexPercent.text, r.rank])).toEqual([
      ["Sở A", "95.70", 1],
      ["Sở B", "95.70", 1],
      ["Sở C", "91.79", 3],
    ]);
    // With 3 decimals the same units are told apart.
    expect(rankResults([entry("Sở B", "95.696"), entry("Sở A", "95.704")], bands, 3).map((r) => [r.agencyName, r.rank])).toEqual([
      ["Sở A", 1],
      ["Sở B", 2],
    ]);
  });

  it("bands the published figure: 89.995 points of 100 is 90,00% and Nhóm 1", () => {
    const [result] = rankResults([entry("Sở Tư pháp", "89.995")], bands, 2);
    expect(result?.indexPercent.text).toBe("90.00");
    expect(result?.bandLabel).toBe("Nhóm 1");
  });

  it("lists ties in Vietnamese name order and unranked units last, without a rank", () => {
    const results = rankResults(
      [entry("Xã Đông Xuân", "80"), entry("Văn phòng Đoàn ĐBQH", "99", { isRanked: false }), entry("Xã Diễn Châu", "80"), entry("Xã Em", "80")],
      bands,
      2,
    );
    expect(results.map((r) => [r.agencyName, r.rank])).toEqual([
      ["Xã Diễn Châu", 1],
      ["Xã Đông Xuân", 1],
      ["Xã Em", 1],
      ["Văn phòng Đoàn ĐBQH", null],
    ]);
    expect(results[3]?.bandLabel).toBe("Nhóm 1");
    expect(results[0]?.rankedCount).toBe(3);
  });

  it("gives rank and percentage change against last year, and marks new agencies", () => {
    const results = rankResults(
      [
        entry("Sở A", "91.79", { previous: { rank: 1, indexPercentThousandths: 93_070 } }),
        entry("Sở B", "92.5", { previous: { rank: 3, indexPercentThousandths: 90_000 } }),
        entry("Sở C", "70"),
        entry("Sở D", "60", { previous: { rank: null, indexPercentThousandths: 65_000 } }),
      ],
      bands,
      2,
    );
    expect(results.map((r) => [r.agencyName, r.rank, r.rankChange, r.percentChange, r.isNew])).toEqual([
      ["Sở B", 1, 2, 2_500, false],
      ["Sở A", 2, -1, -1_280, false],
      ["Sở C", 3, null, null, true],
      ["Sở D", 4, null, -5_000, false],
    ]);
  });
});

describe("rankResults properties", () => {
  const entriesArbitrary = fc
    .uniqueArray(fc.record({ name: fc.string({ minLength: 1, maxLength: 8 }), total: fc.integer({ min: 0, max: 100_000 }), isRanked: fc.boolean() }), {
      selector: (item) => item.name,
      minLength: 1,
      maxLength: 40,
    })
    .map((items) => items.map((item) => entry(item.name, "0", { totalThousandths: item.total, isRanked: item.isRanked })));

  it("is invariant under input order", () => {
    fc.assert(
      fc.property(
        entriesArbitrary.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length }))),
        ([entries, shuffled]) => {
        const rankOf = (list: RankingEntry[]) => new Map(rankResults(list, bands, 2).map((r) => [r.agencyId, r.rank]));
        expect(rankOf(shuffled)).toEqual(rankOf(entries));
        },
      ),
    );
  });

  it("never lowers an agency's rank when its score rises", () => {
    fc.assert(
      fc.property(entriesArbitrary, fc.nat(), fc.integer({ min: 1, max: 20_000 }), (entries, pick, raise) => {
        const target = entries[pick % entries.length] as RankingEntry;
        fc.pre(target.isRanked);
        const before = rankResults(entries, bands, 2).find((r) => r.agencyId === target.agencyId)?.rank as number;
        const raised = entries.map((e) => (e === target ? { ...e, totalThousandths: Math.min(100_000, e.totalThousandths + raise) } : e));
        const after = rankResults(raised, bands, 2).find((r) => r.agencyId === target.agencyId)?.rank as number;
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it("gives equal totals equal index percentages and equal ranks", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (total, max) => {
        fc.pre(total <= max);
        const results = rankResults(
          [entry("a", "0", { totalThousandths: total, maxThousandths: max }), entry("b", "0", { totalThousandths: total, maxThousandths: max })],
          bands,
          3,
        );
        expect(results[0]?.indexPercent).toEqual(results[1]?.indexPercent);
        expect(results[0]?.rank).toBe(results[1]?.rank);
      }),
    );
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { differencesFromPublished, rankImportedResults, type ImportedEntry } from "@/lib/domain/imported-results";
import { toThousandths } from "@/lib/domain/points";

type PublishedTable = { id: string; maxPoints: number; precision: 2 | 3; units: { name: string; totalPoints: number; rank: number }[] };
const { tables } = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../fixtures/published-examples.json"), "utf8")) as { tables: PublishedTable[] };

const bands = [
  { label: "Nhóm 1", minPercentThousandths: 90_000 },
  { label: "Nhóm 2", minPercentThousandths: 80_000 },
  { label: "Nhóm 3", minPercentThousandths: 0 },
];

const entry = (name: string, total: string, max: string, published: Partial<ImportedEntry["published"]> = {}): ImportedEntry => ({
  agencyId: name,
  agencyName: name,
  totalThousandths: toThousandths(total),
  maxThousandths: toThousandths(max),
  isRanked: true,
  previous: null,
  published: { percentThousandths: null, rank: null, bandLabel: null, ...published },
});

describe.each(tables.map((table) => [table.id, table] as const))("the published table %s, imported", (_id, table) => {
  it("comes out with no difference: every published % and rank is recomputed exactly", () => {
    const results = rankImportedResults(
      table.units.map((unit) => entry(unit.name, String(unit.totalPoints), String(table.maxPoints), { percentThousandths: toThousandths(unit.totalPoints), rank: unit.rank })),
      bands,
      table.precision,
    );
    expect(results.map((result) => [result.agencyName, result.rank, result.differences])).toEqual(table.units.map((unit) => [unit.name, unit.rank, []]));
  });
});

describe("rankImportedResults", () => {
  it("shows each published figure that differs, and only those", () => {
    const results = rankImportedResults(
      [
        // 62.62 over 70 = 89.457…% → 89.46 at 2 decimals, band 2; published as 89.45 (truncated), rank 1, "nhóm  2".
        entry("Sở A", "62.62", "70", { percentThousandths: 89_450, rank: 1, bandLabel: "nhóm  2" }),
        // 91.2 over 100: rank 1 computed; published rank 2, band "Nhóm 1".
        entry("Sở B", "91.2", "100", { percentThousandths: 91_200, rank: 2, bandLabel: "Nhóm 1" }),
        // Nothing published: nothing can differ.
        entry("Sở C", "50", "100"),
      ],
      bands,
      2,
    );
    expect(results.map((result) => [result.agencyName, result.indexPercent.text, result.rank, result.bandLabel, result.differences])).toEqual([
      ["Sở B", "91.20", 1, "Nhóm 1", ["rank"]],
      ["Sở A", "89.46", 2, "Nhóm 2", ["indexPercent", "rank"]],
      ["Sở C", "50.00", 3, "Nhóm 3", []],
    ]);
  });

  it("gives tied published percentages one rank, as announcements do (Hà Nội 2023: two districts at 95,7%)", () => {
    const results = rankImportedResults(
      [entry("Quận A", "95.7", "100", { rank: 1 }), entry("Quận B", "95.7", "100", { rank: 1 }), entry("Quận C", "90", "100", { rank: 2 })],
      bands,
      2,
    );
    // Competition ranking: the next after a tie is 3rd — a province that published "2" sees it differ.
    expect(results.map((result) => [result.agencyName, result.rank, result.differences])).toEqual([
      ["Quận A", 1, []],
      ["Quận B", 1, []],
      ["Quận C", 3, ["rank"]],
    ]);
  });
});

describe("differencesFromPublished", () => {
  it("counts a published band or rank the app does not compute as a difference", () => {
    expect(differencesFromPublished({ percentThousandths: 80_000, rank: null, bandLabel: null }, { percentThousandths: 80_000, rank: 4, bandLabel: "Khá" })).toEqual(["rank", "band"]);
    expect(differencesFromPublished({ percentThousandths: 80_000, rank: 4, bandLabel: "Khá" }, { percentThousandths: null, rank: null, bandLabel: null })).toEqual([]);
  });
});

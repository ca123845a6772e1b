import { describe, expect, it } from "vitest";

import { toThousandths } from "@/lib/domain/points";
import { buildPublicationSnapshot, diffPublicationSnapshots, isSameSnapshot, type SnapshotResult } from "@/lib/domain/publication-snapshot";
import { rankResults } from "@/lib/domain/rank-results";

const result = (agencyName: string, total: string, percent: string, rank: number | null, extra: Partial<SnapshotResult> = {}): SnapshotResult => ({
  agencyId: `id-${agencyName}`,
  agencySlug: `slug-${agencyName}`,
  agencyName,
  totalThousandths: toThousandths(total),
  maxThousandths: 100_000,
  indexPercentThousandths: toThousandths(percent),
  rank,
  rankedCount: 3,
  bandLabel: "Nhóm 1",
  rankChange: null,
  ...extra,
});

describe("buildPublicationSnapshot", () => {
  it("lists each unit type in rank order, ties by Vietnamese name, unranked last, as rankResults does", () => {
    const entries = [
      { agencyName: "Sở Y tế", total: 91_790, isRanked: true },
      { agencyName: "Sở Tư pháp", total: 95_700, isRanked: true },
      { agencyName: "Văn phòng Đoàn ĐBQH", total: 99_000, isRanked: false },
      { agencyName: "Sở Công Thương", total: 95_700, isRanked: true },
      { agencyName: "Đài Phát thanh", total: 95_700, isRanked: true },
    ];
    const ranked = rankResults(
      entries.map((entry) => ({ agencyId: `id-${entry.agencyName}`, agencyName: entry.agencyName, totalThousandths: entry.total, maxThousandths: 100_000, isRanked: entry.isRanked, previous: null })),
      [{ label: "Nhóm 1", minPercentThousandths: 0 }],
      2,
    );
    // The stored results come back from the database in any order.
    const stored = [...ranked].reverse().map((row) =>
      result(row.agencyName, String(row.totalThousandths / 1000), row.indexPercent.text, row.rank, { rankedCount: row.rankedCount }),
    );
    const snapshot = buildPublicationSnapshot({ year: 2025, precision: 2, unitTypes: [{ unitTypeId: "u1", unitTypeName: "Sở, ban, ngành", results: stored }] });
    expect(snapshot.unitTypes[0]?.rows.map((row) => row.agencyName)).toEqual(ranked.map((row) => row.agencyName));
    expect(snapshot.unitTypes[0]?.rows.map((row) => [row.agencyName, row.rank])).toEqual([
      ["Đài Phát thanh", 1],
      ["Sở Công Thương", 1],
      ["Sở Tư pháp", 1],
      ["Sở Y tế", 4],
      ["Văn phòng Đoàn ĐBQH", null],
    ]);
  });

  it("writes points with 3 decimals and the index at the year's precision", () => {
    const two = buildPublicationSnapshot({ year: 2025, precision: 2, unitTypes: [{ unitTypeId: "u", unitTypeName: "U", results: [result("A", "60.5", "80.67", 1)] }] });
    expect(two.unitTypes[0]?.rows[0]).toMatchObject({ totalPoints: "60.500", maxPoints: "100.000", indexPercent: "80.67" });
    const three = buildPublicationSnapshot({ year: 2025, precision: 3, unitTypes: [{ unitTypeId: "u", unitTypeName: "U", results: [result("A", "60.5", "80.667", 1)] }] });
    expect(three.unitTypes[0]?.rows[0]?.indexPercent).toBe("80.667");
  });

  it("refuses an index finer than the precision (stored data that was not rounded is a bug)", () => {
    expect(() => buildPublicationSnapshot({ year: 2025, precision: 2, unitTypes: [{ unitTypeId: "u", unitTypeName: "U", results: [result("A", "60.5", "80.667", 1)] }] })).toThrow(
      RangeError,
    );
  });

  it("leaves out a unit type without results and keeps the given unit type order", () => {
    const snapshot = buildPublicationSnapshot({
      year: 2025,
      precision: 2,
      unitTypes: [
        { unitTypeId: "b", unitTypeName: "B", results: [result("X", "50", "50.00", 1)] },
        { unitTypeId: "empty", unitTypeName: "Empty", results: [] },
        { unitTypeId: "a", unitTypeName: "A", results: [result("Y", "50", "50.00", 1)] },
      ],
    });
    expect(snapshot.unitTypes.map((unitType) => unitType.unitTypeId)).toEqual(["b", "a"]);
  });
});

describe("diffPublicationSnapshots", () => {
  const build = (results: SnapshotResult[], unitTypeName = "Sở, ban, ngành", precision: 2 | 3 = 2) =>
    buildPublicationSnapshot({ year: 2025, precision, unitTypes: [{ unitTypeId: "u1", unitTypeName, results }] });
  const before = build([result("Sở A", "95", "95.00", 1), result("Sở B", "90", "90.00", 2), result("Sở C", "80", "80.00", 3)]);

  it("is empty for the same figures, and the snapshots are the same", () => {
    const again = build([result("Sở C", "80", "80.00", 3), result("Sở A", "95", "95.00", 1), result("Sở B", "90", "90.00", 2)]);
    expect(diffPublicationSnapshots(before, again)).toEqual([]);
    expect(isSameSnapshot(before, again)).toBe(true);
  });

  it("lists each changed field of each agency with both values, a renamed agency included", () => {
    const after = build([
      result("Sở A", "95", "95.00", 1),
      result("Sở B", "92.5", "92.50", 2, { bandLabel: "Nhóm 1" }),
      result("Sở C (đổi tên)", "80", "80.00", 3, { agencyId: "id-Sở C" }),
    ]);
    expect(diffPublicationSnapshots(before, after)).toEqual([
      { agencyId: "id-Sở B", agencyName: "Sở B", unitTypeName: "Sở, ban, ngành", kind: "CHANGED", fields: [{ field: "totalPoints", before: "90.000", after: "92.500" }, { field: "indexPercent", before: "90.000", after: "92.500" }] },
      { agencyId: "id-Sở C", agencyName: "Sở C (đổi tên)", unitTypeName: "Sở, ban, ngành", kind: "CHANGED", fields: [{ field: "agencyName", before: "Sở C", after: "Sở C (đổi tên)" }] },
    ]);
    expect(isSameSnapshot(before, after)).toBe(false);
  });

  it("reports agencies added and removed, and a rank that moved", () => {
    const after = build([result("Sở D", "99", "99.00", 1), result("Sở A", "95", "95.00", 2), result("Sở B", "90", "90.00", 3)]);
    expect(diffPublicationSnapshots(before, after).map((change) => [change.kind, change.agencyName, change.fields.map((field) => `${field.field}:${field.before}→${field.after}`)])).toEqual([
      ["ADDED", "Sở D", []],
      ["CHANGED", "Sở A", ["rank:1→2"]],
      ["CHANGED", "Sở B", ["rank:2→3"]],
      ["REMOVED", "Sở C", []],
    ]);
  });

  it("compares decimals by value, but a changed precision is not the same announcement", () => {
    const threeDecimals = build([result("Sở A", "95", "95.000", 1), result("Sở B", "90", "90.000", 2), result("Sở C", "80", "80.000", 3)], "Sở, ban, ngành", 3);
    expect(diffPublicationSnapshots(before, threeDecimals)).toEqual([]);
    expect(isSameSnapshot(before, threeDecimals)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";

import { findMovers, type MoverRow } from "@/lib/domain/year-over-year-movers";

function row(agencyId: string, percent: number, rank: number | null): MoverRow {
  return { agencyId, agencySlug: agencyId, agencyName: `Đơn vị ${agencyId}`, indexPercentThousandths: percent, rank };
}

describe("findMovers", () => {
  it("lists rises and drops by the change in index % points, largest first", () => {
    const previous = [row("a", 80_000, 3), row("b", 90_000, 1), row("c", 85_000, 2), row("d", 70_000, 4)];
    const current = [row("a", 91_250, 1), row("c", 88_000, 2), row("b", 86_500, 3), row("d", 60_000, 4)];
    const movers = findMovers(current, previous);
    expect(movers.improved.map((mover) => [mover.agencyId, mover.changeThousandths, mover.rankChange])).toEqual([
      ["a", 11_250, 2],
      ["c", 3_000, 0],
    ]);
    expect(movers.dropped.map((mover) => [mover.agencyId, mover.changeThousandths, mover.rankChange])).toEqual([
      ["d", -10_000, 0],
      ["b", -3_500, -2],
    ]);
    expect(movers.improved[0]).toMatchObject({ previousPercentThousandths: 80_000, currentPercentThousandths: 91_250, previousRank: 3, currentRank: 1 });
  });

  it("breaks ties by the change in rank (more places gained or lost first), then by this year's order", () => {
    const previous = [row("a", 80_000, 5), row("b", 80_000, 2), row("c", 80_000, null), row("d", 90_000, 1), row("e", 90_000, 6), row("f", 90_000, 7)];
    // a, b and c all rise 2 points; d, e and f all fall 1 point.
    const current = [row("b", 82_000, 1), row("c", 82_000, 2), row("a", 82_000, 3), row("f", 89_000, 4), row("d", 89_000, 5), row("e", 89_000, 6)];
    const movers = findMovers(current, previous);
    // a gained 2 places, b gained 1, c was not ranked before (last).
    expect(movers.improved.map((mover) => mover.agencyId)).toEqual(["a", "b", "c"]);
    // d lost 4 places, e none, f gained 3.
    expect(movers.dropped.map((mover) => mover.agencyId)).toEqual(["d", "e", "f"]);
    expect(movers.improved[2]?.rankChange).toBeNull();
  });

  it("leaves out agencies new this year, unranked this year, or unchanged", () => {
    const previous = [row("a", 80_000, 1), row("b", 70_000, 2), row("c", 60_000, 3)];
    const current = [row("new", 99_000, 1), row("a", 85_000, 2), row("b", 70_000, 3), row("c", 90_000, null)];
    const movers = findMovers(current, previous);
    expect(movers.improved.map((mover) => mover.agencyId)).toEqual(["a"]);
    expect(movers.dropped).toEqual([]);
  });

  it("keeps the top five of each list", () => {
    const previous = Array.from({ length: 8 }, (_, index) => row(`x${index}`, 50_000, index + 1));
    const current = Array.from({ length: 8 }, (_, index) => row(`x${index}`, 50_000 + (index + 1) * 1_000, 8 - index));
    const movers = findMovers(current, previous);
    expect(movers.improved.map((mover) => mover.agencyId)).toEqual(["x7", "x6", "x5", "x4", "x3"]);
    expect(findMovers(current, previous, 2).improved).toHaveLength(2);
  });

  it("matches an agency that changed unit type against any of last year's rows", () => {
    const previous = [row("a", 60_000, 1), row("moved", 75_000, 9)];
    const movers = findMovers([row("moved", 70_000, 1)], previous);
    expect(movers.dropped).toMatchObject([{ agencyId: "moved", changeThousandths: -5_000, rankChange: 8 }]);
  });

  it("refuses an agency listed twice", () => {
    expect(() => findMovers([row("a", 1, 1), row("a", 2, 2)], [])).toThrow(RangeError);
    expect(() => findMovers([], [row("a", 1, 1), row("a", 2, 2)])).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";

import { computeBandShares } from "@/lib/domain/band-shares";

const bandCounts = (counts: number[]) => counts.map((count, index) => ({ label: `Nhóm ${index + 1}`, minPercentThousandths: (3 - index) * 10_000, count }));

describe("computeBandShares", () => {
  it("gives each band's count and share of the ranked agencies, half-up at the year's precision", () => {
    // 1/3 = 33.333…%, 2/3 = 66.666…%; 1/8 = 12.5% exactly.
    expect(computeBandShares({ bandCounts: bandCounts([1, 2, 0]), unbandedCount: 0, rankedCount: 3 }, 2)).toEqual([
      { label: "Nhóm 1", count: 1, share: { text: "33.33", thousandths: 33_330 } },
      { label: "Nhóm 2", count: 2, share: { text: "66.67", thousandths: 66_670 } },
      { label: "Nhóm 3", count: 0, share: { text: "0.00", thousandths: 0 } },
    ]);
    expect(computeBandShares({ bandCounts: bandCounts([2, 0, 0]), unbandedCount: 0, rankedCount: 3 }, 3)[0]?.share).toEqual({ text: "66.667", thousandths: 66_667 });
  });

  it("rounds an exact half up", () => {
    // 1 of 1,600 = 0.0625% exactly: 0.063 half-up (half-even would print 0.062).
    const shares = computeBandShares({ bandCounts: bandCounts([1, 1599, 0]), unbandedCount: 0, rankedCount: 1600 }, 3);
    expect(shares[0]?.share?.text).toBe("0.063");
  });

  it("adds the unbanded agencies last, and has no share when nobody is ranked", () => {
    expect(computeBandShares({ bandCounts: bandCounts([1, 0, 0]), unbandedCount: 1, rankedCount: 2 }, 2).at(-1)).toEqual({
      label: null,
      count: 1,
      share: { text: "50.00", thousandths: 50_000 },
    });
    expect(computeBandShares({ bandCounts: bandCounts([0, 0, 0]), unbandedCount: 0, rankedCount: 0 }, 2).map((entry) => entry.share)).toEqual([null, null, null]);
  });
});

import { describe, expect, it } from "vitest";

import { storedLeafPoints } from "@/lib/domain/stored-points";

const rate = {
  maxPoints: 2_000,
  method: { method: "PROPORTIONAL_RATE", params: { numeratorLabel: "Số đạt", denominatorLabel: "Tổng số", whenNoData: "EXCLUDED_FROM_MAXIMUM" } },
};

describe("storedLeafPoints", () => {
  it("counts the stored points and tells from the input whether the criterion left the maximum", () => {
    expect(storedLeafPoints(rate, { numerator: 3, denominator: 4 }, "1.500")).toEqual({ points: 1_500, isExcludedFromMaximum: false });
    expect(storedLeafPoints(rate, { numerator: 0, denominator: 0 }, "0.000")).toEqual({ points: 0, isExcludedFromMaximum: true });
    expect(storedLeafPoints(rate, null, "1.250")).toEqual({ points: 1_250, isExcludedFromMaximum: false });
    expect(storedLeafPoints(rate, { numerator: 1, denominator: 2 }, null)).toBeNull();
  });
});

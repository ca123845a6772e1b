import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { computeIndexPercent } from "@/lib/domain/index-percent";
import { divideHalfUp, divideHalfUpSafe, formatThousandths, toThousandths } from "@/lib/domain/points";

describe("toThousandths / formatThousandths", () => {
  it("parses decimal strings and numbers exactly", () => {
    expect(toThousandths("91.79")).toBe(91_790);
    expect(toThousandths(0.25)).toBe(250);
    expect(toThousandths("60.670")).toBe(60_670);
    expect(toThousandths(0.1) + toThousandths(0.2)).toBe(toThousandths(0.3));
  });

  it("rejects values that cannot be stored exactly", () => {
    expect(() => toThousandths("1.2345")).toThrow(/3 decimals/);
    expect(() => toThousandths("abc")).toThrow(/Not a decimal/);
  });

  it("formats with three decimals", () => {
    expect(formatThousandths(91_790)).toBe("91.790");
    expect(formatThousandths(5)).toBe("0.005");
    expect(formatThousandths(-1_250)).toBe("-1.250");
  });
});

describe("computeIndexPercent", () => {
  it("divides total by maximum and rounds half-up at the published precision", () => {
    // 62.62 points over 70 = 89.457…% → published 89.46% (2 decimals) / 89.457% (3 decimals).
    expect(computeIndexPercent(toThousandths("62.62"), toThousandths(70), 2).text).toBe("89.46");
    expect(computeIndexPercent(toThousandths("62.62"), toThousandths(70), 3).text).toBe("89.457");
  });

  it("rounds an exact half up, not to even", () => {
    // 1.125 / 8 = 14.0625% exactly: half-up gives 14.063 (half-even would give 14.062).
    expect(computeIndexPercent(toThousandths("1.125"), toThousandths(8), 3).text).toBe("14.063");
    // 45.005% exactly: half-up gives 45.01 (half-even would give 45.00).
    expect(computeIndexPercent(toThousandths("45.005"), toThousandths(100), 2).text).toBe("45.01");
  });

  it("computes from exact totals, not from rounded parts", () => {
    // 2/3 of 75 points = 50 points: 66.666…% → 66.67%.
    expect(computeIndexPercent(toThousandths(50), toThousandths(75), 2)).toEqual({ text: "66.67", thousandths: 66_670 });
  });

  it("refuses a zero maximum instead of dividing by zero", () => {
    expect(() => computeIndexPercent(0, 0, 2)).toThrow(/positive/);
  });
});

describe("toThousandths on numbers", () => {
  it("agrees with the decimal text of the number for every value", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (value) => {
        const viaText = (() => {
          try {
            return toThousandths(String(value).includes("e") ? "x" : String(value));
          } catch {
            return "rejected";
          }
        })();
        const viaNumber = (() => {
          try {
            return toThousandths(value);
          } catch {
            return "rejected";
          }
        })();
        expect(viaNumber).toBe(viaText);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (thousandths) => {
        expect(toThousandths(thousandths / 1000)).toBe(thousandths);
      }),
    );
  });
});

describe("divideHalfUpSafe", () => {
  it("equals the exact BigInt rounding for any integers", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 51), max: 2 ** 51 }), fc.integer({ min: 1, max: 2 ** 40 }), (numerator, denominator) => {
        expect(divideHalfUpSafe(numerator, denominator)).toBe(Number(divideHalfUp(BigInt(numerator), BigInt(denominator))));
      }),
      { numRuns: 2_000 },
    );
    expect(divideHalfUpSafe(5, 2)).toBe(3);
    expect(divideHalfUpSafe(-5, 2)).toBe(-3);
    expect(divideHalfUpSafe(2 ** 53, 3)).toBe(Number(divideHalfUp(2n ** 53n, 3n)));
  });
});

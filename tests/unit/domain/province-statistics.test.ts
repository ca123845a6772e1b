import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { findBand, type TGradingBand } from "@/lib/domain/bands";
import { computeIndexPercent, type Precision } from "@/lib/domain/index-percent";
import { toThousandths } from "@/lib/domain/points";
import { computeProvinceStatistics, type AgencyResultForStatistics } from "@/lib/domain/province-statistics";
import { makeRational, sumRationals, toFixedHalfUp } from "@/lib/domain/rational";

const bands: TGradingBand[] = [
  { label: "Nhóm 3", minPercentThousandths: 70_000 },
  { label: "Nhóm 1", minPercentThousandths: 90_000 },
  { label: "Nhóm 4", minPercentThousandths: 0 },
  { label: "Nhóm 2", minPercentThousandths: 80_000 },
];

/** Maps an agency's points to the input the way the caller does (published % and band from the engine). */
function agency(
  agencyId: string,
  total: string,
  max: string,
  domains: [code: string, points: string, max: string][] = [],
  options: { isRanked?: boolean; precision?: Precision } = {},
): AgencyResultForStatistics {
  const totalThousandths = toThousandths(total);
  const maxThousandths = toThousandths(max);
  const indexPercentThousandths = computeIndexPercent(totalThousandths, maxThousandths, options.precision ?? 2).thousandths;
  return {
    agencyId,
    totalThousandths,
    maxThousandths,
    indexPercentThousandths,
    bandLabel: findBand(indexPercentThousandths, bands)?.label ?? null,
    isRanked: options.isRanked ?? true,
    domains: domains.map(([code, points, domainMax]) => ({
      code,
      pointsThousandths: toThousandths(points),
      maxThousandths: toThousandths(domainMax),
    })),
  };
}

// Four ranked units, one with a criterion excluded (max 95) and one with a smaller set (max 80):
//   A 90/100 = 90%, B 85.5/95 = 90% (a tie), C 72.25/100 = 72.25%, D 60/80 = 75%; E is not ranked.
function provinceTable(precision: Precision): AgencyResultForStatistics[] {
  return [
    agency("A", "90", "100", [["1", "9", "10"], ["2", "81", "90"]], { precision }),
    agency("B", "85.5", "95", [["2", "75.5", "85"], ["1", "10", "10"]], { precision }),
    agency("C", "72.25", "100", [["1", "7.25", "10"], ["2", "65", "90"]], { precision }),
    agency("D", "60", "80", [["1", "5", "10"], ["2", "55", "70"]], { precision }),
    agency("E", "99", "100", [["10", "9", "10"], ["1", "10", "10"], ["2", "80", "80"]], { isRanked: false, precision }),
  ];
}

describe("computeProvinceStatistics", () => {
  it("computes the announcement's figures over the ranked units, at precision 2", () => {
    const statistics = computeProvinceStatistics(provinceTable(2), bands, 2);

    expect(statistics.agencyCount).toBe(5);
    expect(statistics.rankedCount).toBe(4);
    // (90 + 85.5 + 72.25 + 60) / 4 = 76.9375; the unranked E (99 points) is left out.
    expect(statistics.averageTotalPoints).toEqual({ text: "76.94", thousandths: 76_940 });
    // (90 + 90 + 72.25 + 75) / 4 = 81.8125% — the mean of each unit's own %, not Σ total / Σ max
    // (307.75 / 375 = 82.07%), which would weigh the 100-point units more than D.
    expect(statistics.averageIndexPercent).toEqual({ text: "81.81", thousandths: 81_810 });
    // Even count: the two middle values 75% and 90% → 82.5%.
    expect(statistics.medianIndexPercent).toEqual({ text: "82.50", thousandths: 82_500 });
    expect(statistics.highestIndexPercent).toEqual({ text: "90.00", thousandths: 90_000 });
    expect(statistics.lowestIndexPercent).toEqual({ text: "72.25", thousandths: 72_250 });
  });

  it("lists every band from the top, empty ones included", () => {
    const statistics = computeProvinceStatistics(provinceTable(2), bands, 2);

    expect(statistics.bandCounts).toEqual([
      { label: "Nhóm 1", minPercentThousandths: 90_000, count: 2 },
      { label: "Nhóm 2", minPercentThousandths: 80_000, count: 0 },
      { label: "Nhóm 3", minPercentThousandths: 70_000, count: 2 },
      { label: "Nhóm 4", minPercentThousandths: 0, count: 0 },
    ]);
    expect(statistics.unbandedCount).toBe(0);
  });

  it("averages each domain's points and percentages, in code order", () => {
    const statistics = computeProvinceStatistics(provinceTable(2), bands, 2);

    expect(statistics.domains).toEqual([
      // Points (9 + 10 + 7.25 + 5) / 4 = 7.8125; % (90 + 100 + 72.5 + 50) / 4 = 78.125 → 78.13 (half-up).
      { code: "1", agencyCount: 4, averagePoints: { text: "7.81", thousandths: 7_810 }, averagePercent: { text: "78.13", thousandths: 78_130 } },
      // Points 276.5 / 4 = 69.125 → 69.13; % (81/90 + 75.5/85 + 65/90 + 55/70) / 4 × 100 = 88255/1071 = 82.404…
      { code: "2", agencyCount: 4, averagePoints: { text: "69.13", thousandths: 69_130 }, averagePercent: { text: "82.40", thousandths: 82_400 } },
      // Only the unranked E has domain 10: listed, with no figures.
      { code: "10", agencyCount: 0, averagePoints: null, averagePercent: null },
    ]);
  });

  it("rounds half-up at precision 3 too (81.8125 → 81.813, 76.9375 → 76.938)", () => {
    const statistics = computeProvinceStatistics(provinceTable(3), bands, 3);

    expect(statistics.averageTotalPoints).toEqual({ text: "76.938", thousandths: 76_938 });
    expect(statistics.averageIndexPercent).toEqual({ text: "81.813", thousandths: 81_813 });
    expect(statistics.medianIndexPercent?.text).toBe("82.500");
    expect(statistics.domains[1]?.averagePercent?.text).toBe("82.404");
  });

  it("rounds a mean of exactly x.xx5 up", () => {
    const statistics = computeProvinceStatistics([agency("A", "80", "100"), agency("B", "80.01", "100")], bands, 2);

    // (80 + 80.01) / 2 = 80.005 exactly → 80.01 (half-even would give 80.00).
    expect(statistics.averageIndexPercent?.text).toBe("80.01");
    expect(statistics.averageTotalPoints?.text).toBe("80.01");
    expect(statistics.medianIndexPercent?.text).toBe("80.01");
  });

  it("averages the exact values, not the rounded figures of the table", () => {
    // Published 80.01% and 80.00%; their mean 80.005 would round to 80.01, but the exact mean is 80.0045.
    const statistics = computeProvinceStatistics([agency("A", "80.006", "100"), agency("B", "80.003", "100")], bands, 2);

    expect(statistics.highestIndexPercent?.text).toBe("80.01");
    expect(statistics.lowestIndexPercent?.text).toBe("80.00");
    expect(statistics.averageIndexPercent?.text).toBe("80.00");
    expect(statistics.medianIndexPercent?.text).toBe("80.00");
    expect(statistics.averageTotalPoints?.text).toBe("80.00");
  });

  it("takes the middle value of an odd count, ties included", () => {
    const agencies = [agency("A", "90", "100"), agency("B", "85.5", "95"), agency("C", "72.25", "100")];

    // Sorted 90, 90, 72.25: the middle one is the tie at 90%.
    expect(computeProvinceStatistics(agencies, bands, 2).medianIndexPercent?.text).toBe("90.00");
  });

  it("leaves a domain out of a unit's domain averages when all its criteria were excluded", () => {
    const agencies = [
      agency("A", "18", "20", [["1", "8", "10"], ["2", "10", "10"]]),
      agency("B", "6", "10", [["1", "6", "10"], ["2", "0", "0"]]),
    ];

    const domainTwo = computeProvinceStatistics(agencies, bands, 2).domains[1];

    expect(domainTwo).toEqual({ code: "2", agencyCount: 1, averagePoints: { text: "10.00", thousandths: 10_000 }, averagePercent: { text: "100.00", thousandths: 100_000 } });
  });

  it("returns counts of 0 and null figures for empty input", () => {
    expect(computeProvinceStatistics([], bands, 2)).toEqual({
      agencyCount: 0,
      rankedCount: 0,
      averageTotalPoints: null,
      averageIndexPercent: null,
      medianIndexPercent: null,
      highestIndexPercent: null,
      lowestIndexPercent: null,
      bandCounts: [
        { label: "Nhóm 1", minPercentThousandths: 90_000, count: 0 },
        { label: "Nhóm 2", minPercentThousandths: 80_000, count: 0 },
        { label: "Nhóm 3", minPercentThousandths: 70_000, count: 0 },
        { label: "Nhóm 4", minPercentThousandths: 0, count: 0 },
      ],
      unbandedCount: 0,
      domains: [],
    });
  });

  it("returns null figures when no unit is ranked", () => {
    const statistics = computeProvinceStatistics([agency("A", "90", "100", [["1", "9", "10"]], { isRanked: false })], bands, 2);

    expect(statistics).toMatchObject({ agencyCount: 1, rankedCount: 0, averageIndexPercent: null, medianIndexPercent: null });
    expect(statistics.domains).toEqual([{ code: "1", agencyCount: 0, averagePoints: null, averagePercent: null }]);
  });

  it("counts units below the lowest band apart", () => {
    const upperBands = [{ label: "Đạt", minPercentThousandths: 50_000 }];
    const input = { ...agency("A", "40", "100"), bandLabel: null };

    expect(computeProvinceStatistics([input], upperBands, 2)).toMatchObject({ unbandedCount: 1, bandCounts: [{ label: "Đạt", count: 0 }] });
  });

  it("rejects inputs that contradict each other", () => {
    const good = agency("A", "90", "100");

    expect(() => computeProvinceStatistics([good, { ...good }], bands, 2)).toThrow(/listed twice/);
    expect(() => computeProvinceStatistics([{ ...good, indexPercentThousandths: 89_990 }], bands, 2)).toThrow(/published index/);
    // A figure published at precision 2 given to a precision-3 computation.
    expect(() => computeProvinceStatistics([agency("B", "2", "3", [], { precision: 2 })], bands, 3)).toThrow(/published index/);
    expect(() => computeProvinceStatistics([{ ...good, bandLabel: "Nhóm 2" }], bands, 2)).toThrow(/band/);
    expect(() => computeProvinceStatistics([{ ...good, maxThousandths: 0 }], bands, 2)).toThrow(/maximum/);
    expect(() => computeProvinceStatistics([agency("C", "9", "10", [["1", "4", "5"], ["1", "5", "5"]])], bands, 2)).toThrow(/domain 1 listed twice/);
  });
});

describe("rational", () => {
  it("reduces, sums exactly, and rounds half-up into fixed text", () => {
    expect(makeRational(6n, -4n)).toEqual({ numerator: -3n, denominator: 2n });
    const sum = sumRationals([makeRational(1n, 6n), makeRational(1n, 4n), makeRational(1n, 6n)]);
    expect(makeRational(sum.numerator, sum.denominator)).toEqual({ numerator: 7n, denominator: 12n });
    expect(sumRationals([])).toEqual({ numerator: 0n, denominator: 1n });
    expect(toFixedHalfUp(makeRational(809n, 10n), 2)).toBe("80.90");
    expect(toFixedHalfUp(makeRational(16_001n, 200n), 2)).toBe("80.01"); // 80.005
    expect(toFixedHalfUp(makeRational(-1n, 200n), 2)).toBe("-0.01");
    expect(toFixedHalfUp(makeRational(2n, 3n), 0)).toBe("1");
  });
});

// Units drawn over a few maxima (an excluded criterion lowers some), as in a real year.
const MAXIMA = [100_000, 98_500, 95_000, 80_000];

const arbitraryAgencies = (precision: Precision, maxima: readonly number[] = MAXIMA) =>
  fc
    .array(
      fc.record({
        max: fc.constantFrom(...maxima),
        millionths: fc.integer({ min: 0, max: 1_000_000 }),
        isRanked: fc.integer({ min: 0, max: 4 }).map((draw) => draw !== 0), // 4 in 5 ranked
      }),
      { maxLength: 40 },
    )
    .map((rows) =>
      rows.map(({ max, millionths, isRanked }, index): AgencyResultForStatistics => {
        const totalThousandths = Math.floor((max * millionths) / 1_000_000);
        const indexPercentThousandths = computeIndexPercent(totalThousandths, max, precision).thousandths;
        return {
          agencyId: `agency-${index}`,
          totalThousandths,
          maxThousandths: max,
          indexPercentThousandths,
          bandLabel: findBand(indexPercentThousandths, bands)?.label ?? null,
          isRanked,
          domains: [{ code: "1", pointsThousandths: totalThousandths, maxThousandths: max }],
        };
      }),
    );

describe("computeProvinceStatistics properties", () => {
  it("puts the average and median between the lowest and highest published % and bands every ranked unit", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Precision>(2, 3).chain((precision) => fc.tuple(fc.constant(precision), arbitraryAgencies(precision))),
        ([precision, agencies]) => {
          const statistics = computeProvinceStatistics(agencies, bands, precision);
          const bandTotal = statistics.bandCounts.reduce((sum, band) => sum + band.count, 0);
          expect(bandTotal + statistics.unbandedCount).toBe(statistics.rankedCount);
          if (statistics.rankedCount === 0) return;
          const lowest = statistics.lowestIndexPercent?.thousandths ?? Number.NaN;
          const highest = statistics.highestIndexPercent?.thousandths ?? Number.NaN;
          for (const figure of [statistics.averageIndexPercent, statistics.medianIndexPercent, statistics.domains[0]?.averagePercent]) {
            expect(figure?.thousandths).toBeGreaterThanOrEqual(lowest);
            expect(figure?.thousandths).toBeLessThanOrEqual(highest);
          }
        },
      ),
    );
  });

  it("does not depend on the order of the input", () => {
    fc.assert(
      fc.property(
        arbitraryAgencies(2).chain((agencies) =>
          fc.tuple(fc.constant(agencies), fc.shuffledSubarray(agencies, { minLength: agencies.length, maxLength: agencies.length })),
        ),
        ([agencies, shuffled]) => {
          expect(computeProvinceStatistics(shuffled, bands, 2)).toEqual(computeProvinceStatistics(agencies, bands, 2));
        },
      ),
    );
  });

  it("gives the same average % as average points when every maximum is 100", () => {
    fc.assert(
      fc.property(arbitraryAgencies(3, [100_000]), (agencies) => {
        const statistics = computeProvinceStatistics(agencies, bands, 3);
        expect(statistics.averageIndexPercent).toEqual(statistics.averageTotalPoints);
      }),
    );
  });
});

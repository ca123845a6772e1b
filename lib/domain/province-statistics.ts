import type { TGradingBand } from "./bands";
import { computeIndexPercent, type Precision } from "./index-percent";
import { POINT_SCALE } from "./points";
import { formatUnits, makeRational, roundHalfUpToUnits, sumRationals, type Rational } from "./rational";

export type DomainResultForStatistics = {
  /** The top-level criterion code (lĩnh vực), e.g. "1". */
  code: string;
  pointsThousandths: number;
  /** 0 when every criterion of the domain was excluded from this agency's maximum. */
  maxThousandths: number;
};

/** One agency's result for one year and unit type, as the scoring engine produced it. */
export type AgencyResultForStatistics = {
  agencyId: string;
  totalThousandths: number;
  maxThousandths: number;
  /** The published, rounded index % in thousandths (`RankedResult.indexPercent.thousandths`). */
  indexPercentThousandths: number;
  /** The band of the published index %, as `findBand` gives it. */
  bandLabel: string | null;
  isRanked: boolean;
  /** Top-level domains with their subtotals. */
  domains: readonly DomainResultForStatistics[];
};

/** A figure rounded half-up at a fixed number of decimals: "80.90" and the same value in thousandths (80900). */
export type RoundedFigure = { text: string; thousandths: number };

export type BandCount = { label: string; minPercentThousandths: number; count: number };

export type DomainStatistics = {
  code: string;
  /** Ranked agencies for which the domain counts (its maximum is above 0). */
  agencyCount: number;
  averagePoints: RoundedFigure | null;
  averagePercent: RoundedFigure | null;
};

export type ProvinceStatistics = {
  /** Every agency given, ranked or not. */
  agencyCount: number;
  /** The agencies every figure below describes. */
  rankedCount: number;
  averageTotalPoints: RoundedFigure | null;
  averageIndexPercent: RoundedFigure | null;
  medianIndexPercent: RoundedFigure | null;
  /** The highest and lowest published index % (the figures printed in the table). */
  highestIndexPercent: RoundedFigure | null;
  lowestIndexPercent: RoundedFigure | null;
  /** Every band, from the top one down, including bands with no agency. */
  bandCounts: BandCount[];
  /** Ranked agencies without a band (only when the bands do not reach down to 0%). */
  unbandedCount: number;
  /** Every domain code any agency reports, in code order ("1", "2", …, "10"). */
  domains: DomainStatistics[];
};

/**
 * The figures an announcement prints for one unit type of one year ("bình quân 60,67 điểm, 80,90%").
 *
 * Who is counted: every figure except `agencyCount` describes the ranked agencies only. Units flagged
 * "not ranked" are scored for information (new or merged units, central agencies shown for
 * reference) and the announcement's averages compare the units being ranked, so including them
 * would move the province's figures with units outside the comparison. Band counts therefore add up
 * to `rankedCount` (with `unbandedCount`).
 *
 * How each figure is computed: from exact values, rounded once, half-up (an exact half goes up:
 * 80.005 → 80.01, not half-even's 80.00), never from the rounded figures of the table.
 * - Average total points = Σ total / n.
 * - Average index % = the mean of each agency's own exact ratio, (Σ total_i / max_i) / n × 100, so
 *   every agency weighs the same, as averaging the table's % column would — but without the
 *   rounding of each row. It is not Σ total / Σ max, which would weigh units with a larger maximum
 *   more (they differ when excluded criteria lower some maxima).
 * - Median index % = the middle exact ratio; for an even count, the exact mean of the two middle
 *   ratios. (For an odd count this equals the middle published figure, since rounding keeps order.)
 * - Highest / lowest index % = the published figures, which are the exact extremes rounded.
 * - Per domain: the same mean of points and mean of exact ratios, over the ranked agencies whose
 *   maximum for that domain is above 0 — a domain whose criteria were all excluded ("không phát
 *   sinh") does not apply to that unit and would otherwise count as 0 points of 0.
 *
 * Precision: percentages at the year's published precision (2 or 3), like the index of each row.
 * Average points also at the year's precision rather than a fixed 2 decimals: the precision is the
 * year's one setting for printed decimals, and a year that prints 3 decimals would otherwise show
 * averages coarser than its own rows (points are kept to thousandths, so a 3rd decimal is real).
 *
 * Exactness and cost: sums of thousandths are integers (checked to stay safe integers), products
 * and fractions are BigInt, never binary fractions. A mean of ratios is one exact fraction (ratios
 * grouped by maximum, then summed by `sumRationals`) rounded by one division, so 3,500 agencies
 * over a few distinct maxima (the usual case: a set's maximum, lowered by a few excluded criteria)
 * cost a few big-integer operations and keep the denominator to a few dozen digits; the median is
 * one O(n log n) sort. Even 3,500 distinct maxima stay sub-quadratic (see `sumRationals`).
 *
 * Inputs that contradict each other (a published % or band that does not follow from the total,
 * maximum, precision and bands given) are rejected: the statistics would disagree with the table
 * printed beside them. Empty input (or no ranked agency) gives counts of 0 and null figures.
 */
export function computeProvinceStatistics(
  agencies: readonly AgencyResultForStatistics[],
  bands: readonly TGradingBand[],
  precision: Precision,
): ProvinceStatistics {
  if (precision !== 2 && precision !== 3) throw new RangeError(`Precision must be 2 or 3, not ${String(precision)}`);
  const bandsFromTop = [...bands].sort((a, b) => b.minPercentThousandths - a.minPercentThousandths);
  const bandCountByLabel = new Map<string, number>();
  for (const band of bandsFromTop) {
    if (bandCountByLabel.has(band.label)) throw new RangeError(`Duplicate band label "${band.label}"`);
    bandCountByLabel.set(band.label, 0);
  }

  const seenAgencyIds = new Set<string>();
  const ranked: AgencyResultForStatistics[] = [];
  const overall = createMean();
  // Every domain code any agency reports; `lastAgency` catches a code listed twice by one agency.
  const domainEntries = new Map<string, { mean: Mean; lastAgency: number }>();
  let unbandedCount = 0;
  let highest: number | null = null;
  let lowest: number | null = null;
  agencies.forEach((agency, agencyIndex) => {
    assertConsistent(agency, bandsFromTop, precision, seenAgencyIds);
    for (const domain of agency.domains) {
      let entry = domainEntries.get(domain.code);
      if (!entry) domainEntries.set(domain.code, (entry = { mean: createMean(), lastAgency: -1 }));
      if (entry.lastAgency === agencyIndex) throw new RangeError(`Agency ${agency.agencyId}: domain ${domain.code} listed twice`);
      entry.lastAgency = agencyIndex;
      if (!isNonNegativeInteger(domain.pointsThousandths) || !isNonNegativeInteger(domain.maxThousandths)) {
        throw new RangeError(`Agency ${agency.agencyId}: domain ${domain.code} has points or a maximum that are not non-negative integers`);
      }
      if (agency.isRanked && domain.maxThousandths > 0) addToMean(entry.mean, domain.pointsThousandths, domain.maxThousandths);
    }
    if (!agency.isRanked) return;
    ranked.push(agency);
    addToMean(overall, agency.totalThousandths, agency.maxThousandths);
    if (agency.bandLabel === null) unbandedCount += 1;
    else bandCountByLabel.set(agency.bandLabel, (bandCountByLabel.get(agency.bandLabel) ?? 0) + 1);
    highest = highest === null ? agency.indexPercentThousandths : Math.max(highest, agency.indexPercentThousandths);
    lowest = lowest === null ? agency.indexPercentThousandths : Math.min(lowest, agency.indexPercentThousandths);
  });

  return {
    agencyCount: agencies.length,
    rankedCount: ranked.length,
    averageTotalPoints: roundFigure(meanPoints(overall), precision),
    averageIndexPercent: roundFigure(meanPercent(overall), precision),
    medianIndexPercent: roundFigure(medianPercent(ranked), precision),
    highestIndexPercent: highest === null ? null : publishedFigure(highest, precision),
    lowestIndexPercent: lowest === null ? null : publishedFigure(lowest, precision),
    bandCounts: bandsFromTop.map((band) => ({
      label: band.label,
      minPercentThousandths: band.minPercentThousandths,
      count: bandCountByLabel.get(band.label) ?? 0,
    })),
    unbandedCount,
    domains: [...domainEntries]
      .sort(([a], [b]) => compareCodes(a, b))
      .map(([code, { mean }]) => ({
        code,
        agencyCount: mean.count,
        averagePoints: roundFigure(meanPoints(mean), precision),
        averagePercent: roundFigure(meanPercent(mean), precision),
      })),
  };
}

/**
 * Running sums for a mean of points and a mean of ratios; ratios are grouped by their maximum.
 * The sums are integers (thousandths) in plain numbers, exact while they stay safe integers:
 * addends are non-negative safe integers, so a sum that ever passed 2^53 stays at or above it and
 * is caught when read (`safeSum`). That keeps BigInt out of the per-agency loop.
 */
type Mean = { count: number; pointsSum: number; pointsByMax: Map<number, number> };

function createMean(): Mean {
  return { count: 0, pointsSum: 0, pointsByMax: new Map() };
}

function addToMean(mean: Mean, pointsThousandths: number, maxThousandths: number): void {
  mean.count += 1;
  mean.pointsSum += pointsThousandths;
  mean.pointsByMax.set(maxThousandths, (mean.pointsByMax.get(maxThousandths) ?? 0) + pointsThousandths);
}

function safeSum(sum: number): bigint {
  if (!Number.isSafeInteger(sum)) throw new RangeError("Points too large to sum exactly");
  return BigInt(sum);
}

/** Σ points / n, in points. */
function meanPoints(mean: Mean): Rational | null {
  return mean.count === 0 ? null : makeRational(safeSum(mean.pointsSum), BigInt(mean.count) * BigInt(POINT_SCALE));
}

/** (Σ points_i / max_i) / n × 100. */
function meanPercent(mean: Mean): Rational | null {
  if (mean.count === 0) return null;
  const sum = sumRationals([...mean.pointsByMax].map(([max, points]) => ({ numerator: safeSum(points), denominator: BigInt(max) })));
  // Left unreduced, like the sum: see sumRationals.
  return { numerator: sum.numerator * 100n, denominator: sum.denominator * BigInt(mean.count) };
}

function medianPercent(ranked: readonly AgencyResultForStatistics[]): Rational | null {
  if (ranked.length === 0) return null;
  const sorted = [...ranked].sort(compareExactRatios);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as AgencyResultForStatistics;
  const lower = sorted.length % 2 === 0 ? (sorted[middle - 1] as AgencyResultForStatistics) : upper;
  // (t1/m1 + t2/m2) / 2 × 100
  const [t1, m1] = [BigInt(upper.totalThousandths), BigInt(upper.maxThousandths)];
  const [t2, m2] = [BigInt(lower.totalThousandths), BigInt(lower.maxThousandths)];
  return makeRational((t1 * m2 + t2 * m1) * 100n, 2n * m1 * m2);
}

/** Ascending by total / max, exactly, by cross-multiplication. */
function compareExactRatios(a: AgencyResultForStatistics, b: AgencyResultForStatistics): number {
  const left = a.totalThousandths * b.maxThousandths;
  const right = b.totalThousandths * a.maxThousandths;
  // A product of integers is exact while it is a safe integer (one past 2^53 rounds to 2^53 or
  // more, which is not safe); only then fall back to BigInt. Saves BigInt work in the O(n log n) sort.
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left - right;
  const exactLeft = BigInt(a.totalThousandths) * BigInt(b.maxThousandths);
  const exactRight = BigInt(b.totalThousandths) * BigInt(a.maxThousandths);
  return exactLeft === exactRight ? 0 : exactLeft < exactRight ? -1 : 1;
}

function roundFigure(value: Rational | null, precision: Precision): RoundedFigure | null {
  if (value === null) return null;
  const units = roundHalfUpToUnits(value, precision);
  return { text: formatUnits(units, precision), thousandths: Number(units * 10n ** BigInt(3 - precision)) };
}

/** A published index % (thousandths, a multiple of the precision's step) as its printed figure. */
function publishedFigure(thousandths: number, precision: Precision): RoundedFigure {
  return { text: formatUnits(BigInt(thousandths) / 10n ** BigInt(3 - precision), precision), thousandths };
}

/** The agency-level checks (its domains are checked in the main loop, which already visits them). */
function assertConsistent(
  agency: AgencyResultForStatistics,
  bandsFromTop: readonly TGradingBand[],
  precision: Precision,
  seenAgencyIds: Set<string>,
): void {
  const fail = (problem: string): never => {
    throw new RangeError(`Agency ${agency.agencyId}: ${problem}`);
  };
  if (seenAgencyIds.has(agency.agencyId)) fail("listed twice");
  seenAgencyIds.add(agency.agencyId);
  if (!isNonNegativeInteger(agency.totalThousandths)) fail(`total ${agency.totalThousandths} is not a non-negative integer`);
  if (!isNonNegativeInteger(agency.maxThousandths) || agency.maxThousandths === 0) fail(`maximum ${agency.maxThousandths} is not positive`);
  const expected = computeIndexPercent(agency.totalThousandths, agency.maxThousandths, precision).thousandths;
  if (agency.indexPercentThousandths !== expected) {
    fail(`published index ${agency.indexPercentThousandths} does not follow from the total and maximum (${expected})`);
  }
  const expectedBand = bandsFromTop.find((band) => expected >= band.minPercentThousandths)?.label ?? null;
  if (agency.bandLabel !== expectedBand) fail(`band ${String(agency.bandLabel)} does not match the index (${String(expectedBand)})`);
}

function isNonNegativeInteger(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** "2" before "10", "1.2" before "1.10": numeric segments compare as numbers, others as text. */
function compareCodes(a: string, b: string): number {
  const left = a.split(".");
  const right = b.split(".");
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const x = left[index] as string;
    const y = right[index] as string;
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) {
      // Digit strings of any length: the longer number (without leading zeros) is larger.
      const [p, q] = [x.replace(/^0+/, ""), y.replace(/^0+/, "")];
      if (p.length !== q.length) return p.length - q.length;
      if (p !== q) return p < q ? -1 : 1;
    }
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

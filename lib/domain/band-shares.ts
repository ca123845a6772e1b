import type { Precision } from "./index-percent";
import type { ProvinceStatistics, RoundedFigure } from "./province-statistics";
import { formatUnits, makeRational, roundHalfUpToUnits } from "./rational";

export type BandShare = {
  /** Null: the ranked agencies without a band (only when the bands do not reach down to 0%). */
  label: string | null;
  count: number;
  /** count / ranked agencies × 100, rounded half-up at the year's precision; null when nobody is ranked. */
  share: RoundedFigure | null;
};

/**
 * The band distribution of one unit type: each band's count as computeProvinceStatistics counted it
 * (ranked agencies only, top band first, empty bands kept) with its share of the ranked agencies,
 * and a last entry for the unbanded ones when there are any. Each share is rounded on its own, so
 * the shares may add up to 100 ± a rounding step, as in any printed table of shares.
 */
export function computeBandShares(statistics: Pick<ProvinceStatistics, "bandCounts" | "unbandedCount" | "rankedCount">, precision: Precision): BandShare[] {
  const { rankedCount } = statistics;
  const share = (count: number): RoundedFigure | null => {
    if (rankedCount === 0) return null;
    const units = roundHalfUpToUnits(makeRational(BigInt(count) * 100n, BigInt(rankedCount)), precision);
    return { text: formatUnits(units, precision), thousandths: Number(units * 10n ** BigInt(3 - precision)) };
  };
  const entries: BandShare[] = statistics.bandCounts.map((band) => ({ label: band.label, count: band.count, share: share(band.count) }));
  if (statistics.unbandedCount > 0) entries.push({ label: null, count: statistics.unbandedCount, share: share(statistics.unbandedCount) });
  return entries;
}

import { findBand, type TGradingBand } from "./bands";
import { computeIndexPercent, type IndexPercent, type Precision } from "./index-percent";
import { rankCompetition } from "./ranking";

export type RankingEntry = {
  agencyId: string;
  agencyName: string;
  totalThousandths: number;
  maxThousandths: number;
  /** Some units are scored but not ranked. */
  isRanked: boolean;
  /** The agency's result last year in the same unit type; null when it had none ("mới"). */
  previous: { rank: number | null; indexPercentThousandths: number } | null;
};

export type RankedResult = RankingEntry & {
  indexPercent: IndexPercent;
  rank: number | null;
  rankedCount: number;
  bandLabel: string | null;
  /** Places moved up since last year (negative = down); null when unranked in either year. */
  rankChange: number | null;
  /** Index % change in thousandths of a percent (published figures); null when new. */
  percentChange: number | null;
  /** Not assessed in this unit type last year. */
  isNew: boolean;
};

const vietnameseOrder = new Intl.Collator("vi");

/**
 * Index %, rank, band and change for one unit type of one year, in display order.
 *
 * Ranks follow the published (rounded) percentage with standard competition ranking (1, 2, 2, 4),
 * as announcements do: two units shown at 95,70% share a rank. Unranked units get everything but a
 * rank and come last. Ties are listed by name in Vietnamese order, so the order is stable.
 */
export function rankResults(entries: readonly RankingEntry[], bands: readonly TGradingBand[], precision: Precision): RankedResult[] {
  const withPercent = entries.map((entry) => ({ entry, indexPercent: computeIndexPercent(entry.totalThousandths, entry.maxThousandths, precision) }));
  const ranked = withPercent.filter(({ entry }) => entry.isRanked);
  const ranks = rankCompetition(ranked, (a, b) => b.indexPercent.thousandths - a.indexPercent.thousandths);
  const rankByAgency = new Map(ranked.map(({ entry }, index) => [entry.agencyId, ranks[index] ?? null]));

  const results = withPercent.map(({ entry, indexPercent }): RankedResult => {
    const rank = rankByAgency.get(entry.agencyId) ?? null;
    const previousRank = entry.previous?.rank ?? null;
    return {
      ...entry,
      indexPercent,
      rank,
      rankedCount: ranked.length,
      bandLabel: findBand(indexPercent.thousandths, bands)?.label ?? null,
      rankChange: rank !== null && previousRank !== null ? previousRank - rank : null,
      percentChange: entry.previous ? indexPercent.thousandths - entry.previous.indexPercentThousandths : null,
      isNew: entry.previous === null,
    };
  });
  return results.sort((a, b) =>
    compareForDisplay(
      { rank: a.rank, indexPercentThousandths: a.indexPercent.thousandths, agencyName: a.agencyName },
      { rank: b.rank, indexPercentThousandths: b.indexPercent.thousandths, agencyName: b.agencyName },
    ),
  );
}

export type DisplayOrderKey = { rank: number | null; indexPercentThousandths: number; agencyName: string };

/**
 * The order announcements list a unit type in: by rank, unranked units last, then by index %,
 * then by name in Vietnamese order. Shared with the publication snapshot, which rebuilds the
 * table from stored results and must list it exactly as the ranking did.
 */
export function compareForDisplay(a: DisplayOrderKey, b: DisplayOrderKey): number {
  return (
    (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
    b.indexPercentThousandths - a.indexPercentThousandths ||
    vietnameseOrder.compare(a.agencyName, b.agencyName)
  );
}

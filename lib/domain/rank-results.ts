import { findBand, type TGradingBand } from "./bands";
import { computeIndexPercent, type IndexPercent, type Precision } from "./index-percent";
import { compareByExactRatio, rankCompetition } from "./ranking";

export type ResultInput = {
  agencyId: string;
  totalThousandths: number;
  maxThousandths: number;
  isRanked: boolean;
  /** Last year's rank in the same unit type, for the change column. */
  previousRank: number | null;
};

export type RankedResult = ResultInput & {
  indexPercent: IndexPercent;
  rank: number | null;
  rankedCount: number;
  bandLabel: string | null;
  /** Positive = moved up. Null when either year is unranked. */
  rankChange: number | null;
};

/** Index %, competition rank among ranked units, band and change, for one unit type of one year. */
export function rankResults(inputs: readonly ResultInput[], bands: readonly TGradingBand[], precision: Precision): RankedResult[] {
  const ranked = inputs.filter((input) => input.isRanked);
  const ranks = rankCompetition(ranked, compareByExactRatio);
  const rankByAgency = new Map(ranked.map((input, index) => [input.agencyId, ranks[index] ?? null]));
  return inputs.map((input) => {
    const indexPercent = computeIndexPercent(input.totalThousandths, input.maxThousandths, precision);
    const rank = rankByAgency.get(input.agencyId) ?? null;
    return {
      ...input,
      indexPercent,
      rank,
      rankedCount: ranked.length,
      bandLabel: findBand(indexPercent.thousandths, bands)?.label ?? null,
      rankChange: rank !== null && input.previousRank !== null ? input.previousRank - rank : null,
    };
  });
}

import type { TGradingBand } from "./bands";
import type { Precision } from "./index-percent";
import { rankResults, type RankedResult, type RankingEntry } from "./rank-results";

// A past announcement brought into the app (issue 7 item 5): its results are recomputed with the
// same functions as every other year, and each figure the announcement published is compared with
// the computed one, so the administrator sees every row where they part before storing the year.

/** What the announcement published for one agency; null where the file does not say. */
export type PublishedFigures = {
  /** In thousandths of a percent (91,79% → 91790). */
  percentThousandths: number | null;
  rank: number | null;
  bandLabel: string | null;
};

export type FigureDifference = "indexPercent" | "rank" | "band";

export type ImportedEntry = RankingEntry & { published: PublishedFigures };
export type ImportedResult = RankedResult & { published: PublishedFigures; differences: FigureDifference[] };

/**
 * Index %, competition rank and band of one unit type's imported results (lib/domain/rank-results),
 * each with the published figures it differs from. A published % is compared at the thousandth, so
 * "91,8" against a computed 91,79 is a difference; band labels are compared ignoring case and spacing.
 */
export function rankImportedResults(entries: readonly ImportedEntry[], bands: readonly TGradingBand[], precision: Precision): ImportedResult[] {
  const publishedOf = new Map(entries.map((entry) => [entry.agencyId, entry.published]));
  return rankResults(entries, bands, precision).map((result) => {
    const published = publishedOf.get(result.agencyId)!;
    return {
      ...result,
      published,
      differences: differencesFromPublished({ percentThousandths: result.indexPercent.thousandths, rank: result.rank, bandLabel: result.bandLabel }, published),
    };
  });
}

/** Which published figures differ from the computed ones (a figure not published never differs). */
export function differencesFromPublished(
  computed: { percentThousandths: number; rank: number | null; bandLabel: string | null },
  published: PublishedFigures,
): FigureDifference[] {
  const differences: FigureDifference[] = [];
  if (published.percentThousandths !== null && published.percentThousandths !== computed.percentThousandths) differences.push("indexPercent");
  if (published.rank !== null && published.rank !== computed.rank) differences.push("rank");
  if (published.bandLabel !== null && bandKey(published.bandLabel) !== bandKey(computed.bandLabel ?? "")) differences.push("band");
  return differences;
}

function bandKey(label: string): string {
  return label.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

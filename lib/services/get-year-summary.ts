import "server-only";

import { getPrisma, type PrismaClient } from "@/lib/db/prisma";
import type { TGradingBand } from "@/lib/domain/bands";
import { computeBandShares, type BandShare } from "@/lib/domain/band-shares";
import { toThousandths } from "@/lib/domain/points";
import type { RoundedFigure } from "@/lib/domain/province-statistics";
import { findMovers, type MoverRow, type Movers } from "@/lib/domain/year-over-year-movers";

import { getDomainAverages } from "./get-domain-averages";
import { getPublishedRanking } from "./get-latest-published-ranking";
import { getPublicLeaderboard } from "./get-public-leaderboard";

// The public year summary (issue 8 item 3). Public: no actor; only PUBLISHED years, through
// getPublicLeaderboard / getPublishedRanking, which read nothing else.

export type SummaryDomain = {
  code: string;
  /** From the year's criteria set of the unit type; null if the set has no such domain. */
  title: string | null;
  /** The domain's maximum in the criteria set, thousandths; null as above. */
  maxPoints: number | null;
  agencyCount: number;
  averagePoints: RoundedFigure | null;
  averagePercent: RoundedFigure | null;
};

export type SummaryUnitType = {
  unitTypeId: string;
  code: string;
  name: string;
  bands: TGradingBand[];
  agencyCount: number;
  rankedCount: number;
  averageIndexPercent: RoundedFigure | null;
  /** Top band first; the announced figures (the leaderboard's band counts) with their shares. */
  bandShares: BandShare[];
  /** Per-domain averages over the year's stored Results; empty when no result has a breakdown (imported years). */
  domains: SummaryDomain[];
  /** Null when there is no earlier published year to compare with. */
  movers: Movers | null;
};

export type SummaryPublication = {
  number: string;
  issuedOn: Date;
  note: string | null;
  /** The publication this one corrects. */
  supersedes: { number: string } | null;
  /** The correction that replaced it; null for the current one. */
  supersededBy: { number: string; issuedOn: Date } | null;
};

export type YearSummary = {
  year: number;
  precision: 2 | 3;
  /** Every published year, latest first. */
  publishedYears: number[];
  /** The latest published year before this one; null for the first. */
  previousYear: number | null;
  /** The announcement in force, then those it superseded, newest first. */
  publications: { current: SummaryPublication; superseded: SummaryPublication[] };
  unitTypes: SummaryUnitType[];
};

/**
 * The summary of a published year: per unit type the band distribution, province average,
 * per-domain averages and the agencies that moved most since the previous published year; and the
 * year's announcements. `year` null: the latest published year. Null when the year is not
 * published (whatever its phase, a year's draft figures never come out here).
 *
 * What comes from where: band counts, average and movers from the current announcement
 * (getPublicLeaderboard / getPublishedRanking: the published figures, after any correction);
 * per-domain averages from the year's stored Results (the announcement prints no domain figures),
 * named from the year's criteria set. All figures by computeProvinceStatistics, the one formula.
 */
export async function getYearSummary(year: number | null, db: PrismaClient = getPrisma()): Promise<YearSummary | null> {
  const leaderboard = await getPublicLeaderboard(year, db);
  if (!leaderboard) return null;
  const previousYear = leaderboard.publishedYears.find((candidate) => candidate < leaderboard.year) ?? null;
  const unitTypeIds = leaderboard.unitTypes.map((unitType) => unitType.unitTypeId);

  const [previous, domainAverages, domains, publications] = await Promise.all([
    previousYear === null ? null : getPublishedRanking(db, previousYear),
    getDomainAverages(db, leaderboard.year, leaderboard.unitTypes, leaderboard.precision),
    db.criterion.findMany({
      where: { criteriaSet: { year: { year: leaderboard.year, phase: "PUBLISHED" }, unitTypeId: { in: unitTypeIds } }, parentId: null, section: "MAIN" },
      select: { code: true, title: true, maxPoints: true, criteriaSet: { select: { unitTypeId: true } } },
    }),
    db.publication.findMany({
      where: { year: { year: leaderboard.year, phase: "PUBLISHED" } },
      orderBy: { publishedAt: "desc" },
      select: {
        number: true,
        issuedOn: true,
        note: true,
        supersedes: { select: { number: true } },
        supersededBy: { select: { number: true, issuedOn: true } },
      },
    }),
  ]);

  const current = publications.find((publication) => publication.supersededBy === null);
  if (!current) throw new Error(`Published year ${leaderboard.year} has no current publication`);
  const previousRows: MoverRow[] = (previous?.unitTypes ?? []).flatMap((unitType) => unitType.rows.map(toMoverRow));

  return {
    year: leaderboard.year,
    precision: leaderboard.precision,
    publishedYears: leaderboard.publishedYears,
    previousYear,
    publications: { current, superseded: publications.filter((publication) => publication !== current) },
    unitTypes: leaderboard.unitTypes.map((unitType) => {
      const names = new Map(
        domains
          .filter((domain) => domain.criteriaSet.unitTypeId === unitType.unitTypeId)
          .map((domain) => [domain.code, { title: domain.title, maxPoints: toThousandths(domain.maxPoints.toFixed(3)) }]),
      );
      const { statistics } = unitType;
      return {
        unitTypeId: unitType.unitTypeId,
        code: unitType.code,
        name: unitType.name,
        bands: unitType.bands,
        agencyCount: statistics.agencyCount,
        rankedCount: statistics.rankedCount,
        averageIndexPercent: statistics.averageIndexPercent,
        bandShares: computeBandShares(statistics, leaderboard.precision),
        domains: (domainAverages.get(unitType.unitTypeId) ?? []).map((domain) => ({
          code: domain.code,
          title: names.get(domain.code)?.title ?? null,
          maxPoints: names.get(domain.code)?.maxPoints ?? null,
          agencyCount: domain.agencyCount,
          averagePoints: domain.averagePoints,
          averagePercent: domain.averagePercent,
        })),
        movers: previous ? findMovers(unitType.rows.map(toMoverRow), previousRows) : null,
      };
    }),
  };
}

function toMoverRow(row: { agencyId: string; agencySlug: string; agencyName: string; indexPercent: string; rank: number | null }): MoverRow {
  return { agencyId: row.agencyId, agencySlug: row.agencySlug, agencyName: row.agencyName, indexPercentThousandths: toThousandths(row.indexPercent), rank: row.rank };
}

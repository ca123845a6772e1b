import "server-only";

import { getPrisma, type PrismaClient } from "@/lib/db/prisma";
import { type TGradingBand, storedBand } from "@/lib/domain/bands";
import { toThousandths } from "@/lib/domain/points";
import { computeProvinceStatistics, type ProvinceStatistics } from "@/lib/domain/province-statistics";
import type { TPublishedResultRow } from "@/lib/domain/publication-snapshot";

import { getPublishedRanking } from "./get-latest-published-ranking";

export type PublicUnitTypeRanking = {
  unitTypeId: string;
  /** The unit type's stable URL name ("so-ban-nganh"): the leaderboard's tab. */
  code: string;
  name: string;
  rows: TPublishedResultRow[];
  /** The year's bands for this unit type, from the top one down. */
  bands: TGradingBand[];
  statistics: ProvinceStatistics;
};

export type PublicLeaderboard = {
  year: number;
  precision: 2 | 3;
  publication: { number: string; issuedOn: Date };
  unitTypes: PublicUnitTypeRanking[];
  /** Every published year, latest first: the year switcher. */
  publishedYears: number[];
};

/** Published years, latest first. Public: a year appears here only once it is PUBLISHED. */
export async function getPublishedYears(db: PrismaClient = getPrisma()): Promise<number[]> {
  const years = await db.assessmentYear.findMany({
    where: { phase: "PUBLISHED", publications: { some: {} } },
    orderBy: { year: "desc" },
    select: { year: true },
  });
  return years.map((row) => row.year);
}

/**
 * A published year's leaderboard: each unit type's rows exactly as the current announcement
 * published them (getPublishedRanking), with the year's bands and the province figures the
 * announcement prints (average, band counts) computed by lib/domain from those same rows.
 * Null when the year is not published. `year` null: the latest published year.
 */
export async function getPublicLeaderboard(year: number | null, db: PrismaClient = getPrisma()): Promise<PublicLeaderboard | null> {
  const ranking = await getPublishedRanking(db, year);
  if (!ranking) return null;
  const [unitTypes, bands, publishedYears] = await Promise.all([
    db.unitType.findMany({ where: { id: { in: ranking.unitTypes.map((unitType) => unitType.unitTypeId) } }, select: { id: true, code: true } }),
    db.gradingBand.findMany({
      where: { year: { year: ranking.year } },
      orderBy: { minPercent: "desc" },
      select: { unitTypeId: true, label: true, minPercent: true },
    }),
    getPublishedYears(db),
  ]);
  const codeOf = new Map(unitTypes.map((unitType) => [unitType.id, unitType.code]));
  return {
    year: ranking.year,
    precision: ranking.precision,
    publication: ranking.publication,
    publishedYears,
    unitTypes: ranking.unitTypes.map((unitType) => {
      const unitTypeBands = bands
        .filter((band) => band.unitTypeId === unitType.unitTypeId)
        .map(storedBand);
      return {
        unitTypeId: unitType.unitTypeId,
        code: codeOf.get(unitType.unitTypeId) ?? unitType.unitTypeId,
        name: unitType.unitTypeName,
        rows: unitType.rows,
        bands: unitTypeBands,
        statistics: computeProvinceStatistics(
          unitType.rows.map((row) => ({
            agencyId: row.agencyId,
            totalThousandths: toThousandths(row.totalPoints),
            maxThousandths: toThousandths(row.maxPoints),
            indexPercentThousandths: toThousandths(row.indexPercent),
            bandLabel: row.bandLabel,
            isRanked: row.rank !== null,
            domains: [],
          })),
          unitTypeBands,
          ranking.precision,
        ),
      };
    }),
  };
}

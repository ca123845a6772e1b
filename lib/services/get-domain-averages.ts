import "server-only";

import type { PrismaClient } from "@/lib/db/prisma";
import { parseDomainBreakdown } from "@/lib/domain/agency-profile";
import type { TGradingBand } from "@/lib/domain/bands";
import type { Precision } from "@/lib/domain/index-percent";
import { toThousandths } from "@/lib/domain/points";
import { computeProvinceStatistics, type DomainStatistics } from "@/lib/domain/province-statistics";

/**
 * Each unit type's per-domain averages in a PUBLISHED year, over its stored Results (the
 * announcement prints no domain figures): the year summary's domain table and the agency
 * profile's comparison, by computeProvinceStatistics. Results of a year that is not PUBLISHED are
 * never read. Keyed by unit type id; results without a breakdown (imported years) add no domain.
 */
export async function getDomainAverages(
  db: PrismaClient,
  year: number,
  unitTypes: readonly { unitTypeId: string; bands: readonly TGradingBand[] }[],
  precision: Precision,
): Promise<Map<string, DomainStatistics[]>> {
  const results = await db.result.findMany({
    where: { year: { year, phase: "PUBLISHED" }, unitTypeId: { in: unitTypes.map((unitType) => unitType.unitTypeId) } },
    select: { agencyId: true, unitTypeId: true, totalPoints: true, maxPoints: true, indexPercent: true, rank: true, bandLabel: true, domainBreakdown: true },
  });
  return new Map(
    unitTypes.map((unitType) => [
      unitType.unitTypeId,
      computeProvinceStatistics(
        results
          .filter((result) => result.unitTypeId === unitType.unitTypeId)
          .map((result) => ({
            agencyId: result.agencyId,
            totalThousandths: toThousandths(result.totalPoints.toFixed(3)),
            maxThousandths: toThousandths(result.maxPoints.toFixed(3)),
            indexPercentThousandths: toThousandths(result.indexPercent.toFixed(3)),
            bandLabel: result.bandLabel,
            isRanked: result.rank !== null,
            domains: parseDomainBreakdown(result.domainBreakdown) ?? [],
          })),
        unitType.bands,
        precision,
      ).domains,
    ]),
  );
}

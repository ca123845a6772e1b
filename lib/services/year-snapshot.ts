import "server-only";

import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { Precision } from "@/lib/domain/index-percent";
import { toThousandths } from "@/lib/domain/points";
import { buildPublicationSnapshot, type SnapshotResult, type TPublicationSnapshot } from "@/lib/domain/publication-snapshot";

/**
 * What a publication of the year would announce now: its stored Results (computed when the year
 * was finalized, or imported for a historical year) with the agencies' and unit types' current
 * names, as a validated snapshot. Read inside the publishing transaction, so what is stored is
 * exactly what was checked. Writes nothing; checks nothing about who asks (callers do).
 */
export async function buildYearSnapshot(tx: Prisma.TransactionClient, yearId: string): Promise<TPublicationSnapshot> {
  const year = await tx.assessmentYear.findUniqueOrThrow({ where: { id: yearId }, select: { year: true, precision: true } });
  const results = await tx.result.findMany({
    where: { yearId },
    select: {
      totalPoints: true,
      maxPoints: true,
      indexPercent: true,
      rank: true,
      rankedCount: true,
      bandLabel: true,
      rankChange: true,
      agency: { select: { id: true, slug: true, name: true } },
      unitType: { select: { id: true, name: true, sortOrder: true } },
    },
  });
  const unitTypes = new Map<string, { unitTypeId: string; unitTypeName: string; sortOrder: number; results: SnapshotResult[] }>();
  for (const result of results) {
    const { unitType, agency } = result;
    const group = unitTypes.get(unitType.id) ?? { unitTypeId: unitType.id, unitTypeName: unitType.name, sortOrder: unitType.sortOrder, results: [] };
    unitTypes.set(unitType.id, group);
    group.results.push({
      agencyId: agency.id,
      agencySlug: agency.slug,
      agencyName: agency.name,
      totalThousandths: toThousandths(result.totalPoints.toFixed(3)),
      maxThousandths: toThousandths(result.maxPoints.toFixed(3)),
      indexPercentThousandths: toThousandths(result.indexPercent.toFixed(3)),
      rank: result.rank,
      // Stored for every result by finalizeYear; an imported row without it counts no ranked unit.
      rankedCount: result.rankedCount ?? 0,
      bandLabel: result.bandLabel,
      rankChange: result.rankChange,
    });
  }
  const precision: Precision = year.precision === 3 ? 3 : 2;
  return buildPublicationSnapshot({
    year: year.year,
    precision,
    unitTypes: [...unitTypes.values()].sort((a, b) => a.sortOrder - b.sortOrder || a.unitTypeName.localeCompare(b.unitTypeName, "vi")),
  });
}


/** When the year's results were last computed and stored (finalizeYear), or null without results. */
export async function resultsComputedAt(tx: Prisma.TransactionClient, yearId: string): Promise<Date | null> {
  const latest = await tx.result.aggregate({ where: { yearId }, _max: { computedAt: true } });
  return latest._max.computedAt;
}

import "server-only";

import { getPrisma, type PrismaClient } from "@/lib/db/prisma";

import { getPublishedRankings } from "./get-latest-published-ranking";

export type PublicSiteMap = {
  years: { year: number; unitTypeCodes: string[]; lastModified: Date }[];
  /** Every agency listed in a published announcement, with the date of its latest one. */
  agencies: { slug: string; lastModified: Date }[];
};

/** What sitemap.xml lists: only what the public pages show (published years and their agencies). */
export async function getPublicSiteMap(db: PrismaClient = getPrisma()): Promise<PublicSiteMap> {
  const [rankings, unitTypes] = await Promise.all([getPublishedRankings(db), db.unitType.findMany({ select: { id: true, code: true } })]);
  const codeOf = new Map(unitTypes.map((unitType) => [unitType.id, unitType.code]));
  const agencies = new Map<string, Date>();
  // Latest year first, so each agency keeps the date of its latest announcement.
  for (const ranking of rankings) {
    for (const row of ranking.unitTypes.flatMap((unitType) => unitType.rows)) {
      if (!agencies.has(row.agencySlug)) agencies.set(row.agencySlug, ranking.publication.issuedOn);
    }
  }
  return {
    years: rankings.map((ranking) => ({
      year: ranking.year,
      unitTypeCodes: ranking.unitTypes.map((unitType) => codeOf.get(unitType.unitTypeId) ?? unitType.unitTypeId),
      lastModified: ranking.publication.issuedOn,
    })),
    agencies: [...agencies].map(([slug, lastModified]) => ({ slug, lastModified })),
  };
}

import "server-only";

import { getPrisma, type PrismaClient } from "@/lib/db/prisma";
import { ZPublicationSnapshot, type TPublicationSnapshot } from "@/lib/domain/publication-snapshot";

export type PublishedRanking = TPublicationSnapshot & {
  publication: { number: string; issuedOn: Date };
};

/**
 * The ranking of the latest published year, exactly as its current publication announced it (a
 * correction supersedes the earlier publication). Null when no year has been published.
 */
export async function getLatestPublishedRanking(db: PrismaClient = getPrisma()): Promise<PublishedRanking | null> {
  const publication = await db.publication.findFirst({
    where: { year: { phase: "PUBLISHED" }, supersededBy: null },
    orderBy: [{ year: { year: "desc" } }, { publishedAt: "desc" }],
    select: { number: true, issuedOn: true, snapshot: true },
  });
  if (!publication) return null;
  const snapshot = ZPublicationSnapshot.parse(publication.snapshot);
  return { ...snapshot, publication: { number: publication.number, issuedOn: publication.issuedOn } };
}

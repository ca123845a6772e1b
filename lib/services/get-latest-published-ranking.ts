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
  return getPublishedRanking(db, null);
}

/**
 * One published year's ranking as its current publication announced it (the open data), or null
 * when that year is not published — an unpublished year's results never leave the system.
 * `year` null: the latest published year.
 */
export async function getPublishedRanking(db: PrismaClient, year: number | null): Promise<PublishedRanking | null> {
  const publication = await db.publication.findFirst({
    where: { year: { phase: "PUBLISHED", ...(year === null ? {} : { year }) }, supersededBy: null },
    orderBy: [{ year: { year: "desc" } }, { publishedAt: "desc" }],
    select: { number: true, issuedOn: true, snapshot: true },
  });
  return publication ? rankingOf(publication) : null;
}

/**
 * Every published year's ranking as its current publication announced it, latest year first: one
 * query for what getPublishedRanking gives year by year (the same choice of publication per year).
 */
export async function getPublishedRankings(db: PrismaClient): Promise<PublishedRanking[]> {
  const publications = await db.publication.findMany({
    where: { year: { phase: "PUBLISHED" }, supersededBy: null },
    orderBy: [{ year: { year: "desc" } }, { publishedAt: "desc" }],
    select: { yearId: true, number: true, issuedOn: true, snapshot: true },
  });
  const latestOfYear = new Map<string, (typeof publications)[number]>();
  for (const publication of publications) if (!latestOfYear.has(publication.yearId)) latestOfYear.set(publication.yearId, publication);
  return [...latestOfYear.values()].map(rankingOf);
}

function rankingOf(publication: { number: string; issuedOn: Date; snapshot: unknown }): PublishedRanking {
  return { ...ZPublicationSnapshot.parse(publication.snapshot), publication: { number: publication.number, issuedOn: publication.issuedOn } };
}

import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { getPublicLeaderboard, type PublicLeaderboard, type PublicUnitTypeRanking } from "@/lib/services/get-public-leaderboard";

import { parseYearSegment } from "../../year-segment";

/**
 * The leaderboard a /nam/[year]… page shows, read once per render (metadata and page share it).
 * A year that is not published is a 404; "moi-nhat" with nothing published yet is null.
 */
export const loadLeaderboard = cache(async (yearSegment: string): Promise<PublicLeaderboard | null> => {
  const year = parseYearSegment(yearSegment);
  if (year === undefined) notFound();
  const leaderboard = await getPublicLeaderboard(year);
  if (!leaderboard && year !== null) notFound();
  return leaderboard;
});

/** The tab asked for by its code, or the first unit type; a 404 for an unknown code. */
export function pickUnitType(leaderboard: PublicLeaderboard, code: string | null): PublicUnitTypeRanking {
  const unitType = code === null ? leaderboard.unitTypes[0] : leaderboard.unitTypes.find((candidate) => candidate.code === code);
  if (!unitType) notFound();
  return unitType;
}

import type { Metadata } from "next";

import { Leaderboard, unitTypePath } from "@/components/public/leaderboard";
import { parseLeaderboardSort } from "@/lib/domain/leaderboard-view";

import { leaderboardMetadata } from "../../../leaderboard-metadata";
import { loadLeaderboard, pickUnitType } from "../../../load-leaderboard";

// The leaderboard searched or sorted: next.config.ts rewrites …/khoi/[unitType]?q=… or ?sap-xep=…
// here, so the plain table stays cached and this page, which depends on the query, is rendered
// per request. Same URL for the visitor, with or without JavaScript.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ year: string; unitType: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year, unitType: code } = await params;
  const leaderboard = await loadLeaderboard(year);
  if (!leaderboard) return leaderboardMetadata(null, null, "/");
  const unitType = pickUnitType(leaderboard, code);
  return { ...leaderboardMetadata(leaderboard, unitType, unitTypePath(leaderboard.year, unitType.code)), robots: { index: false } };
}

export default async function FilteredLeaderboardPage({ params, searchParams }: Props) {
  const [{ year, unitType: code }, search] = await Promise.all([params, searchParams]);
  const leaderboard = await loadLeaderboard(year);
  if (!leaderboard) return null;
  const view = { query: (first(search.q) ?? "").slice(0, 100), sort: parseLeaderboardSort(first(search["sap-xep"]), first(search.chieu)) };
  return <Leaderboard leaderboard={leaderboard} unitType={pickUnitType(leaderboard, code)} view={view} />;
}

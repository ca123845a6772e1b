import type { Metadata } from "next";

import { Leaderboard, unitTypePath } from "@/components/public/leaderboard";

import { noPagesAtBuildTime } from "../../../../year-segment";
import { leaderboardMetadata } from "../../leaderboard-metadata";
import { loadLeaderboard, pickUnitType } from "../../load-leaderboard";

// One tab of a year's leaderboard; cached after the first request until a publication revalidates it.
export const revalidate = false;
export const generateStaticParams = noPagesAtBuildTime;

type Props = { params: Promise<{ year: string; unitType: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year, unitType: code } = await params;
  const leaderboard = await loadLeaderboard(year);
  if (!leaderboard) return leaderboardMetadata(null, null, "/");
  const unitType = pickUnitType(leaderboard, code);
  return leaderboardMetadata(leaderboard, unitType, unitTypePath(leaderboard.year, unitType.code));
}

export default async function UnitTypeLeaderboardPage({ params }: Props) {
  const { year, unitType: code } = await params;
  const leaderboard = await loadLeaderboard(year);
  if (!leaderboard) return null;
  return <Leaderboard leaderboard={leaderboard} unitType={pickUnitType(leaderboard, code)} view={null} />;
}

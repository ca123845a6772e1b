import type { Metadata } from "next";

import { Leaderboard, unitTypePath } from "@/components/public/leaderboard";
import { getMessages } from "@/lib/i18n/messages";

import { noPagesAtBuildTime } from "../../year-segment";
import { leaderboardMetadata } from "./leaderboard-metadata";
import { loadLeaderboard, pickUnitType } from "./load-leaderboard";

// Cached after the first request until a publication revalidates it ("/" is rewritten here).
export const revalidate = false;
export const generateStaticParams = noPagesAtBuildTime;

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const leaderboard = await loadLeaderboard((await params).year);
  const unitType = leaderboard?.unitTypes[0] ?? null;
  return leaderboardMetadata(leaderboard, null, leaderboard && unitType ? unitTypePath(leaderboard.year, unitType.code) : "/");
}

export default async function YearLeaderboardPage({ params }: Props) {
  const leaderboard = await loadLeaderboard((await params).year);
  if (!leaderboard) return <p className="text-lg">{getMessages("vi").home.noPublishedYear}</p>;
  return <Leaderboard leaderboard={leaderboard} unitType={pickUnitType(leaderboard, null)} view={null} />;
}

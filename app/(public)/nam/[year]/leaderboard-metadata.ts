import type { Metadata } from "next";

import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { PublicLeaderboard, PublicUnitTypeRanking } from "@/lib/services/get-public-leaderboard";

/** Title, description and Open Graph tags of a leaderboard page; `path` is its canonical URL. */
export function leaderboardMetadata(leaderboard: PublicLeaderboard | null, unitType: PublicUnitTypeRanking | null, path: string): Metadata {
  const { publicSite, home } = getMessages("vi");
  if (!leaderboard) return { title: publicSite.nav.leaderboard, description: home.noPublishedYear };
  const yearTitle = interpolate(publicSite.leaderboardTitle, { year: leaderboard.year });
  const title = unitType ? `${yearTitle} — ${unitType.name}` : yearTitle;
  const description = interpolate(publicSite.leaderboardDescription, { year: leaderboard.year });
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: { title, description, url: path, type: "website", locale: "vi_VN" },
  };
}

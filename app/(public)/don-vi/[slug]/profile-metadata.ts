import type { Metadata } from "next";

import { formatPercent, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { AgencyProfile } from "@/lib/services/get-agency-profile";

/** Title, description and Open Graph tags of an agency's profile; its canonical URL is /don-vi/[slug]. */
export function profileMetadata(profile: AgencyProfile): Metadata {
  const { publicProfile } = getMessages("vi");
  const path = `/don-vi/${profile.agency.slug}`;
  const agency = profile.agency.name;
  const latest = profile.history.at(-1);
  const title = interpolate(publicProfile.title, { agency });
  const description = latest
    ? interpolate(publicProfile.descriptionLatest, {
        agency,
        year: latest.year,
        percent: formatPercent(latest.row.indexPercent, latest.precision),
        rank: latest.row.rank === null ? publicProfile.notRanked.toLowerCase() : interpolate(publicProfile.rankOf, { rank: latest.row.rank, count: latest.row.rankedCount }),
        unitType: latest.unitTypeName,
      })
    : interpolate(publicProfile.description, { agency });
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: { title, description, url: path, type: "profile", locale: "vi_VN" },
  };
}

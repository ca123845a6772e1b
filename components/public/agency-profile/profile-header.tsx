import Link from "next/link";

import { BandBadge } from "@/components/public/band-badge";
import { FigureTile } from "@/components/public/figure-tile";
import { formatDate, formatPercent, formatPoints, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { AgencyProfile } from "@/lib/services/get-agency-profile";

import { calendarDateText } from "./profile-format";

/** The agency's name and unit type, and its latest published result as the announcement printed it. */
export function ProfileHeader({ profile }: { profile: AgencyProfile }) {
  const { publicProfile } = getMessages("vi");
  const { agency } = profile;
  const latest = profile.history.at(-1);
  return (
    <header className="space-y-3">
      <h1 className="text-2xl font-bold text-brand-800">{agency.name}</h1>
      <p className="text-slate-700">
        {interpolate(publicProfile.unitType, { unitType: latest?.unitTypeName ?? agency.unitTypeName })}
        {agency.endedOn ? <span className="ml-3 text-slate-600">{interpolate(publicProfile.endedOn, { date: calendarDateText(agency.endedOn) })}</span> : null}
      </p>
      {latest ? (
        <>
          <p className="font-semibold">{interpolate(publicProfile.latestFigures, { year: latest.year })}</p>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <FigureTile term={publicProfile.indexPercent} value={formatPercent(latest.row.indexPercent, latest.precision)} />
            <FigureTile
              term={publicProfile.rank}
              value={latest.row.rank === null ? publicProfile.notRanked : interpolate(publicProfile.rankOf, { rank: latest.row.rank, count: latest.row.rankedCount })}
            />
            <FigureTile term={publicProfile.band} value={<BandBadge label={latest.row.bandLabel} bands={latest.bands} />} />
            <FigureTile
              term={publicProfile.points}
              value={interpolate(publicProfile.pointsOf, { points: formatPoints(latest.row.totalPoints), max: formatPoints(latest.row.maxPoints) })}
            />
          </dl>
          <ul className="flex flex-col gap-1 text-sm sm:flex-row sm:flex-wrap sm:gap-x-6">
            <li>
              <Link href={`/nam/${latest.year}/tong-quan#cong-bo`} className="text-brand-800 underline underline-offset-4">
                {interpolate(publicProfile.announcement, { number: latest.publication.number, date: formatDate(latest.publication.issuedOn) })}
              </Link>
            </li>
            <li className="print:hidden">
              <Link href={`/nam/${latest.year}/khoi/${latest.unitTypeCode}`} className="text-brand-800 underline underline-offset-4">
                {interpolate(publicProfile.leaderboardLink, { year: latest.year, unitType: latest.unitTypeName })}
              </Link>
            </li>
          </ul>
        </>
      ) : (
        <p className="text-lg">{publicProfile.noPublishedResult}</p>
      )}
    </header>
  );
}

import Link from "next/link";

import { LazyAgencyHistoryChart } from "@/components/charts/lazy-agency-history-chart";
import { BandBadge } from "@/components/public/band-badge";
import { formatDate, formatPercent, formatPoints, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { AgencyProfileYear } from "@/lib/services/get-agency-profile";

import { RankChange } from "@/components/public/rank-change";

/** Each published year's row of the agency, as announced, as a table and as a line chart. */
export function HistorySection({ agencyName, history }: { agencyName: string; history: AgencyProfileYear[] }) {
  const { publicProfile } = getMessages("vi");
  const columns = publicProfile.columns;
  const rankText = (entry: AgencyProfileYear) =>
    entry.row.rank === null ? publicProfile.notRanked : interpolate(publicProfile.rankOf, { rank: entry.row.rank, count: entry.row.rankedCount });
  return (
    <section aria-labelledby="qua-cac-nam" className="space-y-3">
      <h2 id="qua-cac-nam" className="text-lg font-semibold">
        {publicProfile.historyHeading}
      </h2>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{interpolate(publicProfile.historyCaption, { agency: agencyName })}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">{columns.year}</th>
              <th scope="col" className="px-3 py-2">{columns.unitType}</th>
              <th scope="col" className="px-3 py-2 text-right">{columns.points}</th>
              <th scope="col" className="px-3 py-2 text-right">{columns.indexPercent}</th>
              <th scope="col" className="px-3 py-2 text-right">{columns.rank}</th>
              <th scope="col" className="px-3 py-2">{columns.band}</th>
              <th scope="col" className="px-3 py-2">{columns.change}</th>
              <th scope="col" className="px-3 py-2">{columns.announcement}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry) => (
              <tr key={entry.year} className="border-t border-slate-100" data-year={entry.year}>
                <th scope="row" className="px-3 py-2 font-semibold">
                  <Link href={`/nam/${entry.year}/khoi/${entry.unitTypeCode}`} className="text-brand-800 underline underline-offset-4">
                    {entry.year}
                  </Link>
                </th>
                <td className="px-3 py-2">{entry.unitTypeName}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  {interpolate(publicProfile.pointsOf, { points: formatPoints(entry.row.totalPoints), max: formatPoints(entry.row.maxPoints) })}
                </td>
                <td className="px-3 py-2 text-right font-semibold tabular-nums">{formatPercent(entry.row.indexPercent, entry.precision)}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{rankText(entry)}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  <BandBadge label={entry.row.bandLabel} bands={entry.bands} />
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  <RankChange change={entry.row.rankChange} isRanked={entry.row.rank !== null} />
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  {interpolate(publicProfile.announcementShort, { number: entry.publication.number, date: formatDate(entry.publication.issuedOn) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figure className="overflow-hidden rounded-lg border border-slate-200 bg-white p-2 print:hidden">
        <figcaption className="px-2 text-sm text-slate-700">{interpolate(publicProfile.historyChartCaption, { agency: agencyName })}</figcaption>
        <LazyAgencyHistoryChart
          placeholder={publicProfile.chartLoading}
          percentLabel={publicProfile.chartPercent}
          rankLabel={publicProfile.chartRank}
          maxRank={Math.max(1, ...history.map((entry) => entry.row.rankedCount))}
          data={history.map((entry) => ({
            year: String(entry.year),
            percent: Number(entry.row.indexPercent),
            percentText: formatPercent(entry.row.indexPercent, entry.precision),
            rank: entry.row.rank,
            rankText: rankText(entry),
          }))}
        />
      </figure>
    </section>
  );
}

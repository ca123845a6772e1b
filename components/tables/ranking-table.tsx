import Link from "next/link";
import type { ReactNode } from "react";

import { BandBadge } from "@/components/public/band-badge";
import { RankChange } from "@/components/public/rank-change";
import type { TGradingBand } from "@/lib/domain/bands";
import type { LeaderboardSort, LeaderboardSortKey } from "@/lib/domain/leaderboard-view";
import type { TPublishedResultRow } from "@/lib/domain/publication-snapshot";
import { formatPercent, formatPoints, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

/** Column headers as links that sort the table on the server (they work without JavaScript). */
export type SortableHeaders = { current: LeaderboardSort; hrefFor: (key: LeaderboardSortKey) => string };

type RankingTableProps = {
  caption: string;
  rows: readonly TPublishedResultRow[];
  precision: 2 | 3;
  /** The year's bands: the band column shows each band on its colour. */
  bands?: readonly TGradingBand[];
  /** Links each agency's name to its public profile. */
  isLinkingAgencies?: boolean;
  sortable?: SortableHeaders;
};

/** The published ranking of one unit type, as a plain server-rendered table (no client JS). */
export function RankingTable({ caption, rows, precision, bands, isLinkingAgencies = false, sortable }: RankingTableProps) {
  const { home, publicSite } = getMessages("vi");
  const header = (label: string, key: LeaderboardSortKey | null, className: string) => {
    const isCurrent = sortable !== undefined && key !== null && sortable.current.key === key;
    const ariaSort = isCurrent ? (sortable.current.direction === "tang" ? "ascending" : "descending") : undefined;
    let content: ReactNode = label;
    if (sortable && key) {
      content = (
        <Link href={sortable.hrefFor(key)} className="inline-flex items-center gap-1 underline-offset-4 hover:underline" title={interpolate(publicSite.sortBy, { column: label })}>
          {label}
          <span aria-hidden="true" className="text-xs print:hidden">{isCurrent ? (sortable.current.direction === "tang" ? "▲" : "▼") : "↕"}</span>
        </Link>
      );
    }
    return (
      <th scope="col" aria-sort={ariaSort} className={`px-3 py-2 ${className}`}>
        {content}
      </th>
    );
  };
  // `relative`: the visually hidden labels (sr-only, absolutely positioned) must scroll with the
  // table, not stretch the page at 360 px.
  return (
    <div className="ranking-table relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {header(home.columns.rank, "hang", "text-right")}
            {header(home.columns.agency, "ten", "")}
            {header(home.columns.points, null, "text-right")}
            {header(home.columns.maxPoints, null, "text-right")}
            {header(home.columns.indexPercent, "chi-so", "text-right")}
            {header(home.columns.band, null, "")}
            {header(home.columns.change, "thay-doi", "")}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.agencyId} className="border-t border-slate-100">
              <td className="px-3 py-2 text-right font-semibold tabular-nums">{row.rank ?? "—"}</td>
              <th scope="row" className="px-3 py-2 font-medium">
                {isLinkingAgencies ? (
                  <Link href={`/don-vi/${row.agencySlug}`} className="text-brand-800 underline-offset-4 hover:underline">
                    {row.agencyName}
                  </Link>
                ) : (
                  row.agencyName
                )}
                {row.rank === null ? <span className="ml-2 text-xs font-normal text-slate-500">({home.notRanked})</span> : null}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{formatPoints(row.totalPoints)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatPoints(row.maxPoints)}</td>
              <td className="px-3 py-2 text-right font-semibold tabular-nums">{formatPercent(row.indexPercent, precision)}</td>
              <td className="whitespace-nowrap px-3 py-2">{bands ? <BandBadge label={row.bandLabel} bands={bands} /> : (row.bandLabel ?? "—")}</td>
              <td className="whitespace-nowrap px-3 py-2">
                <RankChange change={row.rankChange} isRanked={row.rank !== null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

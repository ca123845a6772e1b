import Link from "next/link";

import { LazyRankingBarChart } from "@/components/charts/lazy-ranking-bar-chart";
import { RankingTable } from "@/components/tables/ranking-table";
import { FIRST_DIRECTION, filterRowsByName, sortLeaderboardRows, type LeaderboardSort, type LeaderboardSortKey } from "@/lib/domain/leaderboard-view";
import type { RoundedFigure } from "@/lib/domain/province-statistics";
import { formatDate, formatDecimal, formatPercent, formatPointsFromThousandths, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { PublicLeaderboard, PublicUnitTypeRanking } from "@/lib/services/get-public-leaderboard";

import { BandBadge } from "./band-badge";
import { bandPosition, bandStyle } from "./band-style";
import { FigureTile } from "./figure-tile";
import { OpenDataLinks } from "./open-data-links";
import { YearSwitcher } from "./year-switcher";

type LeaderboardProps = {
  leaderboard: PublicLeaderboard;
  unitType: PublicUnitTypeRanking;
  /** Set on the search/sort page (…/loc): the visitor's query and column. Null: the official table. */
  view: { query: string; sort: LeaderboardSort } | null;
};

export function unitTypePath(year: number, code: string): string {
  return `/nam/${year}/khoi/${code}`;
}

/** The leaderboard of one unit type of one published year, as served on "/" and /nam/…. */
export function Leaderboard({ leaderboard, unitType, view }: LeaderboardProps) {
  const { publicSite, home } = getMessages("vi");
  const { year, precision } = leaderboard;
  const basePath = unitTypePath(year, unitType.code);
  const sort = view?.sort ?? { key: "hang", direction: "tang" };
  const query = view?.query.trim() ?? "";
  const rows = sortLeaderboardRows(filterRowsByName(unitType.rows, query), sort);
  const isDefaultSort = sort.key === "hang" && sort.direction === "tang";

  const hrefFor = (key: LeaderboardSortKey) => {
    const direction = key === sort.key ? (sort.direction === "tang" ? "giam" : "tang") : FIRST_DIRECTION[key];
    const search = new URLSearchParams({ "sap-xep": key, chieu: direction });
    if (query) search.set("q", query);
    return `${basePath}?${search.toString()}#bang-xep-hang`;
  };
  const columnLabel: Record<LeaderboardSortKey, string> = {
    hang: home.columns.rank,
    ten: home.columns.agency,
    "chi-so": home.columns.indexPercent,
    "thay-doi": home.columns.change,
  };
  const stats = unitType.statistics;
  const percent = (figure: RoundedFigure | null) => (figure ? formatPercent(figure.text, precision) : "—");

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-brand-800">{interpolate(publicSite.leaderboardTitle, { year })}</h1>
        <p className="text-slate-700">
          <Link href={`/nam/${year}/tong-quan#cong-bo`} className="underline underline-offset-4">
            {interpolate(publicSite.announcement, { number: leaderboard.publication.number, date: formatDate(leaderboard.publication.issuedOn) })}
          </Link>
        </p>
        <YearSwitcher years={leaderboard.publishedYears} current={year} pathOf={(publishedYear) => `/nam/${publishedYear}`} label={publicSite.yearNavigation} />
      </header>

      <nav aria-label={publicSite.unitTypeTabs} className="flex flex-wrap gap-1 border-b border-slate-300 print:hidden">
        {leaderboard.unitTypes.map((candidate) => {
          const isCurrent = candidate.unitTypeId === unitType.unitTypeId;
          return (
            <Link
              key={candidate.unitTypeId}
              href={unitTypePath(year, candidate.code)}
              aria-current={isCurrent ? "page" : undefined}
              className={`-mb-px rounded-t border px-4 py-2 font-medium ${isCurrent ? "border-slate-300 border-b-white bg-white text-brand-800" : "border-transparent text-slate-700 hover:text-brand-800"}`}
            >
              {candidate.name} <span className="text-sm font-normal text-slate-600">({candidate.rows.length})</span>
            </Link>
          );
        })}
      </nav>

      <section aria-labelledby="so-lieu-chung" className="space-y-3">
        <h2 id="so-lieu-chung" className="text-lg font-semibold">
          {interpolate(publicSite.statisticsHeading, { unitType: unitType.name })}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <FigureTile term={publicSite.averagePercent} value={percent(stats.averageIndexPercent)} />
          <FigureTile term={publicSite.averagePoints} value={stats.averageTotalPoints ? formatDecimal(stats.averageTotalPoints.text, precision) : "—"} />
          <FigureTile term={publicSite.highestLowest} value={`${percent(stats.highestIndexPercent)} / ${percent(stats.lowestIndexPercent)}`} />
          <FigureTile term={publicSite.rankedCount} value={String(stats.rankedCount)} />
        </dl>
        <h3 className="text-base font-semibold">{publicSite.bandCountsHeading}</h3>
        <ul className="flex flex-wrap gap-3">
          {stats.bandCounts.map((band) => (
            <li key={band.label} className="flex items-center gap-2 rounded border border-slate-200 bg-white px-3 py-2">
              <BandBadge label={band.label} bands={unitType.bands} />
              <span className="font-semibold tabular-nums">{interpolate(publicSite.bandCount, { count: band.count })}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="bang-xep-hang" className="space-y-3">
        <h2 id="bang-xep-hang" className="text-lg font-semibold">
          {publicSite.tableHeading} — {unitType.name}
        </h2>
        <form role="search" action={basePath} method="get" className="flex flex-wrap items-end gap-2 print:hidden">
          <div className="flex flex-col">
            <label htmlFor="tim-don-vi" className="text-sm font-medium">
              {publicSite.searchLabel}
            </label>
            <input
              id="tim-don-vi"
              name="q"
              type="search"
              defaultValue={query}
              aria-describedby="tim-don-vi-goi-y"
              className="w-72 max-w-full rounded border border-slate-400 px-3 py-2"
            />
            <span id="tim-don-vi-goi-y" className="text-xs text-slate-600">
              {publicSite.searchHint}
            </span>
          </div>
          {isDefaultSort ? null : (
            <>
              <input type="hidden" name="sap-xep" value={sort.key} />
              <input type="hidden" name="chieu" value={sort.direction} />
            </>
          )}
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {publicSite.searchButton}
          </button>
          {view ? (
            <Link href={basePath} className="px-2 py-2 text-brand-800 underline underline-offset-4">
              {publicSite.clearSearch}
            </Link>
          ) : null}
        </form>
        {view ? (
          <p role="status" className="text-sm text-slate-700">
            {query ? interpolate(rows.length > 0 ? publicSite.searchResult : publicSite.searchNone, { count: rows.length, query }) + " " : ""}
            {interpolate(publicSite.sortedBy, {
              column: columnLabel[sort.key],
              direction: sort.direction === "tang" ? publicSite.sortAscending : publicSite.sortDescending,
            })}
          </p>
        ) : null}
        <RankingTable
          caption={interpolate(home.unitTypeCaption, { unitType: unitType.name, year })}
          rows={rows}
          precision={precision}
          bands={unitType.bands}
          isLinkingAgencies
          sortable={{ current: sort, hrefFor }}
        />
      </section>

      <section aria-labelledby="bieu-do" className="space-y-2 print:hidden">
        <h2 id="bieu-do" className="text-lg font-semibold">
          {publicSite.chartHeading}
        </h2>
        <figure className="overflow-hidden rounded-lg border border-slate-200 bg-white p-2">
          <figcaption className="px-2 text-sm text-slate-700">{interpolate(publicSite.chartCaption, { unitType: unitType.name, year })}</figcaption>
          <LazyRankingBarChart
            placeholder={publicSite.chartLoading}
            percentLabel={home.columns.indexPercent}
            data={rows
              .filter((row) => row.rank !== null)
              .map((row) => ({
                name: row.agencyName,
                percent: Number(row.indexPercent),
                percentText: formatPercent(row.indexPercent, precision),
                fill: bandStyle(bandPosition(unitType.bands, row.bandLabel)).fill,
              }))}
            thresholds={unitType.bands
              .filter((band) => band.minPercentThousandths > 0)
              .map((band) => ({
                label: `${formatPointsFromThousandths(band.minPercentThousandths)}%`,
                percent: band.minPercentThousandths / 1000,
                fill: bandStyle(bandPosition(unitType.bands, band.label)).fill,
              }))}
          />
        </figure>
      </section>

      <section aria-labelledby="tai-du-lieu" className="space-y-2 print:hidden">
        <h2 id="tai-du-lieu" className="text-lg font-semibold">
          {interpolate(publicSite.downloadsHeading, { year })}
        </h2>
        <OpenDataLinks year={year} />
        <p className="text-sm text-slate-600">
          <Link href="/du-lieu-mo" className="underline underline-offset-4">
            {publicSite.downloadsNote}
          </Link>
        </p>
      </section>
    </article>
  );
}

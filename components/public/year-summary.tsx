import Link from "next/link";

import { LazyBandDistributionChart } from "@/components/charts/lazy-band-distribution-chart";
import type { BandSeries } from "@/components/charts/summary-chart-layout";
import { formatThousandths } from "@/lib/domain/points";
import type { RoundedFigure } from "@/lib/domain/province-statistics";
import type { Mover } from "@/lib/domain/year-over-year-movers";
import { formatDate, formatDecimal, formatPercent, formatPointsFromThousandths, formatSignedThousandths, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { SummaryPublication, SummaryUnitType, YearSummary } from "@/lib/services/get-year-summary";

import { BandBadge } from "./band-badge";
import { bandPosition, bandStyle } from "./band-style";
import { unitTypePath } from "./leaderboard";
import { YearSwitcher } from "./year-switcher";
import { FigureTile } from "./figure-tile";

export function summaryPath(year: number): string {
  return `/nam/${year}/tong-quan`;
}

const cell = "border-b border-slate-200 px-3 py-2";
const headerCell = "border-b border-slate-300 px-3 py-2 text-left font-semibold";

/**
 * A published figure in thousandths at the decimals it was published with: the year's precision,
 * or 3 when it has a third decimal (a previous year published at 3 decimals).
 */
function decimalsOf(thousandths: number, precision: 2 | 3): 2 | 3 {
  return thousandths % 10 === 0 ? precision : 3;
}

/** The year summary (/nam/[year]/tong-quan): one section per unit type, a chart, the announcements. */
export function YearSummaryView({ summary }: { summary: YearSummary }) {
  const { publicSummary: text, publicSite } = getMessages("vi");
  const { year, precision, publications } = summary;
  const percent = (figure: RoundedFigure | null) => (figure ? formatPercent(figure.text, precision) : "—");

  // One stacked series per band label, top band first, across unit types (their labels may differ).
  const series: BandSeries[] = [];
  for (const unitType of summary.unitTypes) {
    for (const entry of unitType.bandShares) {
      const label = entry.label ?? text.unbanded;
      if (series.some((candidate) => candidate.label === label)) continue;
      series.push({ key: `band-${series.length}`, label, fill: bandStyle(bandPosition(unitType.bands, entry.label)).fill });
    }
  }

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-brand-800">{interpolate(text.title, { year })}</h1>
        <p className="text-slate-700">
          <a href="#cong-bo" className="underline underline-offset-4">
            {interpolate(publicSite.announcement, { number: publications.current.number, date: formatDate(publications.current.issuedOn) })}
          </a>
        </p>
        <YearSwitcher years={summary.publishedYears} current={year} pathOf={summaryPath} label={publicSite.yearNavigation} />
      </header>

      <nav aria-labelledby="xem-them" className="space-y-2 print:hidden">
        <h2 id="xem-them" className="text-lg font-semibold">
          {interpolate(text.leaderboardLinksHeading, { year })}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {summary.unitTypes.map((unitType) => (
            <li key={unitType.unitTypeId}>
              <Link href={unitTypePath(year, unitType.code)} className="inline-block rounded border border-brand-700 px-3 py-1 text-brand-800 hover:bg-brand-50">
                {unitType.name}
              </Link>
            </li>
          ))}
          <li>
            <Link href={`/nam/${year}/phuong-phap`} className="inline-block px-3 py-1 text-brand-800 underline underline-offset-4">
              {interpolate(text.methodologyLink, { year })}
            </Link>
          </li>
        </ul>
      </nav>

      {summary.unitTypes.map((unitType) => (
        <UnitTypeSummary key={unitType.unitTypeId} unitType={unitType} summary={summary} percent={percent} />
      ))}

      <section aria-labelledby="bieu-do-xep-loai" className="space-y-2 print:hidden">
        <h2 id="bieu-do-xep-loai" className="text-xl font-semibold">
          {text.chartHeading}
        </h2>
        <figure className="overflow-hidden rounded-lg border border-slate-200 bg-white p-2">
          <figcaption className="px-2 text-sm text-slate-700">{interpolate(text.chartCaption, { year })}</figcaption>
          <LazyBandDistributionChart
            placeholder={text.chartLoading}
            shareLabel={text.chartShareLabel}
            series={series}
            data={summary.unitTypes.map((unitType) => {
              const shares: Record<string, number> = {};
              const texts: Record<string, string> = {};
              for (const entry of unitType.bandShares) {
                const key = series.find((candidate) => candidate.label === (entry.label ?? text.unbanded))?.key;
                if (!key || !entry.share) continue;
                shares[key] = entry.share.thousandths / 1000;
                texts[key] = interpolate(text.chartCount, { count: entry.count, share: formatPercent(entry.share.text, precision) });
              }
              return { name: unitType.name, shares, texts };
            })}
          />
        </figure>
      </section>

      <section id="cong-bo" aria-labelledby="cong-bo-tieu-de" className="space-y-3">
        <h2 id="cong-bo-tieu-de" className="text-xl font-semibold">
          {interpolate(text.publicationsHeading, { year })}
        </h2>
        <h3 className="text-base font-semibold">{text.currentPublication}</h3>
        <PublicationItem publication={publications.current} />
        {publications.superseded.length > 0 ? (
          <>
            <h3 className="text-base font-semibold">{text.supersededPublications}</h3>
            <ul className="space-y-2">
              {publications.superseded.map((publication) => (
                <li key={`${publication.number}-${publication.issuedOn.toISOString()}`}>
                  <PublicationItem publication={publication} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </article>
  );
}

function PublicationItem({ publication }: { publication: SummaryPublication }) {
  const { publicSummary: text } = getMessages("vi");
  return (
    <div className="space-y-1 rounded border border-slate-200 bg-white px-3 py-2">
      <p className="font-medium">{interpolate(text.publicationLine, { number: publication.number, date: formatDate(publication.issuedOn) })}</p>
      {publication.supersedes ? <p className="text-sm text-slate-700">{interpolate(text.correctionOf, { number: publication.supersedes.number })}</p> : null}
      {publication.note ? <p className="text-sm text-slate-700">{interpolate(text.note, { note: publication.note })}</p> : null}
      {publication.supersededBy ? (
        <p className="text-sm text-slate-700">
          {interpolate(text.supersededBy, { number: publication.supersededBy.number, date: formatDate(publication.supersededBy.issuedOn) })}
        </p>
      ) : null}
    </div>
  );
}

function UnitTypeSummary({ unitType, summary, percent }: { unitType: SummaryUnitType; summary: YearSummary; percent: (figure: RoundedFigure | null) => string }) {
  const { publicSummary: text } = getMessages("vi");
  const { year, precision, previousYear } = summary;
  const id = `khoi-${unitType.code}`;
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} className="text-xl font-semibold">
        {interpolate(text.unitTypeHeading, { unitType: unitType.name })}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:max-w-md">
        <FigureTile term={text.averageIndex} value={percent(unitType.averageIndexPercent)} />
        <FigureTile term={text.rankedCount} value={unitType.rankedCount} />
      </dl>

      <h3 className="text-lg font-semibold">{text.distributionHeading}</h3>
      <div className="max-w-2xl overflow-x-auto">
        <table className="min-w-full bg-white text-sm" data-testid={`phan-bo-${unitType.code}`}>
          <caption className="px-3 py-2 text-left text-sm text-slate-700">{interpolate(text.distributionCaption, { unitType: unitType.name, year })}</caption>
          <thead>
            <tr>
              <th scope="col" className={headerCell}>
                {text.distributionColumns.band}
              </th>
              <th scope="col" className={`${headerCell} text-right`}>
                {text.distributionColumns.count}
              </th>
              <th scope="col" className={`${headerCell} text-right`}>
                {text.distributionColumns.share}
              </th>
            </tr>
          </thead>
          <tbody>
            {unitType.bandShares.map((entry) => (
              <tr key={entry.label ?? ""}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {entry.label === null ? text.unbanded : <BandBadge label={entry.label} bands={unitType.bands} />}
                </th>
                <td className={`${cell} text-right tabular-nums`}>{entry.count}</td>
                <td className={`${cell} text-right tabular-nums`}>{entry.share ? formatPercent(entry.share.text, precision) : "—"}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="px-3 py-2 text-left font-semibold">
                {text.total}
              </th>
              <td className="px-3 py-2 text-right font-semibold tabular-nums">{unitType.rankedCount}</td>
              <td className="px-3 py-2" />
            </tr>
          </tfoot>
        </table>
      </div>

      <h3 className="text-lg font-semibold">{text.domainsHeading}</h3>
      {unitType.domains.length === 0 ? (
        <p className="text-slate-700">{interpolate(text.domainsNone, { year })}</p>
      ) : (
        <>
          <div className="overflow-x-auto">
            <table className="min-w-full bg-white text-sm">
              <caption className="px-3 py-2 text-left text-sm text-slate-700">{interpolate(text.domainsCaption, { unitType: unitType.name, year })}</caption>
              <thead>
                <tr>
                  <th scope="col" className={headerCell}>
                    {text.domainColumns.code}
                  </th>
                  <th scope="col" className={headerCell}>
                    {text.domainColumns.domain}
                  </th>
                  <th scope="col" className={`${headerCell} text-right`}>
                    {text.domainColumns.maxPoints}
                  </th>
                  <th scope="col" className={`${headerCell} text-right`}>
                    {text.domainColumns.averagePoints}
                  </th>
                  <th scope="col" className={`${headerCell} text-right`}>
                    {text.domainColumns.averagePercent}
                  </th>
                </tr>
              </thead>
              <tbody>
                {unitType.domains.map((domain) => (
                  <tr key={domain.code}>
                    <td className={`${cell} tabular-nums`}>{domain.code}</td>
                    <th scope="row" className={`${cell} min-w-48 text-left font-normal`}>
                      {domain.title ?? "—"}
                    </th>
                    <td className={`${cell} text-right tabular-nums`}>{domain.maxPoints === null ? "—" : formatPointsFromThousandths(domain.maxPoints)}</td>
                    <td className={`${cell} text-right tabular-nums`}>{domain.averagePoints ? formatDecimal(domain.averagePoints.text, precision) : "—"}</td>
                    <td className={`${cell} text-right tabular-nums`}>{percent(domain.averagePercent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-sm text-slate-600">{text.domainsNote}</p>
        </>
      )}

      <h3 className="text-lg font-semibold">{previousYear === null ? text.moversHeadingFirstYear : interpolate(text.moversHeading, { previousYear })}</h3>
      {!unitType.movers || previousYear === null ? (
        <p className="text-slate-700">{interpolate(text.noPreviousYear, { year })}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{interpolate(text.moversNote, { year, previousYear })}</p>
          <div className="grid gap-4 lg:grid-cols-2">
            <MoverTable
              heading={text.improvedHeading}
              caption={interpolate(text.improvedCaption, { unitType: unitType.name })}
              empty={interpolate(text.noImproved, { previousYear })}
              movers={unitType.movers.improved}
              year={year}
              previousYear={previousYear}
              precision={precision}
            />
            <MoverTable
              heading={text.droppedHeading}
              caption={interpolate(text.droppedCaption, { unitType: unitType.name })}
              empty={interpolate(text.noDropped, { previousYear })}
              movers={unitType.movers.dropped}
              year={year}
              previousYear={previousYear}
              precision={precision}
            />
          </div>
        </>
      )}
    </section>
  );
}

type MoverTableProps = { heading: string; caption: string; empty: string; movers: Mover[]; year: number; previousYear: number; precision: 2 | 3 };

function MoverTable({ heading, caption, empty, movers, year, previousYear, precision }: MoverTableProps) {
  const { publicSummary: text } = getMessages("vi");
  const shown = (thousandths: number) => formatPercent(formatThousandths(thousandths), decimalsOf(thousandths, precision));
  return (
    // min-w-0: a grid item is otherwise as wide as its table, and the table would not scroll.
    <div className="min-w-0 space-y-2">
      <h4 className="font-semibold">{heading}</h4>
      {movers.length === 0 ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full bg-white text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col" className={headerCell}>
                  {text.moverColumns.agency}
                </th>
                <th scope="col" className={`${headerCell} text-right`}>
                  {interpolate(text.moverColumns.previous, { previousYear })}
                </th>
                <th scope="col" className={`${headerCell} text-right`}>
                  {interpolate(text.moverColumns.current, { year })}
                </th>
                <th scope="col" className={`${headerCell} text-right`}>
                  {text.moverColumns.change}
                </th>
                <th scope="col" className={`${headerCell} text-right`}>
                  {text.moverColumns.rank}
                </th>
              </tr>
            </thead>
            <tbody>
              {movers.map((mover) => (
                <tr key={mover.agencyId}>
                  <th scope="row" className={`${cell} min-w-40 text-left font-normal`}>
                    <Link href={`/don-vi/${mover.agencySlug}`} className="text-brand-800 underline-offset-4 hover:underline">
                      {mover.agencyName}
                    </Link>
                  </th>
                  <td className={`${cell} text-right tabular-nums`}>{shown(mover.previousPercentThousandths)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{shown(mover.currentPercentThousandths)}</td>
                  <td className={`${cell} text-right font-semibold tabular-nums`}>{formatSignedThousandths(mover.changeThousandths, decimalsOf(mover.changeThousandths, precision))}</td>
                  <td className={`${cell} whitespace-nowrap text-right tabular-nums`}>
                    {interpolate(text.rankMove, { previous: mover.previousRank ?? text.notRankedBefore, current: mover.currentRank })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

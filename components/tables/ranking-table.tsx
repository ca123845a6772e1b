import type { TPublishedResultRow } from "@/lib/domain/publication-snapshot";
import { formatPercent, formatPoints, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

type RankingTableProps = {
  caption: string;
  rows: readonly TPublishedResultRow[];
  precision: 2 | 3;
};

/** The published ranking of one unit type, as a plain server-rendered table (no client JS). */
export function RankingTable({ caption, rows, precision }: RankingTableProps) {
  const { home } = getMessages("vi");
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 text-right">{home.columns.rank}</th>
            <th scope="col" className="px-3 py-2">{home.columns.agency}</th>
            <th scope="col" className="px-3 py-2 text-right">{home.columns.points}</th>
            <th scope="col" className="px-3 py-2 text-right">{home.columns.maxPoints}</th>
            <th scope="col" className="px-3 py-2 text-right">{home.columns.indexPercent}</th>
            <th scope="col" className="px-3 py-2">{home.columns.band}</th>
            <th scope="col" className="px-3 py-2">{home.columns.change}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.agencyId} className="border-t border-slate-100">
              <td className="px-3 py-2 text-right font-semibold tabular-nums">{row.rank ?? "—"}</td>
              <th scope="row" className="px-3 py-2 font-medium">
                {row.agencyName}
                {row.rank === null ? <span className="ml-2 text-xs font-normal text-slate-500">({home.notRanked})</span> : null}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{formatPoints(row.totalPoints)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatPoints(row.maxPoints)}</td>
              <td className="px-3 py-2 text-right font-semibold tabular-nums">{formatPercent(row.indexPercent, precision)}</td>
              <td className="whitespace-nowrap px-3 py-2">{row.bandLabel ?? "—"}</td>
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

function RankChange({ change, isRanked }: { change: number | null; isRanked: boolean }) {
  const { home } = getMessages("vi");
  if (!isRanked) return <span className="text-slate-500">—</span>;
  if (change === null) return <span className="text-slate-600">{home.rankChangeNew}</span>;
  if (change === 0) return <span className="text-slate-600">{home.rankChangeSame}</span>;
  const label = interpolate(change > 0 ? home.rankChangeUp : home.rankChangeDown, { n: Math.abs(change) });
  return (
    <span className={change > 0 ? "text-green-700" : "text-red-700"}>
      <span aria-hidden="true">{change > 0 ? "▲" : "▼"} {Math.abs(change)}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

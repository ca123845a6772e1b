import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

// The announcement's "change vs last year", written as the leaderboard writes it (▲ 2 / ▼ 1 / Mới),
// with the words for screen readers: the leaderboard table and the agency profile.
export function RankChange({ change, isRanked }: { change: number | null; isRanked: boolean }) {
  const { home } = getMessages("vi");
  if (!isRanked) return <span className="text-slate-500">—</span>;
  if (change === null) return <span className="text-slate-600">{home.rankChangeNew}</span>;
  if (change === 0) return <span className="text-slate-600">{home.rankChangeSame}</span>;
  const label = interpolate(change > 0 ? home.rankChangeUp : home.rankChangeDown, { n: Math.abs(change) });
  return (
    <span className={change > 0 ? "text-green-700" : "text-red-700"}>
      <span aria-hidden="true">
        {change > 0 ? "▲" : "▼"} {Math.abs(change)}
      </span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

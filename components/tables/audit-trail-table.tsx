import { formatChanges } from "@/lib/i18n/audit-format";
import { getMessages } from "@/lib/i18n/messages";
import type { AuditTrailEntry } from "@/lib/services/get-assessment-audit-trail";

const { auditTrail: text } = getMessages("vi");

const TIME = new Intl.DateTimeFormat("vi-VN", { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Ho_Chi_Minh" });

/** One assessment's change history, oldest first, as a plain server-rendered table. */
export function AuditTrailTable({ caption, entries }: { caption: string; entries: readonly AuditTrailEntry[] }) {
  if (entries.length === 0) return <p>{text.empty}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {[text.columns.time, text.columns.actor, text.columns.action, text.columns.criterion, text.columns.before, text.columns.after].map((column) => (
              <th key={column} scope="col" className="px-3 py-2">{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const { before, after } = formatChanges(entry.changes);
            return (
              <tr key={entry.id} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{TIME.format(entry.occurredAt)}</td>
                <td className="px-3 py-2">{entry.actorName ?? "—"}</td>
                <th scope="row" className="px-3 py-2 font-medium">{text.types[entry.type]}</th>
                <td className="px-3 py-2 font-mono">{entry.subject || "—"}</td>
                <td className="whitespace-pre-line px-3 py-2">{before || "—"}</td>
                <td className="whitespace-pre-line px-3 py-2">{after || "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

import { BulkActions } from "@/components/appraisal/bulk-actions";
import { MyTasks, type Task } from "@/components/workspace/my-tasks";
import { can } from "@/lib/auth/policy";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { daysLeftIfDueSoon } from "@/lib/domain/reminders";
import { ASSESSMENT_STATUSES } from "@/lib/domain/workflow";
import { formatPercent, formatPoints, formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { getAppraisalQueue, type QueueFilters } from "@/lib/services/get-appraisal-queue";

import { QUEUE_PARAMS, queueFiltersFrom, queueQuery } from "./queue-filters";

const { appraisalHome: text, labels, agencyHome } = getMessages("vi");

export const metadata: Metadata = { title: text.title.replace(" {year}", "") };

type Column = { key: QueueFilters["sort"] | null; label: string };

export default async function AppraisalQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireArea("workspace.appraisal");
  const filters = queueFiltersFrom(await searchParams);
  const queue = await getAppraisalQueue(getPrisma(), actor, filters);
  if (!queue) return <p>{agencyHome.noOpenYear}</p>;
  const query = queueQuery(filters);
  const { tasks: taskText } = getMessages("vi");
  const tasks: Task[] = [];
  if (queue.awaitingMe > 0) tasks.push({ text: interpolate(taskText.awaitingMe, { n: queue.awaitingMe }), href: `/tham-dinh${queueQuery(filters, { isMineOnly: true })}` });
  const daysLeft = daysLeftIfDueSoon(queue.roundDeadline, new Date());
  if (daysLeft !== null && queue.roundDeadline) {
    tasks.push({ text: interpolate(taskText.roundDueSoon, { days: daysLeft, phase: labels.yearPhase[queue.year.phase].toLowerCase(), date: formatVietnamDate(queue.roundDeadline) }), href: "/tham-dinh" });
  }
  const columns: Column[] = [
    { key: "agency", label: text.columns.agency },
    { key: null, label: text.columns.unitType },
    { key: "status", label: text.columns.status },
    { key: "submittedAt", label: text.columns.submittedAt },
    { key: "selfPercent", label: text.extraColumns.selfTotal },
    { key: "progress", label: text.extraColumns.progress },
    { key: null, label: text.extraColumns.disputes },
    { key: null, label: text.extraColumns.changes },
    { key: null, label: text.extraColumns.action },
  ];
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{interpolate(text.title, { year: queue.year.year })}</h1>
      <p>
        {interpolate(agencyHome.phase, { phase: labels.yearPhase[queue.year.phase] })} · {queue.round ? interpolate(text.round, { round: queue.round }) : text.noRound}
      </p>

      {can(actor, "year.finalize", { kind: "province" }) ? (
        <p>
          <Link href="/tham-dinh/ket-qua" className="text-brand-700 underline">{interpolate(getMessages("vi").yearResults.title, { year: queue.year.year })}</Link>
        </p>
      ) : null}
      <MyTasks tasks={tasks} />
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-white p-3" aria-label={text.filters}>
        <label className="flex flex-col text-sm">
          {text.unitType}
          <select name={QUEUE_PARAMS.unitTypeId} defaultValue={filters.unitTypeId ?? ""} className="rounded border border-slate-400 px-2 py-1">
            <option value="">{text.all}</option>
            {queue.unitTypes.map((unitType) => (
              <option key={unitType.id} value={unitType.id}>{unitType.name}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {text.status}
          <select name={QUEUE_PARAMS.status} defaultValue={filters.status ?? ""} className="rounded border border-slate-400 px-2 py-1">
            <option value="">{text.all}</option>
            {ASSESSMENT_STATUSES.map((status) => (
              <option key={status} value={status}>{labels.assessmentStatus[status]}</option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name={QUEUE_PARAMS.isMineOnly} value="1" defaultChecked={filters.isMineOnly} />
          {text.mineOnly}
        </label>
        {filters.sort !== "agency" ? <input type="hidden" name={QUEUE_PARAMS.sort} value={filters.sort} /> : null}
        {filters.isDescending ? <input type="hidden" name={QUEUE_PARAMS.isDescending} value="1" /> : null}
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">{text.apply}</button>
        <Link href="/tham-dinh" className="px-2 py-1.5 text-brand-700 underline">{text.reset}</Link>
      </form>

      <p role="status">{interpolate(text.shown, { shown: queue.rows.length, total: queue.total })}</p>
      <BulkActions params={Object.fromEntries(new URLSearchParams(query))} count={queue.rows.length} />

      {queue.rows.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                {columns.map((column) => {
                  const isSorted = column.key !== null && filters.sort === column.key;
                  return (
                    <th key={column.label} scope="col" className="px-3 py-2" aria-sort={isSorted ? (filters.isDescending ? "descending" : "ascending") : undefined}>
                      {column.key === null ? (
                        column.label
                      ) : (
                        <Link
                          href={`/tham-dinh${queueQuery(filters, { sort: column.key, isDescending: isSorted ? !filters.isDescending : false })}`}
                          className="text-brand-800 underline"
                          aria-label={interpolate(text.sortBy, { column: column.label })}
                        >
                          {column.label}
                          {isSorted ? (filters.isDescending ? " ▼" : " ▲") : null}
                        </Link>
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {queue.rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/tham-dinh/${row.id}`} className="text-brand-700 underline">{row.agencyName}</Link>
                  </th>
                  <td className="px-3 py-2">{row.unitTypeName}</td>
                  <td className="px-3 py-2">{labels.assessmentStatus[row.status]}</td>
                  <td className="px-3 py-2">{row.submittedAt ? formatVietnamDate(row.submittedAt) : "—"}</td>
                  <td className="px-3 py-2">
                    {formatPoints(row.selfPoints)} {row.selfPercent ? `(${formatPercent(row.selfPercent, queue.precision)})` : ""}
                  </td>
                  <td className="px-3 py-2">{interpolate(text.progressValue, { done: row.myDone, assigned: row.myAssigned })}</td>
                  <td className="px-3 py-2">{row.disputes} / {row.disputesOpen}</td>
                  <td className="px-3 py-2">{row.changesSinceReview ?? "—"}</td>
                  <td className="px-3 py-2">{row.needsMyAction ? <strong className="text-amber-900">{text.needsAction}</strong> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

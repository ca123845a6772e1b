import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { PublicationForm } from "@/components/forms/publication-form";
import { PublishedRanking } from "@/components/tables/published-ranking";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import type { SnapshotChange, SnapshotField } from "@/lib/domain/publication-snapshot";
import { formatDate, formatPercent, formatPoints, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { getYearPublication, type PublicationListItem } from "@/lib/services/get-year-publication";

const { adminPublication: text, labels } = getMessages("vi");

export const metadata: Metadata = { title: text.listTitle };

/** "10:00 06/03/2026": when the announcement went online, as seen in Vietnam. */
const PUBLISHED_AT = new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });

type PageProps = { params: Promise<{ year: string }>; searchParams: Promise<{ done?: string }> };

/** One year's publication: preview and publish (FINALIZED), or history and correction (PUBLISHED), and the exports. */
export default async function YearPublicationPage({ params, searchParams }: PageProps) {
  const actor = await requireArea("workspace.admin");
  const [{ year: yearParam }, { done }] = await Promise.all([params, searchParams]);
  const result = await getYearPublication(getPrisma(), actor.id, { year: yearParam });
  if (!result.ok) {
    if (result.code === "NOT_FOUND") notFound();
    return <p role="alert">{result.message}</p>;
  }
  const { year, publications, current, draft, changes } = result.value;
  const isExportable = year.phase === "FINALIZED" || year.phase === "PUBLISHED";

  return (
    <section className="space-y-6">
      <Link href="/quan-tri/cong-bo" className="text-brand-700 underline">← {text.back}</Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-800">{interpolate(text.title, { year: year.year })}</h1>
        <p>{interpolate(text.phase, { phase: labels.yearPhase[year.phase] })}</p>
      </header>
      {done && current ? (
        <p role="status" className="rounded border border-green-600 bg-green-50 p-3 text-green-900">
          {interpolate(done === "corrected" ? text.form.corrected : text.form.published, { year: year.year, number: current.publication.number })}
        </p>
      ) : null}

      {isExportable ? (
        <section aria-labelledby="exports-title" className="space-y-2">
          <h2 id="exports-title" className="text-xl font-semibold">{text.exportsTitle}</h2>
          <ul className="flex flex-wrap gap-4">
            <li><a href={`/api/admin/years/${year.year}/results.xlsx`} className="text-brand-700 underline">{text.exportXlsx}</a></li>
            <li><Link href={`/quan-tri/cong-bo/${year.year}/in`} className="text-brand-700 underline">{text.exportPrint}</Link></li>
          </ul>
          {year.phase === "FINALIZED" ? <p className="text-sm text-slate-600">{text.draftExports}</p> : null}
        </section>
      ) : (
        <p className="rounded border border-amber-500 bg-amber-50 p-3">{interpolate(text.notReady, { year: year.year })}</p>
      )}

      {publications.length > 0 ? <PublicationHistory year={year.year} publications={publications} /> : null}

      {year.phase === "FINALIZED" && draft ? (
        <>
          <section aria-labelledby="publish-title" className="space-y-3">
            <h2 id="publish-title" className="text-xl font-semibold">{text.publishTitle}</h2>
            <p className="max-w-3xl text-slate-700">{text.publishIntro}</p>
            <PublicationForm mode="publish" yearId={year.id} year={year.year} />
          </section>
          <section aria-labelledby="preview-title" className="space-y-4">
            <h2 id="preview-title" className="text-xl font-semibold">{text.previewTitle}</h2>
            <p className="text-slate-700">{text.previewNote}</p>
            <PublishedRanking snapshot={draft} idPrefix="draft" />
          </section>
        </>
      ) : null}

      {year.phase === "PUBLISHED" && current ? (
        <>
          <section aria-labelledby="correct-title" className="space-y-3">
            <h2 id="correct-title" className="text-xl font-semibold">{text.correctTitle}</h2>
            <p className="max-w-3xl text-slate-700">{text.correctIntro}</p>
            <h3 className="font-semibold">{text.changesTitle}</h3>
            {changes.length === 0 ? <p>{text.noChanges}</p> : <ChangeList changes={changes} precision={year.precision} />}
            <PublicationForm mode="correct" yearId={year.id} year={year.year} supersedes={{ id: current.publication.id, number: current.publication.number }} />
          </section>
          <section aria-labelledby="public-title" className="space-y-4">
            <h2 id="public-title" className="text-xl font-semibold">{text.publicTitle}</h2>
            <p className="text-slate-700">{interpolate(text.publicNote, { number: current.publication.number, date: formatDate(current.publication.issuedOn) })}</p>
            <PublishedRanking snapshot={current.snapshot} idPrefix="current" />
          </section>
        </>
      ) : null}
    </section>
  );
}

function PublicationHistory({ year, publications }: { year: number; publications: PublicationListItem[] }) {
  const columns = text.historyColumns;
  return (
    <section aria-labelledby="history-title" className="space-y-2">
      <h2 id="history-title" className="text-xl font-semibold">{text.historyTitle}</h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              {[columns.number, columns.issuedOn, columns.publishedAt, columns.publishedBy, columns.note, columns.status, columns.files].map((label) => (
                <th key={label} scope="col" className="px-3 py-2">{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {publications.map((publication) => (
              <tr key={publication.id} className="border-t border-slate-100 align-top">
                <th scope="row" className="px-3 py-2 font-semibold">{publication.number}</th>
                <td className="px-3 py-2">{formatDate(publication.issuedOn)}</td>
                <td className="px-3 py-2">{PUBLISHED_AT.format(publication.publishedAt)}</td>
                <td className="px-3 py-2">{publication.publishedByName ?? "—"}</td>
                <td className="px-3 py-2">
                  {publication.supersedes ? <p className="font-medium">{interpolate(text.correctionOf, { number: publication.supersedes.number })}</p> : null}
                  <p className="whitespace-pre-line">{publication.note ?? (publication.supersedes ? "" : "—")}</p>
                </td>
                <td className="px-3 py-2">
                  {publication.supersededBy ? interpolate(text.statusSuperseded, { number: publication.supersededBy.number }) : <strong className="text-green-800">{text.statusCurrent}</strong>}
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  <a href={`/api/admin/years/${year}/results.xlsx?publication=${publication.id}`} className="text-brand-700 underline">
                    {text.fileXlsx}<span className="sr-only"> — {publication.number}</span>
                  </a>
                  {" · "}
                  <Link href={`/quan-tri/cong-bo/${year}/in?publication=${publication.id}`} className="text-brand-700 underline">
                    {text.filePrint}<span className="sr-only"> — {publication.number}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function formatField(field: SnapshotField, value: string | null, precision: 2 | 3): string {
  if (value === null) return "—";
  if (field === "totalPoints" || field === "maxPoints") return formatPoints(value);
  if (field === "indexPercent") return formatPercent(value, precision);
  return value;
}

function ChangeList({ changes, precision }: { changes: SnapshotChange[]; precision: 2 | 3 }) {
  return (
    <ul className="list-disc space-y-1 pl-6">
      {changes.map((change) => (
        <li key={change.agencyId}>
          <span className="font-medium">{change.agencyName}</span> ({change.unitTypeName}) — {text.changeKinds[change.kind]}
          {change.fields.length > 0 ? (
            <ul className="list-[circle] pl-6">
              {change.fields.map((field) => (
                <li key={field.field}>
                  {interpolate(text.changeLine, {
                    field: text.changeFields[field.field],
                    before: formatField(field.field, field.before, precision),
                    after: formatField(field.field, field.after, precision),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

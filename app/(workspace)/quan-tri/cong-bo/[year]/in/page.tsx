import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { PrintButton } from "@/components/admin/print-button";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { toRomanNumeral } from "@/lib/domain/announcement";
import { announcementLine } from "@/lib/exports/results-xlsx";
import { formatPercent, formatPoints, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { getAnnouncementTable } from "@/lib/services/get-announcement-table";

import "./print.css";

const { adminPublication: text } = getMessages("vi");

/** STT, agency, points, max, index, rank, band: the names get the room, on paper as on screen. */
const COLUMN_WIDTHS = ["6%", "38%", "11%", "9%", "11%", "10%", "15%"] as const;

type PageProps = { params: Promise<{ year: string }>; searchParams: Promise<{ publication?: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { year } = await params;
  return { title: interpolate(text.print.pageTitle, { year }) };
}

/**
 * The appendix of the announcement, ready for the browser's "print to PDF": A4, one part per unit
 * type each starting on a new page, Vietnamese headings, the announcement's number and date (or
 * DỰ THẢO before publication); navigation and buttons are hidden on paper (print.css).
 */
export default async function PrintableAppendixPage({ params, searchParams }: PageProps) {
  const actor = await requireArea("workspace.admin");
  const [{ year }, { publication }] = await Promise.all([params, searchParams]);
  const result = await getAnnouncementTable(getPrisma(), actor.id, { year, publicationId: publication });
  if (!result.ok) {
    if (result.code === "NOT_FOUND") notFound();
    return <p role="alert">{result.message}</p>;
  }
  const table = result.value;
  const { snapshot } = table;
  const columns = text.tableColumns;
  const cell = "border border-slate-400 px-2 py-1";

  return (
    <article className="print-appendix space-y-8 bg-white p-6 text-black">
      <h1 className="sr-only">{interpolate(text.print.pageTitle, { year: snapshot.year })}</h1>
      <div className="no-print flex flex-wrap items-center gap-4">
        <Link href={`/quan-tri/cong-bo/${snapshot.year}`} className="text-brand-700 underline">← {text.print.back}</Link>
        <PrintButton />
        <p className="text-sm text-slate-600">{text.print.printHint}</p>
      </div>
      {snapshot.unitTypes.map((unitType, index) => (
        <section key={unitType.unitTypeId} aria-labelledby={`appendix-${unitType.unitTypeId}`} className="appendix-part space-y-3">
          <header className="space-y-1 text-center">
            <p className="font-bold">{interpolate(text.print.appendix, { numeral: toRomanNumeral(index + 1) })}</p>
            <h2 id={`appendix-${unitType.unitTypeId}`} className="text-lg font-bold uppercase">
              {interpolate(text.print.heading, { year: snapshot.year, unitType: unitType.unitTypeName })}
            </h2>
            <p className={table.isDraft ? "font-bold text-red-700" : "italic"}>{announcementLine(table)}</p>
            {table.announcement?.supersededByNumber ? (
              <p className="italic text-red-700">{interpolate(text.xlsx.superseded, { number: table.announcement.supersededByNumber })}</p>
            ) : null}
          </header>
          <table className="w-full table-fixed border-collapse text-sm">
            <colgroup>
              {COLUMN_WIDTHS.map((width, column) => (
                <col key={column} style={{ width }} />
              ))}
            </colgroup>
            <caption className="sr-only">{interpolate(text.print.heading, { year: snapshot.year, unitType: unitType.unitTypeName })}</caption>
            <thead>
              <tr className="bg-slate-100">
                {[columns.order, columns.agency, columns.totalPoints, columns.maxPoints, columns.indexPercent, columns.rank, columns.band].map((label) => (
                  <th key={label} scope="col" className={`${cell} text-center`}>{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {unitType.rows.map((row, rowIndex) => (
                <tr key={row.agencyId}>
                  <td className={`${cell} text-center`}>{rowIndex + 1}</td>
                  <th scope="row" className={`${cell} text-left font-normal`}>{row.agencyName}</th>
                  <td className={`${cell} text-right tabular-nums`}>{formatPoints(row.totalPoints)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{formatPoints(row.maxPoints)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{formatPercent(row.indexPercent, snapshot.precision)}</td>
                  <td className={`${cell} text-center`}>{row.rank ?? text.xlsx.notRanked}</td>
                  <td className={`${cell} text-center`}>{row.bandLabel ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </article>
  );
}

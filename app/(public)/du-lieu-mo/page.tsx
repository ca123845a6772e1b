import type { Metadata } from "next";
import Link from "next/link";

import { OpenDataLinks } from "@/components/public/open-data-links";
import { OPEN_DATA_COLUMNS } from "@/lib/exports/open-data";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { getPublishedYears } from "@/lib/services/get-public-leaderboard";

// One small query per request: a static route would be rendered at build time, without a database.
export const dynamic = "force-dynamic";

const { openData } = getMessages("vi").publicSite;

export const metadata: Metadata = {
  title: openData.title,
  description: openData.description,
  alternates: { canonical: "/du-lieu-mo" },
  openGraph: { title: openData.title, description: openData.description, url: "/du-lieu-mo", type: "website", locale: "vi_VN" },
};

/** The open data: every published year's files, and the columns documented from the export's own list. */
export default async function OpenDataPage() {
  const years = await getPublishedYears();
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-brand-800">{openData.title}</h1>
        <p className="max-w-3xl text-slate-700">{openData.intro}</p>
      </header>
      <section aria-labelledby="cac-nam" className="space-y-2">
        <h2 id="cac-nam" className="text-lg font-semibold">
          {openData.yearsHeading}
        </h2>
        {years.length === 0 ? (
          <p>{openData.noYears}</p>
        ) : (
          <ul className="space-y-2">
            {years.map((year) => (
              <li key={year} className="flex flex-wrap items-center gap-3">
                <Link href={`/nam/${year}`} className="w-24 font-medium text-brand-800 underline underline-offset-4">
                  {interpolate(openData.yearRow, { year })}
                </Link>
                <OpenDataLinks year={year} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="dinh-dang" className="space-y-2">
        <h2 id="dinh-dang" className="text-lg font-semibold">
          {openData.formatsHeading}
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {openData.formats.map((format) => (
            <li key={format}>{format}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="cac-cot" className="space-y-2">
        <h2 id="cac-cot" className="text-lg font-semibold">
          {openData.columnsHeading}
        </h2>
        <p className="max-w-3xl text-slate-700">{openData.columnsIntro}</p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{openData.columnsHeading}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {openData.columnName}
                </th>
                <th scope="col" className="px-3 py-2">
                  {openData.columnMeaning}
                </th>
              </tr>
            </thead>
            <tbody>
              {OPEN_DATA_COLUMNS.map((column) => (
                <tr key={column} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-2 font-mono text-xs">
                    {column}
                  </th>
                  <td className="px-3 py-2">{openData.columns[column]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  );
}

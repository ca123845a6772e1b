import type { Metadata } from "next";
import Link from "next/link";

import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { formatDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const { adminPublication: text, labels } = getMessages("vi");

export const metadata: Metadata = { title: text.listTitle };

/** Every year with its phase and current announcement. */
export default async function PublicationYearsPage() {
  // The page checks the role too: the layout's check runs alongside it, and what a page renders
  // before that check refuses was streamed into the 403 response.
  await requireArea("workspace.admin");
  const years = await getPrisma().assessmentYear.findMany({
    orderBy: { year: "desc" },
    select: {
      year: true,
      phase: true,
      publications: { where: { supersededBy: null }, orderBy: { publishedAt: "desc" }, take: 1, select: { number: true, issuedOn: true } },
    },
  });
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{text.listTitle}</h1>
      <p className="max-w-3xl text-slate-700">{text.listIntro}</p>
      {years.length === 0 ? (
        <p>{text.noYears}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">{text.yearColumns.year}</th>
                <th scope="col" className="px-3 py-2">{text.yearColumns.phase}</th>
                <th scope="col" className="px-3 py-2">{text.yearColumns.current}</th>
                <th scope="col" className="px-3 py-2">{text.yearColumns.open}</th>
              </tr>
            </thead>
            <tbody>
              {years.map((year) => {
                const current = year.publications[0];
                return (
                  <tr key={year.year} className="border-t border-slate-100">
                    <th scope="row" className="px-3 py-2 font-semibold">{year.year}</th>
                    <td className="px-3 py-2">{labels.yearPhase[year.phase]}</td>
                    <td className="px-3 py-2">{current ? `${current.number} — ${formatDate(current.issuedOn)}` : text.none}</td>
                    <td className="px-3 py-2">
                      <Link href={`/quan-tri/cong-bo/${year.year}`} className="text-brand-700 underline">
                        {interpolate(text.openYear, { year: year.year })}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

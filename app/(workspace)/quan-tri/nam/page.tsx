import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";

import { CreateYearForm } from "@/components/admin/create-year-form";
import { can } from "@/lib/auth/policy";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { formatPoints, formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const { adminYears: text, labels } = getMessages("vi");

export const metadata: Metadata = { title: text.listTitle };

/** Every assessment year with its phase, deadline and counts, and the form creating the next one. */
export default async function YearsPage() {
  const actor = await requireArea("workspace.admin");
  if (!can(actor, "year.manage", { kind: "province" })) forbidden();
  const db = getPrisma();
  const [years, submitted] = await Promise.all([
    db.assessmentYear.findMany({
      orderBy: { year: "desc" },
      select: {
        id: true,
        year: true,
        phase: true,
        precision: true,
        isSurveyIncluded: true,
        maxBonusPoints: true,
        maxPenaltyPoints: true,
        deadlines: { where: { phase: "SELF_ASSESSMENT" }, select: { endsAt: true } },
        _count: { select: { criteriaSets: true, assessments: true, results: true } },
      },
    }),
    db.assessment.groupBy({ by: ["yearId"], where: { status: { not: "DRAFT" } }, _count: { _all: true } }),
  ]);
  const submittedByYear = new Map(submitted.map((row) => [row.yearId, row._count._all]));
  const latest = years[0];
  return (
    <section className="space-y-6">
      <Link href="/quan-tri" className="text-brand-700 underline">← {getMessages("vi").adminHome.hubTitle}</Link>
      <h1 className="text-2xl font-bold text-brand-800">{text.listTitle}</h1>
      {years.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{text.listTitle}</caption>
            <thead className="bg-slate-100">
              <tr>
                {Object.values(text.columns).map((label) => (
                  <th key={label} scope="col" className="px-3 py-2">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {years.map((year) => (
                <tr key={year.id} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/quan-tri/nam/${year.year}`} aria-label={interpolate(text.open, { year: year.year })} className="text-brand-700 underline">
                      {year.year}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{labels.yearPhase[year.phase]}</td>
                  <td className="px-3 py-2">{year.deadlines[0] ? formatVietnamDate(year.deadlines[0].endsAt) : text.noDeadline}</td>
                  <td className="px-3 py-2">{year._count.criteriaSets}</td>
                  <td className="px-3 py-2">{submittedByYear.get(year.id) ?? 0} / {year._count.assessments}</td>
                  <td className="px-3 py-2">{year._count.results}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateYearForm
        suggestedYear={latest ? latest.year + 1 : new Date().getFullYear()}
        values={{
          precision: latest?.precision ?? 2,
          isSurveyIncluded: latest?.isSurveyIncluded ?? true,
          maxBonusPoints: formatPoints(latest?.maxBonusPoints.toFixed(3) ?? "0"),
          maxPenaltyPoints: formatPoints(latest?.maxPenaltyPoints.toFixed(3) ?? "0"),
        }}
      />
    </section>
  );
}

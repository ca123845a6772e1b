import type { Metadata } from "next";
import Link from "next/link";

import { CreateCriteriaSetButtons } from "@/components/criteria-sets/create-criteria-set-buttons";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { formatPoints, formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const { adminCriteria, adminHome, adminOrg, labels } = getMessages("vi");
const text = adminCriteria.list;

export const metadata: Metadata = { title: text.title };

/** Every year's criteria set per unit type, with a link to each and creation while the year is in SETUP. */
export default async function CriteriaSetsPage() {
  // The page checks the role too: the layout's check runs alongside it, and what a page renders
  // before that check refuses was streamed into the 403 response.
  await requireArea("workspace.admin");
  const db = getPrisma();
  const [years, unitTypes, sets] = await Promise.all([
    db.assessmentYear.findMany({ orderBy: { year: "desc" }, select: { id: true, year: true, phase: true } }),
    db.unitType.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, code: true, name: true, deactivatedAt: true } }),
    db.criteriaSet.findMany({ select: { id: true, yearId: true, unitTypeId: true, title: true, totalMaxPoints: true, frozenAt: true, _count: { select: { criteria: true } } } }),
  ]);
  const setOf = (yearId: string, unitTypeId: string) => sets.find((set) => set.yearId === yearId && set.unitTypeId === unitTypeId);

  return (
    <section className="space-y-4">
      <Link href="/quan-tri" className="text-brand-700 underline">← {adminHome.hubTitle}</Link>
      <h1 className="text-2xl font-bold text-brand-800">{text.title}</h1>
      <p>{text.intro}</p>
      {years.length === 0 ? <p>{text.noYears}</p> : null}
      {years.map((year) => (
        <section key={year.id} aria-labelledby={`year-${year.year}`} className="space-y-2">
          <h2 id={`year-${year.year}`} className="text-xl font-semibold">
            {interpolate(text.yearHeading, { year: year.year, phase: labels.yearPhase[year.phase] })}
          </h2>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-100">
                <tr>
                  {Object.values(text.columns).map((label) => (
                    <th key={label} scope="col" className="px-3 py-2">{label}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {unitTypes.map((unitType) => {
                  const set = setOf(year.id, unitType.id);
                  return (
                    <tr key={unitType.id} className="border-t border-slate-100 align-top">
                      <th scope="row" className="px-3 py-2 font-medium">{unitType.name}</th>
                      <td className="px-3 py-2">{set ? set.title : text.none}</td>
                      <td className="px-3 py-2">{set ? interpolate(text.criteriaCount, { count: set._count.criteria, max: formatPoints(set.totalMaxPoints.toFixed(3)) }) : "—"}</td>
                      <td className="px-3 py-2">{set ? (set.frozenAt ? interpolate(text.frozen, { date: formatVietnamDate(set.frozenAt) }) : text.editable) : "—"}</td>
                      <td className="px-3 py-2">
                        {set ? (
                          <Link href={`/quan-tri/bo-chi-so/${year.year}/${unitType.code}`} className="font-medium text-brand-700 underline">
                            {text.open}
                            <span className="sr-only"> {`${unitType.name} ${year.year}`}</span>
                          </Link>
                        ) : year.phase === "SETUP" && unitType.deactivatedAt !== null ? (
                          adminOrg.unitTypes.noNewSets
                        ) : year.phase === "SETUP" ? (
                          <CreateCriteriaSetButtons yearId={year.id} unitTypeId={unitType.id} label={`${unitType.name} ${year.year}`} editorPath={`/quan-tri/bo-chi-so/${year.year}/${unitType.code}`} />
                        ) : (
                          text.notInSetup
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </section>
  );
}

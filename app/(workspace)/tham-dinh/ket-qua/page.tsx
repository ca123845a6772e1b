import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";

import { FinalizeYearButton } from "@/components/appraisal/finalize-year-button";
import { RankingTable } from "@/components/tables/ranking-table";
import { can } from "@/lib/auth/policy";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { getOpenYear } from "@/lib/services/get-open-year";
import { previewYearResults } from "@/lib/services/year-results";

const { yearResults: text, agencyHome, labels, appraisalForm } = getMessages("vi");

export const metadata: Metadata = { title: text.title.replace(" {year}", "") };

/** The year's results as they would be stored and published, and finalizing the year (lead or administrator). */
export default async function YearResultsPage() {
  const actor = await requireArea("workspace.appraisal");
  if (!can(actor, "year.finalize", { kind: "province" })) forbidden();
  const db = getPrisma();
  const year = await getOpenYear(db);
  if (!year) return <p>{agencyHome.noOpenYear}</p>;
  const preview = await previewYearResults(db, actor.id, { yearId: year.id });
  if (!preview.ok) return <p role="alert">{preview.message}</p>;
  const { unitTypes, blockers, precision } = preview.value;
  return (
    <section className="space-y-4">
      <Link href="/tham-dinh" className="text-brand-700 underline">← {appraisalForm.back}</Link>
      <h1 className="text-2xl font-bold text-brand-800">{interpolate(text.title, { year: year.year })}</h1>
      <p>{interpolate(agencyHome.phase, { phase: labels.yearPhase[year.phase] })}</p>
      <p>{year.phase === "FINALIZED" ? text.stored : text.previewNote}</p>
      {blockers.length > 0 ? (
        <div className="rounded-lg border border-amber-500 bg-amber-50 p-4">
          <p id="blockers-title" className="font-semibold">{interpolate(text.blocked, { n: blockers.length })}</p>
          <ul aria-labelledby="blockers-title" className="list-disc pl-6">
            {blockers.map((blocker) => (
              <li key={`${blocker.agencyName}-${blocker.problem}`}>{blocker.agencyName}: {blocker.problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {year.phase === "EXPLANATION" && blockers.length === 0 ? <FinalizeYearButton yearId={year.id} year={year.year} /> : null}
      {unitTypes.map((unitType) => (
        <section key={unitType.unitTypeId} aria-labelledby={`unit-${unitType.unitTypeId}`} className="space-y-2">
          <h2 id={`unit-${unitType.unitTypeId}`} className="text-xl font-semibold">{unitType.name}</h2>
          <RankingTable caption={unitType.name} rows={unitType.rows} precision={precision} />
        </section>
      ))}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

import { SurveyImportForm } from "@/components/forms/survey-import-form";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const { adminImports, adminHome, labels } = getMessages("vi");
const text = adminImports.survey;

export const metadata: Metadata = { title: text.title };

/** Survey points import (the services check the role again). */
export default async function SurveyImportPage() {
  await requireArea("workspace.admin");
  const years = await getPrisma().assessmentYear.findMany({ orderBy: { year: "desc" }, select: { id: true, year: true, phase: true } });
  // The year being appraised, if any: the one whose points are awaited.
  const open = years.find((year) => year.phase === "APPRAISAL" || year.phase === "EXPLANATION");
  return (
    <section className="space-y-4">
      <Link href="/quan-tri" className="text-brand-700 underline">← {adminHome.hubTitle}</Link>
      <h1 className="text-2xl font-bold text-brand-800">{text.title}</h1>
      <p>{text.intro}</p>
      <p id="survey-columns" className="text-sm text-slate-700">{text.columnsHelp}</p>
      <SurveyImportForm
        years={years.map((year) => ({ id: year.id, label: interpolate(text.yearOption, { year: year.year, phase: labels.yearPhase[year.phase] }) }))}
        defaultYearId={open?.id ?? years[0]?.id ?? null}
      />
    </section>
  );
}

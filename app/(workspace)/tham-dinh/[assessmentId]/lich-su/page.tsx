import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";

import { AuditTrailTable } from "@/components/tables/audit-trail-table";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { getAssessmentAuditTrail } from "@/lib/services/get-assessment-audit-trail";

const { auditTrail: text, appraisalForm } = getMessages("vi");

export const metadata: Metadata = { title: text.link };

export default async function AssessmentHistoryPage({ params }: { params: Promise<{ assessmentId: string }> }) {
  const actor = await requireArea("workspace.appraisal");
  const { assessmentId } = await params;
  const trail = await getAssessmentAuditTrail(getPrisma(), actor.id, { assessmentId });
  if (!trail.ok) {
    if (trail.code === "FORBIDDEN") forbidden();
    notFound();
  }
  const title = interpolate(text.title, { agency: trail.value.agencyName, year: trail.value.year });
  return (
    <section className="space-y-4">
      <Link href={`/tham-dinh/${assessmentId}`} className="text-brand-700 underline">← {appraisalForm.title.replace("{agency}", trail.value.agencyName)}</Link>
      <h1 className="text-2xl font-bold text-brand-800">{title}</h1>
      <p>{text.intro}</p>
      <p>
        <a href={`/api/assessments/${assessmentId}/audit-trail`} className="text-brand-700 underline" download>{text.export}</a>
      </p>
      <AuditTrailTable caption={title} entries={trail.value.entries} />
    </section>
  );
}

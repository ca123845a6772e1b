import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { AppraisalForm } from "@/components/appraisal/appraisal-form";
import { StatusActions } from "@/components/appraisal/status-actions";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { getAppraisalView } from "@/lib/services/get-appraisal-view";

const { appraisalForm: text, labels } = getMessages("vi");

export const metadata: Metadata = { title: text.title.replace(" — {agency}", "") };

export default async function AppraisePage({ params }: { params: Promise<{ assessmentId: string }> }) {
  const actor = await requireArea("workspace.appraisal");
  const { assessmentId } = await params;
  const view = await getAppraisalView(getPrisma(), actor, assessmentId);
  if (!view) notFound();
  return (
    <section className="space-y-4">
      <Link href="/tham-dinh" className="text-brand-700 underline">← {text.back}</Link>
      <h1 className="text-2xl font-bold text-brand-800">{interpolate(text.title, { agency: view.agencyName })}</h1>
      <p>
        {interpolate(text.meta, { unitType: view.unitTypeName, year: view.year, status: labels.assessmentStatus[view.status] })}
        {view.submittedAt ? ` · ${interpolate(text.submittedAt, { date: formatVietnamDate(view.submittedAt) })}` : ""}
      </p>
      <p>
        <Link href={`/tham-dinh/${view.id}/lich-su`} className="text-brand-700 underline">{getMessages("vi").auditTrail.link}</Link>
      </p>
      <StatusActions assessmentId={view.id} allowed={view.actions} />
      {/* Remounts when the server's data moved on (bulk accept, status change), not on single saves. */}
      <AppraisalForm key={`${view.status}:${view.scores.reduce((sum, score) => sum + score.scoreVersion, 0)}`} view={view} />
    </section>
  );
}

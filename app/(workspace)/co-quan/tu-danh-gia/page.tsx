import type { Metadata } from "next";

import { AppraisalSummary } from "@/components/assessment/appraisal-summary";
import { ExplanationsPanel, ExplanationsProvider } from "@/components/forms/appraisal-outcome";
import { CarryOverButton } from "@/components/forms/carry-over-button";
import { SelfAssessmentFormView } from "@/components/forms/self-assessment-form";
import { SubmissionPanel } from "@/components/forms/submission-panel";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getPrisma } from "@/lib/db/prisma";
import { formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { getSelfAssessmentForm, type SelfAssessmentForm } from "@/lib/services/get-self-assessment-form";

import { startSelfAssessmentAction } from "./actions";

const { selfAssessment: text, agencyHome } = getMessages("vi");

export const metadata: Metadata = { title: text.openForm };

export default async function SelfAssessmentPage() {
  const actor = await requireArea("workspace.agency");
  const { year, agencyName, assessment } = await getSelfAssessmentForm(getPrisma(), actor);
  if (!year) return <p>{agencyHome.noOpenYear}</p>;
  if (!assessment) {
    return (
      <section className="space-y-3">
        <h1 className="text-2xl font-bold text-brand-800">{interpolate(agencyHome.title, { year: year.year, agency: agencyName ?? "" })}</h1>
        <p>{agencyHome.notStarted}</p>
        <form action={startSelfAssessmentAction}>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {text.start}
          </button>
        </form>
      </section>
    );
  }
  const { appraisal } = assessment;
  const disputed = assessment.scores.filter((score) => score.appraisal?.isDisputed);
  const criterionById = new Map(assessment.criteria.map((criterion) => [criterion.id, criterion]));
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{interpolate(text.formTitle, { year: year.year })} — {agencyName}</h1>
      <p className="text-slate-700">{assessment.title}</p>
      {assessment.isEditable ? <CarryOverButton assessmentId={assessment.id} /> : null}
      <ExplanationsProvider initiallyExplained={disputed.filter((score) => score.appraisal?.explanation).map((score) => score.criterionId)}>
        {appraisal ? <AppraisalSummary appraisal={appraisal} status={assessment.status} year={year.year} precision={assessment.precision} /> : null}
        {appraisal && assessment.status === "RETURNED" ? (
          <ExplanationsPanel
            assessmentId={assessment.id}
            disputed={disputed.map((score) => {
              const criterion = criterionById.get(score.criterionId);
              return { criterionId: score.criterionId, code: criterion?.code ?? "", title: criterion?.title ?? "" };
            })}
            deadline={appraisal.explanationDeadline ? formatVietnamDate(appraisal.explanationDeadline) : null}
            canSend={appraisal.canSendExplanations}
          />
        ) : null}
        {/* Remounts when the server's data moved on (carry-over, submission), not on the form's own autosaves. */}
        <SelfAssessmentFormView key={formDataKey(assessment)} form={assessment} isEditable={assessment.isEditable} />
      </ExplanationsProvider>
      {assessment.status === "DRAFT" || assessment.status === "SUBMITTED" ? (
        <SubmissionPanel
          assessmentId={assessment.id}
          status={assessment.status}
          canSubmit={can(actor, "assessment.submit", { kind: "assessment", agencyId: actor.agencyId ?? "", yearId: year.id })}
        />
      ) : null}
    </section>
  );
}

function formDataKey(form: SelfAssessmentForm): string {
  const versions = form.scores.reduce((sum, score) => sum + score.scoreVersion + score.evidence.length * 1_000, 0);
  return `${form.status}:${form.scores.length}:${versions}`;
}

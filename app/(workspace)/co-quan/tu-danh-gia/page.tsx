import type { Metadata } from "next";

import { CarryOverButton } from "@/components/forms/carry-over-button";
import { SelfAssessmentFormView } from "@/components/forms/self-assessment-form";
import { SubmissionPanel } from "@/components/forms/submission-panel";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getPrisma } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
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
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{interpolate(text.formTitle, { year: year.year })} — {agencyName}</h1>
      <p className="text-slate-700">{assessment.title}</p>
      {assessment.isEditable ? <CarryOverButton assessmentId={assessment.id} /> : null}
      {/* Remounts when the server's data moved on (carry-over, submission), not on the form's own autosaves. */}
      <SelfAssessmentFormView key={formDataKey(assessment)} form={assessment} isEditable={assessment.isEditable} />
      <SubmissionPanel
        assessmentId={assessment.id}
        status={assessment.status}
        canSubmit={can(actor, "assessment.submit", { kind: "assessment", agencyId: actor.agencyId ?? "", yearId: year.id })}
      />
    </section>
  );
}

function formDataKey(form: SelfAssessmentForm): string {
  const versions = form.scores.reduce((sum, score) => sum + score.scoreVersion + score.evidence.length * 1_000, 0);
  return `${form.status}:${form.scores.length}:${versions}`;
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { submitAssessmentAction, withdrawAssessmentAction } from "@/app/(workspace)/co-quan/tu-danh-gia/actions";
import type { SubmissionGap } from "@/lib/domain/submission-check";
import { getMessages } from "@/lib/i18n/messages";

const { submission: text } = getMessages("vi");

const isSubmissionGap = (gap: { reason: string }): gap is SubmissionGap => gap.reason === "NO_INPUT" || gap.reason === "NO_EVIDENCE_OR_EXPLANATION";

/** Submit (DRAFT) or withdraw (SUBMITTED) for the agency head; the server decides either way. */
export function SubmissionPanel({ assessmentId, status, canSubmit }: { assessmentId: string; status: string; canSubmit: boolean }) {
  const router = useRouter();
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [missing, setMissing] = useState<SubmissionGap[]>([]);

  if (!canSubmit) return <p className="text-sm text-slate-600">{text.headOnly}</p>;

  async function run(kind: "submit" | "withdraw") {
    setIsBusy(true);
    setMissing([]);
    const result = await (kind === "submit" ? submitAssessmentAction : withdrawAssessmentAction)(assessmentId);
    setIsBusy(false);
    if (result.ok) {
      setMessage({ text: kind === "submit" ? text.submitted : text.withdrawn, isError: false });
      router.refresh();
      return;
    }
    setMessage({ text: result.message, isError: true });
    setMissing((result.missing ?? []).filter(isSubmissionGap));
  }

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-live="polite">
      {status === "DRAFT" ? (
        <button type="button" disabled={isBusy} aria-busy={isBusy} onClick={() => void run("submit")} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {isBusy ? text.submitting : text.submit}
        </button>
      ) : status === "SUBMITTED" ? (
        <button type="button" disabled={isBusy} aria-busy={isBusy} onClick={() => void run("withdraw")} className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700 disabled:opacity-60">
          {text.withdraw}
        </button>
      ) : null}
      {message ? (
        <p role={message.isError ? "alert" : "status"} className={message.isError ? "text-red-800" : "text-green-800"}>
          {message.text}
        </p>
      ) : null}
      {missing.length > 0 ? (
        <div>
          <p id="missing-title" className="font-medium">{text.missingTitle}</p>
          <ul aria-labelledby="missing-title" className="list-disc pl-6">
            {missing.map((gap) => (
              <li key={`${gap.criterionCode}-${gap.reason}`}>
                <a href={`#criterion-${gap.criterionCode}`} className="text-brand-700 underline">
                  {gap.criterionCode} {gap.title}
                </a>{" "}
                — {gap.reason === "NO_INPUT" ? text.noInput : text.noEvidence}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { transitionAction, type AppraisalTransition } from "@/app/(workspace)/tham-dinh/[assessmentId]/actions";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const { appraisalForm: text, appraisal, errors } = getMessages("vi");

type Gap = { criterionCode: string; title: string; reason: string };

/** The status changes the actor may make now; the service checks again and lists what is missing. */
export function StatusActions({ assessmentId, allowed }: { assessmentId: string; allowed: Record<"open" | "returnForExplanation" | "closeExplanation" | "finalize" | "reopen", boolean> }) {
  const router = useRouter();
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean; missing: Gap[] } | null>(null);
  const buttons: { kind: AppraisalTransition; label: string; isAllowed: boolean }[] = [
    { kind: "open", label: text.open, isAllowed: allowed.open },
    { kind: "return", label: text.return, isAllowed: allowed.returnForExplanation },
    { kind: "close", label: text.close, isAllowed: allowed.closeExplanation },
    { kind: "finalize", label: text.finalize, isAllowed: allowed.finalize },
    { kind: "reopen", label: text.reopen, isAllowed: allowed.reopen },
  ].filter((button) => button.isAllowed) as { kind: AppraisalTransition; label: string; isAllowed: boolean }[];
  if (buttons.length === 0) return null;

  async function run(kind: AppraisalTransition, label: string) {
    if (!window.confirm(interpolate(text.confirm, { action: label }))) return;
    setIsBusy(true);
    const result = await transitionAction(kind, assessmentId).catch(() => null);
    setIsBusy(false);
    if (result === null) return setMessage({ text: errors.retry, isError: true, missing: [] });
    if (!result.ok) return setMessage({ text: result.message, isError: true, missing: result.missing ?? [] });
    setMessage({ text: interpolate(text.done, { action: label }), isError: false, missing: [] });
    router.refresh();
  }

  return (
    <section aria-labelledby="status-actions-title" className="space-y-2 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="status-actions-title" className="text-lg font-semibold">{text.statusTitle}</h2>
      <div className="flex flex-wrap gap-2">
        {buttons.map((button) => (
          <button key={button.kind} type="button" disabled={isBusy} aria-busy={isBusy} onClick={() => void run(button.kind, button.label)} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60">
            {button.label}
          </button>
        ))}
      </div>
      {message ? (
        <p role={message.isError ? "alert" : "status"} className={message.isError ? "text-red-800" : "text-green-800"}>
          {message.text}
        </p>
      ) : null}
      {message && message.missing.length > 0 ? (
        <div>
          <p id="status-missing-title" className="font-medium">{text.missingTitle}</p>
          <ul aria-labelledby="status-missing-title" className="list-disc pl-6">
            {message.missing.map((gap) => (
              <li key={`${gap.criterionCode}-${gap.reason}`}>
                <a href={`#criterion-${gap.criterionCode}`} className="text-brand-700 underline">{gap.criterionCode} {gap.title}</a> —{" "}
                {appraisal.gapReasons[gap.reason as keyof typeof appraisal.gapReasons] ?? gap.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

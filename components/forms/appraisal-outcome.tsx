"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useRef, useState, type ReactNode } from "react";

import { saveExplanationAction, sendExplanationsAction } from "@/app/(workspace)/co-quan/tu-danh-gia/actions";
import { formatPoints, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { CriterionAppraisal } from "@/lib/services/get-self-assessment-form";

const { appraisalOutcome: text, selfAssessment: formText, errors } = getMessages("vi");
const AUTOSAVE_DELAY_MS = 800;

// The criteria the agency has explained, shared by every criterion's explanation box and the
// panel that sends them, so the panel's count follows the typing without reloading the page.
const ExplainedContext = createContext<{ explained: ReadonlySet<string>; setExplained: (criterionId: string, isExplained: boolean) => void } | null>(null);

export function ExplanationsProvider({ initiallyExplained, children }: { initiallyExplained: string[]; children: ReactNode }) {
  const [explained, setExplainedSet] = useState<ReadonlySet<string>>(() => new Set(initiallyExplained));
  const setExplained = (criterionId: string, isExplained: boolean) =>
    setExplainedSet((current) => {
      if (current.has(criterionId) === isExplained) return current;
      const next = new Set(current);
      if (isExplained) next.add(criterionId);
      else next.delete(criterionId);
      return next;
    });
  return <ExplainedContext.Provider value={{ explained, setExplained }}>{children}</ExplainedContext.Provider>;
}

const points = (value: string | null) => (value === null ? text.notAppraised : formatPoints(value));

type SaveState =
  | { kind: "idle" | "saving" | "saved" }
  | { kind: "failed"; message: string }
  | { kind: "conflict"; name: string; theirExplanation: string; theirVersion: number };

/** One criterion's appraisal as the agency sees it, with its explanation box while it may explain. */
export function CriterionAppraisalView(props: {
  assessmentId: string;
  criterionId: string;
  selfPoints: string | null;
  scoreVersion: number;
  appraisal: CriterionAppraisal;
  isExplainable: boolean;
}) {
  const { appraisal } = props;
  const id = `appraisal-${props.criterionId}`;
  return (
    <div className="space-y-1 rounded border border-slate-300 bg-slate-50 p-3 text-sm" aria-labelledby={`${id}-title`} role="group">
      <p id={`${id}-title`} className="font-semibold">{text.title}</p>
      <p>
        {interpolate(text.selfPoints, { points: points(props.selfPoints) })} · {interpolate(text.round1Points, { points: points(appraisal.round1Points) })}
      </p>
      {appraisal.round1Points !== null && !appraisal.isDisputed ? <p className="text-slate-700">{text.agreed}</p> : null}
      {appraisal.isDisputed ? <p className="font-medium text-amber-900">{text.disputed}</p> : null}
      {appraisal.round1Reason ? <p>{interpolate(text.round1Reason, { reason: appraisal.round1Reason })}</p> : null}
      {appraisal.isDisputed && props.isExplainable ? (
        <ExplanationField {...props} />
      ) : appraisal.isDisputed ? (
        <p>{appraisal.explanation ? interpolate(text.explanationSent, { explanation: appraisal.explanation }) : text.noExplanation}</p>
      ) : null}
      {appraisal.round2Points !== null ? <p>{interpolate(text.round2Points, { points: formatPoints(appraisal.round2Points) })}</p> : null}
      {appraisal.round2Reason ? <p>{interpolate(text.round2Reason, { reason: appraisal.round2Reason })}</p> : null}
      {appraisal.finalPoints !== null ? <p className="font-semibold">{interpolate(text.finalPoints, { points: formatPoints(appraisal.finalPoints) })}</p> : null}
    </div>
  );
}

function ExplanationField({ assessmentId, criterionId, scoreVersion, appraisal }: { assessmentId: string; criterionId: string; scoreVersion: number; appraisal: CriterionAppraisal }) {
  const shared = useContext(ExplainedContext);
  const [value, setValue] = useState(appraisal.explanation ?? "");
  const [version, setVersion] = useState(scoreVersion);
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fieldId = `explanation-${criterionId}`;

  async function save(text: string, atVersion: number) {
    setState({ kind: "saving" });
    let result: Awaited<ReturnType<typeof saveExplanationAction>>;
    try {
      result = await saveExplanationAction({ assessmentId, criterionId, scoreVersion: atVersion, explanation: text });
    } catch {
      setState({ kind: "failed", message: errors.retry });
      return;
    }
    if (result.ok) {
      setVersion(result.value.scoreVersion);
      setState({ kind: "saved" });
      shared?.setExplained(criterionId, result.value.explanation !== null);
      return;
    }
    if (result.code === "STALE_VERSION") {
      const theirs = (result.current ?? {}) as { explanation?: string | null; scoreVersion?: number; updatedBy?: string | null };
      setState({ kind: "conflict", name: theirs.updatedBy ?? formText.someone, theirExplanation: theirs.explanation ?? "", theirVersion: theirs.scoreVersion ?? version });
      return;
    }
    setState({ kind: "failed", message: result.issues?.map((issue) => issue.message).join(" ") || result.message });
  }

  function change(next: string) {
    setValue(next);
    if (state.kind === "conflict") return; // waits for the choice below
    setState({ kind: "idle" });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(next, version), AUTOSAVE_DELAY_MS);
  }

  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block font-medium">{text.explanationLabel}</label>
      <textarea id={fieldId} value={value} onChange={(event) => change(event.target.value)} rows={3} maxLength={4_000} className="w-full rounded border border-slate-400 bg-white px-2 py-1" />
      {state.kind === "saving" || state.kind === "saved" ? (
        <p role="status" className={state.kind === "saved" ? "text-green-800" : "text-slate-700"}>{state.kind === "saved" ? formText.saved : formText.saving}</p>
      ) : null}
      {state.kind === "failed" ? <p role="alert" className="text-red-800">{interpolate(formText.failed, { message: state.message })}</p> : null}
      {state.kind === "conflict" ? (
        <div role="alert" className="space-y-2 rounded border border-amber-500 bg-amber-50 p-3">
          <p>{interpolate(formText.conflict, { name: state.name, value: state.theirExplanation || "—" })}</p>
          <div className="flex gap-2">
            <button type="button" onClick={() => void save(value, state.theirVersion)} className="rounded bg-brand-700 px-3 py-1 text-white">
              {formText.keepMine}
            </button>
            <button
              type="button"
              onClick={() => {
                setValue(state.theirExplanation);
                setVersion(state.theirVersion);
                setState({ kind: "saved" });
                shared?.setExplained(criterionId, state.theirExplanation !== "");
              }}
              className="rounded border border-brand-700 px-3 py-1 text-brand-700"
            >
              {formText.takeTheirs}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Above the form while the assessment is returned: what to explain, by when, how much is done,
 * and — for the head — sending the explanations back to the appraisers.
 */
export function ExplanationsPanel(props: {
  assessmentId: string;
  disputed: { criterionId: string; code: string; title: string }[];
  deadline: string | null;
  canSend: boolean;
}) {
  const router = useRouter();
  const shared = useContext(ExplainedContext);
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const explained = props.disputed.filter((criterion) => shared?.explained.has(criterion.criterionId)).length;

  async function send() {
    if (!window.confirm(text.confirmSend)) return;
    setIsBusy(true);
    const result = await sendExplanationsAction(props.assessmentId).catch(() => null);
    setIsBusy(false);
    if (result === null) return setMessage({ text: errors.retry, isError: true });
    if (!result.ok) return setMessage({ text: result.message, isError: true });
    setMessage({ text: interpolate(text.sent, { explained: result.value.explained, disputed: result.value.disputed }), isError: false });
    router.refresh();
  }

  return (
    <section aria-labelledby="explanations-title" className="space-y-2 rounded-lg border border-amber-500 bg-amber-50 p-4">
      <h2 id="explanations-title" className="text-lg font-semibold">{text.explanationsTitle}</h2>
      <p>{interpolate(text.returnedIntro, { count: props.disputed.length })}</p>
      {props.deadline ? <p>{interpolate(text.explainBy, { deadline: props.deadline })}</p> : null}
      <p aria-live="polite">{interpolate(text.explainedCount, { explained, disputed: props.disputed.length })}</p>
      {props.disputed.length > 0 ? (
        <>
          <p id="disputed-title" className="font-medium">{text.disputedList}</p>
          <ul aria-labelledby="disputed-title" className="list-disc pl-6">
            {props.disputed.map((criterion) => (
              <li key={criterion.criterionId}>
                <a href={`#criterion-${criterion.code}`} className="text-brand-700 underline">
                  {criterion.code} {criterion.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="text-sm">{text.unexplainedAccepted}</p>
      {props.canSend ? (
        <button type="button" disabled={isBusy} aria-busy={isBusy} onClick={() => void send()} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {isBusy ? text.sending : text.send}
        </button>
      ) : (
        <p className="text-sm text-slate-700">{text.headOnly}</p>
      )}
      {message ? (
        <p role={message.isError ? "alert" : "status"} className={message.isError ? "text-red-800" : "text-green-800"}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}

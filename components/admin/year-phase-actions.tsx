"use client";

import Link from "next/link";

import { changeYearPhaseAction } from "@/app/(workspace)/quan-tri/nam/actions";
import type { YearPhase } from "@/lib/domain/workflow";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

import { FieldError, FormStatus, issueOf, useYearForm } from "./year-form";

const { adminYears: text, labels } = getMessages("vi");

/** The next phase as the page found it: what still blocks it (checked again on submit). */
export type ForwardMove = { to: YearPhase; problems: { subject: string; message: string }[] };

/** Moving the year on, and the reopening the workflow allows from its phase, if any. */
export function YearPhaseActions({ yearId, year, from, forward, reopenTo }: { yearId: string; year: number; from: YearPhase; forward: ForwardMove | null; reopenTo: YearPhase | null }) {
  return (
    <div className="space-y-4">
      {forward === null ? (
        <p>{from === "PUBLISHED" ? text.phase.publishedNote : null}</p>
      ) : forward.to === "FINALIZED" ? (
        <p>
          <Link href="/tham-dinh/ket-qua" className="font-semibold text-brand-700 underline">{text.phase.finalizeLink}</Link>
        </p>
      ) : forward.to === "PUBLISHED" ? (
        <p>
          <Link href={`/quan-tri/cong-bo/${year}`} className="font-semibold text-brand-700 underline">{text.phase.publishLink}</Link>
        </p>
      ) : (
        <MoveForward yearId={yearId} year={year} from={from} forward={forward} />
      )}
      {reopenTo ? <Reopen yearId={yearId} from={from} to={reopenTo} /> : null}
    </div>
  );
}

function MoveForward({ yearId, year, from, forward }: { yearId: string; year: number; from: YearPhase; forward: ForwardMove }) {
  const phase = labels.yearPhase[forward.to];
  const { state, onSubmit, isPending } = useYearForm(changeYearPhaseAction, () => interpolate(text.phase.confirmMove, { year, phase }));
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="yearId" value={yearId} />
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value={forward.to} />
      {forward.problems.length > 0 ? (
        <div className="rounded-lg border border-amber-500 bg-amber-50 p-3">
          <p id="phase-problems-title" className="font-semibold">{interpolate(text.phase.notReady, { phase })}</p>
          <ul aria-labelledby="phase-problems-title" className="list-disc pl-6">
            {forward.problems.map((problem, index) => (
              <li key={`${index}-${problem.subject}`}>{problem.subject}: {problem.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p>{interpolate(text.phase.ready, { phase })}</p>
      )}
      {from === "SETUP" ? <p className="text-sm text-slate-700">{text.phase.frozenNote}</p> : null}
      <FormStatus state={state} isSubjectShown />
      <button type="submit" disabled={isPending} aria-busy={isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {isPending ? text.phase.moving : interpolate(text.phase.moveTo, { phase })}
      </button>
    </form>
  );
}

function Reopen({ yearId, from, to }: { yearId: string; from: YearPhase; to: YearPhase }) {
  const phase = labels.yearPhase[to];
  const { state, onSubmit, isPending } = useYearForm(changeYearPhaseAction);
  const reasonError = issueOf(state, "reason");
  return (
    <form onSubmit={onSubmit} className="max-w-xl space-y-2 rounded-lg border border-slate-200 bg-white p-3">
      <input type="hidden" name="yearId" value={yearId} />
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value={to} />
      <FormStatus state={state} isSubjectShown={state?.issues.some((issue) => issue.path !== "reason") ?? false} />
      <label htmlFor="reopen-reason" className="block font-medium">{interpolate(text.phase.reopenReason, { phase })}</label>
      <textarea
        id="reopen-reason"
        name="reason"
        required
        maxLength={2000}
        rows={2}
        aria-invalid={reasonError ? true : undefined}
        aria-describedby={reasonError ? "reopen-reason-error" : undefined}
        className="w-full rounded border border-slate-300 px-3 py-2"
      />
      <FieldError id="reopen-reason-error" message={reasonError} />
      <button type="submit" disabled={isPending} aria-busy={isPending} className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700 disabled:opacity-60">
        {isPending ? text.phase.reopening : interpolate(text.phase.reopen, { phase })}
      </button>
    </form>
  );
}

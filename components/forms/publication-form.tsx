"use client";

import { useActionState } from "react";

import { correctPublicationAction, publishYearAction, type PublicationFormState } from "@/app/(workspace)/quan-tri/cong-bo/actions";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const { adminPublication: text } = getMessages("vi");

type PublicationFormProps =
  | { mode: "publish"; yearId: string; year: number }
  /** A correction names the publication it supersedes: the service refuses if another came first. */
  | { mode: "correct"; yearId: string; year: number; supersedes: { id: string; number: string } };

/** The announcement's number, date and note; publishing a year, or a correction of its announcement. */
export function PublicationForm(props: PublicationFormProps) {
  const isCorrection = props.mode === "correct";
  const [state, action, isPending] = useActionState<PublicationFormState, FormData>(isCorrection ? correctPublicationAction : publishYearAction, null);
  const errors = state?.fieldErrors ?? {};
  const id = (name: string) => `${props.mode}-${name}`;
  const describedBy = (name: string, hint: boolean) => [hint ? id(`${name}-hint`) : null, errors[name] ? id(`${name}-error`) : null].filter(Boolean).join(" ") || undefined;
  const supersededNumber = isCorrection ? props.supersedes.number : "";

  return (
    <form action={action} className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <input type="hidden" name="yearId" value={props.yearId} />
      {isCorrection ? <input type="hidden" name="supersedesId" value={props.supersedes.id} /> : null}
      {state ? (
        <div role="alert" className="text-red-800">
          <p>{state.message}</p>
        </div>
      ) : null}

      <div className="space-y-1">
        <label htmlFor={id("number")} className="block font-medium">{text.form.number}</label>
        <input
          id={id("number")}
          name="number"
          required
          maxLength={60}
          defaultValue={state?.values.number}
          placeholder="35/TB-UBND"
          aria-invalid={errors.number ? true : undefined}
          aria-describedby={describedBy("number", true)}
          className="w-full rounded border border-slate-300 px-3 py-2"
        />
        <p id={id("number-hint")} className="text-sm text-slate-600">{text.form.numberHint}</p>
        {errors.number ? <p id={id("number-error")} className="text-sm text-red-700">{errors.number}</p> : null}
      </div>

      <div className="space-y-1">
        <label htmlFor={id("issuedOn")} className="block font-medium">{text.form.issuedOn}</label>
        <input
          id={id("issuedOn")}
          name="issuedOn"
          required
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          defaultValue={state?.values.issuedOn}
          aria-invalid={errors.issuedOn ? true : undefined}
          aria-describedby={describedBy("issuedOn", true)}
          className="w-48 rounded border border-slate-300 px-3 py-2"
        />
        <p id={id("issuedOn-hint")} className="text-sm text-slate-600">{interpolate(text.form.issuedOnHint, { nextYear: props.year + 1 })}</p>
        {errors.issuedOn ? <p id={id("issuedOn-error")} className="text-sm text-red-700">{errors.issuedOn}</p> : null}
      </div>

      <div className="space-y-1">
        <label htmlFor={id("note")} className="block font-medium">{isCorrection ? text.form.correctionNote : text.form.note}</label>
        <textarea
          id={id("note")}
          name="note"
          rows={3}
          required={isCorrection}
          maxLength={2000}
          defaultValue={state?.values.note}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={describedBy("note", isCorrection)}
          className="w-full rounded border border-slate-300 px-3 py-2"
        />
        {isCorrection ? <p id={id("note-hint")} className="text-sm text-slate-600">{interpolate(text.form.correctionNoteHint, { number: supersededNumber })}</p> : null}
        {errors.note ? <p id={id("note-error")} className="text-sm text-red-700">{errors.note}</p> : null}
      </div>

      <div className="flex items-start gap-2">
        <input id={id("confirm")} name="confirm" type="checkbox" required className="mt-1 h-4 w-4" />
        <label htmlFor={id("confirm")}>
          {isCorrection ? interpolate(text.form.confirmCorrect, { number: supersededNumber }) : text.form.confirmPublish}
        </label>
      </div>

      <button type="submit" disabled={isPending} aria-busy={isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {isCorrection ? (isPending ? text.form.correcting : text.form.correct) : isPending ? text.form.publishing : interpolate(text.form.publish, { year: props.year })}
      </button>
    </form>
  );
}

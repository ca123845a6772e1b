"use client";

import { savePhaseDeadlinesAction } from "@/app/(workspace)/quan-tri/nam/actions";
import type { DeadlinePhase } from "@/lib/domain/phase-deadlines";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

import { FieldError, FormStatus, issueOf, useYearForm } from "./year-form";

const { adminYears: text, labels } = getMessages("vi");

/**
 * One phase's days as typed, dd/mm/yyyy ("15/01/2027", or "" for none), in Vietnam time. Text
 * rather than `<input type="date">`, which shows the browser's own format (mm/dd/yyyy on an
 * English browser): a deadline of 02/03 must not be read as 3 February.
 */
export type PhaseDays = { phase: DeadlinePhase; startsOn: string; endsOn: string };

/** Every phase's start (optional) and deadline, saved together. */
export function PhaseDeadlinesForm({ yearId, days }: { yearId: string; days: PhaseDays[] }) {
  const { state, onSubmit, isPending } = useYearForm(savePhaseDeadlinesAction);
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="yearId" value={yearId} />
      <p id="deadlines-format" className="text-sm text-slate-700">{text.deadlines.intro}</p>
      <FormStatus state={state} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">{text.deadlines.phase}</th>
              <th scope="col" className="px-3 py-2">{text.deadlines.startsOn}</th>
              <th scope="col" className="px-3 py-2">{text.deadlines.endsOn}</th>
            </tr>
          </thead>
          <tbody>
            {days.map(({ phase, startsOn, endsOn }) => {
              const phaseLabel = labels.yearPhase[phase];
              const fields = [
                { key: "startsOn", label: interpolate(text.deadlines.startsOnOf, { phase: phaseLabel }), value: startsOn },
                { key: "endsOn", label: interpolate(text.deadlines.endsOnOf, { phase: phaseLabel }), value: endsOn },
              ] as const;
              return (
                <tr key={phase} className="border-t border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-medium">{phaseLabel}</th>
                  {fields.map((field) => {
                    const name = `deadlines.${phase}.${field.key}`;
                    const id = `deadline-${phase}-${field.key}`;
                    const error = issueOf(state, name);
                    return (
                      <td key={field.key} className="space-y-1 px-3 py-2">
                        <label htmlFor={id} className="sr-only">{field.label}</label>
                        <input
                          id={id}
                          name={name}
                          inputMode="numeric"
                          placeholder="dd/mm/yyyy"
                          maxLength={10}
                          defaultValue={field.value}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error deadlines-format` : "deadlines-format"}
                          className="w-32 rounded border border-slate-300 px-2 py-1"
                        />
                        <FieldError id={`${id}-error`} message={error} />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="submit" disabled={isPending} aria-busy={isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {isPending ? text.deadlines.saving : text.deadlines.save}
      </button>
    </form>
  );
}

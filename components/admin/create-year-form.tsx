"use client";

import { createYearAction } from "@/app/(workspace)/quan-tri/nam/actions";
import { getMessages } from "@/lib/i18n/messages";

import { FieldError, FormStatus, issueOf, useYearForm } from "./year-form";
import { YearSettingsFields, type YearSettingsValues } from "./year-settings-fields";

const { adminYears: text } = getMessages("vi");

/** Creates a year in SETUP; on success the action opens the new year's page. */
export function CreateYearForm({ suggestedYear, values }: { suggestedYear: number; values: YearSettingsValues }) {
  const { state, onSubmit, isPending } = useYearForm(createYearAction);
  const yearError = issueOf(state, "year");
  const copyError = issueOf(state, "isCopyingPreviousYear");
  return (
    <form onSubmit={onSubmit} aria-labelledby="create-year-title" className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="create-year-title" className="text-xl font-semibold">{text.create.title}</h2>
      <p className="text-sm text-slate-700">{text.create.intro}</p>
      <FormStatus state={state} />
      <div className="space-y-1">
        <label htmlFor="create-year" className="block font-medium">{text.settings.year}</label>
        <input
          id="create-year"
          name="year"
          inputMode="numeric"
          required
          defaultValue={suggestedYear}
          aria-invalid={yearError ? true : undefined}
          aria-describedby={yearError ? "create-year-error" : undefined}
          className="w-full rounded border border-slate-300 px-3 py-2"
        />
        <FieldError id="create-year-error" message={yearError} />
      </div>
      <YearSettingsFields idPrefix="create" values={values} state={state} />
      <div className="space-y-1">
        <div className="flex items-center gap-2">
          <input
            id="create-copy"
            name="isCopyingPreviousYear"
            type="checkbox"
            defaultChecked
            aria-invalid={copyError ? true : undefined}
            aria-describedby={copyError ? "create-copy-error" : undefined}
            className="h-4 w-4"
          />
          <label htmlFor="create-copy">{text.create.copyPrevious}</label>
        </div>
        <FieldError id="create-copy-error" message={copyError} />
      </div>
      <button type="submit" disabled={isPending} aria-busy={isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {isPending ? text.create.submitting : text.create.submit}
      </button>
    </form>
  );
}

"use client";

import { updateYearSettingsAction } from "@/app/(workspace)/quan-tri/nam/actions";
import { getMessages } from "@/lib/i18n/messages";

import { FormStatus, useYearForm } from "./year-form";
import { YearSettingsFields, type YearSettingsValues } from "./year-settings-fields";

const { adminYears: text } = getMessages("vi");

/** The settings of a year in SETUP (the page shows them read-only afterwards). */
export function YearSettingsForm({ yearId, values }: { yearId: string; values: YearSettingsValues }) {
  const { state, onSubmit, isPending } = useYearForm(updateYearSettingsAction);
  return (
    <form onSubmit={onSubmit} className="max-w-xl space-y-3">
      <input type="hidden" name="yearId" value={yearId} />
      <FormStatus state={state} />
      <YearSettingsFields idPrefix="settings" values={values} state={state} />
      <button type="submit" disabled={isPending} aria-busy={isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {isPending ? text.settings.saving : text.settings.save}
      </button>
    </form>
  );
}

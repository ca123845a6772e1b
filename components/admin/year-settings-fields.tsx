"use client";

import type { YearFormState } from "@/app/(workspace)/quan-tri/nam/actions";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

import { FieldError, issueOf } from "./year-form";

const { adminYears: text } = getMessages("vi");

export type YearSettingsValues = { precision: number; isSurveyIncluded: boolean; maxBonusPoints: string; maxPenaltyPoints: string };

const inputClass = "w-full rounded border border-slate-300 px-3 py-2";

/** Precision, survey and caps: the fields shared by creating a year and editing its settings. */
export function YearSettingsFields({ idPrefix, values, state }: { idPrefix: string; values: YearSettingsValues; state: YearFormState }) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const error = (name: string) => issueOf(state, name);
  const described = (name: string, hint?: string) => [error(name) ? id(`${name}-error`) : null, hint ?? null].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <div className="space-y-1">
        <label htmlFor={id("precision")} className="block font-medium">{text.settings.precision}</label>
        <select id={id("precision")} name="precision" defaultValue={String(values.precision)} aria-invalid={error("precision") ? true : undefined} aria-describedby={described("precision")} className={inputClass}>
          <option value="2">{interpolate(text.settings.precisionOption, { n: 2, example: "91,79%" })}</option>
          <option value="3">{interpolate(text.settings.precisionOption, { n: 3, example: "91,792%" })}</option>
        </select>
        <FieldError id={id("precision-error")} message={error("precision")} />
      </div>
      <div className="flex items-center gap-2">
        <input id={id("isSurveyIncluded")} name="isSurveyIncluded" type="checkbox" defaultChecked={values.isSurveyIncluded} className="h-4 w-4" />
        <label htmlFor={id("isSurveyIncluded")}>{text.settings.isSurveyIncluded}</label>
      </div>
      {(["maxBonusPoints", "maxPenaltyPoints"] as const).map((name) => (
        <div key={name} className="space-y-1">
          <label htmlFor={id(name)} className="block font-medium">{text.settings[name]}</label>
          <input
            id={id(name)}
            name={name}
            inputMode="decimal"
            required
            defaultValue={values[name]}
            aria-invalid={error(name) ? true : undefined}
            aria-describedby={described(name, id("points-hint"))}
            className={inputClass}
          />
          <FieldError id={id(`${name}-error`)} message={error(name)} />
        </div>
      ))}
      <p id={id("points-hint")} className="text-sm text-slate-600">{text.settings.pointsHint}</p>
    </>
  );
}

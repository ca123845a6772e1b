"use client";

import type { TCriterionMethod } from "@/lib/domain/criterion-params";
import { formatPoints, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

// The input of one criterion in its scoring method, shared by the agency's self-assessment and
// the appraisers' form: the same shapes, labels and parsing on both sides of a dispute.

const { selfAssessment: text } = getMessages("vi");

/** What was typed, as text, so half-typed numbers are kept exactly as typed. */
export type MethodFields = Record<string, string>;

export function fieldsFromInput(method: TCriterionMethod | null, input: unknown): MethodFields {
  const value = (input ?? {}) as Record<string, unknown>;
  const fields: MethodFields = {};
  if (method?.method === "BOOLEAN" && typeof value.isAchieved === "boolean") fields.choice = value.isAchieved ? "yes" : "no";
  if (method?.method === "CATEGORICAL" && typeof value.optionIndex === "number") fields.choice = String(value.optionIndex);
  for (const key of ["numerator", "denominator", "count", "points"]) if (typeof value[key] === "number") fields[key] = String(value[key]);
  return fields;
}

/** The method input the fields stand for: null when nothing is entered (the scoring engine judges the rest). */
export function inputFromFields(method: TCriterionMethod | null, fields: MethodFields): unknown {
  const number = (key: string) => (fields[key] ?? "").trim().replace(",", ".");
  switch (method?.method) {
    case "BOOLEAN":
      return fields.choice ? { isAchieved: fields.choice === "yes" } : null;
    case "CATEGORICAL":
      return fields.choice ? { optionIndex: Number(fields.choice) } : null;
    case "TIERED_RATE":
    case "PROPORTIONAL_RATE":
      if (!number("numerator") && !number("denominator")) return null;
      return { numerator: Number(number("numerator")), denominator: Number(number("denominator")) };
    case "TIERED_COUNT":
    case "DEDUCTION":
      return number("count") ? { count: Number(number("count")) } : null;
    case "MANUAL":
      return number("points") ? { points: Number(number("points")) } : null;
    default:
      return null;
  }
}

/** An input as words: "Đạt", "9/10", the chosen option's label… */
export function describeInput(method: TCriterionMethod | null, input: unknown): string {
  const value = (input ?? {}) as Record<string, unknown>;
  if (input === null || input === undefined) return text.noPoints;
  switch (method?.method) {
    case "BOOLEAN":
      return value.isAchieved ? text.achieved : text.notAchieved;
    case "CATEGORICAL":
      return method.params.options[Number(value.optionIndex)]?.label ?? "—";
    case "TIERED_RATE":
    case "PROPORTIONAL_RATE":
      return `${String(value.numerator)}/${String(value.denominator)}`;
    default:
      return String(value.count ?? value.points ?? "—");
  }
}

/** The controls of one method. `idPrefix` keeps radio groups of several forms on one page apart. */
export function MethodInput({
  method,
  fields,
  onChange,
  isDisabled,
  idPrefix,
  legend,
}: {
  method: TCriterionMethod;
  fields: MethodFields;
  onChange: (key: string, value: string) => void;
  isDisabled: boolean;
  idPrefix: string;
  /** What the yes/no choice is about (read by screen readers). */
  legend: string;
}) {
  const numberInput = (key: string, label: string) => (
    <label className="flex flex-col text-sm">
      {label}
      <input inputMode="decimal" value={fields[key] ?? ""} onChange={(event) => onChange(key, event.target.value)} disabled={isDisabled} className="w-32 rounded border border-slate-300 px-2 py-1" />
    </label>
  );
  switch (method.method) {
    case "BOOLEAN":
      return (
        <fieldset className="flex gap-4" disabled={isDisabled}>
          <legend className="sr-only">{legend}</legend>
          {(["yes", "no"] as const).map((choice) => (
            <label key={choice} className="flex items-center gap-1">
              <input type="radio" name={`${idPrefix}-choice`} checked={fields.choice === choice} onChange={() => onChange("choice", choice)} />
              {choice === "yes" ? text.achieved : text.notAchieved}
            </label>
          ))}
        </fieldset>
      );
    case "CATEGORICAL":
      return (
        <label className="flex flex-col text-sm">
          {text.chooseOption}
          <select value={fields.choice ?? ""} onChange={(event) => onChange("choice", event.target.value)} disabled={isDisabled} className="rounded border border-slate-300 px-2 py-1">
            <option value="">—</option>
            {method.params.options.map((option, index) => (
              <option key={option.label} value={String(index)}>
                {option.label} ({formatPoints(String(option.points))})
              </option>
            ))}
          </select>
        </label>
      );
    case "TIERED_RATE":
    case "PROPORTIONAL_RATE":
      return (
        <>
          {numberInput("numerator", `${text.numerator}: ${method.params.numeratorLabel}`)}
          {numberInput("denominator", `${text.denominator}: ${method.params.denominatorLabel}`)}
        </>
      );
    case "TIERED_COUNT":
    case "DEDUCTION":
      return numberInput("count", `${text.count}: ${method.params.countLabel}`);
    case "MANUAL":
      return numberInput("points", interpolate(text.manualPoints, { step: formatPoints(String(method.params.step)) }));
    default:
      return null;
  }
}

import type { TCriterionMethod, TNoDataRule, TScoringMethod } from "./criterion-params";

// The criteria set editor's form for a method's parameters, kept as typed text (a decimal comma,
// a half-typed "0," stay as they are) and turned into the candidate `{ method, params }` that
// lib/domain/criterion-params.ts validates. Rates are typed in percent (90 = 90%) and stored as
// fractions (0.9). One record holds the fields of every method, so switching the method back and
// forth keeps what was typed.

export const SCORING_METHODS = ["MANUAL", "BOOLEAN", "CATEGORICAL", "TIERED_RATE", "PROPORTIONAL_RATE", "TIERED_COUNT", "DEDUCTION", "SURVEY"] as const satisfies readonly TScoringMethod[];

export type ParamsFields = {
  step: string;
  options: { label: string; points: string }[];
  numeratorLabel: string;
  denominatorLabel: string;
  whenNoData: TNoDataRule;
  rateTiers: { minPercent: string; points: string }[];
  countLabel: string;
  countTiers: { minCount: string; points: string }[];
  pointsPerOccurrence: string;
  survey: string;
};

export function emptyParamsFields(): ParamsFields {
  return {
    step: "0,25",
    options: [
      { label: "", points: "" },
      { label: "", points: "0" },
    ],
    numeratorLabel: "",
    denominatorLabel: "",
    whenNoData: "FULL_POINTS",
    rateTiers: [
      { minPercent: "100", points: "" },
      { minPercent: "0", points: "0" },
    ],
    countLabel: "",
    countTiers: [
      { minCount: "1", points: "" },
      { minCount: "0", points: "0" },
    ],
    pointsPerOccurrence: "",
    survey: "",
  };
}

/** The form of a stored method (anything not of that method's shape is left at its default). */
export function fieldsFromMethod(method: TCriterionMethod | null): ParamsFields {
  const fields = emptyParamsFields();
  if (!method) return fields;
  switch (method.method) {
    case "MANUAL":
      return { ...fields, step: decimalText(method.params.step) };
    case "CATEGORICAL":
      return { ...fields, options: method.params.options.map((option) => ({ label: option.label, points: decimalText(option.points) })) };
    case "TIERED_RATE":
      return {
        ...fields,
        numeratorLabel: method.params.numeratorLabel,
        denominatorLabel: method.params.denominatorLabel,
        whenNoData: method.params.whenNoData,
        rateTiers: method.params.tiers.map((tier) => ({ minPercent: decimalText(Math.round(tier.minRate * 1_000_000) / 10_000), points: decimalText(tier.points) })),
      };
    case "PROPORTIONAL_RATE":
      return { ...fields, numeratorLabel: method.params.numeratorLabel, denominatorLabel: method.params.denominatorLabel, whenNoData: method.params.whenNoData };
    case "TIERED_COUNT":
      return {
        ...fields,
        countLabel: method.params.countLabel,
        countTiers: method.params.tiers.map((tier) => ({ minCount: String(tier.minCount), points: decimalText(tier.points) })),
      };
    case "DEDUCTION":
      return { ...fields, countLabel: method.params.countLabel, pointsPerOccurrence: decimalText(method.params.pointsPerOccurrence) };
    case "SURVEY":
      return { ...fields, survey: method.params.survey };
    case "BOOLEAN":
      return fields;
  }
}

/**
 * The candidate `{ method, params }` of a method's fields. Numbers that do not parse stay text, so
 * the zod schema rejects them with a message instead of this function guessing.
 */
export function methodFromFields(method: TScoringMethod, fields: ParamsFields): { method: TScoringMethod; params: Record<string, unknown> } {
  switch (method) {
    case "MANUAL":
      return { method, params: { step: parseDecimal(fields.step) } };
    case "BOOLEAN":
      return { method, params: {} };
    case "CATEGORICAL":
      return { method, params: { options: fields.options.map((option) => ({ label: option.label, points: parseDecimal(option.points) })) } };
    case "TIERED_RATE":
      return {
        method,
        params: {
          numeratorLabel: fields.numeratorLabel,
          denominatorLabel: fields.denominatorLabel,
          whenNoData: fields.whenNoData,
          tiers: fields.rateTiers.map((tier) => ({ minRate: percentToRate(tier.minPercent), points: parseDecimal(tier.points) })),
        },
      };
    case "PROPORTIONAL_RATE":
      return { method, params: { numeratorLabel: fields.numeratorLabel, denominatorLabel: fields.denominatorLabel, whenNoData: fields.whenNoData } };
    case "TIERED_COUNT":
      return { method, params: { countLabel: fields.countLabel, tiers: fields.countTiers.map((tier) => ({ minCount: parseDecimal(tier.minCount), points: parseDecimal(tier.points) })) } };
    case "DEDUCTION":
      return { method, params: { countLabel: fields.countLabel, pointsPerOccurrence: parseDecimal(fields.pointsPerOccurrence) } };
    case "SURVEY":
      return { method, params: { survey: fields.survey } };
  }
}

const DECIMAL_TEXT = /^-?\d+(?:[.,]\d+)?$/;

/** "0,25" or "0.25" → 0.25; anything else is returned as typed (trimmed). */
export function parseDecimal(text: string): number | string {
  const trimmed = text.trim();
  return DECIMAL_TEXT.test(trimmed) ? Number(trimmed.replace(",", ".")) : trimmed;
}

/** 0.25 → "0,25" (the Vietnamese decimal comma). */
export function decimalText(value: number): string {
  return String(value).replace(".", ",");
}

/** "99,5" (percent) → 0.995; a percent with more than 2 decimals or not a number stays text. */
function percentToRate(text: string): number | string {
  const percent = parseDecimal(text);
  if (typeof percent !== "number") return percent;
  const hundredths = Math.round(percent * 100);
  if (Math.abs(hundredths - percent * 100) > 1e-6) return text.trim();
  return hundredths / 10_000;
}

import { toThousandths } from "./points";

const DECIMAL_INPUT = /^-?\d{1,9}(?:[.,]\d{1,3})?$/;

/**
 * A number typed by a person, in thousandths: "72,5" (Vietnamese decimal comma), "72.5" or "90".
 * Null for anything else — empty text, a thousands separator, more than 3 decimals — so the caller
 * reports it instead of storing a guess.
 */
export function parseDecimalInput(text: string): number | null {
  const trimmed = text.trim();
  if (!DECIMAL_INPUT.test(trimmed)) return null;
  return toThousandths(trimmed.replace(",", "."));
}

/**
 * "91,79", "91.79", "-0,5", " 12 " → "91.79", "91.79", "-0.5", "12"; anything else (thousands
 * separators, two separators, letters, "") → null. Importers turn the result into thousandths
 * (lib/domain/points.ts) and report a row error for null.
 */
export function parseDecimalText(text: string): string | null {
  const match = /^([+-])?(\d+)(?:[.,](\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, integerPart, fractionPart] = match;
  return `${sign === "-" ? "-" : ""}${integerPart}${fractionPart === undefined ? "" : `.${fractionPart}`}`;
}

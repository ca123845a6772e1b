import { z } from "zod";

import { formatDate, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

// The announcement (thông báo) that publishes a year's results: its number and issue date, as the
// administrator types them from the signed paper document.

const errors = vi.adminPublication.errors;

export const ANNOUNCEMENT_NUMBER_MAX_LENGTH = 50;

/**
 * "Số, ký hiệu" as Decree 30/2020/NĐ-CP (Appendix I) writes it: the number, for legal documents
 * the year, then the abbreviations of the document type and of the issuer joined by hyphens, all
 * in capitals: "35/TB-UBND", "01/QĐ-UBND", "12/2025/QĐ-UBND", "120/TB-SNV", "5/KH-BCĐ-UBND".
 * Only Đ among the accented letters: abbreviations are made of initials without tone marks.
 */
const ANNOUNCEMENT_NUMBER_PATTERN = /^\d{1,6}(?:\/\d{4})?\/[A-ZĐ]{1,10}(?:-[A-ZĐ0-9]{1,20}){1,3}$/u;

/**
 * The number as typed, normalized: Unicode NFC (text pasted from a document may carry decomposed
 * letters), spaces removed (document numbers contain none; "35 / TB-UBND" is a typing slip) and
 * capitals (the decree writes them so; "tb-ubnd" is the same document).
 */
export const ZAnnouncementNumber = z
  .string()
  .transform((text) => text.normalize("NFC").replace(/\s+/gu, "").toUpperCase())
  .pipe(
    z
      .string()
      // One message per field: an empty or overlong number is not also "badly formed".
      .min(1, { error: errors.numberRequired, abort: true })
      .max(ANNOUNCEMENT_NUMBER_MAX_LENGTH, { error: errors.numberTooLong, abort: true })
      .regex(ANNOUNCEMENT_NUMBER_PATTERN, errors.numberFormat),
  );

const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "28/02/2023" → that calendar day at UTC midnight (how date-only columns are stored); null if no such day. */
export function parseDayMonthYear(text: string): Date | null {
  const match = DAY_MONTH_YEAR.exec(text.trim());
  if (!match) return null;
  const [, day, month, year] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31/02 over to 03/03: a day that does not exist is refused, not moved.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** A date typed as dd/mm/yyyy, parsed to the calendar day at UTC midnight. */
export const ZDayMonthYear = z.string().transform((text, context) => {
  const date = parseDayMonthYear(text);
  if (date === null) {
    context.addIssue({ code: "custom", message: errors.dateFormat });
    return z.NEVER;
  }
  return date;
});

/**
 * Today's calendar day in Vietnam (UTC+7, no daylight saving since 1975) at UTC midnight, to
 * compare with date-only values whatever the server's time zone: at 06:00 on 01/03 in Hà Nội the
 * server's UTC clock still reads 28/02, and an announcement signed that morning is not "future".
 */
export function vietnamToday(now: Date): Date {
  const inVietnam = new Date(now.getTime() + 7 * 60 * 60 * 1000);
  return new Date(Date.UTC(inVietnam.getUTCFullYear(), inVietnam.getUTCMonth(), inVietnam.getUTCDate()));
}

/**
 * Why an issue date is refused, as the form shows it; null when it is acceptable.
 * - Not after today: the administrator publishes an announcement already signed, never ahead of it
 *   (a future date would also show the public a document that does not exist yet).
 * - Not before the day the year's results were computed and stored (finalized): an announcement
 *   publishes results that exist. (Not "after 31/12": some provinces close the assessed period in
 *   November and announce in December of the same year.)
 * - A correction not before the announcement it corrects: it answers that document.
 */
export function checkIssuedOn(issuedOn: Date, rules: { resultsComputedAt: Date | null; now: Date; notBefore?: Date | null }): string | null {
  const today = vietnamToday(rules.now);
  if (issuedOn.getTime() > today.getTime()) return interpolate(errors.dateInFuture, { today: formatDate(today) });
  const finalizedOn = rules.resultsComputedAt ? vietnamToday(rules.resultsComputedAt) : null;
  if (finalizedOn && issuedOn.getTime() < finalizedOn.getTime()) return interpolate(errors.dateBeforeFinalized, { date: formatDate(finalizedOn) });
  if (rules.notBefore && issuedOn.getTime() < rules.notBefore.getTime()) {
    return interpolate(errors.dateBeforeSuperseded, { date: formatDate(rules.notBefore) });
  }
  return null;
}

const ROMAN_NUMERALS: readonly [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

/** Appendices are numbered in Roman numerals (Phụ lục I, II, …). 1 ≤ n ≤ 3999. */
export function toRomanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`No Roman numeral for ${n}`);
  let rest = n;
  let text = "";
  for (const [value, numeral] of ROMAN_NUMERALS) {
    while (rest >= value) {
      text += numeral;
      rest -= value;
    }
  }
  return text;
}

import { dateValueOf } from "@/lib/domain/calendar-date";
import { formatThousandths } from "@/lib/domain/points";
import { formatDate, formatPercent } from "@/lib/i18n/format";

// Display helpers of the agency profile: the figures come computed from lib/domain; these only write them.

/** Thousandths of a percent at the year's precision: 71600 → "71,60%". */
export function percentText(thousandths: number, precision: 2 | 3): string {
  return formatPercent(formatThousandths(thousandths), precision);
}

/** A calendar date "2025-03-01" as "01/03/2025". */
export function calendarDateText(date: string): string {
  return formatDate(dateValueOf(date));
}

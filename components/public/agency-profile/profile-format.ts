import { dateValueOf } from "@/lib/domain/calendar-date";
import { formatThousandths } from "@/lib/domain/points";
import { formatDate, formatDecimal, formatPercent, formatPoints } from "@/lib/i18n/format";

// Display helpers of the agency profile: the figures come computed from lib/domain; these only write them.

/** Thousandths of a point as printed points: 7160 → "7,16". */
export function pointsText(thousandths: number): string {
  return formatPoints(formatThousandths(thousandths));
}

/** Thousandths of a percent at the year's precision: 71600 → "71,60%". */
export function percentText(thousandths: number, precision: 2 | 3): string {
  return formatPercent(formatThousandths(thousandths), precision);
}

/** A difference of percentages with its sign: 2540 → "+2,54", -9330 → "−9,33", 0 → "0,00". */
export function signedText(thousandths: number, precision: 2 | 3): string {
  const magnitude = formatDecimal(formatThousandths(Math.abs(thousandths)), precision);
  return thousandths > 0 ? `+${magnitude}` : thousandths < 0 ? `−${magnitude}` : magnitude;
}

/** A calendar date "2025-03-01" as "01/03/2025". */
export function calendarDateText(date: string): string {
  return formatDate(dateValueOf(date));
}

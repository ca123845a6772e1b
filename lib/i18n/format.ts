// Vietnamese number and date formats: "91,79%", "28/02/2023".

import { formatThousandths } from "@/lib/domain/points";

/** Formats a decimal string such as "91.790" at a fixed number of decimals: "91,79". */
export function formatDecimal(value: string, decimals: number, locale: "vi" | "en" = "vi"): string {
  const [integerPart = "0", fractionPart = ""] = value.replace(/^-/, "").split(".");
  const sign = value.startsWith("-") ? "-" : "";
  const fraction = fractionPart.padEnd(decimals, "0").slice(0, decimals);
  const groupSeparator = locale === "vi" ? "." : ",";
  const decimalSeparator = locale === "vi" ? "," : ".";
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator);
  return sign + grouped + (decimals > 0 ? decimalSeparator + fraction : "");
}

/** Trims trailing zeros for points: "60.500" → "60,5"; "61.000" → "61". */
export function formatPoints(value: string, locale: "vi" | "en" = "vi"): string {
  const [integerPart = "0", fractionPart = ""] = value.split(".");
  const fraction = fractionPart.replace(/0+$/, "");
  return formatDecimal(fraction ? `${integerPart}.${fraction}` : integerPart, fraction.length, locale);
}

/** Points kept in thousandths (lib/domain/points) as printed: 7160 → "7,16"; 61000 → "61". */
export function formatPointsFromThousandths(thousandths: number, locale: "vi" | "en" = "vi"): string {
  return formatPoints(formatThousandths(thousandths), locale);
}

/** A difference in thousandths with its sign at a fixed number of decimals: 2540 → "+2,54", -9330 → "−9,33", 0 → "0,00". */
export function formatSignedThousandths(thousandths: number, decimals: number, locale: "vi" | "en" = "vi"): string {
  const magnitude = formatDecimal(formatThousandths(Math.abs(thousandths)), decimals, locale);
  return thousandths > 0 ? `+${magnitude}` : thousandths < 0 ? `−${magnitude}` : magnitude;
}

export function formatPercent(value: string, decimals: number, locale: "vi" | "en" = "vi"): string {
  return `${formatDecimal(value, decimals, locale)}%`;
}

/** dd/mm/yyyy from a date-only value (stored at UTC midnight). */
export function formatDate(date: Date): string {
  const day = String(date.getUTCDate()).padStart(2, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${day}/${month}/${date.getUTCFullYear()}`;
}

/** Fills {name} placeholders of a message. */
export function interpolate(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

/** dd/mm/yyyy of a moment as seen in Vietnam (deadlines, submissions), whatever the server's zone. */
export function formatVietnamDate(moment: Date): string {
  return moment.toLocaleDateString("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" });
}

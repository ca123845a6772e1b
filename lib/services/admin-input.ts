import "server-only";

import { z } from "zod";

import { dateValueOf, isCalendarDate } from "@/lib/domain/calendar-date";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

// Zod pieces shared by the organisation and user services' input schemas (issue 7). Forms send
// strings: an empty field means "none".

const text = vi.adminOrg.validation;

/** A required one-line name, trimmed. */
export function zName(max: number) {
  return z.string(text.nameRequired).trim().min(1, text.nameRequired).max(max, interpolate(text.tooLong, { max }));
}

/** An optional one-line text: empty becomes null. */
export function zOptionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, interpolate(text.tooLong, { max }))
    .nullish()
    .transform((value) => (value ? value : null));
}

/** The id of a row chosen in a list, or null when none is chosen. */
export const ZOptionalId = z
  .string()
  .trim()
  .max(100)
  .nullish()
  .transform((value) => (value ? value : null));

/** A calendar date "YYYY-MM-DD" (an `<input type="date">`), or null when empty. */
export const ZOptionalCalendarDate = z
  .string()
  .trim()
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || isCalendarDate(value), text.dateInvalid);

export const ZCalendarDate = z.string(text.dateRequired).trim().min(1, { message: text.dateRequired, abort: true }).refine(isCalendarDate, text.dateInvalid);

/** A checkbox or a boolean: "on", "true", "1" and true are checked; absent (an unticked box) is not. */
export const ZCheckbox = z
  .union([z.boolean(), z.string().max(10)])
  .nullish()
  .transform((value) => value === true || value === "on" || value === "true" || value === "1");

/** Whether a write failed on a unique constraint naming `field` (a concurrent save won). */
export function isUniqueViolation(error: unknown, field: string): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && JSON.stringify(error.meta ?? {}).includes(field)
  );
}

/**
 * Agencies that have not ended on `date` ("YYYY-MM-DD"): no end date, or one on or after it. An
 * agency that starts later counts too: it is planned, not history.
 */
export function notEndedOn(date: string): Prisma.AgencyWhereInput {
  return { OR: [{ activeTo: null }, { activeTo: { gte: dateValueOf(date) } }] };
}

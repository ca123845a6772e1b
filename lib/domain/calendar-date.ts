// Calendar dates ("YYYY-MM-DD"), as the date-only columns hold them (Agency.activeFrom/activeTo,
// AgencySuccession.effectiveOn: stored at UTC midnight). Pure.

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `text` is a real calendar date "YYYY-MM-DD" (not "2025-02-30"). */
export function isCalendarDate(text: string): boolean {
  if (!CALENDAR_DATE.test(text)) return false;
  const moment = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(moment.getTime()) && moment.toISOString().slice(0, 10) === text;
}

/** The calendar date of a date-only value read from the database (UTC midnight). */
export function calendarDateOf(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** The date-only value to store for a calendar date. */
export function dateValueOf(date: string): Date {
  if (!isCalendarDate(date)) throw new Error(`Not a calendar date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

/** The calendar day before `date` ("2025-03-01" → "2025-02-28"). */
export function dayBefore(date: string): string {
  const moment = dateValueOf(date);
  moment.setUTCDate(moment.getUTCDate() - 1);
  return calendarDateOf(moment);
}

/** Today's date in Vietnam (UTC+7, no daylight saving) at the moment `now`, whatever the server's zone. */
export function vietnamDateOf(now: Date): string {
  return calendarDateOf(new Date(now.getTime() + 7 * 60 * 60 * 1000));
}

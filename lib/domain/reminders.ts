/** How soon a deadline is, for the in-app reminders (issue 6 item 6). */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Reminders start this many days before a deadline. */
export const REMINDER_DAYS = 3;

/**
 * Whole days left until the deadline, counted up (a deadline later today is 1 day away), when it
 * is still ahead and at most `withinDays` away; null otherwise (none set, passed, or far off).
 */
export function daysLeftIfDueSoon(deadline: Date | null, now: Date, withinDays: number = REMINDER_DAYS): number | null {
  if (deadline === null) return null;
  const left = deadline.getTime() - now.getTime();
  if (left < 0) return null;
  const days = Math.max(1, Math.ceil(left / DAY_MS));
  return days <= withinDays ? days : null;
}

import { formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { YEAR_PHASES, type YearPhase } from "./workflow";

// The deadlines of a year's phases (PhaseDeadline), entered and shown as days in Vietnam.

/**
 * The phases that carry a deadline, in order. SETUP has none (it ends when the administrator opens
 * the self-assessment) and PUBLISHED is final.
 */
export const DEADLINE_PHASES = ["SELF_ASSESSMENT", "APPRAISAL", "EXPLANATION", "FINALIZED"] as const;
export type DeadlinePhase = (typeof DEADLINE_PHASES)[number];

/**
 * Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975), so a day in Vietnam is a fixed
 * span of UTC and the arithmetic needs no time-zone database.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const VIETNAMESE_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Midnight UTC of a day written "15/01/2027" (dd/mm/yyyy, as Vietnamese forms write dates) or
 * "2027-01-15"; null when it is not a real calendar day (31/02) or not written either way.
 */
function utcMidnightOf(text: string): number | null {
  const trimmed = text.trim();
  const iso = ISO_DAY.exec(trimmed);
  const vietnamese = VIETNAMESE_DAY.exec(trimmed);
  const parts = iso ? [iso[1], iso[2], iso[3]] : vietnamese ? [vietnamese[3], vietnamese[2], vietnamese[1]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : null;
}

/** The first millisecond of a day ("16/01/2027" or "2027-01-16") in Vietnam; null for a day that does not exist. */
export function startOfVietnamDay(day: string): Date | null {
  const midnight = utcMidnightOf(day);
  return midnight === null ? null : new Date(midnight - VIETNAM_OFFSET_MS);
}

/**
 * The last millisecond of a day in Vietnam. Deadlines are inclusive to the millisecond
 * (lib/domain/workflow.ts), so "until 15/01" is stored as 15/01 23:59:59.999 in Vietnam.
 */
export function endOfVietnamDay(day: string): Date | null {
  const midnight = utcMidnightOf(day);
  return midnight === null ? null : new Date(midnight - VIETNAM_OFFSET_MS + DAY_MS - 1);
}

/**
 * The same moment of the Vietnamese calendar one year later, for copying last year's deadlines:
 * 15/01/2026 23:59:59 → 15/01/2027 23:59:59. A 29 February becomes the 28th, not 1 March, so a
 * deadline at the end of February stays in February.
 */
export function shiftOneYear(moment: Date): Date {
  const local = new Date(moment.getTime() + VIETNAM_OFFSET_MS);
  const year = local.getUTCFullYear() + 1;
  const month = local.getUTCMonth();
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDayOfMonth);
  const shifted = Date.UTC(year, month, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  return new Date(shifted - VIETNAM_OFFSET_MS);
}

export type PhaseDeadlineValue = { phase: DeadlinePhase; startsAt: Date | null; endsAt: Date | null };

export type DeadlineProblemCode = keyof typeof vi.adminYears.deadlineProblems;
export type DeadlineProblem = { code: DeadlineProblemCode; phase: DeadlinePhase; field: "startsAt" | "endsAt"; message: string };

/**
 * The phases whose deadline the year needed to enter the phase it is in (lib/domain/year-readiness.ts):
 * once there, the deadline may move but not disappear, or the workflow would silently fall back to
 * "no deadline" for a window people were told closes on a date.
 */
export function deadlinesRequiredIn(currentPhase: YearPhase): DeadlinePhase[] {
  const reached = YEAR_PHASES.indexOf(currentPhase);
  const required: DeadlinePhase[] = ["SELF_ASSESSMENT", "APPRAISAL", "EXPLANATION"];
  return required.filter((phase) => YEAR_PHASES.indexOf(phase) <= reached);
}

/**
 * Checks a year's deadlines and returns every problem: an end is required once a start is given,
 * ends after starts, and across phases each end and start after the previous phase's end (the
 * phases follow each other; nothing runs in parallel). A phase without either date has no deadline.
 */
export function checkPhaseDeadlines(deadlines: readonly PhaseDeadlineValue[], currentPhase: YearPhase): DeadlineProblem[] {
  const problems: DeadlineProblem[] = [];
  const label = (phase: DeadlinePhase) => vi.labels.yearPhase[phase];
  const report = (code: DeadlineProblemCode, phase: DeadlinePhase, field: DeadlineProblem["field"], values: Record<string, string> = {}) =>
    problems.push({ code, phase, field, message: interpolate(vi.adminYears.deadlineProblems[code], { phase: label(phase), ...values }) });

  const byPhase = new Map(deadlines.map((deadline) => [deadline.phase, deadline]));
  const required = deadlinesRequiredIn(currentPhase);
  let previous: { phase: DeadlinePhase; endsAt: Date } | null = null;
  for (const phase of DEADLINE_PHASES) {
    const deadline = byPhase.get(phase);
    const startsAt = deadline?.startsAt ?? null;
    const endsAt = deadline?.endsAt ?? null;
    if (endsAt === null) {
      if (startsAt !== null) report("END_REQUIRED", phase, "endsAt");
      else if (required.includes(phase)) report("REQUIRED_ONCE_REACHED", phase, "endsAt");
    } else if (startsAt !== null && endsAt.getTime() <= startsAt.getTime()) {
      report("END_NOT_AFTER_START", phase, "endsAt");
    }
    if (previous !== null) {
      const values = { previous: label(previous.phase), date: formatVietnamDate(previous.endsAt) };
      if (startsAt !== null && startsAt.getTime() <= previous.endsAt.getTime()) report("START_NOT_AFTER_PREVIOUS", phase, "startsAt", values);
      if (endsAt !== null && endsAt.getTime() <= previous.endsAt.getTime()) report("END_NOT_AFTER_PREVIOUS", phase, "endsAt", values);
    }
    if (endsAt !== null && (previous === null || endsAt.getTime() > previous.endsAt.getTime())) previous = { phase, endsAt };
  }
  return problems;
}

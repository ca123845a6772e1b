import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import {
  checkPhaseDeadlines,
  DEADLINE_PHASES,
  endOfVietnamDay,
  startOfVietnamDay,
  type DeadlinePhase,
  type PhaseDeadlineValue,
} from "@/lib/domain/phase-deadlines";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { appendAuditEvent } from "./audit";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";
import { lockYear, ZYearId } from "./year-admin";

/** A day as the form sends it ("15/01/2027", or ISO "2027-01-15"), read in Vietnam; empty means none. */
const ZDay = z
  .string()
  .trim()
  .max(20)
  .refine((day) => day === "" || startOfVietnamDay(day) !== null, { message: vi.adminYears.errors.date })
  .transform((day) => (day === "" ? null : day));

const ZPhaseDays = z.object({ startsOn: ZDay.default(""), endsOn: ZDay.default("") });

export const ZSavePhaseDeadlinesInput = z.object({
  yearId: ZYearId,
  /**
   * Every phase's days; a phase left out or with both days empty has no deadline. The start is
   * the first moment of its day in Vietnam, the end the last (deadlines are inclusive).
   */
  deadlines: z
    .object({
      SELF_ASSESSMENT: ZPhaseDays.optional(),
      APPRAISAL: ZPhaseDays.optional(),
      EXPLANATION: ZPhaseDays.optional(),
      FINALIZED: ZPhaseDays.optional(),
    } satisfies Record<DeadlinePhase, unknown>)
    .strict(),
});
export type TSavePhaseDeadlinesInput = z.input<typeof ZSavePhaseDeadlinesInput>;

/** The deadlines as the audit trail records them: ISO moments, in phase order. */
function audited(deadlines: readonly { phase: string; startsAt: Date | null; endsAt: Date | null }[]) {
  return DEADLINE_PHASES.flatMap((phase) => {
    const deadline = deadlines.find((candidate) => candidate.phase === phase);
    return deadline?.endsAt ? [{ phase, startsAt: deadline.startsAt?.toISOString() ?? null, endsAt: deadline.endsAt.toISOString() }] : [];
  });
}

/**
 * The administrator sets the year's phase deadlines, all at once, replacing the stored ones in one
 * transaction. Until the year is finalized (WRONG_PHASE after: the dates are then history); a
 * deadline may move in any phase — extending the self-assessment for everybody is the usual case —
 * but once the year has entered a phase that required its deadline, that deadline stays.
 */
export async function savePhaseDeadlines(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
): Promise<ServiceResult<{ isChanged: boolean }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "year.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZSavePhaseDeadlinesInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { yearId } = parsed.data;
  const wanted: PhaseDeadlineValue[] = DEADLINE_PHASES.map((phase) => {
    const days = parsed.data.deadlines[phase];
    return {
      phase,
      startsAt: days?.startsOn ? startOfVietnamDay(days.startsOn) : null,
      endsAt: days?.endsOn ? endOfVietnamDay(days.endsOn) : null,
    };
  });

  return db.$transaction(async (tx) => {
    const locked = await lockYear(tx, yearId);
    if (!locked) return failure("NOT_FOUND");
    if (locked.phase === "FINALIZED" || locked.phase === "PUBLISHED") {
      return failure("WRONG_PHASE", { message: interpolate(vi.adminYears.errors.deadlinesLocked, { phase: vi.labels.yearPhase[locked.phase] }) });
    }
    const problems = checkPhaseDeadlines(wanted, locked.phase);
    if (problems.length > 0) {
      return failure("VALIDATION_FAILED", {
        issues: problems.map((problem) => ({ path: `deadlines.${problem.phase}.${problem.field === "startsAt" ? "startsOn" : "endsOn"}`, message: problem.message })),
      });
    }
    const stored = await tx.phaseDeadline.findMany({ where: { yearId }, select: { phase: true, startsAt: true, endsAt: true } });
    const before = audited(stored);
    const after = audited(wanted);
    // A repeated click changes nothing and must not write a second audit event.
    if (JSON.stringify(before) === JSON.stringify(after)) return success({ isChanged: false });
    await tx.phaseDeadline.deleteMany({ where: { yearId, phase: { in: [...DEADLINE_PHASES] } } });
    await tx.phaseDeadline.createMany({
      data: wanted.flatMap((deadline) => (deadline.endsAt ? [{ yearId, phase: deadline.phase, startsAt: deadline.startsAt, endsAt: deadline.endsAt }] : [])),
    });
    await appendAuditEvent(tx, { type: "YEAR_UPDATED", actor, subjectType: "AssessmentYear", subjectId: yearId, yearId, before: { deadlines: before }, after: { deadlines: after } });
    return success({ isChanged: true });
  });
}

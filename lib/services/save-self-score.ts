import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { Prisma, type AssessmentStatus, type ScoringMethod, type YearPhase } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { ZCriterionMethod } from "@/lib/domain/criterion-params";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { scoreInput } from "@/lib/domain/scoring-methods";
import { checkAssessmentAction } from "@/lib/domain/workflow";
import { vi } from "@/lib/i18n/vi";

import { workflowContextOf, workflowRefusal, type WorkflowAssessment } from "./assessment-workflow";
import { appendAuditEvent } from "./audit";
import { failure, success, type ServiceResult } from "./service-result";

export const ZSaveSelfScoreInput = z.object({
  assessmentId: z.string().min(1).max(100),
  criterionId: z.string().min(1).max(100),
  /** The criterion's score version the editor loaded (0 when it had no score yet): optimistic locking. */
  scoreVersion: z.number().int().min(0),
  /** The method's input (e.g. { numerator, denominator }), validated by the criterion's method; null clears the answer. */
  input: z.unknown(),
  note: z.string().trim().max(4_000).nullable().optional(),
  /** Giải trình: how the agency scored where the required evidence is missing. */
  explanation: z.string().trim().max(4_000).nullable().optional(),
});
export type TSaveSelfScoreInput = z.input<typeof ZSaveSelfScoreInput>;

export type SavedSelfScore = { points: string | null; isExcludedFromMaximum: boolean; scoreVersion: number };

/** What the other editor saved, returned with STALE_VERSION so nothing typed is lost on either side. */
export type CurrentSelfScore = { input: unknown; points: string | null; note: string | null; explanation: string | null; scoreVersion: number; updatedBy: string | null };

/**
 * An agency saves its self-assessment of one criterion. The agency and year come from the
 * assessment in the database — never from the client — and the policy decides who may edit it;
 * the workflow decides whether it is still open; the criterion's method computes the points.
 */
export async function saveSelfScore(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<SavedSelfScore>> {
  if (!actorId) return failure("UNAUTHENTICATED");
  const parsed = ZSaveSelfScoreInput.safeParse(rawInput);
  if (!parsed.success) {
    // Who is asking is still checked first: a disabled account is told that, not about its input.
    return (await loadActor(db, actorId)) ? failure("VALIDATION_FAILED") : failure("UNAUTHENTICATED");
  }
  const input = parsed.data;

  // The account and what it wants to save are read at once rather than one after the other: an
  // autosave waits for one round trip, not several. Nothing is decided before the account is
  // known, so the answers are the same as reading them in turn.
  const [actor, target] = await Promise.all([loadActor(db, actorId), loadSaveTarget(db, input.assessmentId, input.criterionId)]);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!target) return failure("NOT_FOUND");
  const { assessment, criterion } = target;
  if (!can(actor, "assessment.editSelfScore", { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId })) {
    return failure("FORBIDDEN");
  }
  const when = checkAssessmentAction("EDIT_SELF_SCORE", workflowContextOf(assessment, now));
  if (!when.ok) return workflowRefusal(when.code);

  if (!criterion?.method) return failure("NOT_FOUND");
  const method = ZCriterionMethod.safeParse({ method: criterion.method, params: criterion.params });
  if (!method.success) throw new Error(`Criterion ${criterion.code} has invalid stored parameters`);
  const hasInput = input.input !== null && input.input !== undefined;
  const outcome = hasInput ? scoreInput({ ...method.data, maxPoints: toThousandths(criterion.maxPoints) }, input.input) : null;
  if (outcome && !outcome.ok) {
    return failure("VALIDATION_FAILED", { issues: [{ path: "input", message: vi.domain.scoringErrors[outcome.code] }] });
  }

  return db.$transaction(async (tx) => {
    // Serialises with a submission (a save never lands in an assessment that was just submitted),
    // and reads the score in the same round trip. The score row is not locked: the version in the
    // UPDATE below is what settles two saves of one criterion.
    const [locked] = await tx.$queryRaw<LockedScoreRow[]>`
      SELECT a."status"::text AS "status", s."version", s."selfInput", s."selfPoints"::text AS "selfPoints",
             s."selfNote", s."selfExplanation", s."selfUpdatedById"
      FROM "Assessment" a
      LEFT JOIN "Score" s ON s."assessmentId" = a."id" AND s."criterionId" = ${criterion.id}
      WHERE a."id" = ${assessment.id}
      FOR SHARE OF a`;
    if (locked?.status !== assessment.status) return failure("WRONG_PHASE");

    const existing = locked.version === null ? null : locked;
    const current = {
      input: existing?.selfInput ?? null,
      points: existing?.selfPoints ?? null,
      note: existing?.selfNote ?? null,
      explanation: existing?.selfExplanation ?? null,
      scoreVersion: existing?.version ?? 0,
    };
    // Who saved the other value is looked up only when it is reported: most saves never need it.
    const staleVersion = async () => {
      const updatedBy = existing?.selfUpdatedById
        ? ((await tx.user.findUnique({ where: { id: existing.selfUpdatedById }, select: { name: true } }))?.name ?? null)
        : null;
      return failure("STALE_VERSION", { current: { ...current, updatedBy } satisfies CurrentSelfScore });
    };
    if (current.scoreVersion !== input.scoreVersion) return staleVersion();

    const points = outcome?.ok ? formatThousandths(outcome.points) : null;
    const data = {
      selfInput: hasInput ? (input.input as Prisma.InputJsonValue) : Prisma.DbNull,
      selfPoints: points,
      selfNote: input.note ?? null,
      selfExplanation: input.explanation ?? null,
      isToReview: false,
      selfUpdatedById: actor.id,
      selfUpdatedAt: now,
    };
    if (existing) {
      // The version in the WHERE makes the check and the write one step: a concurrent save loses.
      const updated = await tx.score.updateMany({ where: { assessmentId: assessment.id, criterionId: criterion.id, version: input.scoreVersion }, data: { ...data, version: { increment: 1 } } });
      if (updated.count === 0) return staleVersion();
    } else {
      // Two first saves at once: the second finds the row taken and is told, instead of failing.
      const created = await tx.score.createMany({ data: [{ assessmentId: assessment.id, criterionId: criterion.id, ...data, version: 1 }], skipDuplicates: true });
      if (created.count === 0) return staleVersion();
    }
    await appendAuditEvent(tx, {
      type: "SELF_SCORE_SAVED",
      actor,
      subjectType: "Score",
      subjectId: criterion.code,
      assessmentId: assessment.id,
      yearId: assessment.yearId,
      before: existing ? { input: current.input as Prisma.InputJsonValue, points: current.points, note: current.note, explanation: current.explanation } : null,
      after: { input: hasInput ? (input.input as Prisma.InputJsonValue) : null, points, note: data.selfNote, explanation: data.selfExplanation },
    });
    return success({ points, isExcludedFromMaximum: outcome?.ok ? outcome.isExcludedFromMaximum : false, scoreVersion: input.scoreVersion + 1 });
  }, SAVE_TRANSACTION_OPTIONS);
}

/**
 * When every pool connection is busy, a save queues for one. Prisma's default gives up after 2 s
 * and the save fails with a 500 ("Unable to start a transaction in the given time"), which
 * bench:save's saturation mode (50 editors back to back on 2 cores) hit in 12 of 1,063 saves once.
 * An autosave that waits a little longer under a burst is better than one that is lost.
 */
const SAVE_TRANSACTION_OPTIONS = { maxWait: 10_000 } as const;

type LockedScoreRow = {
  status: AssessmentStatus;
  /** Null when the criterion has no score yet (the LEFT JOIN found no row). */
  version: number | null;
  selfInput: Prisma.JsonValue;
  /** numeric(9,3) as text: always three decimals, as the API returns points. */
  selfPoints: string | null;
  selfNote: string | null;
  selfExplanation: string | null;
  selfUpdatedById: string | null;
};

type SaveTarget = {
  assessment: WorkflowAssessment;
  criterion: { id: string; code: string; maxPoints: string; method: ScoringMethod | null; params: Prisma.JsonValue } | null;
};

/**
 * The assessment as the workflow needs it (the ASSESSMENT_WORKFLOW_COLUMNS shape, typed as such so
 * the two cannot drift apart) and the criterion, if it belongs to the assessment's criteria set,
 * in one query: one row per deadline of the year. Prisma would send four queries, three of them one
 * after the other, and this runs on every autosave. Null when the assessment does not exist.
 */
async function loadSaveTarget(db: PrismaClient, assessmentId: string, criterionId: string): Promise<SaveTarget | null> {
  const rows = await db.$queryRaw<
    {
      id: string;
      agencyId: string;
      yearId: string;
      criteriaSetId: string;
      status: AssessmentStatus;
      version: number;
      deadlineExtendedTo: Date | null;
      year: number;
      yearPhase: YearPhase;
      deadlinePhase: YearPhase | null;
      deadlineEndsAt: Date | null;
      criterionId: string | null;
      criterionCode: string | null;
      criterionMaxPoints: string | null;
      criterionMethod: ScoringMethod | null;
      criterionParams: Prisma.JsonValue;
    }[]
  >`
    SELECT a."id", a."agencyId", a."yearId", a."criteriaSetId", a."status"::text AS "status", a."version", a."deadlineExtendedTo",
           y."year", y."phase"::text AS "yearPhase",
           d."phase"::text AS "deadlinePhase", d."endsAt" AS "deadlineEndsAt",
           c."id" AS "criterionId", c."code" AS "criterionCode", c."maxPoints"::text AS "criterionMaxPoints",
           c."method"::text AS "criterionMethod", c."params" AS "criterionParams"
    FROM "Assessment" a
    JOIN "AssessmentYear" y ON y."id" = a."yearId"
    LEFT JOIN "PhaseDeadline" d ON d."yearId" = y."id"
    LEFT JOIN "Criterion" c ON c."id" = ${criterionId} AND c."criteriaSetId" = a."criteriaSetId"
    WHERE a."id" = ${assessmentId}`;
  const [first] = rows;
  if (!first) return null;
  const assessment: WorkflowAssessment = {
    id: first.id,
    agencyId: first.agencyId,
    yearId: first.yearId,
    criteriaSetId: first.criteriaSetId,
    status: first.status,
    version: first.version,
    deadlineExtendedTo: first.deadlineExtendedTo,
    year: {
      year: first.year,
      phase: first.yearPhase,
      deadlines: rows.flatMap((row) => (row.deadlinePhase && row.deadlineEndsAt ? [{ phase: row.deadlinePhase, endsAt: row.deadlineEndsAt }] : [])),
    },
  };
  const criterion =
    first.criterionId && first.criterionCode && first.criterionMaxPoints
      ? { id: first.criterionId, code: first.criterionCode, maxPoints: first.criterionMaxPoints, method: first.criterionMethod, params: first.criterionParams }
      : null;
  return { assessment, criterion };
}

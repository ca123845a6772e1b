import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { ZCriterionMethod } from "@/lib/domain/criterion-params";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { scoreInput } from "@/lib/domain/scoring-methods";
import { checkAssessmentAction } from "@/lib/domain/workflow";
import { vi } from "@/lib/i18n/vi";

import { appendAuditEvent } from "./audit";
import { failure, success, type ServiceResult } from "./service-result";

export const ZSaveSelfScoreInput = z.object({
  assessmentId: z.string().min(1).max(100),
  criterionId: z.string().min(1).max(100),
  /** The assessment version the editor saw (optimistic locking). */
  version: z.number().int().positive(),
  /** The method's input (e.g. { numerator, denominator }); validated by the criterion's method. */
  input: z.unknown(),
  note: z.string().trim().max(4_000).nullable().optional(),
});
export type TSaveSelfScoreInput = z.input<typeof ZSaveSelfScoreInput>;

export type SavedSelfScore = { points: string; isExcludedFromMaximum: boolean; version: number };

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
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZSaveSelfScoreInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");
  const input = parsed.data;

  const assessment = await db.assessment.findUnique({
    where: { id: input.assessmentId },
    select: {
      id: true,
      agencyId: true,
      yearId: true,
      criteriaSetId: true,
      status: true,
      version: true,
      deadlineExtendedTo: true,
      year: { select: { phase: true, deadlines: { select: { phase: true, endsAt: true } } } },
    },
  });
  if (!assessment) return failure("NOT_FOUND");
  if (!can(actor, "assessment.editSelfScore", { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId })) {
    return failure("FORBIDDEN");
  }
  const deadlineOf = (phase: string) => assessment.year.deadlines.find((deadline) => deadline.phase === phase)?.endsAt ?? null;
  const when = checkAssessmentAction("EDIT_SELF_SCORE", {
    status: assessment.status,
    yearPhase: assessment.year.phase,
    selfAssessmentDeadline: deadlineOf("SELF_ASSESSMENT"),
    explanationDeadline: deadlineOf("EXPLANATION"),
    deadlineExtendedTo: assessment.deadlineExtendedTo,
    now,
  });
  if (!when.ok) return failure("WRONG_PHASE");

  const criterion = await db.criterion.findFirst({
    where: { id: input.criterionId, criteriaSetId: assessment.criteriaSetId },
    select: { id: true, code: true, maxPoints: true, method: true, params: true },
  });
  if (!criterion || !criterion.method) return failure("NOT_FOUND");
  const method = ZCriterionMethod.safeParse({ method: criterion.method, params: criterion.params });
  if (!method.success) throw new Error(`Criterion ${criterion.code} has invalid stored parameters`);
  const outcome = scoreInput({ ...method.data, maxPoints: toThousandths(criterion.maxPoints.toFixed(3)) }, input.input);
  if (!outcome.ok) {
    return failure("VALIDATION_FAILED", { issues: [{ path: "input", message: vi.domain.scoringErrors[outcome.code] }] });
  }

  return db.$transaction(async (tx) => {
    // Optimistic locking: the write happens only if nobody saved since this editor loaded the form.
    const locked = await tx.assessment.updateMany({ where: { id: assessment.id, version: input.version }, data: { version: { increment: 1 } } });
    const existing = await tx.score.findUnique({
      where: { assessmentId_criterionId: { assessmentId: assessment.id, criterionId: criterion.id } },
      select: { selfInput: true, selfPoints: true, selfNote: true },
    });
    const before = existing ? { input: existing.selfInput, points: existing.selfPoints?.toFixed(3) ?? null, note: existing.selfNote } : null;
    if (locked.count === 0) return failure("STALE_VERSION", { current: before });

    const points = formatThousandths(outcome.points);
    const data = {
      selfInput: input.input as Prisma.InputJsonValue,
      selfPoints: points,
      selfNote: input.note ?? null,
      isToReview: false,
      selfUpdatedById: actor.id,
      selfUpdatedAt: now,
    };
    await tx.score.upsert({
      where: { assessmentId_criterionId: { assessmentId: assessment.id, criterionId: criterion.id } },
      create: { assessmentId: assessment.id, criterionId: criterion.id, ...data },
      update: data,
    });
    await appendAuditEvent(tx, {
      type: "SELF_SCORE_SAVED",
      actor,
      subjectType: "Score",
      subjectId: criterion.code,
      assessmentId: assessment.id,
      yearId: assessment.yearId,
      before,
      after: { input: input.input as Prisma.InputJsonValue, points, note: input.note ?? null },
    });
    return success({ points, isExcludedFromMaximum: outcome.isExcludedFromMaximum, version: input.version + 1 });
  });
}

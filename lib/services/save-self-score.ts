import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { ZCriterionMethod } from "@/lib/domain/criterion-params";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { scoreInput } from "@/lib/domain/scoring-methods";
import { checkAssessmentAction } from "@/lib/domain/workflow";
import { vi } from "@/lib/i18n/vi";

import { ASSESSMENT_WORKFLOW_COLUMNS, workflowContextOf, workflowRefusal } from "./assessment-workflow";
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
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZSaveSelfScoreInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");
  const input = parsed.data;

  const assessment = await db.assessment.findUnique({ where: { id: input.assessmentId }, select: ASSESSMENT_WORKFLOW_COLUMNS });
  if (!assessment) return failure("NOT_FOUND");
  if (!can(actor, "assessment.editSelfScore", { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId })) {
    return failure("FORBIDDEN");
  }
  const when = checkAssessmentAction("EDIT_SELF_SCORE", workflowContextOf(assessment, now));
  if (!when.ok) return workflowRefusal(when.code);

  const criterion = await db.criterion.findFirst({
    where: { id: input.criterionId, criteriaSetId: assessment.criteriaSetId },
    select: { id: true, code: true, maxPoints: true, method: true, params: true },
  });
  if (!criterion || !criterion.method) return failure("NOT_FOUND");
  const method = ZCriterionMethod.safeParse({ method: criterion.method, params: criterion.params });
  if (!method.success) throw new Error(`Criterion ${criterion.code} has invalid stored parameters`);
  const hasInput = input.input !== null && input.input !== undefined;
  const outcome = hasInput ? scoreInput({ ...method.data, maxPoints: toThousandths(criterion.maxPoints.toFixed(3)) }, input.input) : null;
  if (outcome && !outcome.ok) {
    return failure("VALIDATION_FAILED", { issues: [{ path: "input", message: vi.domain.scoringErrors[outcome.code] }] });
  }

  return db.$transaction(async (tx) => {
    // Serialises with a submission: a save never lands in an assessment that was just submitted.
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT "status" FROM "Assessment" WHERE "id" = ${assessment.id} FOR SHARE`;
    if (locked?.status !== assessment.status) return failure("WRONG_PHASE");

    const key = { assessmentId_criterionId: { assessmentId: assessment.id, criterionId: criterion.id } };
    const existing = await tx.score.findUnique({
      where: key,
      select: { version: true, selfInput: true, selfPoints: true, selfNote: true, selfExplanation: true, selfUpdatedById: true },
    });
    const current: CurrentSelfScore = {
      input: existing?.selfInput ?? null,
      points: existing?.selfPoints?.toFixed(3) ?? null,
      note: existing?.selfNote ?? null,
      explanation: existing?.selfExplanation ?? null,
      scoreVersion: existing?.version ?? 0,
      updatedBy: existing?.selfUpdatedById
        ? ((await tx.user.findUnique({ where: { id: existing.selfUpdatedById }, select: { name: true } }))?.name ?? null)
        : null,
    };
    if (current.scoreVersion !== input.scoreVersion) return failure("STALE_VERSION", { current });

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
      const updated = await tx.score.updateMany({ where: { ...key.assessmentId_criterionId, version: input.scoreVersion }, data: { ...data, version: { increment: 1 } } });
      if (updated.count === 0) return failure("STALE_VERSION", { current });
    } else {
      // Two first saves at once: the second finds the row taken and is told, instead of failing.
      const created = await tx.score.createMany({ data: [{ assessmentId: assessment.id, criterionId: criterion.id, ...data, version: 1 }], skipDuplicates: true });
      if (created.count === 0) return failure("STALE_VERSION", { current });
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
  });
}

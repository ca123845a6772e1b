import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { isReasonRequired } from "@/lib/domain/appraisal-view";
import { ZCriterionMethod } from "@/lib/domain/criterion-params";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { scoreInput } from "@/lib/domain/scoring-methods";
import { checkAssessmentAction } from "@/lib/domain/workflow";
import { vi } from "@/lib/i18n/vi";

import { ASSESSMENT_WORKFLOW_COLUMNS, workflowContextOf, workflowRefusal } from "./assessment-workflow";
import { appendAuditEvent } from "./audit";
import { failure, success, type ServiceResult } from "./service-result";

export const ZAppraiseScoreInput = z.object({
  assessmentId: z.string().min(1).max(100),
  criterionId: z.string().min(1).max(100),
  /** The criterion's score version the appraiser loaded (0 when the agency never answered it). */
  scoreVersion: z.number().int().min(0),
  /** The appraised input, in the criterion's method (the same shapes as the self input). */
  input: z.unknown().refine((value) => value !== null && value !== undefined),
  /** Why the appraised points differ; required when they do (lib/domain/appraisal-view.ts). */
  reason: z.string().trim().max(2_000).nullable().optional(),
});
export type TAppraiseScoreInput = z.input<typeof ZAppraiseScoreInput>;

export type AppraisedScore = { round: 1 | 2; points: string; scoreVersion: number };

/** What the other appraiser saved, returned with STALE_VERSION so nothing typed is lost. */
export type CurrentAppraisal = { round: 1 | 2; input: unknown; points: string | null; reason: string | null; scoreVersion: number; updatedBy: string | null };

/**
 * An appraiser sets the appraised input of one criterion in the round the year is in (round 1 in
 * APPRAISAL, round 2 in EXPLANATION); lib/domain computes the points with the criterion's method.
 * Only the unit owning the criterion or a lead may, never on its own agency; a reason is required
 * whenever the points differ from the agency's (and, in round 2, from round 1's).
 */
export async function appraiseScore(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<AppraisedScore>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZAppraiseScoreInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");
  const input = parsed.data;
  const reason = input.reason ? input.reason : null;

  const assessment = await db.assessment.findUnique({ where: { id: input.assessmentId }, select: ASSESSMENT_WORKFLOW_COLUMNS });
  if (!assessment) return failure("NOT_FOUND");
  const criterion = await db.criterion.findFirst({
    where: { id: input.criterionId, criteriaSetId: assessment.criteriaSetId, method: { not: null } },
    select: { id: true, code: true, maxPoints: true, method: true, params: true, appraiserUnitId: true },
  });
  if (!criterion) return failure("NOT_FOUND");
  if (!can(actor, "criterion.appraise", { kind: "criterion", agencyId: assessment.agencyId, yearId: assessment.yearId, appraiserUnitId: criterion.appraiserUnitId })) {
    return failure("FORBIDDEN");
  }
  const when = checkAssessmentAction("APPRAISE", workflowContextOf(assessment, now));
  if (!when.ok) return workflowRefusal(when.code);
  const round = when.round ?? 1;

  const method = ZCriterionMethod.safeParse({ method: criterion.method, params: criterion.params });
  if (!method.success) throw new Error(`Criterion ${criterion.code} has invalid stored parameters`);
  if (method.data.method === "SURVEY") return failure("VALIDATION_FAILED", { issues: [{ path: "criterionId", message: vi.appraisal.surveyNotAppraised }] });
  const outcome = scoreInput({ ...method.data, maxPoints: toThousandths(criterion.maxPoints.toFixed(3)) }, input.input);
  if (!outcome.ok) return failure("VALIDATION_FAILED", { issues: [{ path: "input", message: vi.domain.scoringErrors[outcome.code] }] });
  const points = formatThousandths(outcome.points);

  return db.$transaction(async (tx) => {
    // Serialises with returning and finalizing (FOR UPDATE): no appraisal lands after them.
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT "status" FROM "Assessment" WHERE "id" = ${assessment.id} FOR SHARE`;
    if (locked?.status !== "UNDER_APPRAISAL") return workflowRefusal("WRONG_STATUS");

    const key = { assessmentId: assessment.id, criterionId: criterion.id };
    const existing = await tx.score.findUnique({
      where: { assessmentId_criterionId: key },
      select: {
        version: true,
        selfPoints: true,
        round1Input: true,
        round1Points: true,
        round1Reason: true,
        round1ById: true,
        round2Input: true,
        round2Points: true,
        round2Reason: true,
        round2ById: true,
      },
    });
    const previous = {
      input: (round === 1 ? existing?.round1Input : existing?.round2Input) ?? null,
      points: (round === 1 ? existing?.round1Points : existing?.round2Points)?.toFixed(3) ?? null,
      reason: (round === 1 ? existing?.round1Reason : existing?.round2Reason) ?? null,
      byId: (round === 1 ? existing?.round1ById : existing?.round2ById) ?? null,
    };
    const current: CurrentAppraisal = {
      round,
      input: previous.input,
      points: previous.points,
      reason: previous.reason,
      scoreVersion: existing?.version ?? 0,
      updatedBy: previous.byId ? ((await tx.user.findUnique({ where: { id: previous.byId }, select: { name: true } }))?.name ?? null) : null,
    };
    if (current.scoreVersion !== input.scoreVersion) return failure("STALE_VERSION", { current });

    const selfPoints = existing?.selfPoints?.toFixed(3) ?? null;
    const round1Points = existing?.round1Points?.toFixed(3) ?? null;
    if (reason === null && isReasonRequired({ round, points, selfPoints, round1Points })) {
      return failure("VALIDATION_FAILED", { issues: [{ path: "reason", message: vi.appraisal.reasonRequired }] });
    }

    const data =
      round === 1
        ? { round1Input: input.input as Prisma.InputJsonValue, round1Points: points, round1Reason: reason, round1ById: actor.id, round1At: now }
        : { round2Input: input.input as Prisma.InputJsonValue, round2Points: points, round2Reason: reason, round2ById: actor.id, round2At: now };
    if (existing) {
      // The version in the WHERE makes the check and the write one step: a concurrent save loses.
      const updated = await tx.score.updateMany({ where: { ...key, version: input.scoreVersion }, data: { ...data, version: { increment: 1 } } });
      if (updated.count === 0) return failure("STALE_VERSION", { current });
    } else {
      // The agency left the criterion unanswered; the appraisers still score it.
      const created = await tx.score.createMany({ data: [{ ...key, ...data, version: 1 }], skipDuplicates: true });
      if (created.count === 0) return failure("STALE_VERSION", { current });
    }
    await appendAuditEvent(tx, {
      type: "SCORE_APPRAISED",
      actor,
      subjectType: "Score",
      subjectId: criterion.code,
      assessmentId: assessment.id,
      yearId: assessment.yearId,
      before: { round, input: previous.input as Prisma.InputJsonValue, points: previous.points, reason: previous.reason },
      after: { round, input: input.input as Prisma.InputJsonValue, points, reason },
    });
    return success({ round, points, scoreVersion: input.scoreVersion + 1 });
  });
}

import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { isDisputed } from "@/lib/domain/appraisal-view";
import { checkAssessmentAction } from "@/lib/domain/workflow";
import { vi } from "@/lib/i18n/vi";

import { ASSESSMENT_WORKFLOW_COLUMNS, workflowContextOf, workflowRefusal } from "./assessment-workflow";
import { appendAuditEvent } from "./audit";
import { failure, success, type ServiceResult } from "./service-result";

export const ZSaveExplanationInput = z.object({
  assessmentId: z.string().min(1).max(100),
  criterionId: z.string().min(1).max(100),
  /** The criterion's score version the agency loaded: optimistic locking, shared with the self-score saves. */
  scoreVersion: z.number().int().min(0),
  /** Giải trình; empty or null clears it. */
  explanation: z.string().trim().max(4_000).nullable(),
});
export type TSaveExplanationInput = z.input<typeof ZSaveExplanationInput>;

export type SavedExplanation = { explanation: string | null; scoreVersion: number };

/** What the other person saved, returned with STALE_VERSION so nothing typed is lost. */
export type CurrentExplanation = { explanation: string | null; scoreVersion: number; updatedBy: string | null };

/**
 * The agency (editor or head) writes its explanation (giải trình) of one criterion whose round-1
 * appraised points differ from its self points, while the assessment is RETURNED and the
 * explanation window is open (workflow EXPLAIN). Sending the explanations back is the head's
 * separate act (assessment.sendExplanations).
 */
export async function saveExplanation(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<SavedExplanation>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZSaveExplanationInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");
  const input = parsed.data;
  const explanation = input.explanation === null || input.explanation === "" ? null : input.explanation;

  const assessment = await db.assessment.findUnique({ where: { id: input.assessmentId }, select: ASSESSMENT_WORKFLOW_COLUMNS });
  if (!assessment) return failure("NOT_FOUND");
  if (!can(actor, "assessment.explain", { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId })) {
    return failure("FORBIDDEN");
  }
  const when = checkAssessmentAction("EXPLAIN", workflowContextOf(assessment, now));
  if (!when.ok) return workflowRefusal(when.code);

  const score = await db.score.findFirst({
    where: { assessmentId: assessment.id, criterionId: input.criterionId },
    select: { id: true, selfPoints: true, round1Points: true, criterion: { select: { code: true } } },
  });
  if (!score) return failure("NOT_FOUND");
  // Only a dispute needs an answer: round 1 appraised the criterion and came to other points.
  if (!isDisputed(score.selfPoints?.toFixed(3) ?? null, score.round1Points?.toFixed(3) ?? null)) return failure("VALIDATION_FAILED", { issues: [{ path: "criterionId", message: vi.assessmentWorkflow.notDisputed }] });

  return db.$transaction(async (tx) => {
    // Serialises with the explanations being sent back: none lands after the assessment left RETURNED.
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT "status" FROM "Assessment" WHERE "id" = ${assessment.id} FOR SHARE`;
    if (locked?.status !== "RETURNED") return workflowRefusal("WRONG_STATUS");

    const existing = await tx.score.findUniqueOrThrow({
      where: { id: score.id },
      select: { version: true, explanation: true, explanationById: true },
    });
    const current: CurrentExplanation = {
      explanation: existing.explanation,
      scoreVersion: existing.version,
      updatedBy: existing.explanationById
        ? ((await tx.user.findUnique({ where: { id: existing.explanationById }, select: { name: true } }))?.name ?? null)
        : null,
    };
    if (existing.version !== input.scoreVersion) return failure("STALE_VERSION", { current });
    const updated = await tx.score.updateMany({
      where: { id: score.id, version: input.scoreVersion },
      data: { explanation, explanationById: actor.id, explanationAt: now, version: { increment: 1 } },
    });
    if (updated.count === 0) return failure("STALE_VERSION", { current });
    await appendAuditEvent(tx, {
      type: "EXPLANATION_SAVED",
      actor,
      subjectType: "Score",
      subjectId: score.criterion.code,
      assessmentId: assessment.id,
      yearId: assessment.yearId,
      before: { explanation: existing.explanation },
      after: { explanation },
    });
    return success({ explanation, scoreVersion: input.scoreVersion + 1 });
  });
}

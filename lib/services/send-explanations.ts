import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { isDisputed } from "@/lib/domain/appraisal-view";
import { checkAssessmentAction } from "@/lib/domain/workflow";

import { ASSESSMENT_WORKFLOW_COLUMNS, workflowContextOf, workflowRefusal } from "./assessment-workflow";
import { appendAuditEvent } from "./audit";
import { failure, success, type ServiceResult } from "./service-result";

export const ZSendExplanationsInput = z.object({
  assessmentId: z.string().min(1).max(100),
});
export type TSendExplanationsInput = z.input<typeof ZSendExplanationsInput>;

export type SentExplanations = { status: "UNDER_APPRAISAL"; version: number; disputed: number; explained: number };

/**
 * The agency head sends the agency's explanations (giải trình) back to the appraisers:
 * RETURNED → UNDER_APPRAISAL, within the explanation window. A disputed criterion left without an
 * explanation is the agency accepting the appraised points, so sending is allowed with none; the
 * audit event records how many of the disputes were answered.
 */
export async function sendExplanations(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<SentExplanations>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZSendExplanationsInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");

  const assessment = await db.assessment.findUnique({ where: { id: parsed.data.assessmentId }, select: ASSESSMENT_WORKFLOW_COLUMNS });
  if (!assessment) return failure("NOT_FOUND");
  if (!can(actor, "assessment.sendExplanations", { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId })) {
    return failure("FORBIDDEN");
  }
  const when = checkAssessmentAction("SEND_EXPLANATIONS", workflowContextOf(assessment, now));
  if (!when.ok) return workflowRefusal(when.code);

  return db.$transaction(async (tx) => {
    // FOR UPDATE waits for explanation saves in flight (they hold FOR SHARE); later ones then find
    // UNDER_APPRAISAL and are refused, so what the appraisers read is what was sent.
    const [locked] = await tx.$queryRaw<{ status: string; version: number }[]>`
      SELECT "status", "version" FROM "Assessment" WHERE "id" = ${assessment.id} FOR UPDATE`;
    if (locked?.status !== "RETURNED") return workflowRefusal("WRONG_STATUS");
    if (locked.version !== assessment.version) return failure("STALE_VERSION");

    const scores = await tx.score.findMany({
      where: { assessmentId: assessment.id, round1Points: { not: null } },
      select: { selfPoints: true, round1Points: true, explanation: true },
    });
    const disputed = scores.filter((score) => isDisputed(score.selfPoints?.toFixed(3) ?? null, score.round1Points?.toFixed(3) ?? null));
    const explained = disputed.filter((score) => score.explanation !== null).length;

    const updated = await tx.assessment.updateMany({
      where: { id: assessment.id, status: "RETURNED", version: assessment.version },
      data: { status: "UNDER_APPRAISAL", version: { increment: 1 } },
    });
    if (updated.count === 0) return failure("STALE_VERSION");
    await appendAuditEvent(tx, {
      type: "EXPLANATIONS_SENT",
      actor,
      subjectType: "Assessment",
      subjectId: assessment.id,
      assessmentId: assessment.id,
      yearId: assessment.yearId,
      before: { status: "RETURNED", version: assessment.version },
      after: { status: "UNDER_APPRAISAL", version: assessment.version + 1, disputed: disputed.length, explained },
    });
    return success({ status: "UNDER_APPRAISAL" as const, version: assessment.version + 1, disputed: disputed.length, explained });
  });
}

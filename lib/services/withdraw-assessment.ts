import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { checkAssessmentAction } from "@/lib/domain/workflow";

import { ASSESSMENT_WORKFLOW_COLUMNS, workflowContextOf, workflowRefusal } from "./assessment-workflow";
import { appendAuditEvent } from "./audit";
import { failure, success, type ServiceResult } from "./service-result";

export const ZWithdrawAssessmentInput = z.object({
  assessmentId: z.string().min(1).max(100),
});
export type TWithdrawAssessmentInput = z.input<typeof ZWithdrawAssessmentInput>;

export type WithdrawnAssessment = { status: "DRAFT"; version: number };

/**
 * The agency head takes a submission back to edit it: SUBMITTED → DRAFT, while the self-assessment
 * window is open and until an appraiser opens the assessment (then WRONG_PHASE, with the
 * workflow's ALREADY_OPENED message). submittedAt/submittedById are cleared, since the draft is no
 * longer submitted; the audit trail keeps when it was.
 */
export async function withdrawAssessment(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<WithdrawnAssessment>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZWithdrawAssessmentInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");

  const assessment = await db.assessment.findUnique({
    where: { id: parsed.data.assessmentId },
    select: { ...ASSESSMENT_WORKFLOW_COLUMNS, submittedAt: true, submittedById: true },
  });
  if (!assessment) return failure("NOT_FOUND");
  if (!can(actor, "assessment.withdraw", { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId })) {
    return failure("FORBIDDEN");
  }
  const when = checkAssessmentAction("WITHDRAW", workflowContextOf(assessment, now));
  if (!when.ok) return workflowRefusal(when.code);

  return db.$transaction(async (tx) => {
    // The status and version in the WHERE make the transition one step: a withdrawal racing an
    // appraiser opening the assessment, or a second withdrawal, finds nothing to update.
    const updated = await tx.assessment.updateMany({
      where: { id: assessment.id, status: "SUBMITTED", version: assessment.version },
      data: { status: "DRAFT", submittedAt: null, submittedById: null, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      const current = await tx.assessment.findUnique({ where: { id: assessment.id }, select: { status: true } });
      if (current?.status === "SUBMITTED") return failure("STALE_VERSION");
      return workflowRefusal(current?.status === "DRAFT" ? "WRONG_STATUS" : "ALREADY_OPENED");
    }
    await appendAuditEvent(tx, {
      type: "ASSESSMENT_WITHDRAWN",
      actor,
      subjectType: "Assessment",
      subjectId: assessment.id,
      assessmentId: assessment.id,
      yearId: assessment.yearId,
      before: { status: "SUBMITTED", version: assessment.version, submittedAt: assessment.submittedAt?.toISOString() ?? null, submittedById: assessment.submittedById },
      after: { status: "DRAFT", version: assessment.version + 1 },
    });
    return success({ status: "DRAFT" as const, version: assessment.version + 1 });
  });
}

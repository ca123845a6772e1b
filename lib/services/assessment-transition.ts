import "server-only";

import { z } from "zod";

import { loadActor, type Actor } from "@/lib/auth/actor";
import { can, type Action } from "@/lib/auth/policy";
import type { AuditEventType, Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { checkAssessmentAction, type AssessmentAction, type AssessmentStatus } from "@/lib/domain/workflow";

import { ASSESSMENT_WORKFLOW_COLUMNS, workflowContextOf, workflowRefusal, type WorkflowAssessment } from "./assessment-workflow";
import { appendAuditEvent } from "./audit";
import { failure, success, type ServiceError, type ServiceResult } from "./service-result";

export const ZAssessmentTransitionInput = z.object({
  assessmentId: z.string().min(1).max(100),
});

export type TransitionedAssessment<TDetails> = { status: AssessmentStatus; version: number } & TDetails;

type TransitionSpec<TDetails extends Record<string, Prisma.InputJsonValue>> = {
  /** The workflow action (lib/domain/workflow.ts): where it starts, where it leads, when it is allowed. */
  action: AssessmentAction;
  /** The policy action the actor needs on the assessment. */
  permission: Action;
  auditType: AuditEventType;
  /**
   * Runs inside the transaction after the assessment row is locked and found unchanged: refuses
   * (an error) or returns what the audit event and the caller get to know (counts…).
   */
  inspect?: (tx: Prisma.TransactionClient, assessment: WorkflowAssessment) => Promise<ServiceError | TDetails>;
  /** Columns set with the status (returnedAt…). */
  extraData?: (now: Date, actor: Actor) => Prisma.AssessmentUpdateManyMutationInput;
  /** Writes that go with the transition, in the same transaction (final points…). */
  alsoWrite?: (tx: Prisma.TransactionClient, assessment: WorkflowAssessment) => Promise<void>;
};

/**
 * One status change of an assessment, the way every one of them must happen: zod, the actor fresh
 * from the database, the policy, the workflow (status, phase, deadline), then in one transaction
 * the row locked FOR UPDATE — which waits for saves in flight holding FOR SHARE and makes later
 * ones find the new status — the version checked, the status and version written in one
 * conditional update, and the audit event.
 */
export async function transitionAssessment<TDetails extends Record<string, Prisma.InputJsonValue> = Record<never, never>>(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date,
  spec: TransitionSpec<TDetails>,
): Promise<ServiceResult<TransitionedAssessment<TDetails>>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZAssessmentTransitionInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");

  const assessment = await db.assessment.findUnique({ where: { id: parsed.data.assessmentId }, select: ASSESSMENT_WORKFLOW_COLUMNS });
  if (!assessment) return failure("NOT_FOUND");
  if (!can(actor, spec.permission, { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId })) return failure("FORBIDDEN");
  const when = checkAssessmentAction(spec.action, workflowContextOf(assessment, now));
  if (!when.ok) return workflowRefusal(when.code);
  const from = assessment.status;
  const to = when.nextStatus;

  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string; version: number }[]>`
      SELECT "status", "version" FROM "Assessment" WHERE "id" = ${assessment.id} FOR UPDATE`;
    if (locked?.status !== from) return workflowRefusal("WRONG_STATUS");
    if (locked.version !== assessment.version) return failure("STALE_VERSION");

    const details = spec.inspect ? await spec.inspect(tx, assessment) : ({} as TDetails);
    if ("ok" in details && details.ok === false) return details as ServiceError;

    const updated = await tx.assessment.updateMany({
      where: { id: assessment.id, status: from, version: assessment.version },
      data: { ...spec.extraData?.(now, actor), status: to, version: { increment: 1 } },
    });
    if (updated.count === 0) return failure("STALE_VERSION");
    await spec.alsoWrite?.(tx, assessment);
    await appendAuditEvent(tx, {
      type: spec.auditType,
      actor,
      subjectType: "Assessment",
      subjectId: assessment.id,
      assessmentId: assessment.id,
      yearId: assessment.yearId,
      before: { status: from, version: assessment.version },
      after: { status: to, version: assessment.version + 1, ...(details as TDetails) },
    });
    return success({ status: to, version: assessment.version + 1, ...(details as TDetails) });
  });
}

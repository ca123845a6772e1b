import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { findSubmissionGaps, type SubmissionGap, type SubmissionScore } from "@/lib/domain/submission-check";
import { checkAssessmentAction } from "@/lib/domain/workflow";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { ASSESSMENT_WORKFLOW_COLUMNS, workflowContextOf, workflowRefusal } from "./assessment-workflow";
import { appendAuditEvent } from "./audit";
import { failure, success, type ServiceResult } from "./service-result";

export const ZSubmitAssessmentInput = z.object({
  assessmentId: z.string().min(1).max(100),
});
export type TSubmitAssessmentInput = z.input<typeof ZSubmitAssessmentInput>;

export type SubmittedAssessment = { status: "SUBMITTED"; version: number; submittedAt: Date };

/** What is still missing in the assessment, read inside the caller's transaction. */
export async function findAssessmentGaps(tx: Prisma.TransactionClient, assessmentId: string, criteriaSetId: string): Promise<SubmissionGap[]> {
  const [criteria, scores] = await Promise.all([
    tx.criterion.findMany({
      where: { criteriaSetId, method: { not: null } },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, code: true, title: true, method: true, isEvidenceRequired: true, section: true },
    }),
    tx.score.findMany({
      where: { assessmentId },
      select: { criterionId: true, selfInput: true, selfExplanation: true, _count: { select: { evidence: true } } },
    }),
  ]);
  const byCriterionId = new Map(scores.map((score) => [score.criterionId, score]));
  const byCode = new Map<string, SubmissionScore>();
  for (const criterion of criteria) {
    const score = byCriterionId.get(criterion.id);
    if (!score) continue;
    // Prisma reads a JSON null column as null: cleared answers are stored as SQL NULL (DbNull).
    byCode.set(criterion.code, { hasSelfInput: score.selfInput !== null, evidenceCount: score._count.evidence, selfExplanation: score.selfExplanation });
  }
  return findSubmissionGaps(criteria, byCode);
}

/**
 * The agency head submits the self-assessment: DRAFT → SUBMITTED, within the deadline or the
 * agency's extension, once nothing is missing (INCOMPLETE lists what is). From then on the form is
 * read-only: saveSelfScore and the evidence services refuse anything but a DRAFT.
 */
export async function submitAssessment(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<SubmittedAssessment>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZSubmitAssessmentInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");

  const assessment = await db.assessment.findUnique({ where: { id: parsed.data.assessmentId }, select: ASSESSMENT_WORKFLOW_COLUMNS });
  if (!assessment) return failure("NOT_FOUND");
  if (!can(actor, "assessment.submit", { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId })) {
    return failure("FORBIDDEN");
  }
  const when = checkAssessmentAction("SUBMIT", workflowContextOf(assessment, now));
  if (!when.ok) return workflowRefusal(when.code);

  return db.$transaction(async (tx) => {
    // FOR UPDATE waits for the saves in flight (they hold FOR SHARE) and makes later ones wait and
    // then find SUBMITTED, so the check below sees the last answers and none lands after it.
    const [locked] = await tx.$queryRaw<{ status: string; version: number }[]>`
      SELECT "status", "version" FROM "Assessment" WHERE "id" = ${assessment.id} FOR UPDATE`;
    if (locked?.status !== "DRAFT") return workflowRefusal("WRONG_STATUS");
    // An extension changed or another transition happened since the checks above: reload first.
    if (locked.version !== assessment.version) return failure("STALE_VERSION");

    const missing = await findAssessmentGaps(tx, assessment.id, assessment.criteriaSetId);
    if (missing.length > 0) {
      return failure("INCOMPLETE", { message: interpolate(vi.serviceErrors.INCOMPLETE, { n: missing.length }), missing });
    }

    // The status and version in the WHERE make the transition one step: two submits cannot both win.
    const updated = await tx.assessment.updateMany({
      where: { id: assessment.id, status: "DRAFT", version: assessment.version },
      data: { status: "SUBMITTED", submittedAt: now, submittedById: actor.id, version: { increment: 1 } },
    });
    if (updated.count === 0) return failure("STALE_VERSION");
    await appendAuditEvent(tx, {
      type: "ASSESSMENT_SUBMITTED",
      actor,
      subjectType: "Assessment",
      subjectId: assessment.id,
      assessmentId: assessment.id,
      yearId: assessment.yearId,
      before: { status: "DRAFT", version: assessment.version },
      after: { status: "SUBMITTED", version: assessment.version + 1, submittedAt: now.toISOString() },
    });
    return success({ status: "SUBMITTED" as const, version: assessment.version + 1, submittedAt: now });
  });
}

import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { checkAssessmentAction } from "@/lib/domain/workflow";

import { ASSESSMENT_WORKFLOW_COLUMNS, workflowContextOf, workflowRefusal } from "./assessment-workflow";
import { appendAuditEvent } from "./audit";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";

export const ZRemoveEvidenceInput = z.object({
  evidenceId: z.string().min(1).max(100),
});
export type TRemoveEvidenceInput = z.input<typeof ZRemoveEvidenceInput>;

/**
 * An agency removes one evidence file from a criterion while its self-assessment is editable.
 * The assessment (agency, year, status) is reached from the evidence row in the database.
 *
 * Only the row goes: the stored bytes stay, because storage is content-addressed and the same
 * content may back other rows (another criterion, another agency, last year's carried-over link).
 * The audit event keeps the hash, so what was removed can still be shown. Like uploading, removing
 * does not touch Score.version.
 */
export async function removeEvidence(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<{ id: string }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZRemoveEvidenceInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);

  const evidence = await db.evidenceFile.findUnique({
    where: { id: parsed.data.evidenceId },
    select: {
      id: true,
      sha256: true,
      fileName: true,
      mimeType: true,
      sizeBytes: true,
      score: {
        select: {
          criterion: { select: { code: true } },
          assessment: { select: ASSESSMENT_WORKFLOW_COLUMNS },
        },
      },
    },
  });
  if (!evidence) return failure("NOT_FOUND");
  const { assessment } = evidence.score;
  if (!can(actor, "evidence.remove", { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId })) {
    return failure("FORBIDDEN");
  }
  const when = checkAssessmentAction("REMOVE_EVIDENCE", workflowContextOf(assessment, now));
  if (!when.ok) return workflowRefusal(when.code);

  return db.$transaction(async (tx) => {
    // Serialises with a submission: nothing disappears from an assessment that was just submitted.
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT "status" FROM "Assessment" WHERE "id" = ${assessment.id} FOR SHARE`;
    if (locked?.status !== assessment.status) return failure("WRONG_PHASE");

    const deleted = await tx.evidenceFile.deleteMany({ where: { id: evidence.id } });
    // Removed by someone else in the meantime: nothing to do and nothing to record.
    if (deleted.count === 0) return failure("NOT_FOUND");
    await appendAuditEvent(tx, {
      type: "EVIDENCE_REMOVED",
      actor,
      subjectType: "EvidenceFile",
      subjectId: evidence.id,
      assessmentId: assessment.id,
      yearId: assessment.yearId,
      before: {
        criterionCode: evidence.score.criterion.code,
        fileName: evidence.fileName,
        sha256: evidence.sha256,
        mimeType: evidence.mimeType,
        sizeBytes: evidence.sizeBytes,
      },
      after: null,
    });
    return success({ id: evidence.id });
  });
}

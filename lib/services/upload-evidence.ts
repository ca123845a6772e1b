import "server-only";

import { createHash } from "node:crypto";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { checkEvidenceFile, evidenceFileProblemMessage, evidenceMaxBytes } from "@/lib/domain/evidence-file-type";
import { checkAssessmentAction } from "@/lib/domain/workflow";
import { vi } from "@/lib/i18n/vi";
import { getEvidenceStorage, type EvidenceStorage } from "@/lib/storage/evidence-storage";

import { ASSESSMENT_WORKFLOW_COLUMNS, workflowContextOf, workflowRefusal } from "./assessment-workflow";
import { appendAuditEvent } from "./audit";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";

export const ZUploadEvidenceInput = z.object({
  assessmentId: z.string().min(1).max(100),
  criterionId: z.string().min(1).max(100),
  /**
   * As the browser sent it. Only a bound on absurd input here: the name rules (separators, control
   * characters, length in characters) are checkEvidenceFileName's, with their own messages.
   */
  fileName: z.string().max(1_000),
  bytes: z.instanceof(Uint8Array),
});
/**
 * There is deliberately no scoreVersion: adding a file is not an edit of the score's values, so it
 * neither checks nor bumps Score.version. Two editors of one criterion, one attaching a file while
 * the other types the points, must not get a conflict; and the same file twice is idempotent, so
 * there is nothing to lose. A scoreVersion sent anyway is ignored (zod strips unknown keys).
 */
export type TUploadEvidenceInput = z.input<typeof ZUploadEvidenceInput>;

export type UploadedEvidence = {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  /** The same content was already attached to this criterion: nothing was added (the first name is kept). */
  isAlreadyAttached: boolean;
};

/**
 * An agency attaches one evidence file (tài liệu kiểm chứng) to one criterion of its assessment.
 * The agency and year come from the assessment in the database; the type comes from the content.
 * The bytes are stored before the row, so a row never names missing content; a failure after
 * storing leaves only unreferenced content, which storage keeps anyway (see EvidenceStorage).
 * Creates the criterion's Score row if it has none yet, at version 0, exactly as if the editor
 * had loaded an empty criterion: the version the form holds stays valid.
 */
export async function uploadEvidence(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
  storage: EvidenceStorage = getEvidenceStorage(),
): Promise<ServiceResult<UploadedEvidence>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZUploadEvidenceInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const input = parsed.data;

  const assessment = await db.assessment.findUnique({ where: { id: input.assessmentId }, select: ASSESSMENT_WORKFLOW_COLUMNS });
  if (!assessment) return failure("NOT_FOUND");
  if (!can(actor, "evidence.upload", { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId })) {
    return failure("FORBIDDEN");
  }
  const when = checkAssessmentAction("UPLOAD_EVIDENCE", workflowContextOf(assessment, now));
  if (!when.ok) return workflowRefusal(when.code);

  // Only a criterion of this assessment's own set, and a leaf the agency scores itself.
  const criterion = await db.criterion.findFirst({
    where: { id: input.criterionId, criteriaSetId: assessment.criteriaSetId },
    select: { id: true, code: true, method: true },
  });
  if (!criterion || !criterion.method) return failure("NOT_FOUND");
  if (criterion.method === "SURVEY") {
    return failure("VALIDATION_FAILED", { issues: [{ path: "criterionId", message: vi.domain.scoringErrors.NOT_SELF_SCORED }] });
  }

  const file = checkEvidenceFile({ fileName: input.fileName, bytes: input.bytes }, evidenceMaxBytes(process.env.PAR_EVIDENCE_MAX_BYTES));
  if (!file.ok) {
    const message = evidenceFileProblemMessage(file);
    return failure("VALIDATION_FAILED", { message, issues: [{ path: file.code.startsWith("NAME_") ? "fileName" : "bytes", message }] });
  }
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  await storage.put(sha256, input.bytes);

  return db.$transaction(async (tx) => {
    // Serialises with a submission: a file never lands in an assessment that was just submitted.
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT "status" FROM "Assessment" WHERE "id" = ${assessment.id} FOR SHARE`;
    if (locked?.status !== assessment.status) return failure("WRONG_PHASE");

    const key = { assessmentId_criterionId: { assessmentId: assessment.id, criterionId: criterion.id } };
    // skipDuplicates: a concurrent first save or upload on this criterion may have created it.
    await tx.score.createMany({ data: [{ assessmentId: assessment.id, criterionId: criterion.id, version: 0 }], skipDuplicates: true });
    const score = await tx.score.findUniqueOrThrow({ where: key, select: { id: true } });

    const created = await tx.evidenceFile.createMany({
      data: [{ scoreId: score.id, sha256, fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, uploadedById: actor.id, uploadedAt: now }],
      skipDuplicates: true,
    });
    const evidence = await tx.evidenceFile.findUniqueOrThrow({
      where: { scoreId_sha256: { scoreId: score.id, sha256 } },
      select: { id: true, fileName: true, mimeType: true, sizeBytes: true },
    });
    const isAlreadyAttached = created.count === 0;
    // A repeated upload changes nothing, so it records nothing.
    if (!isAlreadyAttached) {
      await appendAuditEvent(tx, {
        type: "EVIDENCE_UPLOADED",
        actor,
        subjectType: "EvidenceFile",
        subjectId: evidence.id,
        assessmentId: assessment.id,
        yearId: assessment.yearId,
        before: null,
        after: { criterionCode: criterion.code, fileName: evidence.fileName, sha256, mimeType: evidence.mimeType, sizeBytes: evidence.sizeBytes },
      });
    }
    return success({ ...evidence, isAlreadyAttached });
  });
}

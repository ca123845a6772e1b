import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { ASSESSMENT_WORKFLOW_COLUMNS, deadlineOf, workflowRefusal } from "./assessment-workflow";
import { appendAuditEvent } from "./audit";
import { failure, success, type ServiceResult } from "./service-result";

export const ZExtendDeadlineInput = z.object({
  assessmentId: z.string().min(1).max(100),
  /**
   * When the agency's self-assessment closes; null removes the extension. A Date or an ISO string
   * with its offset (a form sends "2027-01-31T23:59:59.999+07:00").
   */
  extendedTo: z.coerce.date().nullable(),
});
export type TExtendDeadlineInput = z.input<typeof ZExtendDeadlineInput>;

export type ExtendedDeadline = { deadlineExtendedTo: Date | null; version: number };

/**
 * The administrator grants one agency a later self-assessment deadline (a lock exception,
 * DESIGN §2), changes it, or removes it (null). The workflow then lets that agency edit, submit
 * and withdraw until the extension, also once the year has moved on to APPRAISAL.
 *
 * Refused (WRONG_PHASE) unless the year is in SELF_ASSESSMENT or APPRAISAL — before, there is
 * nothing to extend; after, round 2 presumes a round 1 — and the assessment is DRAFT or SUBMITTED
 * (a submitted one may be withdrawn and fixed within the extension; one opened by appraisers may not).
 * The extension must end in the future and after the year's common deadline: anything earlier would
 * be no exception at all (the workflow ignores an extension earlier than the common deadline).
 */
export async function extendDeadline(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<ExtendedDeadline>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZExtendDeadlineInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");
  const { extendedTo } = parsed.data;

  const assessment = await db.assessment.findUnique({ where: { id: parsed.data.assessmentId }, select: ASSESSMENT_WORKFLOW_COLUMNS });
  if (!assessment) return failure("NOT_FOUND");
  if (!can(actor, "assessment.extendDeadline", { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId })) {
    return failure("FORBIDDEN");
  }
  if (assessment.year.phase !== "SELF_ASSESSMENT" && assessment.year.phase !== "APPRAISAL") return workflowRefusal("WRONG_PHASE");
  if (assessment.status !== "DRAFT" && assessment.status !== "SUBMITTED") return workflowRefusal("WRONG_STATUS");

  if (extendedTo !== null) {
    const deadline = deadlineOf(assessment, "SELF_ASSESSMENT");
    const message =
      extendedTo.getTime() <= now.getTime()
        ? vi.assessmentWorkflow.extensionNotInFuture
        : deadline !== null && extendedTo.getTime() <= deadline.getTime()
          ? interpolate(vi.assessmentWorkflow.extensionNotAfterDeadline, { deadline: formatVietnamDate(deadline) })
          : null;
    if (message !== null) return failure("VALIDATION_FAILED", { issues: [{ path: "extendedTo", message }] });
  }
  const before = assessment.deadlineExtendedTo;
  // A repeated click changes nothing and must not write a second audit event.
  if ((before?.getTime() ?? null) === (extendedTo?.getTime() ?? null)) {
    return success({ deadlineExtendedTo: before, version: assessment.version });
  }

  return db.$transaction(async (tx) => {
    // The version in the WHERE: a submission or another extension since the checks above wins.
    const updated = await tx.assessment.updateMany({
      where: { id: assessment.id, version: assessment.version, status: { in: ["DRAFT", "SUBMITTED"] } },
      data: { deadlineExtendedTo: extendedTo, version: { increment: 1 } },
    });
    if (updated.count === 0) return failure("STALE_VERSION");
    await appendAuditEvent(tx, {
      type: "DEADLINE_EXTENDED",
      actor,
      subjectType: "Assessment",
      subjectId: assessment.id,
      assessmentId: assessment.id,
      yearId: assessment.yearId,
      before: { deadlineExtendedTo: before?.toISOString() ?? null },
      after: { deadlineExtendedTo: extendedTo?.toISOString() ?? null },
    });
    return success({ deadlineExtendedTo: extendedTo, version: assessment.version + 1 });
  });
}

import "server-only";

import type { PrismaClient } from "@/lib/db/prisma";

import { transitionAssessment } from "./assessment-transition";

/**
 * An appraiser opens a submitted assessment: SUBMITTED → UNDER_APPRAISAL, once the year runs an
 * appraisal round. From then on the agency can no longer withdraw it, and appraisers may score it.
 */
export async function openForAppraisal(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown, now: Date = new Date()) {
  return transitionAssessment(db, actorId, rawInput, now, {
    action: "OPEN_FOR_APPRAISAL",
    permission: "assessment.openForAppraisal",
    auditType: "ASSESSMENT_OPENED",
  });
}

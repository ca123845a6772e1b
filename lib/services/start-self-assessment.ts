import "server-only";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";

import { appendAuditEvent } from "./audit";
import { getOpenYear } from "./get-open-year";
import { failure, success, type ServiceResult } from "./service-result";

/**
 * Opens the signed-in agency's assessment for the open year (a DRAFT against the year's criteria
 * set for its unit type). The agency comes from the account, never from the request. Idempotent.
 */
export async function startSelfAssessment(db: PrismaClient, actorId: string | null | undefined): Promise<ServiceResult<{ assessmentId: string }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!actor.agencyId) return failure("FORBIDDEN");
  const year = await getOpenYear(db);
  if (!year || year.phase !== "SELF_ASSESSMENT") return failure("WRONG_PHASE");
  if (!can(actor, "assessment.editSelfScore", { kind: "assessment", agencyId: actor.agencyId, yearId: year.id })) return failure("FORBIDDEN");

  const agency = await db.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { id: true, unitTypeId: true } });
  const criteriaSet = await db.criteriaSet.findUnique({ where: { yearId_unitTypeId: { yearId: year.id, unitTypeId: agency.unitTypeId } }, select: { id: true } });
  if (!criteriaSet) return failure("NOT_FOUND");

  return db.$transaction(async (tx) => {
    const existing = await tx.assessment.findUnique({ where: { agencyId_yearId: { agencyId: agency.id, yearId: year.id } }, select: { id: true } });
    if (existing) return success({ assessmentId: existing.id });
    const created = await tx.assessment.create({ data: { agencyId: agency.id, yearId: year.id, criteriaSetId: criteriaSet.id }, select: { id: true } });
    await appendAuditEvent(tx, { type: "ASSESSMENT_STARTED", actor, subjectType: "Assessment", subjectId: created.id, assessmentId: created.id, yearId: year.id });
    return success({ assessmentId: created.id });
  });
}

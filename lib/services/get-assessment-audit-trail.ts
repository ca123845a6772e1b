import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { AuditEventType } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { changedFields, type ChangedField } from "@/lib/domain/audit-change";

import { ZActorSnapshot } from "./audit";
import { failure, success, type ServiceResult } from "./service-result";

export const ZAuditTrailInput = z.object({ assessmentId: z.string().min(1).max(100) });

export type AuditTrailEntry = {
  id: string;
  type: AuditEventType;
  occurredAt: Date;
  actorName: string | null;
  /** The criterion code for score events; otherwise the subject's kind. */
  subject: string;
  changes: ChangedField[];
};

export type AuditTrail = { agencyName: string; year: number; entries: AuditTrailEntry[] };

/**
 * Every change of one assessment, oldest first: who (as they were then), when, what, before →
 * after. For whoever may view the assessment (its agency, appraisers, the administrator).
 */
export async function getAssessmentAuditTrail(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<AuditTrail>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZAuditTrailInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");
  const assessment = await db.assessment.findUnique({
    where: { id: parsed.data.assessmentId },
    select: { id: true, agencyId: true, yearId: true, agency: { select: { name: true } }, year: { select: { year: true } } },
  });
  if (!assessment) return failure("NOT_FOUND");
  if (!can(actor, "assessment.viewAuditTrail", { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId })) return failure("FORBIDDEN");

  const events = await db.auditEvent.findMany({
    where: { assessmentId: assessment.id },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { id: true, type: true, occurredAt: true, actorSnapshot: true, subjectType: true, subjectId: true, before: true, after: true },
  });
  return success({
    agencyName: assessment.agency.name,
    year: assessment.year.year,
    entries: events.map((event) => ({
      id: event.id.toString(),
      type: event.type,
      occurredAt: event.occurredAt,
      actorName: ZActorSnapshot.safeParse(event.actorSnapshot).data?.name ?? null,
      subject: event.subjectType === "Score" ? (event.subjectId ?? "") : "",
      changes: changedFields(event.before, event.after),
    })),
  });
}

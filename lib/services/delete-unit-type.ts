import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { vietnamDateOf } from "@/lib/domain/calendar-date";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { notEndedOn } from "./admin-input";
import { appendAuditEvent } from "./audit";
import { Refusal, withRefusals } from "./refusal";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";

export const ZDeleteUnitTypeInput = z.object({ unitTypeId: z.string().min(1).max(100) });
export type TDeleteUnitTypeInput = z.input<typeof ZDeleteUnitTypeInput>;

/**
 * Deletes a unit type created by mistake (UNIT_TYPE_DELETED, with what it was). Refused
 * (VALIDATION_FAILED) while it has agencies that have not ended, and whenever anything refers to
 * it — an agency, even an ended one, a criteria set, a grading band or a result: that is history,
 * and the type is deactivated instead.
 */
export async function deleteUnitType(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<{ unitTypeId: string }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "unitType.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZDeleteUnitTypeInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { unitTypeId } = parsed.data;
  const refusals = vi.adminOrg.unitTypes.refusals;

  return withRefusals(() =>
    db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ name: string; code: string; sortOrder: number; deactivatedAt: Date | null }[]>`
        SELECT "name", "code", "sortOrder", "deactivatedAt" FROM "UnitType" WHERE "id" = ${unitTypeId} FOR UPDATE`;
      if (!locked) throw new Refusal(failure("NOT_FOUND"));
      const activeAgencies = await tx.agency.count({ where: { unitTypeId, ...notEndedOn(vietnamDateOf(now)) } });
      if (activeAgencies > 0) {
        throw new Refusal(failure("VALIDATION_FAILED", { message: interpolate(refusals.hasActiveAgencies, { name: locked.name, count: activeAgencies }) }));
      }
      const references = await tx.unitType.findUniqueOrThrow({
        where: { id: unitTypeId },
        select: { _count: { select: { agencies: true, criteriaSets: true, gradingBands: true, results: true } } },
      });
      if (Object.values(references._count).some((count) => count > 0)) {
        throw new Refusal(failure("VALIDATION_FAILED", { message: interpolate(refusals.hasHistory, { name: locked.name }) }));
      }
      await tx.unitType.delete({ where: { id: unitTypeId } });
      await appendAuditEvent(tx, {
        type: "UNIT_TYPE_DELETED",
        actor,
        subjectType: "UnitType",
        subjectId: unitTypeId,
        before: { name: locked.name, code: locked.code, sortOrder: locked.sortOrder, deactivatedAt: locked.deactivatedAt?.toISOString() ?? null },
        after: null,
      });
      return success({ unitTypeId });
    }),
  );
}

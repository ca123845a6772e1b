import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { vietnamDateOf } from "@/lib/domain/calendar-date";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { notEndedOn, ZCheckbox } from "./admin-input";
import { appendAuditEvent } from "./audit";
import { Refusal, withRefusals } from "./refusal";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";

export const ZSetUnitTypeActiveInput = z.object({
  unitTypeId: z.string().min(1).max(100),
  isActive: ZCheckbox,
});
export type TSetUnitTypeActiveInput = z.input<typeof ZSetUnitTypeActiveInput>;

/**
 * Stops using a unit type (deactivatedAt) or uses it again (UNIT_TYPE_SAVED). A deactivated type
 * takes no new agencies and is not offered for new years' criteria sets; its agencies, sets and
 * results stay. Refused (VALIDATION_FAILED) while agencies of the type have not ended: they would
 * be left in a type nobody sets criteria for. Asking for the current state writes nothing.
 */
export async function setUnitTypeActive(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<{ deactivatedAt: Date | null }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "unitType.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZSetUnitTypeActiveInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { unitTypeId, isActive } = parsed.data;

  return withRefusals(() =>
    db.$transaction(async (tx) => {
      // FOR UPDATE: an agency being saved into this type (it takes FOR SHARE) waits, then sees the change.
      const [locked] = await tx.$queryRaw<{ name: string; deactivatedAt: Date | null }[]>`
        SELECT "name", "deactivatedAt" FROM "UnitType" WHERE "id" = ${unitTypeId} FOR UPDATE`;
      if (!locked) throw new Refusal(failure("NOT_FOUND"));
      if ((locked.deactivatedAt === null) === isActive) return success({ deactivatedAt: locked.deactivatedAt });
      if (!isActive) {
        const activeAgencies = await tx.agency.count({ where: { unitTypeId, ...notEndedOn(vietnamDateOf(now)) } });
        if (activeAgencies > 0) {
          throw new Refusal(failure("VALIDATION_FAILED", { message: interpolate(vi.adminOrg.unitTypes.refusals.hasActiveAgencies, { name: locked.name, count: activeAgencies }) }));
        }
      }
      const deactivatedAt = isActive ? null : now;
      await tx.unitType.update({ where: { id: unitTypeId }, data: { deactivatedAt } });
      await appendAuditEvent(tx, {
        type: "UNIT_TYPE_SAVED",
        actor,
        subjectType: "UnitType",
        subjectId: unitTypeId,
        before: { deactivatedAt: locked.deactivatedAt?.toISOString() ?? null },
        after: { deactivatedAt: deactivatedAt?.toISOString() ?? null },
      });
      return success({ deactivatedAt });
    }),
  );
}

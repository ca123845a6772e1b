import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { isUniqueViolation, ZCheckbox, zName, ZOptionalId } from "./admin-input";
import { appendAuditEvent } from "./audit";
import { fieldRefusal } from "./refusal";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";

const refusals = vi.adminOrg.appraiserUnits.refusals;

export const ZSaveAppraiserUnitInput = z.object({
  /** Absent or empty: a new appraiser unit. */
  appraiserUnitId: ZOptionalId,
  name: zName(300),
  /** The agency the unit is (Sở Tư pháp appraises and is appraised): its appraisers never judge it. */
  agencyId: ZOptionalId,
  /** Sở Nội vụ: its leads may act on every criterion. */
  isCoordinator: ZCheckbox,
});
export type TSaveAppraiserUnitInput = z.input<typeof ZSaveAppraiserUnitInput>;

type Values = { name: string; agencyId: string | null; isCoordinator: boolean };

/**
 * Creates an appraiser unit (đơn vị thẩm định), to which criteria and appraisers are then
 * assigned, or edits its name, agency and coordinator flag (APPRAISER_UNIT_SAVED, the changed
 * fields before → after). Refused (VALIDATION_FAILED) when another unit has the name or the agency
 * does not exist. Saving a unit unchanged writes nothing.
 */
export async function saveAppraiserUnit(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<{ appraiserUnitId: string }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  // Appraiser units are part of the organisation the administrator sets up with the agencies.
  if (!can(actor, "agency.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZSaveAppraiserUnitInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { appraiserUnitId, ...values } = parsed.data;

  const existing = appraiserUnitId
    ? await db.appraiserUnit.findUnique({ where: { id: appraiserUnitId }, select: { id: true, name: true, agencyId: true, isCoordinator: true } })
    : null;
  if (appraiserUnitId && !existing) return failure("NOT_FOUND");
  const changed = existing ? (Object.keys(values) as (keyof Values)[]).filter((key) => existing[key] !== values[key]) : null;
  if (existing && changed?.length === 0) return success({ appraiserUnitId: existing.id });

  const namesake = await db.appraiserUnit.findUnique({ where: { name: values.name }, select: { id: true } });
  if (namesake && namesake.id !== existing?.id) return fieldRefusal("name", interpolate(refusals.nameTaken, { name: values.name }));
  if (values.agencyId !== null && !(await db.agency.findUnique({ where: { id: values.agencyId }, select: { id: true } }))) {
    return fieldRefusal("agencyId", vi.adminOrg.agencies.refusals.agencyUnknown);
  }

  try {
    return await db.$transaction(async (tx) => {
      const saved = existing
        ? await tx.appraiserUnit.update({ where: { id: existing.id }, data: values, select: { id: true } })
        : await tx.appraiserUnit.create({ data: values, select: { id: true } });
      await appendAuditEvent(tx, {
        type: "APPRAISER_UNIT_SAVED",
        actor,
        subjectType: "AppraiserUnit",
        subjectId: saved.id,
        before: existing && changed ? Object.fromEntries(changed.map((key) => [key, existing[key]])) : null,
        after: changed ? Object.fromEntries(changed.map((key) => [key, values[key]])) : values,
      });
      return success({ appraiserUnitId: saved.id });
    });
  } catch (error) {
    if (isUniqueViolation(error, "name")) return fieldRefusal("name", interpolate(refusals.nameTaken, { name: values.name }));
    throw error;
  }
}

import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { SLUG_PATTERN } from "@/lib/domain/slug";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { isUniqueViolation, zName, ZOptionalId } from "./admin-input";
import { appendAuditEvent } from "./audit";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";

const text = vi.adminOrg;

export const ZSaveUnitTypeInput = z.object({
  /** Absent or empty: a new unit type. */
  unitTypeId: ZOptionalId,
  name: zName(200),
  /** The stable machine name, e.g. "so-ban-nganh" (imports and exports refer to it). */
  code: z.string(text.validation.codeInvalid).trim().toLowerCase().max(50, interpolate(text.validation.tooLong, { max: 50 })).regex(SLUG_PATTERN, text.validation.codeInvalid),
  /** Where the type comes in lists and rankings. */
  sortOrder: z.coerce.number(text.validation.sortOrderInvalid).int(text.validation.sortOrderInvalid).min(0, text.validation.sortOrderInvalid).max(9999, text.validation.sortOrderInvalid),
});
export type TSaveUnitTypeInput = z.input<typeof ZSaveUnitTypeInput>;

/**
 * Creates a unit type (loại đơn vị) or edits one's name, code and order (UNIT_TYPE_SAVED, before →
 * after). Refused (VALIDATION_FAILED, on the field) when another type has the name or the code.
 * Saving a type unchanged writes nothing.
 */
export async function saveUnitType(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<{ unitTypeId: string }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "unitType.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZSaveUnitTypeInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { unitTypeId, ...fields } = parsed.data;

  const existing = unitTypeId
    ? await db.unitType.findUnique({ where: { id: unitTypeId }, select: { id: true, name: true, code: true, sortOrder: true } })
    : null;
  if (unitTypeId && !existing) return failure("NOT_FOUND");
  if (existing && existing.name === fields.name && existing.code === fields.code && existing.sortOrder === fields.sortOrder) {
    return success({ unitTypeId: existing.id });
  }
  const taken = await db.unitType.findMany({
    where: { OR: [{ name: fields.name }, { code: fields.code }], ...(existing ? { id: { not: existing.id } } : {}) },
    select: { name: true, code: true },
  });
  const refusal = duplicateRefusal(taken, fields);
  if (refusal) return refusal;

  try {
    return await db.$transaction(async (tx) => {
      const saved = existing
        ? await tx.unitType.update({ where: { id: existing.id }, data: fields, select: { id: true } })
        : await tx.unitType.create({ data: fields, select: { id: true } });
      await appendAuditEvent(tx, {
        type: "UNIT_TYPE_SAVED",
        actor,
        subjectType: "UnitType",
        subjectId: saved.id,
        before: existing ? { name: existing.name, code: existing.code, sortOrder: existing.sortOrder } : null,
        after: fields,
      });
      return success({ unitTypeId: saved.id });
    });
  } catch (error) {
    // Another administrator saved the same name or code between the check and the write.
    if (isUniqueViolation(error, "name") || isUniqueViolation(error, "code")) {
      return duplicateRefusal([{ name: isUniqueViolation(error, "name") ? fields.name : "", code: isUniqueViolation(error, "code") ? fields.code : "" }], fields) ?? failure("VALIDATION_FAILED");
    }
    throw error;
  }
}

function duplicateRefusal(taken: { name: string; code: string }[], fields: { name: string; code: string }) {
  const issues = [
    ...(taken.some((row) => row.name === fields.name) ? [{ path: "name", message: interpolate(text.unitTypes.refusals.nameTaken, { name: fields.name }) }] : []),
    ...(taken.some((row) => row.code === fields.code) ? [{ path: "code", message: interpolate(text.unitTypes.refusals.codeTaken, { code: fields.code }) }] : []),
  ];
  return issues.length > 0 ? failure("VALIDATION_FAILED", { message: issues[0]?.message, issues }) : null;
}

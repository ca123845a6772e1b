import "server-only";

import type { Option } from "@/components/admin/form-fields";
import type { PrismaClient } from "@/lib/db/prisma";
import { vietnamDateOf } from "@/lib/domain/calendar-date";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { notEndedOn } from "@/lib/services/admin-input";

const { adminOrg: text } = getMessages("vi");

/** The unit types a form offers: those in use, and `keepId` (an agency's own type) even if deactivated. */
export async function unitTypeOptions(db: PrismaClient, keepId: string | null = null): Promise<Option[]> {
  const unitTypes = await db.unitType.findMany({
    where: { OR: [{ deactivatedAt: null }, ...(keepId ? [{ id: keepId }] : [])] },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, deactivatedAt: true },
  });
  return unitTypes.map((unitType) => ({
    value: unitType.id,
    label: unitType.deactivatedAt ? interpolate(text.agencies.unitTypeDeactivated, { name: unitType.name }) : unitType.name,
  }));
}

/** Every agency by name (ended ones too: a commune's parent may be a former district), except `excludeId`. */
export async function agencyOptions(db: PrismaClient, excludeId: string | null = null): Promise<Option[]> {
  const agencies = await db.agency.findMany({
    where: excludeId ? { id: { not: excludeId } } : {},
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return agencies.map((agency) => ({ value: agency.id, label: agency.name }));
}

/**
 * What the merge and split forms offer: the agencies that have not ended today (the ones that can
 * merge, split or take others in), the unit types for a new successor, and the agency the page was
 * opened from (`?tu=`) when it is one of them.
 */
export async function successionFormOptions(db: PrismaClient, from: string | string[] | undefined): Promise<{ agencies: Option[]; unitTypes: Option[]; fromId: string | null }> {
  const [agencies, unitTypes] = await Promise.all([
    db.agency.findMany({ where: notEndedOn(vietnamDateOf(new Date())), orderBy: { name: "asc" }, select: { id: true, name: true } }),
    unitTypeOptions(db),
  ]);
  const options = agencies.map((agency) => ({ value: agency.id, label: agency.name }));
  return { agencies: options, unitTypes, fromId: typeof from === "string" && options.some((option) => option.value === from) ? from : null };
}

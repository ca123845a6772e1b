import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { calendarDateOf, dateValueOf, vietnamDateOf } from "@/lib/domain/calendar-date";
import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugify } from "@/lib/domain/slug";
import { formatDate, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { isUniqueViolation, ZCheckbox, zName, ZOptionalCalendarDate, ZOptionalId, zOptionalText } from "./admin-input";
import { appendAuditEvent } from "./audit";
import { fieldRefusal, Refusal, withRefusals } from "./refusal";
import { failure, success, validationFailure, type ServiceError, type ServiceResult } from "./service-result";

const text = vi.adminOrg;

/** The fields of an agency as forms send them; shared by the merge and split of a new successor. */
export const ZAgencyFields = z.object({
  name: zName(300),
  shortName: zOptionalText(100),
  /** Empty: derived from the name for a new agency, unchanged for an existing one. */
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(SLUG_MAX_LENGTH, interpolate(text.validation.tooLong, { max: SLUG_MAX_LENGTH }))
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || SLUG_PATTERN.test(value), text.validation.slugInvalid),
  unitTypeId: z.string(text.validation.unitTypeRequired).trim().min(1, text.validation.unitTypeRequired).max(100),
  parentId: ZOptionalId,
  isRanked: ZCheckbox,
});

export const ZSaveAgencyInput = ZAgencyFields.extend({
  /** Absent or empty: a new agency. */
  agencyId: ZOptionalId,
  activeFrom: ZOptionalCalendarDate,
  /** The agency's last day; setting it is how an agency stops (it keeps its history). */
  activeTo: ZOptionalCalendarDate,
}).refine((input) => !input.activeFrom || !input.activeTo || input.activeFrom <= input.activeTo, {
  path: ["activeTo"],
  message: text.validation.activeToBeforeFrom,
});
export type TSaveAgencyInput = z.input<typeof ZSaveAgencyInput>;

type AgencyValues = {
  name: string;
  shortName: string | null;
  slug: string;
  unitTypeId: string;
  parentId: string | null;
  activeFrom: string | null;
  activeTo: string | null;
  isRanked: boolean;
};

const AGENCY_COLUMNS = {
  id: true,
  name: true,
  shortName: true,
  slug: true,
  unitTypeId: true,
  parentId: true,
  activeFrom: true,
  activeTo: true,
  isRanked: true,
  _count: { select: { results: true } },
  successions: { select: { effectiveOn: true }, orderBy: { effectiveOn: "asc" }, take: 1 },
  predecessions: { select: { effectiveOn: true }, orderBy: { effectiveOn: "asc" }, take: 1 },
} as const satisfies Prisma.AgencySelect;

/**
 * Creates an agency, or edits one: name, short name, slug, unit type, parent, active from/to and
 * whether it is ranked (AGENCY_SAVED, the changed fields before → after). Ending an agency is
 * setting its last day (activeTo): its assessments and results stay under its name.
 *
 * Refused (VALIDATION_FAILED, on the field):
 * - the slug is another agency's, or it changes once the agency has results (public pages and
 *   published data link to it);
 * - the unit type is deactivated and the agency is new, moves into it, or is active in it;
 * - the parent is the agency itself or one of its own descendants;
 * - the dates contradict a recorded merge or split (it must end before the day it became its
 *   successor; it cannot start after the day it took over its predecessors).
 */
export async function saveAgency(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<{ agencyId: string; slug: string }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "agency.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZSaveAgencyInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { agencyId, ...input } = parsed.data;

  const existing = agencyId ? await db.agency.findUnique({ where: { id: agencyId }, select: AGENCY_COLUMNS }) : null;
  if (agencyId && !existing) return failure("NOT_FOUND");
  const before = existing ? valuesOf(existing) : null;
  const values: AgencyValues = { ...input, slug: input.slug ?? before?.slug ?? slugify(input.name) };
  if (!SLUG_PATTERN.test(values.slug)) return fieldRefusal("slug", text.validation.slugInvalid);
  const changed = before ? changedKeys(before, values) : null;
  if (changed !== null && changed.length === 0) return success({ agencyId: existing!.id, slug: values.slug });

  if (existing && before && values.slug !== before.slug && existing._count.results > 0) {
    return fieldRefusal("slug", interpolate(text.agencies.refusals.slugFrozen, { slug: before.slug }));
  }
  const succeededOn = existing?.successions[0]?.effectiveOn;
  if (succeededOn && (values.activeTo === null || dateValueOf(values.activeTo) >= succeededOn)) {
    return fieldRefusal("activeTo", interpolate(text.agencies.refusals.endsAfterSuccession, { date: formatDate(succeededOn) }));
  }
  const tookOverOn = existing?.predecessions[0]?.effectiveOn;
  if (tookOverOn && values.activeFrom !== null && dateValueOf(values.activeFrom) > tookOverOn) {
    return fieldRefusal("activeFrom", interpolate(text.agencies.refusals.startsAfterTakeOver, { date: formatDate(tookOverOn) }));
  }
  if (values.parentId !== null && (!before || before.parentId !== values.parentId)) {
    const refusal = await checkParent(db, existing?.id ?? null, values.parentId);
    if (refusal) return refusal;
  }
  const slugOwner = await db.agency.findUnique({ where: { slug: values.slug }, select: { id: true, name: true } });
  if (slugOwner && slugOwner.id !== existing?.id) {
    return fieldRefusal("slug", interpolate(text.agencies.refusals.slugTaken, { slug: values.slug, name: slugOwner.name }));
  }

  try {
    return await withRefusals(() =>
      db.$transaction(async (tx) => {
        await checkUnitTypeTakes(tx, values, before, now);
        const data = {
          ...values,
          activeFrom: values.activeFrom === null ? null : dateValueOf(values.activeFrom),
          activeTo: values.activeTo === null ? null : dateValueOf(values.activeTo),
        };
        const saved = existing
          ? await tx.agency.update({ where: { id: existing.id }, data, select: { id: true } })
          : await tx.agency.create({ data, select: { id: true } });
        await appendAuditEvent(tx, {
          type: "AGENCY_SAVED",
          actor,
          subjectType: "Agency",
          subjectId: saved.id,
          before: before && changed ? pick(before, changed) : null,
          after: changed ? pick(values, changed) : values,
        });
        return success({ agencyId: saved.id, slug: values.slug });
      }),
    );
  } catch (error) {
    // Another agency took the slug between the check and the write.
    if (isUniqueViolation(error, "slug")) return fieldRefusal("slug", text.agencies.refusals.slugJustTaken);
    throw error;
  }
}

/**
 * Refuses (thrown Refusal) an agency the unit type cannot take: a deactivated type takes no new
 * agency, no agency moved into it, and no agency active in it. Takes the type's row FOR SHARE,
 * so deactivating it (FOR UPDATE) waits for this save, then counts the agency.
 */
export async function checkUnitTypeTakes(
  tx: Prisma.TransactionClient,
  agency: { unitTypeId: string; activeTo: string | null },
  before: { unitTypeId: string } | null,
  now: Date,
): Promise<void> {
  const [unitType] = await tx.$queryRaw<{ name: string; deactivatedAt: Date | null }[]>`
    SELECT "name", "deactivatedAt" FROM "UnitType" WHERE "id" = ${agency.unitTypeId} FOR SHARE`;
  if (!unitType) throw new Refusal(fieldRefusal("unitTypeId", text.agencies.refusals.unitTypeUnknown));
  const isActive = agency.activeTo === null || agency.activeTo >= vietnamDateOf(now);
  if (unitType.deactivatedAt !== null && (before === null || before.unitTypeId !== agency.unitTypeId || isActive)) {
    throw new Refusal(fieldRefusal("unitTypeId", interpolate(text.agencies.refusals.unitTypeDeactivated, { name: unitType.name })));
  }
}

/** The parent must exist and must not be the agency itself or below it (no cycle in the tree). */
async function checkParent(db: PrismaClient, agencyId: string | null, parentId: string): Promise<ServiceError | null> {
  let current: string | null = parentId;
  const seen = new Set<string>();
  while (current !== null && !seen.has(current)) {
    if (current === agencyId) return fieldRefusal("parentId", text.agencies.refusals.parentCycle);
    seen.add(current);
    const row: { parentId: string | null } | null = await db.agency.findUnique({ where: { id: current }, select: { parentId: true } });
    if (!row) return current === parentId ? fieldRefusal("parentId", text.agencies.refusals.parentUnknown) : null;
    current = row.parentId;
  }
  return null;
}

function valuesOf(agency: {
  name: string;
  shortName: string | null;
  slug: string;
  unitTypeId: string;
  parentId: string | null;
  activeFrom: Date | null;
  activeTo: Date | null;
  isRanked: boolean;
}): AgencyValues {
  return {
    name: agency.name,
    shortName: agency.shortName,
    slug: agency.slug,
    unitTypeId: agency.unitTypeId,
    parentId: agency.parentId,
    activeFrom: agency.activeFrom ? calendarDateOf(agency.activeFrom) : null,
    activeTo: agency.activeTo ? calendarDateOf(agency.activeTo) : null,
    isRanked: agency.isRanked,
  };
}

function changedKeys(before: AgencyValues, after: AgencyValues): (keyof AgencyValues)[] {
  return (Object.keys(after) as (keyof AgencyValues)[]).filter((key) => before[key] !== after[key]);
}

function pick(values: AgencyValues, keys: readonly (keyof AgencyValues)[]): Partial<AgencyValues> {
  return Object.fromEntries(keys.map((key) => [key, values[key]]));
}

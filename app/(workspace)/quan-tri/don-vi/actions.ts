"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { getSessionUserId } from "@/lib/auth/session";
import { revalidatePublicPages } from "@/lib/public-cache/revalidate-public-pages";
import { getPrisma } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import { deleteUnitType } from "@/lib/services/delete-unit-type";
import { mergeAgencies } from "@/lib/services/merge-agencies";
import { saveAgency } from "@/lib/services/save-agency";
import { saveAppraiserUnit } from "@/lib/services/save-appraiser-unit";
import { saveUnitType } from "@/lib/services/save-unit-type";
import { setUnitTypeActive } from "@/lib/services/set-unit-type-active";
import { splitAgency } from "@/lib/services/split-agency";

import { stateOf, textOf, type AdminFormState } from "../form-state";

// Public endpoints like any server action: each reads the session and the service checks that
// the caller may manage the organisation. Thin: FormData → service input → revalidate.

const text = vi.adminOrg;
const ORGANISATION = "/quan-tri/don-vi";

export async function saveUnitTypeAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await saveUnitType(getPrisma(), await getSessionUserId(), {
    unitTypeId: textOf(form, "unitTypeId"),
    name: textOf(form, "name"),
    code: textOf(form, "code"),
    sortOrder: textOf(form, "sortOrder"),
  });
  if (result.ok) {
    revalidatePath(ORGANISATION, "layout");
    revalidatePublicPages(); // agency profiles show the unit type's current name
  }
  return stateOf(result, form, text.saved);
}

export async function setUnitTypeActiveAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const isActive = textOf(form, "isActive") === "true";
  const result = await setUnitTypeActive(getPrisma(), await getSessionUserId(), { unitTypeId: textOf(form, "unitTypeId"), isActive });
  if (result.ok) revalidatePath(ORGANISATION, "layout");
  return stateOf(result, form, isActive ? text.unitTypes.reactivated : text.unitTypes.deactivated);
}

export async function deleteUnitTypeAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await deleteUnitType(getPrisma(), await getSessionUserId(), { unitTypeId: textOf(form, "unitTypeId") });
  if (result.ok) revalidatePath(ORGANISATION, "layout");
  return stateOf(result, form, text.unitTypes.deleted);
}

function agencyFields(form: FormData) {
  return {
    name: textOf(form, "name"),
    shortName: textOf(form, "shortName"),
    slug: textOf(form, "slug"),
    unitTypeId: textOf(form, "unitTypeId"),
    parentId: textOf(form, "parentId"),
    isRanked: textOf(form, "isRanked"),
  };
}

/** Saves an agency; a new one opens its own page. */
export async function saveAgencyAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const agencyId = textOf(form, "agencyId");
  const result = await saveAgency(getPrisma(), await getSessionUserId(), {
    ...agencyFields(form),
    agencyId,
    activeFrom: textOf(form, "activeFrom"),
    activeTo: textOf(form, "activeTo"),
  });
  if (!result.ok) return stateOf(result, form, text.saved);
  revalidatePath(ORGANISATION, "layout");
  // Agency profiles show the current name, unit type, end date and successors.
  revalidatePublicPages();
  if (!agencyId) redirect(`${ORGANISATION}/${result.value.agencyId}?moi=1`);
  return stateOf(result, form, text.saved);
}

/** A successor group of the merge or split form: an existing agency, or a new one's fields. */
function successorOf(form: FormData, prefix: string) {
  const agencyId = textOf(form, `${prefix}agencyId`);
  if (agencyId) return { kind: "existing" as const, agencyId };
  return {
    kind: "new" as const,
    name: textOf(form, `${prefix}name`),
    shortName: textOf(form, `${prefix}shortName`),
    slug: textOf(form, `${prefix}slug`),
    unitTypeId: textOf(form, `${prefix}unitTypeId`),
    isRanked: textOf(form, `${prefix}isRanked`),
  };
}

export async function mergeAgenciesAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const predecessorIds = form.getAll("predecessorIds").filter((value): value is string => typeof value === "string" && value !== "");
  const result = await mergeAgencies(getPrisma(), await getSessionUserId(), {
    predecessorIds,
    successor: successorOf(form, textOf(form, "successorKind") === "new" ? "new." : "existing."),
    effectiveOn: textOf(form, "effectiveOn"),
    note: textOf(form, "note"),
  });
  if (!result.ok) return stateOf(result, form, "");
  revalidatePath(ORGANISATION, "layout");
  // Agency profiles show the current name, unit type, end date and successors.
  revalidatePublicPages();
  const successorId = result.value.successorIds[0]!;
  const successor = await getPrisma().agency.findUniqueOrThrow({ where: { id: successorId }, select: { name: true } });
  const message = interpolate(text.succession.merged, { name: successor.name });
  return stateOf(result, form, message, { href: `${ORGANISATION}/${successorId}`, label: successor.name });
}

/** Up to this many successor groups in the split form; the empty ones are ignored. */
const SPLIT_GROUPS = 4;

export async function splitAgencyAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  // The groups filled in, by their number in the form: the service numbers only these.
  const groups = Array.from({ length: SPLIT_GROUPS }, (_, index) => index).filter(
    (index) => textOf(form, `successors.${index}.agencyId`) || textOf(form, `successors.${index}.name`).trim(),
  );
  const successors = groups.map((index) => successorOf(form, `successors.${index}.`));
  const predecessorId = textOf(form, "predecessorId");
  const result = await splitAgency(getPrisma(), await getSessionUserId(), {
    predecessorId,
    successors,
    effectiveOn: textOf(form, "effectiveOn"),
    note: textOf(form, "note"),
  });
  if (!result.ok) {
    const issues = result.issues?.map((issue) => ({ ...issue, path: issue.path.replace(/^successors\.(\d+)\./, (_, index: string) => `successors.${groups[Number(index)] ?? index}.`) }));
    return stateOf({ ...result, ...(issues ? { issues } : {}) }, form, "");
  }
  revalidatePath(ORGANISATION, "layout");
  // Agency profiles show the current name, unit type, end date and successors.
  revalidatePublicPages();
  const predecessor = await getPrisma().agency.findUniqueOrThrow({ where: { id: predecessorId }, select: { name: true } });
  return stateOf(result, form, interpolate(text.succession.split, { name: predecessor.name }), { href: `${ORGANISATION}/${predecessorId}`, label: predecessor.name });
}

export async function saveAppraiserUnitAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await saveAppraiserUnit(getPrisma(), await getSessionUserId(), {
    appraiserUnitId: textOf(form, "appraiserUnitId"),
    name: textOf(form, "name"),
    agencyId: textOf(form, "agencyId"),
    isCoordinator: textOf(form, "isCoordinator"),
  });
  if (result.ok) revalidatePath(ORGANISATION, "layout");
  return stateOf(result, form, text.saved);
}

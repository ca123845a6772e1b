"use server";

import { revalidatePath } from "next/cache";

import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import { createUser } from "@/lib/services/create-user";
import { setUserActive } from "@/lib/services/set-user-active";
import { updateUser } from "@/lib/services/update-user";

import { stateOf, textOf, type AdminFormState } from "../form-state";

// Public endpoints like any server action: each reads the session and the service checks that
// the caller may manage users.

const text = vi.adminOrg.users;
const USERS = "/quan-tri/nguoi-dung";

function accountFields(form: FormData) {
  return {
    name: textOf(form, "name"),
    email: textOf(form, "email"),
    roles: form.getAll("roles").filter((role): role is string => typeof role === "string"),
    agencyId: textOf(form, "agencyId"),
    appraiserUnitId: textOf(form, "appraiserUnitId"),
    isAppraisalLead: textOf(form, "isAppraisalLead"),
  };
}

/** Creates the account and shows its temporary password, once: it is not stored anywhere readable. */
export async function createUserAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await createUser(getPrisma(), await getSessionUserId(), accountFields(form));
  if (!result.ok) return stateOf(result, form, "");
  revalidatePath(USERS);
  const { userId, userName, temporaryPassword } = result.value;
  return stateOf(result, form, interpolate(text.created, { name: userName, password: temporaryPassword }), { href: `${USERS}/${userId}`, label: text.openAccount });
}

export async function updateUserAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await updateUser(getPrisma(), await getSessionUserId(), { ...accountFields(form), userId: textOf(form, "userId") });
  if (result.ok) revalidatePath(USERS, "layout");
  return stateOf(result, form, vi.adminOrg.saved);
}

export async function setUserActiveAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const isActive = textOf(form, "isActive") === "true";
  const result = await setUserActive(getPrisma(), await getSessionUserId(), { userId: textOf(form, "userId"), isActive });
  if (result.ok) revalidatePath(USERS, "layout");
  return stateOf(result, form, isActive ? text.enabled : text.disabled);
}

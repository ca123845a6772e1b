"use server";

import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import { resetUserPassword } from "@/lib/services/reset-user-password";

export type ResetPasswordState = { message: string; isError: boolean } | null;

/** A public endpoint like any server action: the service checks the caller may manage users. */
export async function resetUserPasswordAction(_previous: ResetPasswordState, form: FormData): Promise<ResetPasswordState> {
  const userId = await getSessionUserId();
  const result = await resetUserPassword(getPrisma(), userId, { userId: String(form.get("userId") ?? "") });
  if (!result.ok) return { message: result.message, isError: true };
  return { message: interpolate(vi.auth.temporaryPasswordIssued, { name: result.value.userName, password: result.value.temporaryPassword }), isError: false };
}

"use server";

import { getServerSession } from "next-auth";

import { authOptions } from "@/lib/auth/auth-options";
import { getPrisma } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import { resetUserPassword } from "@/lib/services/reset-user-password";

export type ResetPasswordState = { message: string; isError: boolean } | null;

/** A public endpoint like any server action: the service checks the caller may manage users. */
export async function resetUserPasswordAction(_previous: ResetPasswordState, form: FormData): Promise<ResetPasswordState> {
  const session = await getServerSession(authOptions);
  const result = await resetUserPassword(getPrisma(), session?.user?.id, { userId: String(form.get("userId") ?? "") });
  if (!result.ok) return { message: result.message, isError: true };
  return { message: interpolate(vi.auth.temporaryPasswordIssued, { name: result.value.userName, password: result.value.temporaryPassword }), isError: false };
}

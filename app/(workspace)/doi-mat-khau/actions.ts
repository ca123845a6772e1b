"use server";

import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { vi } from "@/lib/i18n/vi";
import { changeOwnPassword } from "@/lib/services/change-own-password";

export type ChangePasswordState = { message: string; isError: boolean; fieldErrors: Record<string, string> } | null;

export async function changeOwnPasswordAction(_previous: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  const userId = await getSessionUserId();
  const result = await changeOwnPassword(getPrisma(), userId, {
    currentPassword: String(form.get("currentPassword") ?? ""),
    newPassword: String(form.get("newPassword") ?? ""),
    confirmPassword: String(form.get("confirmPassword") ?? ""),
  });
  if (result.ok) return { message: vi.auth.passwordChanged, isError: false, fieldErrors: {} };
  const fieldErrors = Object.fromEntries((result.issues ?? []).map((issue) => [issue.path, issue.message]));
  if (result.code === "WRONG_PASSWORD") fieldErrors.currentPassword = result.message;
  return { message: result.message, isError: true, fieldErrors };
}

import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/password";
import { can } from "@/lib/auth/policy";
import { accountKey } from "@/lib/auth/sign-in-throttle";
import type { PrismaClient } from "@/lib/db/prisma";

import { appendAuditEvent } from "./audit";
import { failure, success, type ServiceResult } from "./service-result";

export const ZResetUserPasswordInput = z.object({ userId: z.string().min(1).max(100) });
export type TResetUserPasswordInput = z.input<typeof ZResetUserPasswordInput>;

/**
 * An administrator gives a user a one-time temporary password, shown once to the administrator;
 * the user must replace it at the next sign-in.
 */
export async function resetUserPassword(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
): Promise<ServiceResult<{ userName: string; temporaryPassword: string }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZResetUserPasswordInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");
  if (!can(actor, "user.manage", { kind: "user", userId: parsed.data.userId })) return failure("FORBIDDEN");
  const user = await db.user.findUnique({ where: { id: parsed.data.userId }, select: { id: true, name: true, email: true, mustChangePassword: true } });
  if (!user) return failure("NOT_FOUND");

  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: true } });
    // The new password is meant to work now: lift a lock left by failed attempts on the account.
    await tx.signInThrottle.deleteMany({ where: { key: accountKey(user.email) } });
    await appendAuditEvent(tx, {
      type: "PASSWORD_RESET",
      actor,
      subjectType: "User",
      subjectId: user.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: true },
    });
  });
  return success({ userName: user.name, temporaryPassword });
}

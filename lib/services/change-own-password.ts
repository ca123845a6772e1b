import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword, ZNewPassword } from "@/lib/auth/password";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { vi } from "@/lib/i18n/vi";

import { appendAuditEvent } from "./audit";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";

export const ZChangeOwnPasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(500),
    newPassword: ZNewPassword,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { message: vi.auth.passwordMismatch, path: ["confirmPassword"] })
  .refine((input) => input.newPassword !== input.currentPassword, { message: vi.auth.passwordSameAsOld, path: ["newPassword"] });
export type TChangeOwnPasswordInput = z.input<typeof ZChangeOwnPasswordInput>;

/** A user replaces their own password (also the way out of a temporary one). */
export async function changeOwnPassword(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<null>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "user.changeOwnPassword", { kind: "user", userId: actor.id })) return failure("FORBIDDEN");
  const parsed = ZChangeOwnPasswordInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(passwordHash, parsed.data.currentPassword))) return failure("WRONG_PASSWORD");
  const newHash = await hashPassword(parsed.data.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash: newHash, mustChangePassword: false } });
    // Never the passwords or their hashes: only that it happened.
    await appendAuditEvent(tx, {
      type: "PASSWORD_CHANGED",
      actor,
      subjectType: "User",
      subjectId: actor.id,
      before: { mustChangePassword: actor.mustChangePassword },
      after: { mustChangePassword: false },
    });
  });
  return success(null);
}

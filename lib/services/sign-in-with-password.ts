import "server-only";

import { z } from "zod";

import { verifyAgainstNothing, verifyPassword } from "@/lib/auth/password";
import { accountKey, addressKey, clearFailures, findLock, recordFailure, SIGN_IN_LIMITS } from "@/lib/auth/sign-in-throttle";
import type { PrismaClient } from "@/lib/db/prisma";

import { appendAuditEvent, type AuditActor } from "./audit";

export const ZSignInWithPasswordInput = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(500),
  ipAddress: z.string().trim().max(100).catch("unknown"),
});
export type TSignInWithPasswordInput = z.input<typeof ZSignInWithPasswordInput>;

export type SignInOutcome =
  | { ok: true; user: { id: string; name: string; email: string } }
  /** Generic on purpose: never says whether the e-mail exists or the account is disabled. */
  | { ok: false; code: "INVALID_CREDENTIALS" }
  | { ok: false; code: "LOCKED"; lockedUntil: Date };

/**
 * Checks an e-mail and password. Refuses while the account or the client address is locked by
 * throttling, counts every failure, and records every success and failure as an audit event.
 */
export async function signInWithPassword(db: PrismaClient, rawInput: TSignInWithPasswordInput, now: Date = new Date()): Promise<SignInOutcome> {
  const parsed = ZSignInWithPasswordInput.safeParse(rawInput);
  const input = parsed.success ? parsed.data : { email: "", password: "", ipAddress: "unknown" };
  const keys = [accountKey(input.email), addressKey(input.ipAddress)];

  const lockedUntil = await findLock(db, keys, now);
  if (lockedUntil) {
    await db.$transaction((tx) => appendFailure(tx, input, null, "LOCKED"));
    return { ok: false, code: "LOCKED", lockedUntil };
  }

  const user = input.email
    ? await db.user.findUnique({
        where: { email: input.email },
        select: { id: true, name: true, email: true, passwordHash: true, isActive: true, roles: true, agencyId: true, appraiserUnitId: true },
      })
    : null;
  const isPasswordRight = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstNothing(input.password);
  const actor: AuditActor | null = user ? { id: user.id, name: user.name, email: user.email, roles: user.roles, agencyId: user.agencyId, appraiserUnitId: user.appraiserUnitId } : null;

  if (!user || !user.isActive || !isPasswordRight) {
    const lock = await db.$transaction(async (tx) => {
      const accountLock = await recordFailure(tx, accountKey(input.email), SIGN_IN_LIMITS.failuresPerAccount, now);
      const addressLock = await recordFailure(tx, addressKey(input.ipAddress), SIGN_IN_LIMITS.failuresPerAddress, now);
      await appendFailure(tx, input, actor, !user ? "UNKNOWN_EMAIL" : !user.isActive ? "DISABLED" : "WRONG_PASSWORD");
      return accountLock ?? addressLock;
    });
    // The attempt that reaches the limit already says when to come back.
    return lock ? { ok: false, code: "LOCKED", lockedUntil: lock } : { ok: false, code: "INVALID_CREDENTIALS" };
  }

  await db.$transaction(async (tx) => {
    await clearFailures(tx, accountKey(input.email));
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await appendAuditEvent(tx, { type: "USER_SIGNED_IN", actor, subjectType: "User", subjectId: user.id, ipAddress: input.ipAddress });
  });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}

function appendFailure(
  tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0],
  input: { email: string; ipAddress: string },
  actor: AuditActor | null,
  reason: "LOCKED" | "UNKNOWN_EMAIL" | "DISABLED" | "WRONG_PASSWORD",
) {
  // The reason stays in the audit trail for administrators; the person signing in only ever sees
  // the generic message.
  return appendAuditEvent(tx, {
    type: "USER_SIGN_IN_FAILED",
    actor,
    subjectType: "User",
    subjectId: actor?.id ?? null,
    after: { email: input.email, reason },
    ipAddress: input.ipAddress,
  });
}

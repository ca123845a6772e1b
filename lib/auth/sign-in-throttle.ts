import type { Prisma } from "@/lib/db/generated/prisma/client";

// After 5 failures for one account or 20 from one address within 15 minutes, further attempts
// are refused for 15 minutes. The per-account limit stops guessing one password; the per-address
// limit stops one client spraying many accounts.
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  failuresPerAccount: 5,
  failuresPerAddress: 20,
} as const;

export const accountKey = (email: string) => `email:${email}`;
export const addressKey = (ipAddress: string) => `ip:${ipAddress}`;

/** The latest time any of the keys is locked until, or null when none is locked at `now`. */
export async function findLock(db: Prisma.TransactionClient, keys: string[], now: Date): Promise<Date | null> {
  const locks = await db.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } }, select: { lockedUntil: true } });
  return locks.reduce<Date | null>((latest, lock) => (lock.lockedUntil && (!latest || lock.lockedUntil > latest) ? lock.lockedUntil : latest), null);
}

/**
 * Counts one failure for a key (atomically: concurrent attempts cannot slip under the limit) and
 * locks it when the count in the current window reaches `limit`. Returns the lock's end, if any.
 */
export async function recordFailure(db: Prisma.TransactionClient, key: string, limit: number, now: Date): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const [row] = await db.$queryRaw<{ failureCount: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "failureCount", "windowStartedAt", "updatedAt")
    VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failureCount" = CASE WHEN "SignInThrottle"."windowStartedAt" <= ${windowStart} THEN 1 ELSE "SignInThrottle"."failureCount" + 1 END,
      "windowStartedAt" = CASE WHEN "SignInThrottle"."windowStartedAt" <= ${windowStart} THEN ${now} ELSE "SignInThrottle"."windowStartedAt" END,
      "updatedAt" = ${now}
    RETURNING "failureCount"`;
  if (!row || row.failureCount < limit) return null;
  const lockedUntil = new Date(now.getTime() + SIGN_IN_LIMITS.lockMs);
  // The lock replaces the count: after it, the account starts a fresh window.
  await db.signInThrottle.update({ where: { key }, data: { lockedUntil, failureCount: 0, windowStartedAt: now } });
  return lockedUntil;
}

/** A successful sign-in clears the account's count (not the address's: that would let a sprayer reset it). */
export async function clearFailures(db: Prisma.TransactionClient, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key, OR: [{ lockedUntil: null }, { lockedUntil: { lte: new Date() } }] } });
}

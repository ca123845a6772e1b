import "server-only";

import type { Prisma } from "@/lib/db/generated/prisma/client";

import type { PolicyUser } from "./policy";

/** The user acting now, read fresh from the database on every request: a disabled account stops at once. */
export type Actor = PolicyUser & {
  name: string;
  email: string;
  mustChangePassword: boolean;
};

const ACTOR_COLUMNS = {
  id: true,
  name: true,
  email: true,
  roles: true,
  agencyId: true,
  appraiserUnitId: true,
  appraiserUnit: { select: { agencyId: true } },
  isAppraisalLead: true,
  isActive: true,
  mustChangePassword: true,
} as const;

/** The actor for a session's user id; null when the account no longer exists or is disabled. */
export async function loadActor(db: Prisma.TransactionClient, userId: string | null | undefined): Promise<Actor | null> {
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: ACTOR_COLUMNS });
  if (!user || !user.isActive) return null;
  const { appraiserUnit, ...columns } = user;
  return { ...columns, roles: [...user.roles], appraiserUnitAgencyId: appraiserUnit?.agencyId ?? null };
}

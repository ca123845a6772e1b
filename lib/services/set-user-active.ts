import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { vi } from "@/lib/i18n/vi";

import { ZCheckbox } from "./admin-input";
import { appendAuditEvent } from "./audit";
import { Refusal, withRefusals } from "./refusal";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";
import { lockActiveAdministrators } from "./user-account-input";

export const ZSetUserActiveInput = z.object({ userId: z.string().min(1).max(100), isActive: ZCheckbox });
export type TSetUserActiveInput = z.input<typeof ZSetUserActiveInput>;

/**
 * Disables an account or enables it again (USER_UPDATED, isActive before → after). A disabled
 * account is refused at sign-in and on its next request (loadActor), whatever its session says;
 * users are never deleted, so the audit trail keeps its actors. Refused (VALIDATION_FAILED) for
 * one's own account and for the last active administrator. Asking for the current state writes
 * nothing.
 */
export async function setUserActive(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<{ isActive: boolean }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZSetUserActiveInput.safeParse(rawInput);
  if (!parsed.success) return can(actor, "user.manage", { kind: "province" }) ? validationFailure(parsed.error) : failure("FORBIDDEN");
  const { userId, isActive } = parsed.data;
  if (!can(actor, "user.manage", { kind: "user", userId })) return failure("FORBIDDEN");
  const refusals = vi.adminOrg.users.refusals;
  if (!isActive && userId === actor.id) return failure("VALIDATION_FAILED", { message: refusals.disableSelf });

  return withRefusals(() =>
    db.$transaction(async (tx) => {
      // The administrators first, then the account, always in that order: two of these at once
      // cannot deadlock, and the second sees what the first did.
      const administrators = isActive ? [] : await lockActiveAdministrators(tx);
      await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
      const user = await tx.user.findUnique({ where: { id: userId }, select: { isActive: true } });
      if (!user) throw new Refusal(failure("NOT_FOUND"));
      if (user.isActive === isActive) return success({ isActive });
      if (!isActive && administrators.includes(userId) && administrators.length === 1) {
        throw new Refusal(failure("VALIDATION_FAILED", { message: refusals.lastAdministrator }));
      }
      await tx.user.update({ where: { id: userId }, data: { isActive }, select: { id: true } });
      await appendAuditEvent(tx, { type: "USER_UPDATED", actor, subjectType: "User", subjectId: userId, before: { isActive: user.isActive }, after: { isActive } });
      return success({ isActive });
    }),
  );
}

import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { isUniqueViolation } from "./admin-input";
import { appendAuditEvent } from "./audit";
import { fieldRefusal, Refusal, withRefusals } from "./refusal";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";
import { auditedAccount, checkAccountReferences, lockActiveAdministrators, withScopeRules, ZUserAccountFields } from "./user-account-input";

export const ZUpdateUserInput = withScopeRules(ZUserAccountFields.extend({ userId: z.string().min(1).max(100) }));
export type TUpdateUserInput = z.input<typeof ZUpdateUserInput>;

const ACCOUNT_COLUMNS = { id: true, name: true, email: true, roles: true, agencyId: true, appraiserUnitId: true, isAppraisalLead: true, isActive: true } as const;

/**
 * Edits an account's name, e-mail, roles and scope (agency, appraiser unit, lead flag):
 * USER_UPDATED with the changed fields before → after, never a password hash. Saving an account
 * unchanged writes nothing.
 *
 * Refused (VALIDATION_FAILED) as createUser refuses, and when the change takes the administrator
 * role from the administrator acting (nobody locks themselves out) or from the last active
 * administrator (checked with the administrators' rows locked).
 */
export async function updateUser(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<{ userId: string }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZUpdateUserInput.safeParse(rawInput);
  if (!parsed.success) return can(actor, "user.manage", { kind: "province" }) ? validationFailure(parsed.error) : failure("FORBIDDEN");
  const { userId, ...account } = parsed.data;
  if (!can(actor, "user.manage", { kind: "user", userId })) return failure("FORBIDDEN");

  const existing = await db.user.findUnique({ where: { id: userId }, select: ACCOUNT_COLUMNS });
  if (!existing) return failure("NOT_FOUND");
  const before = auditedAccount({ ...existing, roles: existing.roles });
  const after = auditedAccount(account);
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (changed.length === 0) return success({ userId });

  const losesAdmin = existing.roles.includes("ADMIN") && !account.roles.includes("ADMIN");
  const refusals = vi.adminOrg.users.refusals;
  if (losesAdmin && userId === actor.id) return fieldRefusal("roles", refusals.ownAdminRole);
  const refusal = await checkAccountReferences(db, account, existing, now);
  if (refusal) return refusal;

  try {
    return await withRefusals(() =>
      db.$transaction(async (tx) => {
        if (losesAdmin && existing.isActive) {
          const administrators = await lockActiveAdministrators(tx);
          if (administrators.every((id) => id === userId)) throw new Refusal(fieldRefusal("roles", refusals.lastAdministrator));
        }
        await tx.user.update({ where: { id: userId }, data: account, select: { id: true } });
        await appendAuditEvent(tx, {
          type: "USER_UPDATED",
          actor,
          subjectType: "User",
          subjectId: userId,
          before: Object.fromEntries(changed.map((key) => [key, before[key]])),
          after: Object.fromEntries(changed.map((key) => [key, after[key]])),
        });
        return success({ userId });
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error, "email")) return fieldRefusal("email", interpolate(refusals.emailTaken, { email: account.email }));
    throw error;
  }
}

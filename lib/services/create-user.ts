import "server-only";

import type { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/password";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { isUniqueViolation } from "./admin-input";
import { appendAuditEvent } from "./audit";
import { fieldRefusal } from "./refusal";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";
import { auditedAccount, checkAccountReferences, withScopeRules, ZUserAccountFields } from "./user-account-input";

export const ZCreateUserInput = withScopeRules(ZUserAccountFields);
export type TCreateUserInput = z.input<typeof ZCreateUserInput>;

/**
 * Creates an account (there is no sign-up) with a one-time temporary password, returned once for
 * the administrator to hand over; the user must replace it at the first sign-in
 * (mustChangePassword). USER_CREATED records the account, never the password or its hash.
 *
 * Refused (VALIDATION_FAILED, on the field): the e-mail is taken; an agency role without an agency,
 * APPRAISER without an appraiser unit, an appraiser unit or the lead flag without APPRAISER
 * (lib/auth/account-scope.ts); an unknown or ended agency; an unknown appraiser unit.
 */
export async function createUser(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<{ userId: string; userName: string; temporaryPassword: string }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "user.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZCreateUserInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const account = parsed.data;
  const refusal = await checkAccountReferences(db, account, null, now);
  if (refusal) return refusal;

  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { ...account, passwordHash, mustChangePassword: true }, select: { id: true } });
      await appendAuditEvent(tx, {
        type: "USER_CREATED",
        actor,
        subjectType: "User",
        subjectId: user.id,
        after: auditedAccount({ ...account, isActive: true, mustChangePassword: true }),
      });
      return success({ userId: user.id, userName: account.name, temporaryPassword });
    });
  } catch (error) {
    // Another administrator created the same e-mail between the check and the write.
    if (isUniqueViolation(error, "email")) return fieldRefusal("email", interpolate(vi.adminOrg.users.refusals.emailTaken, { email: account.email }));
    throw error;
  }
}

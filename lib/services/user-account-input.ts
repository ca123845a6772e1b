import "server-only";

import { z } from "zod";

import { checkAccountScope } from "@/lib/auth/account-scope";
import { ROLES } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { calendarDateOf, vietnamDateOf } from "@/lib/domain/calendar-date";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { ZCheckbox, zName, ZOptionalId } from "./admin-input";
import { fieldRefusal } from "./refusal";
import type { ServiceError } from "./service-result";

// The account fields create-user.ts and update-user.ts share, and their checks against the database.

const text = vi.adminOrg.users;

export const ZUserAccountFields = z.object({
  name: zName(200),
  /** Stored lower-cased: sign-in lower-cases what is typed. */
  email: z.string(text.validation.emailInvalid).trim().toLowerCase().max(320, text.validation.emailInvalid).pipe(z.email(text.validation.emailInvalid)),
  roles: z
    .array(z.enum(ROLES, text.validation.roleUnknown))
    .max(ROLES.length)
    .transform((roles) => ROLES.filter((role) => roles.includes(role))),
  /** Required for AGENCY_EDITOR / AGENCY_HEAD; allowed for anyone (an appraiser's own agency). */
  agencyId: ZOptionalId,
  /** Required for APPRAISER, refused otherwise. */
  appraiserUnitId: ZOptionalId,
  /** Only with APPRAISER. */
  isAppraisalLead: ZCheckbox,
});
export type TUserAccountFields = z.output<typeof ZUserAccountFields>;

/** The schema with the role/scope rules of lib/auth/account-scope.ts, each on its field. */
export function withScopeRules<T extends z.ZodType<TUserAccountFields>>(schema: T) {
  return schema.superRefine((account, context) => {
    for (const problem of checkAccountScope(account)) {
      context.addIssue({ code: "custom", path: [problem.field], message: text.scopeProblems[problem.code] });
    }
  });
}

/**
 * The refusal, if any, of the account's e-mail, agency and appraiser unit as the database has
 * them: the e-mail is another account's; the agency does not exist or has ended (checked only when
 * it changes: an account bound to an agency that ended later can still be edited); the appraiser
 * unit does not exist.
 */
export async function checkAccountReferences(
  db: PrismaClient | Prisma.TransactionClient,
  account: TUserAccountFields,
  before: { id: string; agencyId: string | null; appraiserUnitId: string | null } | null,
  now: Date,
): Promise<ServiceError | null> {
  const owner = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
  if (owner && owner.id !== before?.id) return fieldRefusal("email", interpolate(text.refusals.emailTaken, { email: account.email }));
  if (account.agencyId !== null && account.agencyId !== before?.agencyId) {
    const agency = await db.agency.findUnique({ where: { id: account.agencyId }, select: { name: true, activeTo: true } });
    if (!agency) return fieldRefusal("agencyId", vi.adminOrg.agencies.refusals.agencyUnknown);
    if (agency.activeTo !== null && calendarDateOf(agency.activeTo) < vietnamDateOf(now)) {
      return fieldRefusal("agencyId", interpolate(text.refusals.agencyEnded, { name: agency.name }));
    }
  }
  if (account.appraiserUnitId !== null && account.appraiserUnitId !== before?.appraiserUnitId) {
    if (!(await db.appraiserUnit.findUnique({ where: { id: account.appraiserUnitId }, select: { id: true } }))) {
      return fieldRefusal("appraiserUnitId", text.refusals.appraiserUnitUnknown);
    }
  }
  return null;
}

/**
 * Locks the active administrators' rows (FOR UPDATE, in id order) and returns their ids. A change
 * that could remove the last one takes this first: two administrators disabling each other at the
 * same moment then run one after the other, and the second finds itself the last.
 */
export async function lockActiveAdministrators(tx: Prisma.TransactionClient): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE 'ADMIN' = ANY("roles") AND "isActive" ORDER BY "id" FOR UPDATE`;
  return rows.map((row) => row.id);
}

/** The account's fields as an audit event records them: never the password hash. */
export function auditedAccount(account: TUserAccountFields & { isActive?: boolean; mustChangePassword?: boolean }) {
  return {
    name: account.name,
    email: account.email,
    roles: [...account.roles],
    agencyId: account.agencyId,
    appraiserUnitId: account.appraiserUnitId,
    isAppraisalLead: account.isAppraisalLead,
    ...(account.isActive === undefined ? {} : { isActive: account.isActive }),
    ...(account.mustChangePassword === undefined ? {} : { mustChangePassword: account.mustChangePassword }),
  };
}

/**
 * What an account's roles require of it (issue 7): an agency role is bound to an agency, an
 * appraiser to an appraiser unit, and only an appraiser may be an appraisal lead or belong to an
 * appraiser unit. The policy (policy.ts) fails closed on an unbound role; this keeps the
 * administrator from creating one. Pure, like the policy.
 */

import type { Role } from "./policy";

export type AccountScope = {
  roles: readonly Role[];
  agencyId: string | null;
  appraiserUnitId: string | null;
  isAppraisalLead: boolean;
};

export type AccountScopeProblem = {
  field: "roles" | "agencyId" | "appraiserUnitId" | "isAppraisalLead";
  code: "NO_ROLE" | "AGENCY_REQUIRED" | "APPRAISER_UNIT_REQUIRED" | "APPRAISER_UNIT_WITHOUT_ROLE" | "LEAD_WITHOUT_APPRAISER";
};

/**
 * Every problem of the scope, one per field. An agency is allowed without an agency role: an
 * appraiser who works at Sở Tư pháp names it so that the policy keeps them off its assessment.
 */
export function checkAccountScope(scope: AccountScope): AccountScopeProblem[] {
  const roles = new Set(scope.roles);
  const isAppraiser = roles.has("APPRAISER");
  const problems: AccountScopeProblem[] = [];
  if (roles.size === 0) problems.push({ field: "roles", code: "NO_ROLE" });
  if ((roles.has("AGENCY_EDITOR") || roles.has("AGENCY_HEAD")) && scope.agencyId === null) problems.push({ field: "agencyId", code: "AGENCY_REQUIRED" });
  if (isAppraiser && scope.appraiserUnitId === null) problems.push({ field: "appraiserUnitId", code: "APPRAISER_UNIT_REQUIRED" });
  if (!isAppraiser && scope.appraiserUnitId !== null) problems.push({ field: "appraiserUnitId", code: "APPRAISER_UNIT_WITHOUT_ROLE" });
  if (!isAppraiser && scope.isAppraisalLead) problems.push({ field: "isAppraisalLead", code: "LEAD_WITHOUT_APPRAISER" });
  return problems;
}

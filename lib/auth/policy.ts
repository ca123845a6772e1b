/**
 * The permission policy: WHO may do what to which resource. One pure function, `can`, asked by
 * every service before a write (STYLE.md rule 1), by route protection for the workspaces, and by
 * pages deciding which buttons to show (which never replaces the service's own check).
 *
 * WHEN an action is allowed (assessment status, year phase, deadlines) is lib/domain/workflow;
 * data preconditions (every criterion answered, no open dispute, survey imported, not the last
 * administrator) are the services'. A service asks all three; none stands in for another.
 *
 * Pure on purpose: no Prisma, Next, React or I/O, so server code, tests and client components can
 * import it. Targets are built by services from the database (the assessment's agency and year,
 * the criterion's appraiser unit), never from client input (STYLE.md rule 2).
 *
 * Fails closed: a disabled account, an unknown role, an action not in ACTIONS, a target of the
 * wrong kind, a role without its agency or appraiser unit, or an empty id grants nothing.
 */

/** The roles that grant something. Mirrors the Prisma enum Role; any other string is ignored. */
export const ROLES = ["ADMIN", "APPRAISER", "AGENCY_EDITOR", "AGENCY_HEAD"] as const;
export type Role = (typeof ROLES)[number];

export type PolicyUser = {
  id: string;
  /** Strings on purpose: unknown roles must be ignored, i.e. grant nothing. */
  roles: readonly string[];
  /** For AGENCY_EDITOR / AGENCY_HEAD. Also used to keep a user from appraising their own agency. */
  agencyId: string | null;
  /** For APPRAISER. */
  appraiserUnitId: string | null;
  /**
   * The agency the user's appraiser unit is, if any (Sở Tư pháp appraises and is appraised): its
   * appraisers never judge it either, even when the account itself names no agency.
   */
  appraiserUnitAgencyId?: string | null;
  /** A Sở Nội vụ lead: may appraise every criterion and lead the appraisal (only with APPRAISER). */
  isAppraisalLead: boolean;
  /** A disabled account can do nothing. */
  isActive: boolean;
};

export type PolicyTarget =
  /** Province-wide actions: setting up years, managing users, opening a workspace. */
  | { kind: "province" }
  /** One agency's assessment of one year, derived by services from the DB, never from client input. */
  | { kind: "assessment"; agencyId: string; yearId: string }
  /** A criterion of an assessment, with the appraiser unit that owns it (null: survey criteria). */
  | { kind: "criterion"; agencyId: string; yearId: string; appraiserUnitId: string | null }
  /** One user account: one's own (change password) or another's (administration). */
  | { kind: "user"; userId: string };
export type TargetKind = PolicyTarget["kind"];

/** Every action of the product. A string not in this list is denied. */
export const ACTIONS = [
  // Agency workspace (issue 5)
  "assessment.view",
  "assessment.editSelfScore",
  "assessment.submit",
  "assessment.withdraw",
  "evidence.upload",
  "evidence.remove",
  "evidence.download",
  "assessment.explain",
  "assessment.sendExplanations",
  // Appraisal workspace (issue 6)
  "assessment.openForAppraisal",
  "criterion.appraise",
  "assessment.returnForExplanation",
  "assessment.closeExplanation",
  "assessment.finalize",
  "assessment.reopen",
  "assessment.viewAuditTrail",
  // Administration (issue 7)
  "assessment.extendDeadline",
  "year.manage",
  "year.finalize",
  "year.publish",
  "criteriaSet.manage",
  "unitType.manage",
  "agency.manage",
  "user.manage",
  "survey.import",
  "history.import",
  "auditTrail.view",
  // Accounts (issue 4)
  "user.changeOwnPassword",
  // May the user open this area of the app at all (route protection, 403 page)
  "workspace.agency",
  "workspace.appraisal",
  "workspace.admin",
] as const;
export type Action = (typeof ACTIONS)[number];

/** Why an action is denied. When several roles each deny it, the first code in this list wins. */
export const DENIAL_CODES = [
  /** The account is disabled (or its active flag is missing). Checked before anything else. */
  "INACTIVE_ACCOUNT",
  /** The action is not one of ACTIONS (a typo or a stale client). */
  "UNKNOWN_ACTION",
  /**
   * The target is not of a kind the action applies to (e.g. appraising an assessment, not a
   * criterion), or is malformed (an empty id): a caller's bug.
   */
  "WRONG_TARGET",
  /** The user is an appraiser acting on the assessment of the agency the account belongs to. */
  "CONFLICT_OF_INTEREST",
  /** The user's agency role is for another agency than the target's. */
  "OTHER_AGENCY",
  /** The criterion belongs to another appraiser unit, and the user is not an appraisal lead. */
  "NOT_ASSIGNED",
  /** The criterion has no appraiser unit (survey criteria): its points are imported, nobody appraises it. */
  "UNASSIGNED_CRITERION",
  /** The action is the agency head's (submit, withdraw, send explanations); the user is an editor. */
  "HEAD_ONLY",
  /** The action leads the appraisal (return, close, finalize, reopen); the user is not an appraisal lead. */
  "LEAD_ONLY",
  /** user.changeOwnPassword on another user's account. */
  "NOT_SELF",
  /** The user holds the role that would grant the action but has no agency / appraiser unit bound to it. */
  "ROLE_NOT_BOUND",
  /** None of the user's recognised roles grants the action. */
  "NO_ROLE",
] as const;
export type DenialCode = (typeof DENIAL_CODES)[number];

// ---------------------------------------------------------------------------
// What the policy knows about a user
// ---------------------------------------------------------------------------

/** Ids come from the database; an empty or non-string id must never match another empty one. */
function isId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

type Facts = {
  userId: string | null;
  isAdmin: boolean;
  /** Agency role: null when the user holds none; unbound when it has no agency. */
  agency: null | "unbound" | { agencyId: string; isHead: boolean };
  /** Appraiser role: null when the user holds none; unbound when it has no appraiser unit. */
  appraiser: null | "unbound" | { unitId: string; isLead: boolean };
  /** The agencies the account belongs to (its own, its appraiser unit's), whatever its roles: an appraiser never judges them. */
  memberOfAgencyIds: readonly string[];
};

function factsOf(user: PolicyUser): Facts {
  // `roles` may come from a JWT: anything but an array of strings counts as no role at all.
  const roles = new Set<string>(Array.isArray(user.roles) ? user.roles.filter((role) => typeof role === "string") : []);
  const hasEditor = roles.has("AGENCY_EDITOR");
  const hasHead = roles.has("AGENCY_HEAD");
  const agencyId = isId(user.agencyId) ? user.agencyId : null;
  const unitId = isId(user.appraiserUnitId) ? user.appraiserUnitId : null;
  return {
    userId: isId(user.id) ? user.id : null,
    isAdmin: roles.has("ADMIN"),
    agency: !hasEditor && !hasHead ? null : agencyId === null ? "unbound" : { agencyId, isHead: hasHead },
    // isAppraisalLead alone grants nothing: a stale flag on a non-appraiser must not make a lead.
    appraiser: !roles.has("APPRAISER") ? null : unitId === null ? "unbound" : { unitId, isLead: user.isAppraisalLead === true },
    memberOfAgencyIds: [agencyId, isId(user.appraiserUnitAgencyId) ? user.appraiserUnitAgencyId : null].filter((id) => id !== null),
  };
}

// ---------------------------------------------------------------------------
// One check per role; null means "this role allows it"
// ---------------------------------------------------------------------------

type Decision = DenialCode | null;

function asAdmin(facts: Facts): Decision {
  return facts.isAdmin ? null : "NO_ROLE";
}

/** Staff of the target's own agency; `isHeadOnly` for the acts that speak for the agency. */
function asAgencyStaff(facts: Facts, agencyId: string, isHeadOnly: boolean): Decision {
  const { agency } = facts;
  if (agency === null) return "NO_ROLE";
  if (agency === "unbound") return "ROLE_NOT_BOUND";
  if (agency.agencyId !== agencyId) return "OTHER_AGENCY";
  return isHeadOnly && !agency.isHead ? "HEAD_ONLY" : null;
}

/**
 * An appraiser, for what concerns a whole assessment. `agencyId` null: province-wide (no conflict
 * of interest to check). Otherwise an appraiser never acts as appraiser on the agency the account
 * belongs to (User.agencyId, or its appraiser unit's agency, whatever the account's roles): the staff of Sở Tư pháp who also
 * appraise the legal criteria would otherwise mark their own department's work; a lead does it.
 * Because this depends on the account's agency and not on its roles, several roles still give
 * exactly the union of what each gives.
 */
function asAppraiser(facts: Facts, agencyId: string | null, isLeadOnly: boolean): Decision {
  const { appraiser } = facts;
  if (appraiser === null) return "NO_ROLE";
  if (appraiser === "unbound") return "ROLE_NOT_BOUND";
  if (isLeadOnly && !appraiser.isLead) return "LEAD_ONLY";
  if (agencyId !== null && facts.memberOfAgencyIds.includes(agencyId)) return "CONFLICT_OF_INTEREST";
  return null;
}

/** An appraiser who only looks (view, download, audit trail): seeing one's own agency is no conflict. */
function asAppraiserReading(facts: Facts): Decision {
  return asAppraiser(facts, null, false);
}

/**
 * Appraising one criterion: the unit that owns it, or a lead for any criterion that has an owner.
 * A criterion with no appraiser unit is appraised by nobody, not even a lead: those are the survey
 * criteria, whose points are imported (survey.import). The policy cannot tell them from a criterion
 * somebody forgot to assign, so it fails closed; criteria-set validation must require a unit on
 * every criterion that is not SURVEY.
 */
function asCriterionAppraiser(facts: Facts, target: CriterionTarget): Decision {
  const { appraiser } = facts;
  if (appraiser === null) return "NO_ROLE";
  if (appraiser === "unbound") return "ROLE_NOT_BOUND";
  if (!isId(target.appraiserUnitId)) return "UNASSIGNED_CRITERION";
  if (!appraiser.isLead && target.appraiserUnitId !== appraiser.unitId) return "NOT_ASSIGNED";
  return asAppraiser(facts, target.agencyId, false);
}

/** Allowed when any role allows; otherwise the most telling reason (DENIAL_CODES order). */
function anyOf(...decisions: Decision[]): Decision {
  if (decisions.includes(null)) return null;
  let best: DenialCode = "NO_ROLE";
  for (const code of decisions) {
    if (code !== null && DENIAL_CODES.indexOf(code) < DENIAL_CODES.indexOf(best)) best = code;
  }
  return best;
}

// ---------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------

type AgencyTarget = Extract<PolicyTarget, { kind: "assessment" | "criterion" }>;
type CriterionTarget = Extract<PolicyTarget, { kind: "criterion" }>;
type UserTarget = Extract<PolicyTarget, { kind: "user" }>;

type Rule = { accepts: readonly TargetKind[]; decide: (facts: Facts, target: PolicyTarget) => Decision };

function onProvince(decide: (facts: Facts) => Decision): Rule {
  return { accepts: ["province"], decide: (facts) => decide(facts) };
}

/** Something done to an assessment; `withCriterion` when it may also be asked of one criterion of it. */
function onAssessment(withCriterion: boolean, decide: (facts: Facts, target: AgencyTarget) => Decision): Rule {
  return {
    accepts: withCriterion ? ["assessment", "criterion"] : ["assessment"],
    decide: (facts, target) => (target.kind === "assessment" || target.kind === "criterion" ? decide(facts, target) : "WRONG_TARGET"),
  };
}

function onCriterion(decide: (facts: Facts, target: CriterionTarget) => Decision): Rule {
  return { accepts: ["criterion"], decide: (facts, target) => (target.kind === "criterion" ? decide(facts, target) : "WRONG_TARGET") };
}

function onUser(accepts: readonly ("province" | "user")[], decide: (facts: Facts, target: UserTarget | null) => Decision): Rule {
  return { accepts, decide: (facts, target) => decide(facts, target.kind === "user" ? target : null) };
}

const RULES: { readonly [A in Action]: Rule } = {
  // --- Agency workspace -----------------------------------------------------------------------

  /**
   * The agency's own staff; every appraiser, because appraisers work across the whole province
   * (the queue lists every agency); the administrator, who answers complaints and publishes.
   * Which statuses an appraiser should see (e.g. not drafts) is a query filter, not a permission.
   */
  "assessment.view": onAssessment(true, (f, t) => anyOf(asAgencyStaff(f, t.agencyId, false), asAppraiserReading(f), asAdmin(f))),
  /** Editor and head of the agency: filling in the form is the editor's job. Nobody else scores for an agency. */
  "assessment.editSelfScore": onAssessment(true, (f, t) => asAgencyStaff(f, t.agencyId, false)),
  /** The head only: submitting is the agency's official statement of its score. */
  "assessment.submit": onAssessment(false, (f, t) => asAgencyStaff(f, t.agencyId, true)),
  /** The head only: it takes back the head's own official act. */
  "assessment.withdraw": onAssessment(false, (f, t) => asAgencyStaff(f, t.agencyId, true)),
  /** Evidence belongs to the self-assessment: whoever edits it. */
  "evidence.upload": onAssessment(true, (f, t) => asAgencyStaff(f, t.agencyId, false)),
  "evidence.remove": onAssessment(true, (f, t) => asAgencyStaff(f, t.agencyId, false)),
  /** Whoever may view the assessment: appraisers judge with it, the administrator handles complaints. */
  "evidence.download": onAssessment(true, (f, t) => anyOf(asAgencyStaff(f, t.agencyId, false), asAppraiserReading(f), asAdmin(f))),
  /**
   * Writing the explanation (giải trình) of a disputed criterion: editor and head, like the self
   * scores — the editor drafts, the head sends (assessment.sendExplanations).
   */
  "assessment.explain": onAssessment(true, (f, t) => asAgencyStaff(f, t.agencyId, false)),
  /** The head only: sending the explanations is the agency's official answer to the appraisal. */
  "assessment.sendExplanations": onAssessment(false, (f, t) => asAgencyStaff(f, t.agencyId, true)),

  // --- Appraisal workspace --------------------------------------------------------------------

  /**
   * Any appraiser, whatever unit: each unit starts on its criteria as soon as an assessment is
   * submitted, without waiting for Sở Nội vụ. Not on their own agency's assessment.
   */
  "assessment.openForAppraisal": onAssessment(false, (f, t) => asAppraiser(f, t.agencyId, false)),
  /** The unit that owns the criterion, or a lead (any criterion with an owner); never one's own agency. */
  "criterion.appraise": onCriterion((f, t) => asCriterionAppraiser(f, t)),
  /** Leads only: returning, closing, finalizing and reopening decide for the whole assessment, across all units. */
  "assessment.returnForExplanation": onAssessment(false, (f, t) => asAppraiser(f, t.agencyId, true)),
  "assessment.closeExplanation": onAssessment(false, (f, t) => asAppraiser(f, t.agencyId, true)),
  "assessment.finalize": onAssessment(false, (f, t) => asAppraiser(f, t.agencyId, true)),
  "assessment.reopen": onAssessment(false, (f, t) => asAppraiser(f, t.agencyId, true)),
  /**
   * The history of one assessment (issue 6 item 5): whoever may view it. The agency sees who
   * changed its scores and why, which it needs to answer or complain.
   */
  "assessment.viewAuditTrail": onAssessment(true, (f, t) => anyOf(asAgencyStaff(f, t.agencyId, false), asAppraiserReading(f), asAdmin(f))),

  // --- Administration -------------------------------------------------------------------------

  /** The administrator: a lock exception for one agency (DESIGN §2), not the appraisers' call. */
  "assessment.extendDeadline": onAssessment(false, (f) => asAdmin(f)),
  /** Phases, deadlines, bands, precision: the administrator sets up the year. */
  "year.manage": onProvince((f) => asAdmin(f)),
  /** The administrator, or a lead, who closes the appraisal they ran (issue 6 item 4). */
  "year.finalize": onProvince((f) => anyOf(asAdmin(f), asAppraiser(f, null, true))),
  /** The administrator only: publishing issues the province's official announcement. */
  "year.publish": onProvince((f) => asAdmin(f)),
  /** Setup data: the administrator only (includes the audited unfreeze of a frozen set). */
  "criteriaSet.manage": onProvince((f) => asAdmin(f)),
  "unitType.manage": onProvince((f) => asAdmin(f)),
  "agency.manage": onProvince((f) => asAdmin(f)),
  /**
   * The administrator, on the user list (province) or one account, their own included (one admin
   * must be able to fix their own name). Keeping at least one active administrator is the service's check.
   */
  "user.manage": onUser(["province", "user"], (f) => asAdmin(f)),
  /** Imported figures become official points: the administrator only. */
  "survey.import": onProvince((f) => asAdmin(f)),
  "history.import": onProvince((f) => asAdmin(f)),
  /** The province-wide log (sign-ins, setup changes, every assessment): the administrator only. */
  "auditTrail.view": onProvince((f) => asAdmin(f)),

  // --- Accounts -------------------------------------------------------------------------------

  /**
   * Any active account, on itself only, whatever its roles: it comes with having an account, not
   * with a role, and a user with a temporary password must be able to replace it.
   */
  "user.changeOwnPassword": onUser(["user"], (f, t) => (t !== null && f.userId !== null && t.userId === f.userId ? null : "NOT_SELF")),

  // --- Workspaces (route protection) ----------------------------------------------------------

  /** Staff bound to an agency. */
  "workspace.agency": onProvince((f) => (f.agency === null ? "NO_ROLE" : f.agency === "unbound" ? "ROLE_NOT_BOUND" : null)),
  /**
   * Appraisers bound to a unit; and the administrator, read-only, because the appraisal workspace
   * is where every assessment of the province is listed and viewed (each write still asks `can`).
   */
  "workspace.appraisal": onProvince((f) => anyOf(asAppraiserReading(f), asAdmin(f))),
  "workspace.admin": onProvince((f) => asAdmin(f)),
};

const ACTION_SET: ReadonlySet<string> = new Set(ACTIONS);

export function isAction(value: unknown): value is Action {
  return typeof value === "string" && ACTION_SET.has(value);
}

/** The target kinds each action applies to; any other kind is denied with WRONG_TARGET. */
export function targetKindsOf(action: Action): readonly TargetKind[] {
  return RULES[action].accepts;
}

// ---------------------------------------------------------------------------
// The API
// ---------------------------------------------------------------------------

/** Targets are built by services, but a missing id must fail closed rather than match another missing id. */
function isWellFormed(target: PolicyTarget): boolean {
  if (typeof target !== "object" || target === null) return false;
  switch (target.kind) {
    case "province":
      return true;
    case "assessment":
      return isId(target.agencyId) && isId(target.yearId);
    case "criterion":
      // appraiserUnitId may be null (survey criteria), but not an empty string posing as an owner.
      return isId(target.agencyId) && isId(target.yearId) && (target.appraiserUnitId === null || isId(target.appraiserUnitId));
    case "user":
      return isId(target.userId);
    default:
      return false;
  }
}

/** Why `user` may not do `action` to `target`, or null when they may. */
export function explainDenial(user: PolicyUser, action: Action, target: PolicyTarget): DenialCode | null {
  if (user.isActive !== true) return "INACTIVE_ACCOUNT";
  // A Set, not `action in RULES`: "toString" or "__proto__" must not find a rule on the prototype.
  if (!isAction(action)) return "UNKNOWN_ACTION";
  const rule = RULES[action];
  if (!isWellFormed(target) || !rule.accepts.includes(target.kind)) return "WRONG_TARGET";
  return rule.decide(factsOf(user), target);
}

/** Whether `user` may do `action` to `target`. */
export function can(user: PolicyUser, action: Action, target: PolicyTarget): boolean {
  return explainDenial(user, action, target) === null;
}

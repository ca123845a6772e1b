import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  ACTIONS,
  can,
  DENIAL_CODES,
  explainDenial,
  isAction,
  ROLES,
  targetKindsOf,
  type Action,
  type DenialCode,
  type PolicyTarget,
  type PolicyUser,
} from "@/lib/auth/policy";

// ---------------------------------------------------------------------------
// The province of the matrix
// ---------------------------------------------------------------------------

const YEAR = "year-2025";
/** An ordinary agency, e.g. a commune. */
const AGENCY_A = "agency-a";
/** Sở Tư pháp: an agency that is appraised and whose staff also appraise the legal criteria. */
const AGENCY_B = "agency-b";
const UNIT_JUSTICE = "unit-justice";
const UNIT_FINANCE = "unit-finance";
/** Sở Nội vụ, the coordinating unit. */
const UNIT_HOME = "unit-home";

const user = (id: string, overrides: Partial<PolicyUser>): PolicyUser => ({
  id,
  roles: [],
  agencyId: null,
  appraiserUnitId: null,
  isAppraisalLead: false,
  isActive: true,
  ...overrides,
});

const PERSONAS = {
  admin: user("admin", { roles: ["ADMIN"] }),
  /** The unit owning the criteria in the targets below. */
  appraiserJustice: user("appraiser-justice", { roles: ["APPRAISER"], appraiserUnitId: UNIT_JUSTICE }),
  /** Another unit: owns none of the criteria below. */
  appraiserFinance: user("appraiser-finance", { roles: ["APPRAISER"], appraiserUnitId: UNIT_FINANCE }),
  lead: user("lead", { roles: ["APPRAISER"], appraiserUnitId: UNIT_HOME, isAppraisalLead: true }),
  editorA: user("editor-a", { roles: ["AGENCY_EDITOR"], agencyId: AGENCY_A }),
  headA: user("head-a", { roles: ["AGENCY_HEAD"], agencyId: AGENCY_A }),
  /** Head of Sở Tư pháp's reform work and one of its appraisers. */
  multiHeadBAppraiserJustice: user("multi", { roles: ["AGENCY_HEAD", "APPRAISER"], agencyId: AGENCY_B, appraiserUnitId: UNIT_JUSTICE }),
  /** Every role and binding, but disabled. */
  disabled: user("disabled", {
    roles: ["ADMIN", "APPRAISER", "AGENCY_EDITOR", "AGENCY_HEAD"],
    agencyId: AGENCY_A,
    appraiserUnitId: UNIT_HOME,
    isAppraisalLead: true,
    isActive: false,
  }),
  /** Bindings and the lead flag, but only roles the policy does not know (case matters). */
  unknownRoleOnly: user("unknown", { roles: ["SUPERUSER", "admin"], agencyId: AGENCY_A, appraiserUnitId: UNIT_HOME, isAppraisalLead: true }),
  /** Misconfigured accounts: a role without the agency / unit it needs. */
  leadWithoutUnit: user("lead-no-unit", { roles: ["APPRAISER"], isAppraisalLead: true }),
  headWithoutAgency: user("head-no-agency", { roles: ["AGENCY_HEAD"] }),
} satisfies Record<string, PolicyUser>;
type Persona = keyof typeof PERSONAS;

/** Targets by name; "self" is the persona's own account. */
const TARGETS = {
  province: () => ({ kind: "province" }),
  asmtA: () => ({ kind: "assessment", agencyId: AGENCY_A, yearId: YEAR }),
  asmtB: () => ({ kind: "assessment", agencyId: AGENCY_B, yearId: YEAR }),
  /** A criterion of agency A's assessment owned by the justice unit. */
  critA: () => ({ kind: "criterion", agencyId: AGENCY_A, yearId: YEAR, appraiserUnitId: UNIT_JUSTICE }),
  /** The same criterion in agency B's (Sở Tư pháp's) assessment. */
  critB: () => ({ kind: "criterion", agencyId: AGENCY_B, yearId: YEAR, appraiserUnitId: UNIT_JUSTICE }),
  /** A survey criterion of agency A: no appraiser unit. */
  surveyA: () => ({ kind: "criterion", agencyId: AGENCY_A, yearId: YEAR, appraiserUnitId: null }),
  self: (persona: PolicyUser) => ({ kind: "user", userId: persona.id }),
  otherUser: () => ({ kind: "user", userId: "somebody-else" }),
} satisfies Record<string, (persona: PolicyUser) => PolicyTarget>;
type TargetName = keyof typeof TARGETS;
const TARGET_NAMES = Object.keys(TARGETS) as TargetName[];

// ---------------------------------------------------------------------------
// Who may do what: every allowed cell. Anything not listed is denied.
// ---------------------------------------------------------------------------

type Allowed = Partial<Record<Action, readonly TargetName[]>>;

const ALLOWED: Record<Persona, Allowed> = {
  admin: {
    "assessment.view": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "evidence.download": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "assessment.viewAuditTrail": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "assessment.extendDeadline": ["asmtA", "asmtB"],
    "year.manage": ["province"],
    "year.finalize": ["province"],
    "year.publish": ["province"],
    "criteriaSet.manage": ["province"],
    "unitType.manage": ["province"],
    "agency.manage": ["province"],
    "user.manage": ["province", "self", "otherUser"],
    "survey.import": ["province"],
    "history.import": ["province"],
    "auditTrail.view": ["province"],
    "user.changeOwnPassword": ["self"],
    "workspace.appraisal": ["province"],
    "workspace.admin": ["province"],
  },
  appraiserJustice: {
    "assessment.view": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "evidence.download": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "assessment.openForAppraisal": ["asmtA", "asmtB"],
    "criterion.appraise": ["critA", "critB"],
    "assessment.viewAuditTrail": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "user.changeOwnPassword": ["self"],
    "workspace.appraisal": ["province"],
  },
  appraiserFinance: {
    "assessment.view": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "evidence.download": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "assessment.openForAppraisal": ["asmtA", "asmtB"],
    "assessment.viewAuditTrail": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "user.changeOwnPassword": ["self"],
    "workspace.appraisal": ["province"],
  },
  lead: {
    "assessment.view": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "evidence.download": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "assessment.openForAppraisal": ["asmtA", "asmtB"],
    "criterion.appraise": ["critA", "critB"],
    "assessment.returnForExplanation": ["asmtA", "asmtB"],
    "assessment.closeExplanation": ["asmtA", "asmtB"],
    "assessment.finalize": ["asmtA", "asmtB"],
    "assessment.reopen": ["asmtA", "asmtB"],
    "assessment.viewAuditTrail": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "year.finalize": ["province"],
    "user.changeOwnPassword": ["self"],
    "workspace.appraisal": ["province"],
  },
  // Survey criteria are refused to agencies by the scoring method (lib/domain), not by the policy.
  editorA: {
    "assessment.view": ["asmtA", "critA", "surveyA"],
    "assessment.editSelfScore": ["asmtA", "critA", "surveyA"],
    "evidence.upload": ["asmtA", "critA", "surveyA"],
    "evidence.remove": ["asmtA", "critA", "surveyA"],
    "evidence.download": ["asmtA", "critA", "surveyA"],
    "assessment.explain": ["asmtA", "critA", "surveyA"],
    "assessment.viewAuditTrail": ["asmtA", "critA", "surveyA"],
    "user.changeOwnPassword": ["self"],
    "workspace.agency": ["province"],
  },
  headA: {
    "assessment.view": ["asmtA", "critA", "surveyA"],
    "assessment.editSelfScore": ["asmtA", "critA", "surveyA"],
    "assessment.submit": ["asmtA"],
    "assessment.withdraw": ["asmtA"],
    "evidence.upload": ["asmtA", "critA", "surveyA"],
    "evidence.remove": ["asmtA", "critA", "surveyA"],
    "evidence.download": ["asmtA", "critA", "surveyA"],
    "assessment.explain": ["asmtA", "critA", "surveyA"],
    "assessment.sendExplanations": ["asmtA"],
    "assessment.viewAuditTrail": ["asmtA", "critA", "surveyA"],
    "user.changeOwnPassword": ["self"],
    "workspace.agency": ["province"],
  },
  // The union of a head of B and a justice appraiser, except appraising B itself (conflict of interest).
  multiHeadBAppraiserJustice: {
    "assessment.view": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "assessment.editSelfScore": ["asmtB", "critB"],
    "assessment.submit": ["asmtB"],
    "assessment.withdraw": ["asmtB"],
    "evidence.upload": ["asmtB", "critB"],
    "evidence.remove": ["asmtB", "critB"],
    "evidence.download": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "assessment.explain": ["asmtB", "critB"],
    "assessment.sendExplanations": ["asmtB"],
    "assessment.openForAppraisal": ["asmtA"],
    "criterion.appraise": ["critA"],
    "assessment.viewAuditTrail": ["asmtA", "asmtB", "critA", "critB", "surveyA"],
    "user.changeOwnPassword": ["self"],
    "workspace.agency": ["province"],
    "workspace.appraisal": ["province"],
  },
  disabled: {},
  unknownRoleOnly: { "user.changeOwnPassword": ["self"] },
  leadWithoutUnit: { "user.changeOwnPassword": ["self"] },
  headWithoutAgency: { "user.changeOwnPassword": ["self"] },
};

/** What `can` actually allows the persona, in the shape of ALLOWED (actions and targets in list order). */
function allowedCells(persona: PolicyUser): Allowed {
  const cells: Allowed = {};
  for (const action of ACTIONS) {
    const targets = TARGET_NAMES.filter((name) => can(persona, action, TARGETS[name](persona)));
    if (targets.length > 0) cells[action] = targets;
  }
  return cells;
}

/** ALLOWED in the same order as allowedCells, so that a diff shows only real differences. */
function normalized(allowed: Allowed): Allowed {
  const cells: Allowed = {};
  for (const action of ACTIONS) {
    const targets = allowed[action];
    if (targets !== undefined && targets.length > 0) cells[action] = TARGET_NAMES.filter((name) => targets.includes(name));
  }
  return cells;
}

describe("can: the full matrix", () => {
  it.each(Object.keys(PERSONAS) as Persona[])("%s may do exactly what the table says", (name) => {
    expect(allowedCells(PERSONAS[name])).toEqual(normalized(ALLOWED[name]));
  });

  it("the table lists no target twice", () => {
    for (const allowed of Object.values(ALLOWED)) {
      for (const targets of Object.values(allowed)) expect(new Set(targets).size).toBe(targets.length);
    }
  });

  it("every action is allowed to somebody, so none is dead", () => {
    const used = new Set(Object.values(ALLOWED).flatMap((allowed) => Object.keys(allowed)));
    expect(ACTIONS.filter((action) => !used.has(action))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Why: the reason codes
// ---------------------------------------------------------------------------

describe("explainDenial", () => {
  const cases: [Persona, Action, TargetName, DenialCode | null][] = [
    ["admin", "year.publish", "province", null],
    ["disabled", "user.changeOwnPassword", "self", "INACTIVE_ACCOUNT"],
    ["admin", "year.manage", "asmtA", "WRONG_TARGET"],
    ["lead", "criterion.appraise", "asmtA", "WRONG_TARGET"],
    ["headA", "assessment.submit", "critA", "WRONG_TARGET"],
    ["editorA", "assessment.editSelfScore", "asmtB", "OTHER_AGENCY"],
    ["headA", "evidence.download", "critB", "OTHER_AGENCY"],
    ["editorA", "assessment.submit", "asmtA", "HEAD_ONLY"],
    ["editorA", "assessment.sendExplanations", "asmtA", "HEAD_ONLY"],
    ["appraiserFinance", "criterion.appraise", "critA", "NOT_ASSIGNED"],
    ["lead", "criterion.appraise", "surveyA", "UNASSIGNED_CRITERION"],
    ["appraiserJustice", "assessment.finalize", "asmtA", "LEAD_ONLY"],
    ["appraiserJustice", "year.finalize", "province", "LEAD_ONLY"],
    ["multiHeadBAppraiserJustice", "criterion.appraise", "critB", "CONFLICT_OF_INTEREST"],
    ["multiHeadBAppraiserJustice", "assessment.openForAppraisal", "asmtB", "CONFLICT_OF_INTEREST"],
    ["admin", "user.changeOwnPassword", "otherUser", "NOT_SELF"],
    ["leadWithoutUnit", "assessment.view", "asmtA", "ROLE_NOT_BOUND"],
    ["headWithoutAgency", "workspace.agency", "province", "ROLE_NOT_BOUND"],
    ["admin", "assessment.editSelfScore", "asmtA", "NO_ROLE"],
    ["admin", "criterion.appraise", "critA", "NO_ROLE"],
    ["unknownRoleOnly", "workspace.admin", "province", "NO_ROLE"],
    ["headA", "workspace.appraisal", "province", "NO_ROLE"],
  ];

  it.each(cases)("%s · %s · %s → %s", (persona, action, target, expected) => {
    const subject = PERSONAS[persona];
    expect(explainDenial(subject, action, TARGETS[target](subject))).toBe(expected);
  });

  it("keeps an appraiser unit's own agency out of its appraisers' hands, even when the account names no agency", () => {
    // The Sở Tư pháp unit is agency A: its appraisers do not judge A, but do judge B.
    const subject = { ...PERSONAS.appraiserJustice, appraiserUnitAgencyId: AGENCY_A };
    expect(explainDenial(subject, "assessment.openForAppraisal", TARGETS.asmtA())).toBe("CONFLICT_OF_INTEREST");
    expect(explainDenial(subject, "criterion.appraise", TARGETS.critA())).toBe("CONFLICT_OF_INTEREST");
    expect(explainDenial(subject, "assessment.openForAppraisal", TARGETS.asmtB())).toBeNull();
    // Looking is no conflict.
    expect(explainDenial(subject, "assessment.view", TARGETS.asmtA())).toBeNull();
  });

  it("gives the most telling reason when several roles deny", () => {
    // As head of B: other agency; as justice appraiser: no role for self-scoring. The agency wins.
    const subject = PERSONAS.multiHeadBAppraiserJustice;
    expect(explainDenial(subject, "assessment.editSelfScore", TARGETS.asmtA())).toBe("OTHER_AGENCY");
  });
});

// ---------------------------------------------------------------------------
// Failing closed on what the types do not prevent at run time
// ---------------------------------------------------------------------------

describe("fails closed", () => {
  const admin = PERSONAS.admin;

  it.each(["assessment.delete", "", "ASSESSMENT.VIEW", "year.manage ", "toString", "__proto__", "constructor", "hasOwnProperty"])(
    "denies the unknown action %j",
    (action) => {
      expect(isAction(action)).toBe(false);
      for (const subject of Object.values(PERSONAS)) {
        for (const name of TARGET_NAMES) {
          expect(can(subject, action as Action, TARGETS[name](subject))).toBe(false);
          if (subject.isActive) expect(explainDenial(subject, action as Action, TARGETS[name](subject))).toBe("UNKNOWN_ACTION");
        }
      }
    },
  );

  it("denies malformed targets", () => {
    const malformed = [
      { kind: "assessment", agencyId: "", yearId: YEAR },
      { kind: "assessment", agencyId: AGENCY_A, yearId: "" },
      { kind: "criterion", agencyId: AGENCY_A, yearId: YEAR, appraiserUnitId: "" },
      { kind: "user", userId: "" },
      { kind: "agency", agencyId: AGENCY_A },
      null,
      undefined,
      "province",
    ] as unknown as PolicyTarget[];
    for (const target of malformed) {
      for (const action of ACTIONS) expect(explainDenial(admin, action, target)).toBe("WRONG_TARGET");
    }
    // An empty agency on the account must not match an empty agency on the target.
    const emptyAgency = user("empty", { roles: ["AGENCY_HEAD"], agencyId: "" });
    expect(can(emptyAgency, "assessment.view", { kind: "assessment", agencyId: "", yearId: YEAR })).toBe(false);
    // An account without an id has no "own" password to change.
    expect(can(user("", {}), "user.changeOwnPassword", { kind: "user", userId: "" })).toBe(false);
  });

  it("denies when the account's flags or roles are malformed", () => {
    const notBoolean = { ...admin, isActive: "yes" } as unknown as PolicyUser;
    expect(explainDenial(notBoolean, "year.manage", TARGETS.province())).toBe("INACTIVE_ACCOUNT");
    const rolesNotArray = { ...admin, roles: "ADMIN" } as unknown as PolicyUser;
    expect(allowedCells(rolesNotArray)).toEqual({ "user.changeOwnPassword": ["self"] });
    const leadFlagOnEditor = user("editor-lead", { roles: ["AGENCY_EDITOR"], agencyId: AGENCY_A, appraiserUnitId: UNIT_HOME, isAppraisalLead: true });
    expect(allowedCells(leadFlagOnEditor)).toEqual(normalized(ALLOWED.editorA));
  });

  it("accepts, for each action, only the target kinds it documents", () => {
    for (const action of ACTIONS) {
      for (const name of TARGET_NAMES) {
        const target = TARGETS[name](admin);
        const isAccepted = targetKindsOf(action).includes(target.kind);
        expect(explainDenial(admin, action, target) === "WRONG_TARGET", `${action} on ${name}`).toBe(!isAccepted);
      }
    }
  });
});

// ---------------------------------------------------------------------------
// Properties over arbitrary accounts and targets
// ---------------------------------------------------------------------------

const agencyIdArb = fc.constantFrom(AGENCY_A, AGENCY_B, "agency-c", null);
const unitIdArb = fc.constantFrom(UNIT_JUSTICE, UNIT_FINANCE, UNIT_HOME, null);
const userIdArb = fc.constantFrom("u1", "u2", "u3");
const unknownRoleArb = fc.oneof(fc.constantFrom("SUPERUSER", "admin", "Appraiser", "AGENCY_STAFF", "", "__proto__"), fc.string());
const knownRoleArb = fc.constantFrom(...ROLES);

const userArb = (roleArb: fc.Arbitrary<string>) =>
  fc.record({
    id: userIdArb,
    roles: fc.uniqueArray(roleArb, { maxLength: 4 }),
    agencyId: agencyIdArb,
    appraiserUnitId: unitIdArb,
    isAppraisalLead: fc.boolean(),
    isActive: fc.boolean(),
  });

const agencyTargetArb: fc.Arbitrary<PolicyTarget> = fc.oneof(
  fc.record({ kind: fc.constant("assessment" as const), agencyId: fc.constantFrom(AGENCY_A, AGENCY_B, "agency-c"), yearId: fc.constant(YEAR) }),
  fc.record({
    kind: fc.constant("criterion" as const),
    agencyId: fc.constantFrom(AGENCY_A, AGENCY_B, "agency-c"),
    yearId: fc.constant(YEAR),
    appraiserUnitId: unitIdArb,
  }),
);
const targetArb: fc.Arbitrary<PolicyTarget> = fc.oneof(
  fc.constant({ kind: "province" as const }),
  agencyTargetArb,
  fc.record({ kind: fc.constant("user" as const), userId: userIdArb }),
);
const actionArb = fc.constantFrom(...ACTIONS);

describe("properties", () => {
  it("a disabled account is denied everything", () => {
    fc.assert(
      fc.property(userArb(fc.oneof(knownRoleArb, unknownRoleArb)), actionArb, targetArb, (subject, action, target) => {
        expect(can({ ...subject, isActive: false }, action, target)).toBe(false);
      }),
    );
  });

  it("adding unknown roles changes nothing", () => {
    fc.assert(
      fc.property(userArb(knownRoleArb), fc.array(unknownRoleArb, { minLength: 1, maxLength: 3 }), actionArb, targetArb, (subject, extra, action, target) => {
        fc.pre(extra.every((role) => !(ROLES as readonly string[]).includes(role)));
        expect(can({ ...subject, roles: [...subject.roles, ...extra] }, action, target)).toBe(can(subject, action, target));
      }),
    );
  });

  it("several roles give exactly the union of what each gives", () => {
    fc.assert(
      fc.property(userArb(knownRoleArb), actionArb, targetArb, (subject, action, target) => {
        const eachAlone = subject.roles.some((role) => can({ ...subject, roles: [role] }, action, target));
        expect(can(subject, action, target)).toBe(eachAlone);
      }),
    );
  });

  it("an agency account is never allowed anything on another agency's assessment", () => {
    const agencyRoleArb = fc.oneof(fc.constantFrom("AGENCY_EDITOR", "AGENCY_HEAD"), unknownRoleArb);
    fc.assert(
      fc.property(userArb(agencyRoleArb), actionArb, agencyTargetArb, (subject, action, target) => {
        fc.pre(target.kind !== "province" && target.kind !== "user" && target.agencyId !== subject.agencyId);
        expect(can(subject, action, target)).toBe(false);
      }),
    );
  });

  it("nobody appraises a criterion without an appraiser unit, or one of the agency the account belongs to", () => {
    fc.assert(
      fc.property(userArb(fc.oneof(knownRoleArb, unknownRoleArb)), agencyTargetArb, (subject, target) => {
        fc.pre(target.kind === "criterion" && (target.appraiserUnitId === null || target.agencyId === subject.agencyId));
        expect(can(subject, "criterion.appraise", target)).toBe(false);
      }),
    );
  });

  it("the password of another account is never changed through changeOwnPassword", () => {
    fc.assert(
      fc.property(userArb(fc.oneof(knownRoleArb, unknownRoleArb)), userIdArb, (subject, userId) => {
        expect(can(subject, "user.changeOwnPassword", { kind: "user", userId })).toBe(subject.isActive && userId === subject.id);
      }),
    );
  });

  it("every denial has a code from DENIAL_CODES and every allowance none", () => {
    fc.assert(
      fc.property(userArb(fc.oneof(knownRoleArb, unknownRoleArb)), actionArb, targetArb, (subject, action, target) => {
        const code = explainDenial(subject, action, target);
        expect(code === null || DENIAL_CODES.includes(code)).toBe(true);
      }),
    );
  });
});

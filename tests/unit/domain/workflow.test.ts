import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  allowedAssessmentActions,
  appraisalRoundOf,
  ASSESSMENT_ACTIONS,
  ASSESSMENT_STATUSES,
  canChangeYearPhase,
  checkAssessmentAction,
  checkYearPhaseChange,
  selfAssessmentClosesAt,
  YEAR_PHASES,
  yearPhaseChangesFrom,
  type AssessmentAction,
  type AssessmentActionCheck,
  type AssessmentContext,
  type AssessmentStatus,
  type YearPhase,
  type YearPhaseChangeCode,
} from "@/lib/domain/workflow";

// ---------------------------------------------------------------------------
// Year phases
// ---------------------------------------------------------------------------

const FORWARD = "forward";
const REOPEN = "reopen";
type YearOutcome = typeof FORWARD | typeof REOPEN | YearPhaseChangeCode;

/** Every (from, to) pair: rows are `from`, columns `to`, in phase order. */
const yearMatrix: Record<YearPhase, Record<YearPhase, YearOutcome>> = {
  SETUP: {
    SETUP: "SAME_PHASE",
    SELF_ASSESSMENT: FORWARD,
    APPRAISAL: "SKIPS_PHASE",
    EXPLANATION: "SKIPS_PHASE",
    FINALIZED: "SKIPS_PHASE",
    PUBLISHED: "SKIPS_PHASE",
  },
  SELF_ASSESSMENT: {
    SETUP: "NOT_REOPENABLE",
    SELF_ASSESSMENT: "SAME_PHASE",
    APPRAISAL: FORWARD,
    EXPLANATION: "SKIPS_PHASE",
    FINALIZED: "SKIPS_PHASE",
    PUBLISHED: "SKIPS_PHASE",
  },
  APPRAISAL: {
    SETUP: "NOT_REOPENABLE",
    SELF_ASSESSMENT: REOPEN,
    APPRAISAL: "SAME_PHASE",
    EXPLANATION: FORWARD,
    FINALIZED: "SKIPS_PHASE",
    PUBLISHED: "SKIPS_PHASE",
  },
  EXPLANATION: {
    SETUP: "NOT_REOPENABLE",
    SELF_ASSESSMENT: "NOT_REOPENABLE",
    APPRAISAL: REOPEN,
    EXPLANATION: "SAME_PHASE",
    FINALIZED: FORWARD,
    PUBLISHED: "SKIPS_PHASE",
  },
  FINALIZED: {
    SETUP: "NOT_REOPENABLE",
    SELF_ASSESSMENT: "NOT_REOPENABLE",
    APPRAISAL: "NOT_REOPENABLE",
    EXPLANATION: REOPEN,
    FINALIZED: "SAME_PHASE",
    PUBLISHED: FORWARD,
  },
  PUBLISHED: {
    SETUP: "PUBLISHED_IS_FINAL",
    SELF_ASSESSMENT: "PUBLISHED_IS_FINAL",
    APPRAISAL: "PUBLISHED_IS_FINAL",
    EXPLANATION: "PUBLISHED_IS_FINAL",
    FINALIZED: "PUBLISHED_IS_FINAL",
    PUBLISHED: "SAME_PHASE",
  },
};

const yearPairs = YEAR_PHASES.flatMap((from) => YEAR_PHASES.map((to) => [from, to, yearMatrix[from][to]] as const));

describe("checkYearPhaseChange", () => {
  it.each(yearPairs)("%s → %s: %s", (from, to, expected) => {
    const change = checkYearPhaseChange(from, to);
    const outcome = change.ok ? (change.isReopening ? REOPEN : FORWARD) : change.code;
    expect(outcome).toBe(expected);
    expect(canChangeYearPhase(from, to)).toBe(expected === FORWARD || expected === REOPEN);
  });

  it("lists the next phase first, then the reopening", () => {
    expect(yearPhaseChangesFrom("SETUP")).toEqual(["SELF_ASSESSMENT"]);
    expect(yearPhaseChangesFrom("APPRAISAL")).toEqual(["EXPLANATION", "SELF_ASSESSMENT"]);
    expect(yearPhaseChangesFrom("FINALIZED")).toEqual(["PUBLISHED", "EXPLANATION"]);
    expect(yearPhaseChangesFrom("PUBLISHED")).toEqual([]);
  });

  it("reaches PUBLISHED from every phase by allowed steps", () => {
    for (const start of YEAR_PHASES) {
      let phase: YearPhase = start;
      for (let steps = 0; phase !== "PUBLISHED" && steps < YEAR_PHASES.length; steps += 1) {
        phase = yearPhaseChangesFrom(phase)[0] ?? phase;
      }
      expect(phase, `from ${start}`).toBe("PUBLISHED");
    }
  });

  it("property: any sequence of allowed changes moves one phase at a time and never leaves PUBLISHED", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...YEAR_PHASES), { maxLength: 40 }), (attempts) => {
        let phase: YearPhase = "SETUP";
        for (const to of attempts) {
          if (!canChangeYearPhase(phase, to)) continue;
          expect(phase).not.toBe("PUBLISHED");
          expect(Math.abs(YEAR_PHASES.indexOf(to) - YEAR_PHASES.indexOf(phase))).toBe(1);
          phase = to;
        }
      }),
    );
  });
});

describe("appraisalRoundOf", () => {
  it("runs round 1 in APPRAISAL and round 2 in EXPLANATION only", () => {
    expect(YEAR_PHASES.map((phase) => [phase, appraisalRoundOf(phase)])).toEqual([
      ["SETUP", null],
      ["SELF_ASSESSMENT", null],
      ["APPRAISAL", 1],
      ["EXPLANATION", 2],
      ["FINALIZED", null],
      ["PUBLISHED", null],
    ]);
  });
});

// ---------------------------------------------------------------------------
// Assessments
// ---------------------------------------------------------------------------

const selfDeadline = new Date("2025-01-15T16:59:59.999Z"); // 23:59:59.999 on 15/01 in Vietnam
const explanationDeadline = new Date("2025-03-10T16:59:59.999Z");
const ms = (date: Date, offset: number) => new Date(date.getTime() + offset);
const DAY = 86_400_000;

const context = (overrides: Partial<AssessmentContext>): AssessmentContext => ({
  status: "DRAFT",
  yearPhase: "SELF_ASSESSMENT",
  selfAssessmentDeadline: selfDeadline,
  explanationDeadline,
  deadlineExtendedTo: null,
  now: ms(selfDeadline, -DAY),
  ...overrides,
});

/** "→STATUS" when allowed, else the refusal code. */
const outcome = (check: AssessmentActionCheck) => (check.ok ? `→${check.nextStatus}` : check.code);

/** Each action in the phase and time where it belongs, so only the status decides. */
const homeContext: Record<AssessmentAction, Partial<AssessmentContext>> = {
  EDIT_SELF_SCORE: {},
  UPLOAD_EVIDENCE: {},
  REMOVE_EVIDENCE: {},
  SUBMIT: {},
  WITHDRAW: {},
  OPEN_FOR_APPRAISAL: { yearPhase: "APPRAISAL", now: ms(selfDeadline, DAY) },
  APPRAISE: { yearPhase: "APPRAISAL", now: ms(selfDeadline, DAY) },
  RETURN_FOR_EXPLANATION: { yearPhase: "APPRAISAL", now: ms(selfDeadline, DAY) },
  EXPLAIN: { yearPhase: "APPRAISAL", now: ms(selfDeadline, DAY) },
  SEND_EXPLANATIONS: { yearPhase: "APPRAISAL", now: ms(selfDeadline, DAY) },
  CLOSE_EXPLANATION: { yearPhase: "EXPLANATION", now: ms(explanationDeadline, DAY) },
  FINALIZE: { yearPhase: "EXPLANATION", now: ms(explanationDeadline, -DAY) },
  REOPEN: { yearPhase: "EXPLANATION", now: ms(explanationDeadline, -DAY) },
};

const WS = "WRONG_STATUS";
/** Every (status, action): the status it leads to, or why it is refused. */
const statusMatrix: Record<AssessmentStatus, Record<AssessmentAction, string>> = {
  DRAFT: {
    EDIT_SELF_SCORE: "→DRAFT",
    UPLOAD_EVIDENCE: "→DRAFT",
    REMOVE_EVIDENCE: "→DRAFT",
    SUBMIT: "→SUBMITTED",
    WITHDRAW: WS,
    OPEN_FOR_APPRAISAL: WS,
    APPRAISE: WS,
    RETURN_FOR_EXPLANATION: WS,
    EXPLAIN: WS,
    SEND_EXPLANATIONS: WS,
    CLOSE_EXPLANATION: WS,
    FINALIZE: WS,
    REOPEN: WS,
  },
  SUBMITTED: {
    EDIT_SELF_SCORE: WS,
    UPLOAD_EVIDENCE: WS,
    REMOVE_EVIDENCE: WS,
    SUBMIT: WS,
    WITHDRAW: "→DRAFT",
    OPEN_FOR_APPRAISAL: "→UNDER_APPRAISAL",
    APPRAISE: WS,
    RETURN_FOR_EXPLANATION: WS,
    EXPLAIN: WS,
    SEND_EXPLANATIONS: WS,
    CLOSE_EXPLANATION: WS,
    FINALIZE: WS,
    REOPEN: WS,
  },
  UNDER_APPRAISAL: {
    EDIT_SELF_SCORE: WS,
    UPLOAD_EVIDENCE: WS,
    REMOVE_EVIDENCE: WS,
    SUBMIT: WS,
    WITHDRAW: "ALREADY_OPENED",
    OPEN_FOR_APPRAISAL: WS,
    APPRAISE: "→UNDER_APPRAISAL",
    RETURN_FOR_EXPLANATION: "→RETURNED",
    EXPLAIN: WS,
    SEND_EXPLANATIONS: WS,
    CLOSE_EXPLANATION: WS,
    FINALIZE: "→FINALIZED",
    REOPEN: WS,
  },
  RETURNED: {
    EDIT_SELF_SCORE: WS,
    UPLOAD_EVIDENCE: WS,
    REMOVE_EVIDENCE: WS,
    SUBMIT: WS,
    WITHDRAW: "ALREADY_OPENED",
    OPEN_FOR_APPRAISAL: WS,
    APPRAISE: WS,
    RETURN_FOR_EXPLANATION: WS,
    EXPLAIN: "→RETURNED",
    SEND_EXPLANATIONS: "→UNDER_APPRAISAL",
    CLOSE_EXPLANATION: "→UNDER_APPRAISAL",
    FINALIZE: WS,
    REOPEN: WS,
  },
  FINALIZED: {
    EDIT_SELF_SCORE: WS,
    UPLOAD_EVIDENCE: WS,
    REMOVE_EVIDENCE: WS,
    SUBMIT: WS,
    WITHDRAW: "ALREADY_OPENED",
    OPEN_FOR_APPRAISAL: WS,
    APPRAISE: WS,
    RETURN_FOR_EXPLANATION: WS,
    EXPLAIN: WS,
    SEND_EXPLANATIONS: WS,
    CLOSE_EXPLANATION: WS,
    FINALIZE: WS,
    REOPEN: "→UNDER_APPRAISAL",
  },
};

const statusPairs = ASSESSMENT_STATUSES.flatMap((status) =>
  ASSESSMENT_ACTIONS.map((action) => [status, action, statusMatrix[status][action]] as const),
);

describe("checkAssessmentAction by status", () => {
  it.each(statusPairs)("%s + %s: %s", (status, action, expected) => {
    expect(outcome(checkAssessmentAction(action, context({ ...homeContext[action], status })))).toBe(expected);
  });
});

/** Which actions each status allows in each phase, with every deadline still ahead and no extension. */
const byPhase: Record<YearPhase, Record<AssessmentStatus, AssessmentAction[]>> = {
  SETUP: { DRAFT: [], SUBMITTED: [], UNDER_APPRAISAL: [], RETURNED: [], FINALIZED: [] },
  SELF_ASSESSMENT: {
    DRAFT: ["EDIT_SELF_SCORE", "UPLOAD_EVIDENCE", "REMOVE_EVIDENCE", "SUBMIT"],
    // Not yet OPEN_FOR_APPRAISAL: the agency may withdraw and fix it for as long as self-assessment runs.
    SUBMITTED: ["WITHDRAW"],
    UNDER_APPRAISAL: [],
    RETURNED: [],
    FINALIZED: [],
  },
  APPRAISAL: {
    DRAFT: [],
    SUBMITTED: ["OPEN_FOR_APPRAISAL"],
    UNDER_APPRAISAL: ["APPRAISE", "RETURN_FOR_EXPLANATION"],
    RETURNED: ["EXPLAIN", "SEND_EXPLANATIONS"],
    FINALIZED: ["REOPEN"],
  },
  EXPLANATION: {
    DRAFT: [],
    SUBMITTED: ["OPEN_FOR_APPRAISAL"],
    UNDER_APPRAISAL: ["APPRAISE", "RETURN_FOR_EXPLANATION", "FINALIZE"],
    RETURNED: ["EXPLAIN", "SEND_EXPLANATIONS"],
    FINALIZED: ["REOPEN"],
  },
  FINALIZED: { DRAFT: [], SUBMITTED: [], UNDER_APPRAISAL: [], RETURNED: [], FINALIZED: [] },
  PUBLISHED: { DRAFT: [], SUBMITTED: [], UNDER_APPRAISAL: [], RETURNED: [], FINALIZED: [] },
};

const phaseCases = YEAR_PHASES.flatMap((yearPhase) =>
  ASSESSMENT_STATUSES.map((status) => [yearPhase, status, byPhase[yearPhase][status]] as const),
);

describe("allowedAssessmentActions by phase", () => {
  it.each(phaseCases)("year %s, assessment %s", (yearPhase, status, expected) => {
    const now = ms(selfDeadline, -DAY); // before both deadlines
    expect(allowedAssessmentActions(context({ yearPhase, status, now }))).toEqual(expected);
  });

  it("refuses what the status allows but the phase does not with WRONG_PHASE", () => {
    expect(outcome(checkAssessmentAction("OPEN_FOR_APPRAISAL", context({ status: "SUBMITTED" })))).toBe("WRONG_PHASE");
    expect(outcome(checkAssessmentAction("FINALIZE", context({ status: "UNDER_APPRAISAL", yearPhase: "APPRAISAL" })))).toBe(
      "WRONG_PHASE",
    );
    // A finalized year is reopened first, so its computed results are not left stale.
    expect(outcome(checkAssessmentAction("REOPEN", context({ status: "FINALIZED", yearPhase: "FINALIZED" })))).toBe("WRONG_PHASE");
    expect(outcome(checkAssessmentAction("REOPEN", context({ status: "FINALIZED", yearPhase: "PUBLISHED" })))).toBe("WRONG_PHASE");
    expect(outcome(checkAssessmentAction("SUBMIT", context({ yearPhase: "SETUP" })))).toBe("WRONG_PHASE");
  });

  it("appraises round 1 in APPRAISAL and round 2 in EXPLANATION", () => {
    const underAppraisal = { status: "UNDER_APPRAISAL" as const };
    expect(checkAssessmentAction("APPRAISE", context({ ...underAppraisal, yearPhase: "APPRAISAL" }))).toEqual({
      ok: true,
      nextStatus: "UNDER_APPRAISAL",
      round: 1,
    });
    expect(checkAssessmentAction("APPRAISE", context({ ...underAppraisal, yearPhase: "EXPLANATION" }))).toEqual({
      ok: true,
      nextStatus: "UNDER_APPRAISAL",
      round: 2,
    });
    expect(checkAssessmentAction("FINALIZE", context({ ...underAppraisal, yearPhase: "EXPLANATION" }))).toEqual({
      ok: true,
      nextStatus: "FINALIZED",
    });
  });
});

describe("self-assessment deadline", () => {
  const selfActions = ["EDIT_SELF_SCORE", "UPLOAD_EVIDENCE", "REMOVE_EVIDENCE", "SUBMIT"] as const;

  it.each(selfActions)("%s is allowed at the deadline's exact millisecond and refused one millisecond later", (action) => {
    expect(checkAssessmentAction(action, context({ now: selfDeadline })).ok).toBe(true);
    expect(outcome(checkAssessmentAction(action, context({ now: ms(selfDeadline, 1) })))).toBe("DEADLINE_PASSED");
  });

  it("stays open until the agency's extension, inclusive, when it is later than the deadline", () => {
    const deadlineExtendedTo = ms(selfDeadline, 3 * DAY);
    expect(checkAssessmentAction("SUBMIT", context({ deadlineExtendedTo, now: ms(selfDeadline, 1) })).ok).toBe(true);
    expect(checkAssessmentAction("SUBMIT", context({ deadlineExtendedTo, now: deadlineExtendedTo })).ok).toBe(true);
    expect(outcome(checkAssessmentAction("SUBMIT", context({ deadlineExtendedTo, now: ms(deadlineExtendedTo, 1) })))).toBe(
      "DEADLINE_PASSED",
    );
  });

  it("is not shortened by an extension earlier than the common deadline", () => {
    const deadlineExtendedTo = ms(selfDeadline, -3 * DAY);
    expect(checkAssessmentAction("EDIT_SELF_SCORE", context({ deadlineExtendedTo, now: selfDeadline })).ok).toBe(true);
    expect(selfAssessmentClosesAt(selfDeadline, deadlineExtendedTo)).toEqual(selfDeadline);
  });

  it("stays open while the phase runs when no deadline is set", () => {
    const farFuture = new Date("2099-12-31T00:00:00Z");
    expect(checkAssessmentAction("SUBMIT", context({ selfAssessmentDeadline: null, now: farFuture })).ok).toBe(true);
    expect(selfAssessmentClosesAt(null, null)).toBeNull();
  });

  it("keeps an extended agency open after the year moves to APPRAISAL, and nobody else", () => {
    const deadlineExtendedTo = ms(selfDeadline, 3 * DAY);
    const now = ms(selfDeadline, DAY);
    expect(outcome(checkAssessmentAction("SUBMIT", context({ yearPhase: "APPRAISAL", now })))).toBe("WRONG_PHASE");
    expect(allowedAssessmentActions(context({ yearPhase: "APPRAISAL", deadlineExtendedTo, now }))).toEqual(selfActions);
    expect(outcome(checkAssessmentAction("SUBMIT", context({ yearPhase: "APPRAISAL", deadlineExtendedTo, now: ms(deadlineExtendedTo, 1) })))).toBe(
      "DEADLINE_PASSED",
    );
    // From EXPLANATION on only round 2 runs, so an extension no longer reopens the self-assessment.
    expect(outcome(checkAssessmentAction("SUBMIT", context({ yearPhase: "EXPLANATION", deadlineExtendedTo, now })))).toBe(
      "WRONG_PHASE",
    );
  });
});

describe("withdraw", () => {
  it("is allowed until an appraiser opens the assessment, then refused as ALREADY_OPENED", () => {
    const submitted = context({ status: "SUBMITTED" });
    expect(checkAssessmentAction("WITHDRAW", submitted)).toEqual({ ok: true, nextStatus: "DRAFT" });

    const appraisal = { yearPhase: "APPRAISAL" as const, now: ms(selfDeadline, DAY) };
    const opened = checkAssessmentAction("OPEN_FOR_APPRAISAL", context({ ...appraisal, status: "SUBMITTED" }));
    expect(opened).toEqual({ ok: true, nextStatus: "UNDER_APPRAISAL" });
    if (!opened.ok) return;
    const deadlineExtendedTo = ms(selfDeadline, 3 * DAY); // even an extension does not undo the opening
    expect(outcome(checkAssessmentAction("WITHDRAW", context({ ...appraisal, status: opened.nextStatus, deadlineExtendedTo })))).toBe(
      "ALREADY_OPENED",
    );
  });

  it("is refused after the deadline, which would strand a draft that can no longer be submitted", () => {
    expect(outcome(checkAssessmentAction("WITHDRAW", context({ status: "SUBMITTED", now: ms(selfDeadline, 1) })))).toBe(
      "DEADLINE_PASSED",
    );
  });
});

describe("explanation deadline", () => {
  const returned = { status: "RETURNED" as const, yearPhase: "EXPLANATION" as const };

  it("lets the agency explain and send until the deadline's exact millisecond", () => {
    for (const action of ["EXPLAIN", "SEND_EXPLANATIONS"] as const) {
      expect(checkAssessmentAction(action, context({ ...returned, now: explanationDeadline })).ok).toBe(true);
      expect(outcome(checkAssessmentAction(action, context({ ...returned, now: ms(explanationDeadline, 1) })))).toBe("DEADLINE_PASSED");
    }
  });

  it("lets an appraiser take back an unanswered assessment only after the deadline", () => {
    expect(outcome(checkAssessmentAction("CLOSE_EXPLANATION", context({ ...returned, now: explanationDeadline })))).toBe(
      "DEADLINE_NOT_PASSED",
    );
    expect(checkAssessmentAction("CLOSE_EXPLANATION", context({ ...returned, now: ms(explanationDeadline, 1) }))).toEqual({
      ok: true,
      nextStatus: "UNDER_APPRAISAL",
    });
    expect(outcome(checkAssessmentAction("CLOSE_EXPLANATION", context({ ...returned, explanationDeadline: null })))).toBe(
      "DEADLINE_NOT_PASSED",
    );
  });

  it("refuses to return an assessment when the agency has no time left to answer", () => {
    const underAppraisal = { status: "UNDER_APPRAISAL" as const, yearPhase: "EXPLANATION" as const };
    expect(checkAssessmentAction("RETURN_FOR_EXPLANATION", context({ ...underAppraisal, now: explanationDeadline })).ok).toBe(true);
    expect(
      outcome(checkAssessmentAction("RETURN_FOR_EXPLANATION", context({ ...underAppraisal, now: ms(explanationDeadline, 1) }))),
    ).toBe("DEADLINE_PASSED");
  });
});

// ---------------------------------------------------------------------------
// Properties over arbitrary contexts
// ---------------------------------------------------------------------------

const anyDate = fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true });
const anyContext = fc.record({
  status: fc.constantFrom(...ASSESSMENT_STATUSES),
  yearPhase: fc.constantFrom(...YEAR_PHASES),
  selfAssessmentDeadline: fc.option(anyDate, { nil: null }),
  explanationDeadline: fc.option(anyDate, { nil: null }),
  deadlineExtendedTo: fc.option(anyDate, { nil: null }),
  now: anyDate,
});
const anyAction = fc.constantFrom(...ASSESSMENT_ACTIONS);
/** The actions whose window a deadline closes. */
const agencyActions: readonly AssessmentAction[] = [
  "EDIT_SELF_SCORE",
  "UPLOAD_EVIDENCE",
  "REMOVE_EVIDENCE",
  "SUBMIT",
  "WITHDRAW",
  "EXPLAIN",
  "SEND_EXPLANATIONS",
];

describe("workflow properties", () => {
  it("allows nothing on any assessment before the year opens or once it is finalized", () => {
    fc.assert(
      fc.property(anyContext, fc.constantFrom<YearPhase>("SETUP", "FINALIZED", "PUBLISHED"), (ctx, yearPhase) => {
        expect(allowedAssessmentActions({ ...ctx, yearPhase })).toEqual([]);
      }),
    );
  });

  it("never reopens an agency's window by waiting: allowed later means allowed earlier", () => {
    fc.assert(
      fc.property(anyContext, fc.constantFrom(...agencyActions), anyDate, (ctx, action, other) => {
        const [earlier, later] = other.getTime() < ctx.now.getTime() ? [other, ctx.now] : [ctx.now, other];
        if (checkAssessmentAction(action, { ...ctx, now: later }).ok) {
          expect(checkAssessmentAction(action, { ...ctx, now: earlier }).ok).toBe(true);
        }
      }),
    );
  });

  it("never takes anything away by granting an extension", () => {
    fc.assert(
      fc.property(anyContext, anyAction, anyDate, (ctx, action, deadlineExtendedTo) => {
        if (checkAssessmentAction(action, { ...ctx, deadlineExtendedTo: null }).ok) {
          expect(checkAssessmentAction(action, { ...ctx, deadlineExtendedTo }).ok).toBe(true);
        }
      }),
    );
  });

  it("never lets an opened assessment go back to the agency's draft, whatever happens next", () => {
    const step = fc.record({ action: anyAction, ctx: anyContext });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let status: AssessmentStatus = "DRAFT";
        let wasOpened = false;
        for (const { action, ctx } of steps) {
          const check = checkAssessmentAction(action, { ...ctx, status });
          if (!check.ok) continue;
          status = check.nextStatus;
          wasOpened ||= status === "UNDER_APPRAISAL";
          if (wasOpened) expect(["DRAFT", "SUBMITTED"]).not.toContain(status);
        }
      }),
    );
  });

  it("reaches every status from DRAFT, and FINALIZED from every status (no dead end)", () => {
    // A year's life: self-assessment, then the two rounds, before and after the explanation deadline.
    const moments: Partial<AssessmentContext>[] = [
      {},
      { yearPhase: "APPRAISAL", now: ms(selfDeadline, DAY) },
      { yearPhase: "EXPLANATION", now: ms(explanationDeadline, -DAY) },
      { yearPhase: "EXPLANATION", now: ms(explanationDeadline, DAY) },
    ];
    const next = (status: AssessmentStatus) =>
      moments.flatMap((moment) =>
        ASSESSMENT_ACTIONS.map((action) => checkAssessmentAction(action, context({ ...moment, status }))).flatMap((check) =>
          check.ok ? [check.nextStatus] : [],
        ),
      );
    const reachableFrom = (start: AssessmentStatus) => {
      const seen = new Set<AssessmentStatus>([start]);
      const queue = [start];
      for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
        for (const to of next(status)) {
          if (seen.has(to)) continue;
          seen.add(to);
          queue.push(to);
        }
      }
      return seen;
    };
    expect([...reachableFrom("DRAFT")].sort()).toEqual([...ASSESSMENT_STATUSES].sort());
    for (const status of ASSESSMENT_STATUSES) expect(reachableFrom(status).has("FINALIZED"), `from ${status}`).toBe(true);
  });
});

/**
 * The workflow of an assessment year and of each agency's assessment: which phase changes and which
 * actions are allowed WHEN. Who may act (roles, agency binding, appraiser assignment) is the
 * permission policy in lib/auth; data preconditions (every criterion answered, no open dispute,
 * survey imported) are checked by the services. Both run in addition to these rules, never instead.
 */

// ---------------------------------------------------------------------------
// Year phases
// ---------------------------------------------------------------------------

/** In order. Mirrors the Prisma enum YearPhase; lib/domain does not import Prisma. */
export const YEAR_PHASES = ["SETUP", "SELF_ASSESSMENT", "APPRAISAL", "EXPLANATION", "FINALIZED", "PUBLISHED"] as const;
export type YearPhase = (typeof YEAR_PHASES)[number];

/** Why a year's phase change is refused. */
export type YearPhaseChangeCode =
  /** The year is already in that phase: a repeated click must not write a second audit event. */
  | "SAME_PHASE"
  /**
   * A forward change of more than one step. Each phase has its own work and deadline (agencies
   * submit, appraisers appraise, agencies explain); skipping one would deny somebody that step.
   */
  | "SKIPS_PHASE"
  /**
   * Any change out of PUBLISHED. The announcement is public and its snapshot immutable; a
   * correction is a new publication superseding the old one, not a rewind of the year.
   */
  | "PUBLISHED_IS_FINAL"
  /** A backward change that is not one of the allowed reopenings (see REOPENINGS). */
  | "NOT_REOPENABLE";

export type YearPhaseChange = { ok: true; isReopening: boolean } | { ok: false; code: YearPhaseChangeCode };

/**
 * The only backward steps, each one phase back, so a reopening undoes exactly one stage of work.
 * Services require a written reason for them (isReopening) because they take back something
 * people were told was closed.
 * - APPRAISAL → SELF_ASSESSMENT: the deadline was closed too early or must be reopened for all.
 * - EXPLANATION → APPRAISAL: round 1 must be redone before agencies answer it.
 * - FINALIZED → EXPLANATION: an error found before publication; the computed results are stale
 *   until the year is finalized again.
 * Not SELF_ASSESSMENT → SETUP: criteria sets freeze when the year leaves SETUP and agencies have
 * scored against them since; a set is changed through its own audited unfreeze instead.
 */
const REOPENINGS: ReadonlyMap<YearPhase, YearPhase> = new Map<YearPhase, YearPhase>([
  ["APPRAISAL", "SELF_ASSESSMENT"],
  ["EXPLANATION", "APPRAISAL"],
  ["FINALIZED", "EXPLANATION"],
]);

/** Whether the year may move from one phase to another, and whether that move is a reopening. */
export function checkYearPhaseChange(from: YearPhase, to: YearPhase): YearPhaseChange {
  if (from === to) return { ok: false, code: "SAME_PHASE" };
  if (from === "PUBLISHED") return { ok: false, code: "PUBLISHED_IS_FINAL" };
  const step = YEAR_PHASES.indexOf(to) - YEAR_PHASES.indexOf(from);
  if (step === 1) return { ok: true, isReopening: false };
  if (step > 1) return { ok: false, code: "SKIPS_PHASE" };
  return REOPENINGS.get(from) === to ? { ok: true, isReopening: true } : { ok: false, code: "NOT_REOPENABLE" };
}

export function canChangeYearPhase(from: YearPhase, to: YearPhase): boolean {
  return checkYearPhaseChange(from, to).ok;
}

/** The phases the year may move to from `from` (the next one first, then a reopening if any). */
export function yearPhaseChangesFrom(from: YearPhase): YearPhase[] {
  return [...YEAR_PHASES].reverse().filter((to) => canChangeYearPhase(from, to));
}

/** Appraisal round (thẩm định lần 1 / lần 2). */
export type AppraisalRound = 1 | 2;

/**
 * The appraisal round a year phase runs: round 1 in APPRAISAL; round 2 (the final decision, after
 * the agencies' explanations) in EXPLANATION; none otherwise, because before APPRAISAL nothing
 * has been submitted for appraisal and from FINALIZED on the points are locked.
 */
export function appraisalRoundOf(phase: YearPhase): AppraisalRound | null {
  if (phase === "APPRAISAL") return 1;
  if (phase === "EXPLANATION") return 2;
  return null;
}

// ---------------------------------------------------------------------------
// Assessments
// ---------------------------------------------------------------------------

/** Mirrors the Prisma enum AssessmentStatus. */
export const ASSESSMENT_STATUSES = ["DRAFT", "SUBMITTED", "UNDER_APPRAISAL", "RETURNED", "FINALIZED"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** What somebody does to an assessment. Status changes are named by the action that causes them. */
export const ASSESSMENT_ACTIONS = [
  "EDIT_SELF_SCORE",
  "UPLOAD_EVIDENCE",
  "REMOVE_EVIDENCE",
  /** DRAFT → SUBMITTED. */
  "SUBMIT",
  /** SUBMITTED → DRAFT: withdraw to edit. */
  "WITHDRAW",
  /** SUBMITTED → UNDER_APPRAISAL: an appraiser opens it. */
  "OPEN_FOR_APPRAISAL",
  /** Enter appraised points (round 1 or 2). */
  "APPRAISE",
  /** UNDER_APPRAISAL → RETURNED: the agency is asked to explain disputed criteria. */
  "RETURN_FOR_EXPLANATION",
  /** Write or change the explanation (giải trình) of one criterion. */
  "EXPLAIN",
  /** RETURNED → UNDER_APPRAISAL: the agency sends its explanations back. */
  "SEND_EXPLANATIONS",
  /** RETURNED → UNDER_APPRAISAL: an appraiser takes back an assessment not answered by the deadline. */
  "CLOSE_EXPLANATION",
  /** UNDER_APPRAISAL → FINALIZED: the assessment's points are locked. */
  "FINALIZE",
  /** FINALIZED → UNDER_APPRAISAL: unlock for a correction before the year is finalized. */
  "REOPEN",
] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

/** Why an action on an assessment is refused. Checked in this order: status, phase, deadline. */
export type AssessmentActionCode =
  /** The assessment's status does not allow the action (editing a submitted one, appraising a draft). */
  | "WRONG_STATUS"
  /**
   * WITHDRAW once an appraiser has opened the assessment: from then on appraisers work on what
   * was submitted, so the agency can no longer pull it back.
   */
  | "ALREADY_OPENED"
  /** The year's phase does not allow the action (e.g. appraising during self-assessment). */
  | "WRONG_PHASE"
  /**
   * The agency's window has closed: the self-assessment deadline (or the agency's later
   * extension), or the explanation deadline. Also RETURN_FOR_EXPLANATION after the explanation
   * deadline, since the agency would have no time left to answer.
   */
  | "DEADLINE_PASSED"
  /**
   * CLOSE_EXPLANATION while the agency may still explain (the explanation deadline has not passed,
   * or none is set): the agency's right to answer is protected until a stated deadline.
   */
  | "DEADLINE_NOT_PASSED";

export type AssessmentActionCheck =
  | { ok: true; nextStatus: AssessmentStatus; round?: AppraisalRound }
  | { ok: false; code: AssessmentActionCode };

export type AssessmentContext = {
  status: AssessmentStatus;
  yearPhase: YearPhase;
  /** The year's SELF_ASSESSMENT deadline (PhaseDeadline.endsAt); null when none is set. */
  selfAssessmentDeadline: Date | null;
  /** The year's EXPLANATION deadline (PhaseDeadline.endsAt); null when none is set. */
  explanationDeadline: Date | null;
  /** The agency's own self-assessment extension (Assessment.deadlineExtendedTo). */
  deadlineExtendedTo: Date | null;
  now: Date;
};

/** Which statuses each action starts from, and where it leads (null: the status does not change). */
const ACTION_STATUSES: Record<AssessmentAction, { from: AssessmentStatus; to: AssessmentStatus | null }> = {
  EDIT_SELF_SCORE: { from: "DRAFT", to: null },
  UPLOAD_EVIDENCE: { from: "DRAFT", to: null },
  REMOVE_EVIDENCE: { from: "DRAFT", to: null },
  SUBMIT: { from: "DRAFT", to: "SUBMITTED" },
  WITHDRAW: { from: "SUBMITTED", to: "DRAFT" },
  OPEN_FOR_APPRAISAL: { from: "SUBMITTED", to: "UNDER_APPRAISAL" },
  APPRAISE: { from: "UNDER_APPRAISAL", to: null },
  RETURN_FOR_EXPLANATION: { from: "UNDER_APPRAISAL", to: "RETURNED" },
  EXPLAIN: { from: "RETURNED", to: null },
  SEND_EXPLANATIONS: { from: "RETURNED", to: "UNDER_APPRAISAL" },
  CLOSE_EXPLANATION: { from: "RETURNED", to: "UNDER_APPRAISAL" },
  FINALIZE: { from: "UNDER_APPRAISAL", to: "FINALIZED" },
  REOPEN: { from: "FINALIZED", to: "UNDER_APPRAISAL" },
};

/**
 * Deadlines are inclusive to the millisecond: at exactly `deadline` the action is still allowed,
 * one millisecond later it is not. A deadline meant as "until the end of 15/01" must therefore be
 * stored as 23:59:59.999 that day in the province's time zone. An invalid date fails closed.
 */
function isOnOrBefore(now: Date, deadline: Date): boolean {
  return now.getTime() <= deadline.getTime();
}

/**
 * When the agency's self-assessment closes: the year's deadline, or the agency's extension when
 * that is later (an extension never shortens the common deadline). Null: no deadline is set.
 */
export function selfAssessmentClosesAt(selfAssessmentDeadline: Date | null, deadlineExtendedTo: Date | null): Date | null {
  if (selfAssessmentDeadline === null) return null;
  if (deadlineExtendedTo !== null && deadlineExtendedTo.getTime() > selfAssessmentDeadline.getTime()) return deadlineExtendedTo;
  return selfAssessmentDeadline;
}

/**
 * Whether the agency may still edit, submit or withdraw its self-assessment.
 * - In SELF_ASSESSMENT: until the deadline or the agency's later extension; with no deadline set,
 *   until the administrator moves the year on.
 * - In APPRAISAL: only an agency with an extension, until that extension. The extension is a lock
 *   exception granted to one agency; moving the year on must neither revoke it silently nor hold
 *   every other agency's appraisal until the late one submits. Round 1 can still be done for it.
 * - Otherwise never: from EXPLANATION on only round 2 runs, which presumes a round 1.
 */
function checkSelfAssessmentWindow(context: AssessmentContext): AssessmentActionCode | null {
  const { yearPhase, now, deadlineExtendedTo } = context;
  if (yearPhase === "SELF_ASSESSMENT") {
    const closesAt = selfAssessmentClosesAt(context.selfAssessmentDeadline, deadlineExtendedTo);
    return closesAt === null || isOnOrBefore(now, closesAt) ? null : "DEADLINE_PASSED";
  }
  if (yearPhase === "APPRAISAL" && deadlineExtendedTo !== null) {
    return isOnOrBefore(now, deadlineExtendedTo) ? null : "DEADLINE_PASSED";
  }
  return "WRONG_PHASE";
}

/**
 * Appraisal work (open, appraise, return, explain, reopen) happens while the year runs a round.
 * Opening is refused during SELF_ASSESSMENT so that the agency can withdraw and fix its submission
 * for as long as the self-assessment is open.
 */
function checkAppraisalOpen(context: AssessmentContext): AssessmentActionCode | null {
  return appraisalRoundOf(context.yearPhase) === null ? "WRONG_PHASE" : null;
}

/** The agency may explain until the explanation deadline; with none set, as long as the round runs. */
function checkExplanationWindow(context: AssessmentContext): AssessmentActionCode | null {
  const { explanationDeadline, now } = context;
  return checkAppraisalOpen(context) ?? (explanationDeadline === null || isOnOrBefore(now, explanationDeadline) ? null : "DEADLINE_PASSED");
}

/** The phase and deadline rule of each action; null when the action is allowed now. */
function checkWhen(action: AssessmentAction, context: AssessmentContext): AssessmentActionCode | null {
  switch (action) {
    case "EDIT_SELF_SCORE":
    case "UPLOAD_EVIDENCE":
    case "REMOVE_EVIDENCE":
    case "SUBMIT":
    // Withdrawing after the window has closed would leave a draft that can never be submitted again.
    case "WITHDRAW":
      return checkSelfAssessmentWindow(context);
    case "OPEN_FOR_APPRAISAL":
    case "APPRAISE":
    // Reopening only while the year runs a round: once the year is FINALIZED its results are
    // computed from the locked assessments, so the year is reopened first (FINALIZED → EXPLANATION).
    case "REOPEN":
      return checkAppraisalOpen(context);
    case "RETURN_FOR_EXPLANATION":
    case "EXPLAIN":
    case "SEND_EXPLANATIONS":
      return checkExplanationWindow(context);
    case "CLOSE_EXPLANATION": {
      // Without this, one agency that never answers would keep the whole year from being finalized.
      const { explanationDeadline, now } = context;
      return (
        checkAppraisalOpen(context) ??
        (explanationDeadline !== null && now.getTime() > explanationDeadline.getTime() ? null : "DEADLINE_NOT_PASSED")
      );
    }
    case "FINALIZE":
      // Every agency gets the year's explanation window before its points are locked.
      return context.yearPhase === "EXPLANATION" ? null : "WRONG_PHASE";
  }
}

/**
 * Whether `action` is allowed on the assessment now, the status it leads to and, for APPRAISE,
 * the round whose points it writes.
 */
export function checkAssessmentAction(action: AssessmentAction, context: AssessmentContext): AssessmentActionCheck {
  const { from, to } = ACTION_STATUSES[action];
  if (context.status !== from) {
    const isOpened = context.status !== "DRAFT" && context.status !== "SUBMITTED";
    return { ok: false, code: action === "WITHDRAW" && isOpened ? "ALREADY_OPENED" : "WRONG_STATUS" };
  }
  const code = checkWhen(action, context);
  if (code !== null) return { ok: false, code };
  const nextStatus = to ?? from;
  const round = action === "APPRAISE" ? appraisalRoundOf(context.yearPhase) : null;
  return round === null ? { ok: true, nextStatus } : { ok: true, nextStatus, round };
}

/** Every action allowed on the assessment now, in ASSESSMENT_ACTIONS order (for showing buttons). */
export function allowedAssessmentActions(context: AssessmentContext): AssessmentAction[] {
  return ASSESSMENT_ACTIONS.filter((action) => checkAssessmentAction(action, context).ok);
}

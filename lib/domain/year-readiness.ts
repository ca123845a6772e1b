import { formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { validateBands, type TGradingBand } from "./bands";
import { findCriteriaWithoutAppraiserUnit } from "./criteria-assignment";
import { buildCriteriaTree, type CriterionDefinition } from "./criteria-tree";

// What a year needs before it moves to its next phase (issue 7 item 1). The services gather the
// facts inside the phase change's transaction; the rules are here, pure, and list every problem at
// once so the administrator fixes everything in one pass. Which changes are allowed at all is
// lib/domain/workflow.ts checkYearPhaseChange; these are the data preconditions on top of it.

/** One reason the year may not move yet: what it is about (a unit type, an agency, the deadlines) and why. */
export type ReadinessProblem = { subject: string; message: string };

export type UnitTypeSetup = {
  name: string;
  /** Agencies of the unit type still active (Agency.activeTo empty or in the future). */
  activeAgencies: number;
  /** The unit type's criteria set for the year; null when there is none. */
  criteriaSet: { totalMaxPoints: number; criteria: readonly (CriterionDefinition & { appraiserUnitId: string | null })[] } | null;
  bands: readonly TGradingBand[];
};

export type LeavingSetupFacts = {
  year: number;
  /** The year's caps, thousandths. */
  maxBonusPoints: number;
  maxPenaltyPoints: number;
  unitTypes: readonly UnitTypeSetup[];
  selfAssessmentDeadline: Date | null;
  now: Date;
};

const deadlinesSubject = () => vi.adminYears.problems.deadlinesSubject;

function noDeadline(phase: keyof typeof vi.labels.yearPhase): ReadinessProblem {
  return { subject: deadlinesSubject(), message: interpolate(vi.adminYears.problems.noDeadline, { phase: vi.labels.yearPhase[phase] }) };
}

/**
 * SETUP → SELF_ASSESSMENT: every unit type with active agencies has a criteria set that builds
 * without problems and whose leaves each have an appraiser unit, and valid grading bands; the
 * self-assessment has a deadline still ahead (an agency must have time to self-assess). Unit types
 * without active agencies are not checked: nobody would be assessed against their set.
 */
export function checkLeavingSetup(facts: LeavingSetupFacts): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  const { problems: text } = vi.adminYears;
  const assessed = facts.unitTypes.filter((unitType) => unitType.activeAgencies > 0);
  if (assessed.length === 0) problems.push({ subject: vi.adminYears.listTitle, message: text.noActiveAgencies });
  for (const unitType of assessed) {
    const add = (message: string) => problems.push({ subject: unitType.name, message });
    const set = unitType.criteriaSet;
    if (set === null) {
      add(interpolate(text.noCriteriaSet, { year: facts.year, n: unitType.activeAgencies }));
    } else {
      const built = buildCriteriaTree({
        criteria: set.criteria,
        totalMaxPoints: set.totalMaxPoints,
        maxBonusPoints: facts.maxBonusPoints,
        maxPenaltyPoints: facts.maxPenaltyPoints,
      });
      if (!built.ok) for (const problem of built.problems) add(problem.message);
      const unassigned = findCriteriaWithoutAppraiserUnit(set.criteria.map((criterion) => ({ ...criterion, method: methodName(criterion.method) })));
      if (unassigned.length > 0) add(interpolate(text.criteriaWithoutAppraiser, { codes: unassigned.map((problem) => problem.criterionCode).join(", ") }));
    }
    for (const problem of validateBands(unitType.bands)) add(interpolate(text.bands, { problem: problem.message }));
  }
  if (facts.selfAssessmentDeadline === null) {
    problems.push(noDeadline("SELF_ASSESSMENT"));
  } else if (facts.selfAssessmentDeadline.getTime() <= facts.now.getTime()) {
    problems.push({ subject: deadlinesSubject(), message: interpolate(text.selfAssessmentDeadlinePassed, { date: formatVietnamDate(facts.selfAssessmentDeadline) }) });
  }
  return problems;
}

export type StartingAppraisalFacts = {
  selfAssessmentDeadline: Date | null;
  appraisalDeadline: Date | null;
  /**
   * Active agencies expected to self-assess that have not submitted (no assessment, or a draft),
   * leaving out those with their own extension: the workflow keeps an extension open in APPRAISAL.
   */
  notSubmitted: readonly string[];
  now: Date;
};

/**
 * SELF_ASSESSMENT → APPRAISAL: the appraisal has a deadline, and no agency loses self-assessment
 * days it was promised. Moving on closes the self-assessment of every agency without an extension
 * (lib/domain/workflow.ts), so before the common deadline it is allowed only once every agency
 * has submitted.
 */
export function checkStartingAppraisal(facts: StartingAppraisalFacts): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  if (facts.appraisalDeadline === null) problems.push(noDeadline("APPRAISAL"));
  const deadline = facts.selfAssessmentDeadline;
  if (deadline !== null && facts.now.getTime() <= deadline.getTime() && facts.notSubmitted.length > 0) {
    problems.push({
      subject: deadlinesSubject(),
      message: interpolate(vi.adminYears.problems.selfAssessmentDeadlineNotPassed, {
        date: formatVietnamDate(deadline),
        n: facts.notSubmitted.length,
        agencies: facts.notSubmitted.join(", "),
      }),
    });
  }
  return problems;
}

export type StartingExplanationFacts = {
  explanationDeadline: Date | null;
  /** Draft or submitted assessments whose agency's self-assessment extension has not run out. */
  runningExtensions: readonly { agencyName: string; until: Date }[];
};

/**
 * APPRAISAL → EXPLANATION: the explanations have a deadline (closing an unanswered return needs
 * it), and no agency's self-assessment extension is still running — from EXPLANATION on only round
 * 2 runs and the agency could no longer submit, so moving on would revoke the extension silently.
 */
export function checkStartingExplanation(facts: StartingExplanationFacts): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  if (facts.explanationDeadline === null) problems.push(noDeadline("EXPLANATION"));
  for (const extension of facts.runningExtensions) {
    problems.push({ subject: extension.agencyName, message: interpolate(vi.adminYears.problems.extensionRunning, { date: formatVietnamDate(extension.until) }) });
  }
  return problems;
}

/**
 * Opening a year's work (leaving SETUP, or reopening a finalized year) while another year is
 * open: the workspaces show one year at a time — the latest one between SELF_ASSESSMENT and
 * FINALIZED (lib/services/get-open-year.ts) — so the other year's agencies and appraisers would
 * silently lose theirs. `others`: the other years in SELF_ASSESSMENT, APPRAISAL or EXPLANATION.
 */
export function checkOneOpenYear(others: readonly { year: number; phase: keyof typeof vi.labels.yearPhase }[]): ReadinessProblem[] {
  return others.map((other) => ({
    subject: interpolate(vi.adminYears.yearTitle, { year: other.year }),
    message: interpolate(vi.adminYears.problems.otherYearOpen, { phase: vi.labels.yearPhase[other.phase] }),
  }));
}

/**
 * APPRAISAL → SELF_ASSESSMENT (a reopening): the self-assessment deadline must lie ahead, or
 * reopening would give the agencies nothing — their window is closed by the deadline either way.
 */
export function checkReopeningSelfAssessment(facts: { selfAssessmentDeadline: Date | null; now: Date }): ReadinessProblem[] {
  const deadline = facts.selfAssessmentDeadline;
  if (deadline === null || deadline.getTime() > facts.now.getTime()) return [];
  return [{ subject: deadlinesSubject(), message: interpolate(vi.adminYears.problems.reopenSelfAssessmentDeadline, { date: formatVietnamDate(deadline) }) }];
}

/** The method's name of a stored `{ method, params }`, null for a parent (or anything else). */
function methodName(method: unknown): string | null {
  return typeof method === "object" && method !== null && typeof (method as { method?: unknown }).method === "string" ? (method as { method: string }).method : null;
}

import "server-only";

import { z } from "zod";

import { storedBand } from "@/lib/domain/bands";
import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { toThousandths } from "@/lib/domain/points";
import {
  checkLeavingSetup,
  checkOneOpenYear,
  checkReopeningSelfAssessment,
  checkStartingAppraisal,
  checkStartingExplanation,
  type ReadinessProblem,
} from "@/lib/domain/year-readiness";
import { checkYearPhaseChange, YEAR_PHASES, type YearPhase } from "@/lib/domain/workflow";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { appendAuditEvent } from "./audit";
import { CRITERION_DEFINITION_COLUMNS, toCriterionDefinition } from "./criteria-definitions";
import { failure, success, validationFailure, type ServiceError, type ServiceResult } from "./service-result";
import { lockYear, ZYearId, type LockedYear } from "./year-admin";

const { errors } = vi.adminYears;
const ZYearPhase = z.enum(YEAR_PHASES);

export const ZChangeYearPhaseInput = z.object({
  yearId: ZYearId,
  /** The phase the administrator saw: if the year has moved since, nothing happens (STALE_VERSION). */
  from: ZYearPhase,
  to: ZYearPhase,
  /** Required for a reopening: it takes back something people were told was closed. */
  reason: z.string().trim().max(2000).optional(),
});
export type TChangeYearPhaseInput = z.input<typeof ZChangeYearPhaseInput>;

export const ZPreviewYearPhaseChangeInput = z.object({ yearId: ZYearId, to: ZYearPhase });

const label = (phase: YearPhase) => vi.labels.yearPhase[phase];

/** Agencies still to be assessed: the active ones (no end date, or one still ahead). */
const activeAgency = (now: Date) => ({ OR: [{ activeTo: null }, { activeTo: { gt: now } }] });

async function deadlinesOf(tx: Prisma.TransactionClient, yearId: string) {
  const rows = await tx.phaseDeadline.findMany({ where: { yearId }, select: { phase: true, endsAt: true } });
  return (phase: YearPhase) => rows.find((row) => row.phase === phase)?.endsAt ?? null;
}

/**
 * Why the year may not move from its phase to `to` now (empty: it may), read in the caller's
 * transaction. The rules are lib/domain/year-readiness.ts; this gathers their facts.
 */
async function readinessProblems(tx: Prisma.TransactionClient, year: LockedYear, to: YearPhase, now: Date): Promise<ReadinessProblem[]> {
  const deadline = await deadlinesOf(tx, year.id);
  const isOpening = (year.phase === "SETUP" && to === "SELF_ASSESSMENT") || (year.phase === "FINALIZED" && to === "EXPLANATION");
  const otherOpen = isOpening
    ? checkOneOpenYear(
        await tx.assessmentYear.findMany({
          where: { id: { not: year.id }, phase: { in: ["SELF_ASSESSMENT", "APPRAISAL", "EXPLANATION"] } },
          orderBy: { year: "asc" },
          select: { year: true, phase: true },
        }),
      )
    : [];
  if (year.phase === "SETUP" && to === "SELF_ASSESSMENT") {
    // One after another: the transaction's queries share one connection.
    const settings = await tx.assessmentYear.findUniqueOrThrow({ where: { id: year.id }, select: { maxBonusPoints: true, maxPenaltyPoints: true } });
    const unitTypes = await tx.unitType.findMany({
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        name: true,
        _count: { select: { agencies: { where: activeAgency(now) } } },
        gradingBands: { where: { yearId: year.id }, select: { label: true, minPercent: true } },
        criteriaSets: {
          where: { yearId: year.id },
          select: {
            totalMaxPoints: true,
            criteria: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { ...CRITERION_DEFINITION_COLUMNS, appraiserUnitId: true } },
          },
        },
      },
    });
    const setup = checkLeavingSetup({
      year: year.year,
      maxBonusPoints: toThousandths(settings.maxBonusPoints.toFixed(3)),
      maxPenaltyPoints: toThousandths(settings.maxPenaltyPoints.toFixed(3)),
      unitTypes: unitTypes.map((unitType) => {
        const set = unitType.criteriaSets[0];
        return {
          name: unitType.name,
          activeAgencies: unitType._count.agencies,
          criteriaSet: set
            ? {
                totalMaxPoints: toThousandths(set.totalMaxPoints.toFixed(3)),
                criteria: set.criteria.map((criterion) => ({ ...toCriterionDefinition(criterion), appraiserUnitId: criterion.appraiserUnitId })),
              }
            : null,
          bands: unitType.gradingBands.map(storedBand),
        };
      }),
      selfAssessmentDeadline: deadline("SELF_ASSESSMENT"),
      now,
    });
    return [...setup, ...otherOpen];
  }
  if (year.phase === "SELF_ASSESSMENT" && to === "APPRAISAL") {
    // Expected to self-assess: the active agencies of every unit type that has a set this year.
    const agencies = await tx.agency.findMany({
      where: { ...activeAgency(now), unitType: { criteriaSets: { some: { yearId: year.id } } } },
      orderBy: { name: "asc" },
      select: { name: true, assessments: { where: { yearId: year.id }, select: { status: true, deadlineExtendedTo: true } } },
    });
    const notSubmitted = agencies
      .filter((agency) => {
        const assessment = agency.assessments[0];
        if (assessment && assessment.status !== "DRAFT") return false;
        return !(assessment?.deadlineExtendedTo && assessment.deadlineExtendedTo.getTime() > now.getTime());
      })
      .map((agency) => agency.name);
    return checkStartingAppraisal({ selfAssessmentDeadline: deadline("SELF_ASSESSMENT"), appraisalDeadline: deadline("APPRAISAL"), notSubmitted, now });
  }
  if (year.phase === "APPRAISAL" && to === "EXPLANATION") {
    const extended = await tx.assessment.findMany({
      where: { yearId: year.id, status: { in: ["DRAFT", "SUBMITTED"] }, deadlineExtendedTo: { gt: now } },
      orderBy: { agency: { name: "asc" } },
      select: { deadlineExtendedTo: true, agency: { select: { name: true } } },
    });
    return checkStartingExplanation({
      explanationDeadline: deadline("EXPLANATION"),
      runningExtensions: extended.map((assessment) => ({ agencyName: assessment.agency.name, until: assessment.deadlineExtendedTo as Date })),
    });
  }
  if (year.phase === "APPRAISAL" && to === "SELF_ASSESSMENT") {
    return checkReopeningSelfAssessment({ selfAssessmentDeadline: deadline("SELF_ASSESSMENT"), now });
  }
  return otherOpen;
}

/** Refuses a change the workflow does not allow, or one another page performs; null when allowed here. */
function refusal(from: YearPhase, to: YearPhase): ServiceError | null {
  const change = checkYearPhaseChange(from, to);
  if (!change.ok) return failure("WRONG_PHASE", { message: interpolate(errors.phaseChange[change.code], { from: label(from), to: label(to) }) });
  // Finalizing computes and stores every result (year-results.ts finalizeYear); publishing makes the snapshot.
  if (to === "FINALIZED" && !change.isReopening) return failure("WRONG_PHASE", { message: errors.finalizeElsewhere });
  if (to === "PUBLISHED") return failure("WRONG_PHASE", { message: errors.publishElsewhere });
  return null;
}

function notReady(to: YearPhase, problems: readonly ReadinessProblem[]): ServiceError {
  return failure("VALIDATION_FAILED", {
    message: interpolate(errors.notReady, { phase: label(to), n: problems.length }),
    issues: problems.map((problem) => ({ path: problem.subject, message: problem.message })),
  });
}

export type YearPhaseChangePreview = { from: YearPhase; to: YearPhase; problems: ReadinessProblem[] };

/**
 * What would keep the year from moving to `to` now, for the year's page to show before the
 * administrator clicks (the change itself checks again). Refused like the change when the workflow
 * does not allow it.
 */
export async function previewYearPhaseChange(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<YearPhaseChangePreview>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "year.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZPreviewYearPhaseChangeInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const year = await db.assessmentYear.findUnique({ where: { id: parsed.data.yearId }, select: { id: true, year: true, phase: true } });
  if (!year) return failure("NOT_FOUND");
  const refused = refusal(year.phase, parsed.data.to);
  if (refused) return refused;
  return success({ from: year.phase, to: parsed.data.to, problems: await readinessProblems(db, year, parsed.data.to, now) });
}

export type ChangedYearPhase = { phase: YearPhase; frozenCriteriaSets: number; clearedResults: number };

/**
 * The administrator moves the year to its next phase, or back one step where the workflow allows a
 * reopening (with a reason). Checked in one transaction, the year row locked so two
 * administrators clicking at once change it once (the second gets STALE_VERSION): the workflow
 * (lib/domain/workflow.ts), then every data precondition (lib/domain/year-readiness.ts), all
 * listed in one VALIDATION_FAILED. Leaving SETUP freezes the year's criteria sets; reopening a
 * finalized year clears its computed results, stale until it is finalized again. Both of these
 * open a year's work, refused while another year is open (the workspaces show one year).
 * EXPLANATION → FINALIZED is finalizeYear's (year-results.ts) and FINALIZED → PUBLISHED the
 * publication's: both refused here with WRONG_PHASE.
 */
export async function changeYearPhase(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<ChangedYearPhase>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "year.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZChangeYearPhaseInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { yearId, from, to } = parsed.data;
  const reason = parsed.data.reason ?? "";

  return db.$transaction(
    async (tx) => {
      const year = await lockYear(tx, yearId);
      if (!year) return failure("NOT_FOUND");
      if (year.phase !== from) {
        return failure("STALE_VERSION", { message: interpolate(errors.phaseChangedMeanwhile, { phase: label(year.phase) }), current: { phase: year.phase } });
      }
      const refused = refusal(from, to);
      if (refused) return refused;
      const isReopening = YEAR_PHASES.indexOf(to) < YEAR_PHASES.indexOf(from);
      if (isReopening && reason === "") return failure("VALIDATION_FAILED", { issues: [{ path: "reason", message: errors.reasonRequired }] });
      if (from === "SETUP") {
        // Criteria sets are saved under their own row; lock them so none changes between the check and the freeze.
        await tx.$queryRaw`SELECT "id" FROM "CriteriaSet" WHERE "yearId" = ${yearId} FOR UPDATE`;
      }
      const problems = await readinessProblems(tx, year, to, now);
      if (problems.length > 0) return notReady(to, problems);

      await tx.assessmentYear.update({ where: { id: yearId }, data: { phase: to }, select: { id: true } });
      const frozen = from === "SETUP" ? await tx.criteriaSet.updateMany({ where: { yearId, frozenAt: null }, data: { frozenAt: now } }) : { count: 0 };
      const cleared = from === "FINALIZED" ? await tx.result.deleteMany({ where: { yearId } }) : { count: 0 };
      await appendAuditEvent(tx, {
        type: "YEAR_PHASE_CHANGED",
        actor,
        subjectType: "AssessmentYear",
        subjectId: yearId,
        yearId,
        before: { phase: from },
        after: {
          phase: to,
          ...(isReopening ? { reason } : {}),
          ...(from === "SETUP" ? { frozenCriteriaSets: frozen.count } : {}),
          ...(from === "FINALIZED" ? { clearedResults: cleared.count } : {}),
        },
      });
      return success({ phase: to, frozenCriteriaSets: frozen.count, clearedResults: cleared.count });
    },
    // Leaving SETUP reads every criterion of the year's sets: a few hundred rows.
    { timeout: 30_000 },
  );
}

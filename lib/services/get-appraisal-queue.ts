import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { findAppraisalGaps, type AppraisalScore } from "@/lib/domain/appraisal-check";
import { isDisputed } from "@/lib/domain/appraisal-view";
import { AGENCY_CHANGE_EVENTS, REVIEW_EVENTS } from "@/lib/domain/review-changes";
import { computeAssessmentTotals } from "@/lib/domain/assessment-totals";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { ASSESSMENT_STATUSES, appraisalRoundOf, checkAssessmentAction } from "@/lib/domain/workflow";

import { workflowContextOf } from "./assessment-workflow";
import { CRITERION_DEFINITION_COLUMNS, criteriaTreeOf, toCriterionDefinition } from "./criteria-definitions";
import { getOpenYear } from "./get-open-year";
import { leafScoresOf } from "./score-leaves";

/** The queue's filters and order, as they stand in the URL (?loai=…&trang-thai=…&can-xu-ly=1&sap-xep=…). */
export const ZQueueFilters = z.object({
  unitTypeId: z.string().max(100).optional().catch(undefined),
  status: z.enum(ASSESSMENT_STATUSES).optional().catch(undefined),
  isMineOnly: z.boolean().catch(false),
  sort: z.enum(["agency", "status", "submittedAt", "selfPercent", "progress"]).catch("agency"),
  isDescending: z.boolean().catch(false),
});
export type QueueFilters = z.infer<typeof ZQueueFilters>;

export type QueueRow = {
  id: string;
  agencyName: string;
  unitTypeId: string;
  unitTypeName: string;
  status: (typeof ASSESSMENT_STATUSES)[number];
  submittedAt: Date | null;
  selfPoints: string;
  selfPercent: string | null;
  /** The actor's criteria in the current round: appraised / assigned. */
  myDone: number;
  myAssigned: number;
  /** Criteria where round 1 differs from the agency's points. */
  disputes: number;
  /** Explained disputes still waiting for the round-2 decision. */
  disputesOpen: number;
  needsMyAction: boolean;
  /** Agency changes since the appraisers last acted on it; null while never reviewed. */
  changesSinceReview: number | null;
};

/** Per assessment, the agency's changes after the last review event (lib/domain/review-changes.ts). */
async function changesSinceReview(db: PrismaClient, assessmentIds: string[]): Promise<Map<string, number>> {
  if (assessmentIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ assessmentId: string; changes: bigint }[]>`
    WITH "lastReview" AS (
      SELECT "assessmentId", max("id") AS "id" FROM "AuditEvent"
      WHERE "assessmentId" = ANY(${assessmentIds}) AND "type"::text = ANY(${[...REVIEW_EVENTS]})
      GROUP BY "assessmentId"
    )
    SELECT r."assessmentId", count(e."id") AS "changes"
    FROM "lastReview" r
    LEFT JOIN "AuditEvent" e ON e."assessmentId" = r."assessmentId" AND e."id" > r."id" AND e."type"::text = ANY(${[...AGENCY_CHANGE_EVENTS]})
    GROUP BY r."assessmentId"`;
  return new Map(rows.map((row) => [row.assessmentId, Number(row.changes)]));
}

const collator = new Intl.Collator("vi");

/**
 * Every assessment of the open year as the appraisal queue lists it, for an actor already allowed
 * into the appraisal workspace: totals by lib/domain, the actor's own progress, open disputes and
 * whether something waits for the actor. Filtered and sorted here, so that bulk actions apply to
 * exactly the rows the filters select, not just those on screen.
 */
export async function getAppraisalQueue(db: PrismaClient, actor: Actor, filters: QueueFilters, now: Date = new Date()) {
  const year = await getOpenYear(db);
  if (!year) return null;
  const yearRow = await db.assessmentYear.findUniqueOrThrow({
    where: { id: year.id },
    select: { phase: true, precision: true, isSurveyIncluded: true, maxBonusPoints: true, maxPenaltyPoints: true, deadlines: { select: { phase: true, endsAt: true } } },
  });
  const precision = yearRow.precision === 3 ? 3 : 2;
  const round = appraisalRoundOf(yearRow.phase);
  const sets = await db.criteriaSet.findMany({
    where: { yearId: year.id },
    select: {
      id: true,
      unitType: { select: { id: true, name: true, sortOrder: true } },
      criteria: { select: { ...CRITERION_DEFINITION_COLUMNS, appraiserUnitId: true } },
      assessments: {
        select: {
          id: true,
          agencyId: true,
          yearId: true,
          status: true,
          deadlineExtendedTo: true,
          submittedAt: true,
          returnedAt: true,
          agency: { select: { name: true } },
          scores: { select: { criterionId: true, selfInput: true, selfPoints: true, round1Input: true, round1Points: true, round2Input: true, round2Points: true, explanation: true } },
        },
      },
    },
  });

  const changes = await changesSinceReview(db, sets.flatMap((set) => set.assessments.map((assessment) => assessment.id)));
  const rows: QueueRow[] = [];
  for (const set of sets) {
    const criteria = set.criteria.map(toCriterionDefinition);
    const tree = criteriaTreeOf(criteria, yearRow, set.unitType.name);
    for (const assessment of set.assessments) {
      const target = { agencyId: assessment.agencyId, yearId: assessment.yearId };
      const byCriterion = new Map(assessment.scores.map((score) => [score.criterionId, score]));
      const mine = set.criteria.filter(
        (criterion) =>
          criterion.method !== null &&
          criterion.method !== "SURVEY" &&
          byCriterion.get(criterion.id)?.selfInput !== null &&
          byCriterion.has(criterion.id) &&
          can(actor, "criterion.appraise", { kind: "criterion", ...target, appraiserUnitId: criterion.appraiserUnitId }),
      );
      const isRoundDone = (criterionId: string) => {
        const score = byCriterion.get(criterionId);
        return (round === 2 ? (score?.round2Points ?? score?.round1Points) : score?.round1Points) != null;
      };
      const myDone = mine.filter((criterion) => isRoundDone(criterion.id)).length;
      const points = (score: (typeof assessment.scores)[number]): AppraisalScore => ({
        hasSelfInput: score.selfInput !== null,
        selfPoints: score.selfPoints?.toFixed(3) ?? null,
        round1Points: score.round1Points?.toFixed(3) ?? null,
        round2Points: score.round2Points?.toFixed(3) ?? null,
        explanation: score.explanation,
      });
      const disputes = assessment.scores.filter((score) => isDisputed(score.selfPoints?.toFixed(3) ?? null, score.round1Points?.toFixed(3) ?? null)).length;
      const codeById = new Map(set.criteria.map((criterion) => [criterion.id, criterion.code]));
      const appraisalScores = new Map(assessment.scores.map((score) => [codeById.get(score.criterionId) ?? "", points(score)]));
      const disputesOpen = findAppraisalGaps(set.criteria, appraisalScores, "FINALIZE").filter((gap) => gap.reason === "DISPUTE_OPEN").length;

      const context = workflowContextOf({ status: assessment.status, deadlineExtendedTo: assessment.deadlineExtendedTo, year: { year: year.year, phase: yearRow.phase, deadlines: yearRow.deadlines } }, now);
      const assessmentTarget = { kind: "assessment", ...target } as const;
      const canOpen = can(actor, "assessment.openForAppraisal", assessmentTarget) && checkAssessmentAction("OPEN_FOR_APPRAISAL", context).ok;
      const canAppraise = checkAssessmentAction("APPRAISE", context).ok && myDone < mine.length;
      const canFinalize = can(actor, "assessment.finalize", assessmentTarget) && checkAssessmentAction("FINALIZE", context).ok && findAppraisalGaps(set.criteria, appraisalScores, "FINALIZE").length === 0;
      const canReturn =
        can(actor, "assessment.returnForExplanation", assessmentTarget) && checkAssessmentAction("RETURN_FOR_EXPLANATION", context).ok && disputes > 0 && assessment.returnedAt === null &&
        findAppraisalGaps(set.criteria, appraisalScores, "RETURN_FOR_EXPLANATION").length === 0;

      const totals = computeAssessmentTotals(tree, leafScoresOf(criteria, assessment.scores, [], { withRound2: true }), { isFinalized: false, isSurveyIncluded: yearRow.isSurveyIncluded, precision }).self;
      rows.push({
        id: assessment.id,
        agencyName: assessment.agency.name,
        unitTypeId: set.unitType.id,
        unitTypeName: set.unitType.name,
        status: assessment.status,
        submittedAt: assessment.submittedAt,
        selfPoints: formatThousandths(totals.totalPoints),
        selfPercent: totals.indexPercent?.text ?? null,
        myDone,
        myAssigned: mine.length,
        disputes,
        disputesOpen,
        needsMyAction: canOpen || canAppraise || canFinalize || canReturn,
        changesSinceReview: changes.get(assessment.id) ?? null,
      });
    }
  }

  const unitTypes = sets.map((set) => set.unitType).sort((a, b) => a.sortOrder - b.sortOrder);
  const filtered = rows.filter(
    (row) =>
      (!filters.unitTypeId || row.unitTypeId === filters.unitTypeId) &&
      (!filters.status || row.status === filters.status) &&
      (!filters.isMineOnly || row.needsMyAction),
  );
  const direction = filters.isDescending ? -1 : 1;
  const byAgency = (a: QueueRow, b: QueueRow) => collator.compare(a.agencyName, b.agencyName);
  const compare: Record<QueueFilters["sort"], (a: QueueRow, b: QueueRow) => number> = {
    agency: byAgency,
    status: (a, b) => ASSESSMENT_STATUSES.indexOf(a.status) - ASSESSMENT_STATUSES.indexOf(b.status),
    submittedAt: (a, b) => (a.submittedAt?.getTime() ?? Infinity) - (b.submittedAt?.getTime() ?? Infinity),
    selfPercent: (a, b) => (a.selfPercent === null ? -1 : toThousandths(a.selfPercent)) - (b.selfPercent === null ? -1 : toThousandths(b.selfPercent)),
    progress: (a, b) => a.myDone / Math.max(a.myAssigned, 1) - b.myDone / Math.max(b.myAssigned, 1),
  };
  filtered.sort((a, b) => direction * compare[filters.sort](a, b) || byAgency(a, b));
  // The deadline of the round running now, for the reminder.
  const roundDeadline = yearRow.deadlines.find((deadline) => deadline.phase === yearRow.phase)?.endsAt ?? null;
  return {
    year: { id: year.id, year: year.year, phase: yearRow.phase },
    precision,
    round,
    roundDeadline: round === null ? null : roundDeadline,
    unitTypes: unitTypes.map(({ id, name }) => ({ id, name })),
    rows: filtered,
    total: rows.length,
    awaitingMe: rows.filter((row) => row.needsMyAction).length,
  };
}

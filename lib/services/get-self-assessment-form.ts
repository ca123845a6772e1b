import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { agencyAppraisalVisibility, isDisputed } from "@/lib/domain/appraisal-view";
import { computeAssessmentTotals, type ViewTotals } from "@/lib/domain/assessment-totals";
import type { CriterionDefinition } from "@/lib/domain/criteria-tree";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { checkAssessmentAction } from "@/lib/domain/workflow";

import { ASSESSMENT_WORKFLOW_COLUMNS, workflowContextOf } from "./assessment-workflow";
import { CRITERION_DEFINITION_COLUMNS, criteriaTreeOf, toCriterionDefinition } from "./criteria-definitions";
import { getOpenYear } from "./get-open-year";
import { leafScoresOf, type StoredScoreInputs } from "./score-leaves";

export type SelfAssessmentFormCriterion = CriterionDefinition & {
  id: string;
  guidance: string | null;
  isEvidenceRequired: boolean;
};

export type SelfAssessmentFormScore = {
  criterionId: string;
  input: unknown;
  points: string | null;
  note: string | null;
  explanation: string | null;
  isToReview: boolean;
  scoreVersion: number;
  evidence: { id: string; fileName: string; sizeBytes: number }[];
  /** The appraisal of this criterion as far as the agency may see it (lib/domain/appraisal-view.ts); null before. */
  appraisal: CriterionAppraisal | null;
};

export type CriterionAppraisal = {
  round1Input: unknown;
  round1Points: string | null;
  round1Reason: string | null;
  isDisputed: boolean;
  /** The agency's explanation (giải trình) of a disputed criterion. */
  explanation: string | null;
  round2Points: string | null;
  round2Reason: string | null;
  finalPoints: string | null;
};

/** A total as the summary shows it: points, maximum and index % in thousandths (percent as text). */
export type TotalSummary = { points: string; maxPoints: string; indexPercent: string | null };

function summarise(totals: ViewTotals): TotalSummary {
  return { points: formatThousandths(totals.totalPoints), maxPoints: formatThousandths(totals.maxPoints), indexPercent: totals.indexPercent?.text ?? null };
}

/**
 * Everything the self-assessment form shows for the signed-in agency's open-year assessment, read
 * for an actor already allowed into the agency workspace. Null when the agency has no assessment yet.
 */
export async function getSelfAssessmentForm(db: PrismaClient, actor: Actor, now: Date = new Date()) {
  const year = await getOpenYear(db);
  if (!year || !actor.agencyId) return { year, agencyName: null, assessment: null };
  const agency = await db.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { name: true } });
  const assessment = await db.assessment.findUnique({
    where: { agencyId_yearId: { agencyId: actor.agencyId, yearId: year.id } },
    select: {
      ...ASSESSMENT_WORKFLOW_COLUMNS,
      returnedAt: true,
      criteriaSet: {
        select: {
          title: true,
          year: { select: { precision: true, isSurveyIncluded: true, maxBonusPoints: true, maxPenaltyPoints: true } },
          criteria: {
            orderBy: { sortOrder: "asc" },
            select: { ...CRITERION_DEFINITION_COLUMNS, guidance: true, isEvidenceRequired: true },
          },
        },
      },
      scores: {
        select: {
          criterionId: true,
          selfInput: true,
          selfPoints: true,
          selfNote: true,
          selfExplanation: true,
          isToReview: true,
          version: true,
          round1Input: true,
          round1Points: true,
          round1Reason: true,
          explanation: true,
          round2Input: true,
          round2Points: true,
          round2Reason: true,
          finalPoints: true,
          evidence: { select: { id: true, fileName: true, sizeBytes: true }, orderBy: { uploadedAt: "asc" } },
        },
      },
    },
  });
  if (!assessment) return { year, agencyName: agency.name, assessment: null };
  // Scope is the actor's own agency; the policy still has the last word on reading it.
  if (!can(actor, "assessment.view", { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId })) return { year, agencyName: agency.name, assessment: null };

  const { criteriaSet } = assessment;
  const criteria: SelfAssessmentFormCriterion[] = criteriaSet.criteria.map((criterion) => ({
    ...toCriterionDefinition(criterion),
    guidance: criterion.guidance,
    isEvidenceRequired: criterion.isEvidenceRequired,
  }));
  const visibility = agencyAppraisalVisibility(assessment.status, assessment.year.phase, assessment.returnedAt !== null);
  const scores: SelfAssessmentFormScore[] = assessment.scores.map((score) => {
    const selfPoints = score.selfPoints?.toFixed(3) ?? null;
    const round1Points = score.round1Points?.toFixed(3) ?? null;
    return {
      criterionId: score.criterionId,
      input: score.selfInput,
      points: selfPoints,
      note: score.selfNote,
      explanation: score.selfExplanation,
      isToReview: score.isToReview,
      scoreVersion: score.version,
      evidence: score.evidence,
      appraisal: visibility.round1
        ? {
            round1Input: score.round1Input,
            round1Points,
            round1Reason: score.round1Reason,
            isDisputed: isDisputed(selfPoints, round1Points),
            explanation: score.explanation,
            round2Points: visibility.final ? (score.round2Points?.toFixed(3) ?? null) : null,
            round2Reason: visibility.final ? score.round2Reason : null,
            finalPoints: visibility.final ? (score.finalPoints?.toFixed(3) ?? null) : null,
          }
        : null,
    };
  });
  const target = { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId } as const;
  const context = workflowContextOf(assessment, now);
  // The very rules the services apply, so the page offers exactly what they would accept.
  const isEditable = can(actor, "assessment.editSelfScore", target) && checkAssessmentAction("EDIT_SELF_SCORE", context).ok;
  const isExplainable = can(actor, "assessment.explain", target) && checkAssessmentAction("EXPLAIN", context).ok;
  const canSendExplanations = can(actor, "assessment.sendExplanations", target) && checkAssessmentAction("SEND_EXPLANATIONS", context).ok;
  const appraisal = visibility.round1
    ? {
        isExplainable,
        canSendExplanations,
        explanationDeadline: context.explanationDeadline,
        ...(await appraisalTotals(db, assessment, criteria, { isFinalized: visibility.final, isYearFinalized: assessment.year.phase === "FINALIZED" })),
      }
    : null;
  return {
    year,
    agencyName: agency.name,
    assessment: {
      id: assessment.id,
      isEditable,
      status: assessment.status,
      deadlineExtendedTo: assessment.deadlineExtendedTo,
      title: criteriaSet.title,
      precision: criteriaSet.year.precision === 3 ? (3 as const) : (2 as const),
      isSurveyIncluded: criteriaSet.year.isSurveyIncluded,
      maxBonusPoints: toThousandths(criteriaSet.year.maxBonusPoints.toFixed(3)),
      maxPenaltyPoints: toThousandths(criteriaSet.year.maxPenaltyPoints.toFixed(3)),
      criteria,
      scores,
      appraisal,
    },
  };
}

type DecimalLike = { toFixed(digits: number): string };
type LoadedAssessment = { id: string; agencyId: string; yearId: string; scores: StoredScoreInputs[]; criteriaSet: { year: { precision: number; isSurveyIncluded: boolean; maxBonusPoints: DecimalLike; maxPenaltyPoints: DecimalLike } } };

/**
 * Self, appraised and (once finalized) final totals of the assessment, by lib/domain from the
 * stored inputs, and the year's computed result of the agency when there is one.
 */
async function appraisalTotals(
  db: PrismaClient,
  assessment: LoadedAssessment,
  criteria: SelfAssessmentFormCriterion[],
  { isFinalized, isYearFinalized }: { isFinalized: boolean; isYearFinalized: boolean },
) {
  const { year } = assessment.criteriaSet;
  const tree = criteriaTreeOf(criteria, year, `assessment ${assessment.id}`);
  const [surveys, result] = await Promise.all([
    db.surveyResult.findMany({ where: { yearId: assessment.yearId, agencyId: assessment.agencyId }, select: { criterionId: true, points: true } }),
    // The year's results are the agency's to see once the year is finalized (computed in one go).
    !isYearFinalized ? null : db.result.findUnique({
      where: { yearId_agencyId: { yearId: assessment.yearId, agencyId: assessment.agencyId } },
      select: { totalPoints: true, maxPoints: true, indexPercent: true, rank: true, rankedCount: true, bandLabel: true },
    }),
  ]);
  // Round 2 is the agency's to see only once its assessment is finalized.
  const leaves = leafScoresOf(criteria, assessment.scores, surveys, { withRound2: isFinalized });
  const totals = computeAssessmentTotals(tree, leaves, { isFinalized, isSurveyIncluded: year.isSurveyIncluded, precision: year.precision === 3 ? 3 : 2 });
  return {
    selfTotal: summarise(totals.self),
    appraisedTotal: summarise(totals.appraised),
    finalTotal: totals.final ? summarise(totals.final) : null,
    result: result
      ? { totalPoints: result.totalPoints.toFixed(3), maxPoints: result.maxPoints.toFixed(3), indexPercent: result.indexPercent.toFixed(3), rank: result.rank, rankedCount: result.rankedCount, bandLabel: result.bandLabel }
      : null,
  };
}

export type SelfAssessmentForm = NonNullable<Awaited<ReturnType<typeof getSelfAssessmentForm>>["assessment"]>;

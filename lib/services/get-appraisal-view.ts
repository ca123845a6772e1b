import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { findAppraisalGaps, type AppraisalScore } from "@/lib/domain/appraisal-check";
import { isDisputed } from "@/lib/domain/appraisal-view";
import type { CriterionDefinition } from "@/lib/domain/criteria-tree";
import { toThousandths } from "@/lib/domain/points";
import { checkAssessmentAction } from "@/lib/domain/workflow";

import { ASSESSMENT_WORKFLOW_COLUMNS, workflowContextOf } from "./assessment-workflow";
import { CRITERION_DEFINITION_COLUMNS, toCriterionDefinition } from "./criteria-definitions";

export type AppraisalViewCriterion = CriterionDefinition & {
  id: string;
  guidance: string | null;
  isEvidenceRequired: boolean;
  appraiserUnitName: string | null;
  /** The actor may appraise it now (own unit or lead, and the workflow allows). */
  isAppraisable: boolean;
};

export type AppraisalViewScore = {
  criterionId: string;
  scoreVersion: number;
  selfInput: unknown;
  selfPoints: string | null;
  selfNote: string | null;
  selfExplanation: string | null;
  selfBy: string | null;
  selfAt: Date | null;
  evidence: { id: string; fileName: string; mimeType: string; sizeBytes: number }[];
  round1: { input: unknown; points: string | null; reason: string | null; by: string | null; at: Date | null };
  explanation: { text: string | null; by: string | null; at: Date | null };
  round2: { input: unknown; points: string | null; reason: string | null; by: string | null; at: Date | null };
  finalPoints: string | null;
  isDisputed: boolean;
};

/**
 * Everything the appraisal page shows of one assessment, for an actor already in the appraisal
 * workspace: null when it does not exist or the actor may not view it. Which criteria the actor
 * may appraise and which status changes the actor may make come from the very rules the services
 * apply.
 */
export async function getAppraisalView(db: PrismaClient, actor: Actor, assessmentId: string, now: Date = new Date()) {
  const assessment = await db.assessment.findUnique({
    where: { id: assessmentId },
    select: {
      ...ASSESSMENT_WORKFLOW_COLUMNS,
      submittedAt: true,
      returnedAt: true,
      finalizedAt: true,
      agency: { select: { name: true, unitType: { select: { name: true } } } },
      criteriaSet: {
        select: {
          title: true,
          year: { select: { precision: true, isSurveyIncluded: true, maxBonusPoints: true, maxPenaltyPoints: true } },
          criteria: {
            orderBy: { sortOrder: "asc" },
            select: {
              ...CRITERION_DEFINITION_COLUMNS,
              guidance: true,
              isEvidenceRequired: true,
              appraiserUnitId: true,
              appraiserUnit: { select: { name: true } },
            },
          },
        },
      },
      scores: {
        select: {
          criterionId: true,
          version: true,
          selfInput: true,
          selfPoints: true,
          selfNote: true,
          selfExplanation: true,
          selfUpdatedById: true,
          selfUpdatedAt: true,
          round1Input: true,
          round1Points: true,
          round1Reason: true,
          round1ById: true,
          round1At: true,
          explanation: true,
          explanationById: true,
          explanationAt: true,
          round2Input: true,
          round2Points: true,
          round2Reason: true,
          round2ById: true,
          round2At: true,
          finalPoints: true,
          evidence: { select: { id: true, fileName: true, mimeType: true, sizeBytes: true }, orderBy: { uploadedAt: "asc" } },
        },
      },
    },
  });
  if (!assessment) return null;
  const target = { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId } as const;
  if (!can(actor, "assessment.view", target)) return null;

  const context = workflowContextOf(assessment, now);
  const appraising = checkAssessmentAction("APPRAISE", context);
  const round = appraising.ok ? (appraising.round ?? null) : null;
  const { criteriaSet } = assessment;
  const criteria: AppraisalViewCriterion[] = criteriaSet.criteria.map((criterion) => ({
    ...toCriterionDefinition(criterion),
    guidance: criterion.guidance,
    isEvidenceRequired: criterion.isEvidenceRequired,
    appraiserUnitName: criterion.appraiserUnit?.name ?? null,
    isAppraisable:
      appraising.ok &&
      criterion.method !== null &&
      criterion.method !== "SURVEY" &&
      can(actor, "criterion.appraise", { ...target, kind: "criterion", appraiserUnitId: criterion.appraiserUnitId }),
  }));

  const userIds = [...new Set(assessment.scores.flatMap((score) => [score.selfUpdatedById, score.round1ById, score.explanationById, score.round2ById]).filter((id) => id !== null))];
  const names = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const decimal = (value: { toFixed(digits: number): string } | null) => value?.toFixed(3) ?? null;
  const scores: AppraisalViewScore[] = assessment.scores.map((score) => ({
    criterionId: score.criterionId,
    scoreVersion: score.version,
    selfInput: score.selfInput,
    selfPoints: decimal(score.selfPoints),
    selfNote: score.selfNote,
    selfExplanation: score.selfExplanation,
    selfBy: nameOf(score.selfUpdatedById),
    selfAt: score.selfUpdatedAt,
    evidence: score.evidence,
    round1: { input: score.round1Input, points: decimal(score.round1Points), reason: score.round1Reason, by: nameOf(score.round1ById), at: score.round1At },
    explanation: { text: score.explanation, by: nameOf(score.explanationById), at: score.explanationAt },
    round2: { input: score.round2Input, points: decimal(score.round2Points), reason: score.round2Reason, by: nameOf(score.round2ById), at: score.round2At },
    finalPoints: decimal(score.finalPoints),
    isDisputed: isDisputed(decimal(score.selfPoints), decimal(score.round1Points)),
  }));

  const { year } = criteriaSet;
  const precision = year.precision === 3 ? 3 : 2;

  const codeById = new Map(criteria.map((criterion) => [criterion.id, criterion.code]));
  const appraisalScores = new Map(
    assessment.scores.map((score): [string, AppraisalScore] => [
      codeById.get(score.criterionId) ?? "",
      { hasSelfInput: score.selfInput !== null, selfPoints: decimal(score.selfPoints), round1Points: decimal(score.round1Points), round2Points: decimal(score.round2Points), explanation: score.explanation },
    ]),
  );
  const allowed = (action: Parameters<typeof checkAssessmentAction>[0], permission: Parameters<typeof can>[1]) => can(actor, permission, target) && checkAssessmentAction(action, context).ok;
  return {
    id: assessment.id,
    agencyName: assessment.agency.name,
    unitTypeName: assessment.agency.unitType.name,
    year: assessment.year.year,
    yearPhase: assessment.year.phase,
    status: assessment.status,
    submittedAt: assessment.submittedAt,
    returnedAt: assessment.returnedAt,
    finalizedAt: assessment.finalizedAt,
    title: criteriaSet.title,
    precision: precision as 2 | 3,
    isSurveyIncluded: year.isSurveyIncluded,
    maxBonusPoints: toThousandths(year.maxBonusPoints.toFixed(3)),
    maxPenaltyPoints: toThousandths(year.maxPenaltyPoints.toFixed(3)),
    round,
    criteria,
    scores,
    gaps: {
      return: findAppraisalGaps(criteriaSet.criteria, appraisalScores, "RETURN_FOR_EXPLANATION"),
      finalize: findAppraisalGaps(criteriaSet.criteria, appraisalScores, "FINALIZE"),
    },
    actions: {
      open: allowed("OPEN_FOR_APPRAISAL", "assessment.openForAppraisal"),
      returnForExplanation: allowed("RETURN_FOR_EXPLANATION", "assessment.returnForExplanation"),
      closeExplanation: allowed("CLOSE_EXPLANATION", "assessment.closeExplanation"),
      finalize: allowed("FINALIZE", "assessment.finalize"),
      reopen: allowed("REOPEN", "assessment.reopen"),
    },
  };
}

export type AppraisalView = NonNullable<Awaited<ReturnType<typeof getAppraisalView>>>;

import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import type { CriterionDefinition } from "@/lib/domain/criteria-tree";
import { toThousandths } from "@/lib/domain/points";
import { checkAssessmentAction } from "@/lib/domain/workflow";

import { ASSESSMENT_WORKFLOW_COLUMNS, workflowContextOf } from "./assessment-workflow";
import { getOpenYear } from "./get-open-year";

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
};

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
      criteriaSet: {
        select: {
          title: true,
          year: { select: { precision: true, isSurveyIncluded: true, maxBonusPoints: true, maxPenaltyPoints: true } },
          criteria: {
            orderBy: { sortOrder: "asc" },
            select: { id: true, code: true, parent: { select: { code: true } }, title: true, guidance: true, section: true, maxPoints: true, method: true, params: true, isEvidenceRequired: true },
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
    id: criterion.id,
    code: criterion.code,
    parentCode: criterion.parent?.code ?? null,
    title: criterion.title,
    guidance: criterion.guidance,
    section: criterion.section,
    maxPoints: toThousandths(criterion.maxPoints.toFixed(3)),
    method: criterion.method ? { method: criterion.method, params: criterion.params } : null,
    isEvidenceRequired: criterion.isEvidenceRequired,
  }));
  const scores: SelfAssessmentFormScore[] = assessment.scores.map((score) => ({
    criterionId: score.criterionId,
    input: score.selfInput,
    points: score.selfPoints?.toFixed(3) ?? null,
    note: score.selfNote,
    explanation: score.selfExplanation,
    isToReview: score.isToReview,
    scoreVersion: score.version,
    evidence: score.evidence,
  }));
  // The very rules saveSelfScore applies, so the form is read-only exactly when saves would be refused.
  const isEditable =
    can(actor, "assessment.editSelfScore", { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId }) &&
    checkAssessmentAction("EDIT_SELF_SCORE", workflowContextOf(assessment, now)).ok;
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
    },
  };
}

export type SelfAssessmentForm = NonNullable<Awaited<ReturnType<typeof getSelfAssessmentForm>>["assessment"]>;

import "server-only";

import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { AssessmentActionCode, AssessmentContext } from "@/lib/domain/workflow";
import { vi } from "@/lib/i18n/vi";

import { failure, type ServiceError } from "./service-result";

/** The columns the assessment workflow services read to ask the policy and the workflow. */
export const ASSESSMENT_WORKFLOW_COLUMNS = {
  id: true,
  agencyId: true,
  yearId: true,
  criteriaSetId: true,
  status: true,
  version: true,
  deadlineExtendedTo: true,
  year: { select: { year: true, phase: true, deadlines: { select: { phase: true, endsAt: true } } } },
} as const;

export type WorkflowAssessment = Prisma.AssessmentGetPayload<{ select: typeof ASSESSMENT_WORKFLOW_COLUMNS }>;

export function deadlineOf(assessment: Pick<WorkflowAssessment, "year">, phase: string): Date | null {
  return assessment.year.deadlines.find((deadline) => deadline.phase === phase)?.endsAt ?? null;
}

/** The workflow's view (lib/domain/workflow.ts) of an assessment loaded with ASSESSMENT_WORKFLOW_COLUMNS. */
export function workflowContextOf(assessment: Pick<WorkflowAssessment, "status" | "deadlineExtendedTo" | "year">, now: Date): AssessmentContext {
  return {
    status: assessment.status,
    yearPhase: assessment.year.phase,
    selfAssessmentDeadline: deadlineOf(assessment, "SELF_ASSESSMENT"),
    explanationDeadline: deadlineOf(assessment, "EXPLANATION"),
    deadlineExtendedTo: assessment.deadlineExtendedTo,
    now,
  };
}

/**
 * A workflow refusal as the user sees it: always WRONG_PHASE, so the closed set of codes stays
 * small, with the workflow's own reason as the message — "the appraisers have already opened it"
 * or "the deadline has passed" tell the agency what to do next; "wrong phase" would not.
 */
export function workflowRefusal(code: AssessmentActionCode): ServiceError {
  return failure("WRONG_PHASE", { message: vi.assessmentWorkflow.refusals[code] });
}

import "server-only";

import type { AssessmentActionCode } from "@/lib/domain/workflow";
import { vi } from "@/lib/i18n/vi";

import { failure, type ServiceError } from "./service-result";

/**
 * A workflow refusal as the user sees it: always WRONG_PHASE, so the closed set of codes stays
 * small, with the workflow's own reason as the message — "the appraisers have already opened it"
 * or "the deadline has passed" tell the agency what to do next; "wrong phase" would not.
 */
export function workflowRefusal(code: AssessmentActionCode): ServiceError {
  return failure("WRONG_PHASE", { message: vi.assessmentWorkflow.refusals[code] });
}

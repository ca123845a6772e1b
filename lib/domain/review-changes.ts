// "Changes since the last review" (issue 6 item 3): what the agency changed after the appraisers
// last acted on its assessment, so an appraiser coming back knows what to look at again.

/** Audit event types that are the agency changing its assessment. */
export const AGENCY_CHANGE_EVENTS = ["SELF_SCORE_SAVED", "EVIDENCE_UPLOADED", "EVIDENCE_REMOVED", "EXPLANATION_SAVED", "ASSESSMENT_SUBMITTED", "ASSESSMENT_WITHDRAWN"] as const;

/** Audit event types that are the appraisers reviewing it. */
export const REVIEW_EVENTS = ["ASSESSMENT_OPENED", "SCORE_APPRAISED", "ASSESSMENT_RETURNED", "EXPLANATION_CLOSED", "ASSESSMENT_FINALIZED", "ASSESSMENT_REOPENED"] as const;

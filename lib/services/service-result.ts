import type { AppraisalGap } from "@/lib/domain/appraisal-check";
import type { SubmissionGap } from "@/lib/domain/submission-check";
import { vi } from "@/lib/i18n/vi";

/**
 * The closed set of errors a user can cause. Every service returns one of these instead of
 * throwing, each with its Vietnamese message; anything else is a bug, logged with an event id.
 * - VALIDATION_FAILED: the input does not parse (details in `issues`), or the data refuses it (an
 *   e-mail or slug already taken, the last administrator, a merge into itself…: the reason in
 *   `message`, and on its field in `issues` where it has one);
 * - UNAUTHENTICATED: no session, or the account was disabled or deleted since it signed in;
 * - FORBIDDEN: the policy (lib/auth/policy.ts) refuses this user this action on this target;
 * - NOT_FOUND: the target does not exist (also used where revealing existence would leak);
 * - WRONG_PHASE: the workflow (lib/domain/workflow.ts) does not allow the action now; the
 *   assessment workflow services say why in `message` (lib/services/assessment-workflow.ts);
 * - STALE_VERSION: optimistic locking — someone saved first; `current` carries their value;
 * - WRONG_PASSWORD: the current password given to change it is wrong;
 * - INCOMPLETE: submitting a self-assessment that still misses inputs, or evidence or an
 *   explanation where required (lib/domain/submission-check.ts), or returning / finalizing one
 *   the appraisers have not finished (lib/domain/appraisal-check.ts); `missing` lists each criterion.
 */
export type ServiceErrorCode = keyof typeof vi.serviceErrors;

export type ServiceError = {
  ok: false;
  code: ServiceErrorCode;
  message: string;
  issues?: { path: string; message: string }[];
  current?: unknown;
  /** With INCOMPLETE: what is missing, in criteria order, so the form can link to each criterion. */
  missing?: (SubmissionGap | AppraisalGap)[];
};

export type ServiceResult<T> = { ok: true; value: T } | ServiceError;

export function failure(code: ServiceErrorCode, extra: Omit<ServiceError, "ok" | "code" | "message"> & { message?: string } = {}): ServiceError {
  return { ok: false, code, ...extra, message: extra.message ?? vi.serviceErrors[code] };
}

export function success<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Zod issues as the form shows them: one line per field and message. */
export function validationFailure(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): ServiceError {
  const seen = new Set<string>();
  const issues = error.issues
    .map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }))
    .filter((issue) => {
      const key = `${issue.path}\u0000${issue.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return failure("VALIDATION_FAILED", { issues });
}

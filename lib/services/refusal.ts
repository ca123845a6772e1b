import "server-only";

import { failure, type ServiceError, type ServiceResult } from "./service-result";

/**
 * A refusal found inside a transaction, after the rows were locked: thrown to roll back whatever
 * the transaction wrote, and returned by `withRefusals` as the service's result. Nothing a user
 * can cause escapes as an exception.
 */
export class Refusal extends Error {
  constructor(readonly result: ServiceError) {
    super(result.message);
    this.name = "Refusal";
  }
}

export async function withRefusals<T>(run: () => Promise<ServiceResult<T>>): Promise<ServiceResult<T>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

/** A refusal of one field of a form: its message is also the form's message. */
export function fieldRefusal(path: string, message: string): ServiceError {
  return failure("VALIDATION_FAILED", { message, issues: [{ path, message }] });
}

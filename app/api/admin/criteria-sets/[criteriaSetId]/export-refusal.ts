import type { ServiceError, ServiceErrorCode } from "@/lib/services/service-result";

const STATUS: Partial<Record<ServiceErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION_FAILED: 404 };

/** A refused export as plain text with its HTTP status, never cached. */
export function exportRefusal(error: ServiceError): Response {
  return new Response(error.message, { status: STATUS[error.code] ?? 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

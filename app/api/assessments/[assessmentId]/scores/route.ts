import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { vi } from "@/lib/i18n/vi";
import { saveSelfScore } from "@/lib/services/save-self-score";
import type { ServiceErrorCode } from "@/lib/services/service-result";

const STATUS: Partial<Record<ServiceErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  WRONG_PHASE: 409,
  STALE_VERSION: 409,
  VALIDATION_FAILED: 422,
};

/**
 * The answers are a few hundred bytes, and the editors' browsers ask for gzip: compressing each one
 * took about a millisecond of the server's single thread (a new zlib stream per response) to save
 * a few hundred bytes. Next's compression skips responses marked no-transform (it drops our
 * Content-Length, which would otherwise keep small bodies under its 1 KB threshold).
 */
const HEADERS = { "Cache-Control": "no-store, no-transform" };

/**
 * Saves the self-assessment of one criterion as JSON: `{ criterionId, scoreVersion, input, note?,
 * explanation? }`. For the save benchmark and integrations; the form saves through a server action.
 * The assessment comes from the URL; saveSelfScore parses the rest and decides everything else.
 */
export async function PUT(request: Request, context: { params: Promise<{ assessmentId: string }> }): Promise<Response> {
  const { assessmentId } = await context.params;
  const userId = await getSessionUserId();
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    body = undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return Response.json({ ok: false, code: "VALIDATION_FAILED", message: vi.serviceErrors.VALIDATION_FAILED }, { status: 422, headers: HEADERS });
  }
  const result = await saveSelfScore(getPrisma(), userId, { ...body, assessmentId });
  return Response.json(result, { status: result.ok ? 200 : (STATUS[result.code] ?? 400), headers: HEADERS });
}

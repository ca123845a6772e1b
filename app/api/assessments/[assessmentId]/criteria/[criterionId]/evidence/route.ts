import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { vi } from "@/lib/i18n/vi";
import { uploadEvidence } from "@/lib/services/upload-evidence";
import type { ServiceErrorCode } from "@/lib/services/service-result";

const STATUS: Partial<Record<ServiceErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, WRONG_PHASE: 409, VALIDATION_FAILED: 422 };

/**
 * Uploads one evidence file (multipart field "file"). A route handler rather than a server
 * action so the browser can show upload progress; uploadEvidence decides everything else.
 */
export async function POST(request: Request, context: { params: Promise<{ assessmentId: string; criterionId: string }> }): Promise<Response> {
  const { assessmentId, criterionId } = await context.params;
  const userId = await getSessionUserId();
  let file: FormDataEntryValue | null = null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    file = null;
  }
  if (!(file instanceof File)) {
    return Response.json({ ok: false, code: "VALIDATION_FAILED", message: vi.serviceErrors.VALIDATION_FAILED }, { status: 422 });
  }
  const result = await uploadEvidence(getPrisma(), userId, {
    assessmentId,
    criterionId,
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  return Response.json(result, { status: result.ok ? 200 : (STATUS[result.code] ?? 400), headers: { "Cache-Control": "no-store" } });
}

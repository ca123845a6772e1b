
import { getSessionUserId } from "@/lib/auth/session";
import { auditTrailWorkbook } from "@/lib/exports/audit-trail-xlsx";
import { getPrisma } from "@/lib/db/prisma";
import { attachmentDisposition } from "@/lib/domain/evidence-file-type";
import { getAssessmentAuditTrail } from "@/lib/services/get-assessment-audit-trail";
import type { ServiceErrorCode } from "@/lib/services/service-result";

const STATUS: Partial<Record<ServiceErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION_FAILED: 404 };

/** The assessment's change history as XLSX, for whoever may view it (the service decides). */
export async function GET(_request: Request, context: { params: Promise<{ assessmentId: string }> }): Promise<Response> {
  const { assessmentId } = await context.params;
  const userId = await getSessionUserId();
  const trail = await getAssessmentAuditTrail(getPrisma(), userId, { assessmentId });
  if (!trail.ok) {
    return new Response(trail.message, { status: STATUS[trail.code] ?? 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  }
  const body = await auditTrailWorkbook(trail.value);
  const fileName = `lich-su-${trail.value.agencyName}-${trail.value.year}.xlsx`;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachmentDisposition(fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

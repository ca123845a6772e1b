import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { attachmentDisposition } from "@/lib/domain/evidence-file-type";
import { resultsFileName, resultsWorkbook } from "@/lib/exports/results-xlsx";
import { getAnnouncementTable } from "@/lib/services/get-announcement-table";
import type { ServiceErrorCode } from "@/lib/services/service-result";

const STATUS: Partial<Record<ServiceErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, WRONG_PHASE: 409 };

/**
 * The year's results table as XLSX: the current announcement (or ?publication=ID, an earlier one)
 * of a PUBLISHED year, or the stored results of a FINALIZED year marked as a draft. The service
 * checks that the caller is an administrator.
 */
export async function GET(request: Request, context: { params: Promise<{ year: string }> }): Promise<Response> {
  const { year } = await context.params;
  const publicationId = new URL(request.url).searchParams.get("publication") ?? undefined;
  const table = await getAnnouncementTable(getPrisma(), await getSessionUserId(), { year, publicationId });
  if (!table.ok) {
    return new Response(table.message, { status: STATUS[table.code] ?? 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  }
  const body = await resultsWorkbook(table.value);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachmentDisposition(resultsFileName(table.value)),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

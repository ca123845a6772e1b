import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { attachmentDisposition } from "@/lib/domain/evidence-file-type";
import { criteriaSetWorkbook } from "@/lib/exports/criteria-set-xlsx";
import { exportCriteriaSet } from "@/lib/services/export-criteria-set";

import { exportRefusal } from "../export-refusal";

/** The criteria set in the documented XLSX template (administrators only; the service decides). */
export async function GET(_request: Request, context: { params: Promise<{ criteriaSetId: string }> }): Promise<Response> {
  const { criteriaSetId } = await context.params;
  const exported = await exportCriteriaSet(getPrisma(), await getSessionUserId(), { criteriaSetId });
  if (!exported.ok) return exportRefusal(exported);
  const body = await criteriaSetWorkbook(exported.value.document);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachmentDisposition(`${exported.value.fileBaseName}.xlsx`),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { attachmentDisposition } from "@/lib/domain/evidence-file-type";
import { exportCriteriaSet } from "@/lib/services/export-criteria-set";

import { exportRefusal } from "../export-refusal";

/** The criteria set as its versioned JSON document (administrators only; the service decides). */
export async function GET(_request: Request, context: { params: Promise<{ criteriaSetId: string }> }): Promise<Response> {
  const { criteriaSetId } = await context.params;
  const exported = await exportCriteriaSet(getPrisma(), await getSessionUserId(), { criteriaSetId });
  if (!exported.ok) return exportRefusal(exported);
  return new Response(`${JSON.stringify(exported.value.document, null, 2)}\n`, {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachmentDisposition(`${exported.value.fileBaseName}.json`),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

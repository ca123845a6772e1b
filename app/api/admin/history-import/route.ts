
import { revalidatePublicPages } from "@/lib/public-cache/revalidate-public-pages";
import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { applyHistoryImport } from "@/lib/services/apply-history-import";
import { previewHistoryImport } from "@/lib/services/preview-history-import";

import { noFile, readUpload, resultResponse } from "../import-route";

/**
 * A past announcement (multipart: file, year, number, issuedOn, precision, "bands.<unitTypeId>",
 * isCreatingAgencies, intent = "preview" | "apply", previewToken for apply). As for survey points,
 * a route handler for the upload progress; "apply" recomputes everything from the file again.
 */
export async function POST(request: Request): Promise<Response> {
  const userId = await getSessionUserId();
  const upload = await readUpload(request);
  if (!upload) return noFile();
  const { form, fileName, bytes } = upload;
  const bands: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("bands.") && typeof value === "string") bands[key.slice("bands.".length)] = value;
  }
  const input = {
    year: String(form.get("year") ?? ""),
    number: String(form.get("number") ?? ""),
    issuedOn: String(form.get("issuedOn") ?? ""),
    precision: String(form.get("precision") ?? ""),
    bands,
    isCreatingAgencies: form.get("isCreatingAgencies") === "on",
    fileName,
    bytes,
  };
  if (form.get("intent") !== "apply") return resultResponse(await previewHistoryImport(getPrisma(), userId, input));
  const result = await applyHistoryImport(getPrisma(), userId, { ...input, previewToken: String(form.get("previewToken") ?? "") });
  // The public pages list every published year.
  if (result.ok) revalidatePublicPages();
  return resultResponse(result);
}

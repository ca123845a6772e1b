import { revalidatePath } from "next/cache";

import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { applySurveyImport } from "@/lib/services/apply-survey-import";
import { previewSurveyImport } from "@/lib/services/preview-survey-import";

import { noFile, readUpload, resultResponse } from "../import-route";

/**
 * Survey points file (multipart: file, yearId, intent = "preview" | "apply", previewToken for apply).
 * A route handler rather than a server action so the browser can show upload progress and the
 * file is not held to a server action's body limit; the services decide everything else, and
 * "apply" reads the file again — nothing from the preview is trusted.
 */
export async function POST(request: Request): Promise<Response> {
  const userId = await getSessionUserId();
  const upload = await readUpload(request);
  if (!upload) return noFile();
  const { form, fileName, bytes } = upload;
  const input = { yearId: String(form.get("yearId") ?? ""), fileName, bytes };
  if (form.get("intent") !== "apply") return resultResponse(await previewSurveyImport(getPrisma(), userId, input));
  const result = await applySurveyImport(getPrisma(), userId, { ...input, previewToken: String(form.get("previewToken") ?? "") });
  if (result.ok) {
    revalidatePath("/tham-dinh/ket-qua");
    revalidatePath("/quan-tri/khao-sat");
  }
  return resultResponse(result);
}

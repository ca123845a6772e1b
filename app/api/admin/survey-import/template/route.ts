import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { getSurveyTemplate } from "@/lib/services/get-import-template";

import { templateResponse } from "../../import-route";

/** The survey points template (?format=xlsx|csv), pre-filled for ?yearId= when given. */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const yearId = params.get("yearId");
  const userId = await getSessionUserId();
  return templateResponse(await getSurveyTemplate(getPrisma(), userId, { format: params.get("format") ?? "xlsx", ...(yearId ? { yearId } : {}) }));
}

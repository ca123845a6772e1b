import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { getHistoryTemplate } from "@/lib/services/get-import-template";

import { templateResponse } from "../../import-route";

/** The past results template (?format=xlsx|csv). */
export async function GET(request: Request): Promise<Response> {
  const userId = await getSessionUserId();
  return templateResponse(await getHistoryTemplate(getPrisma(), userId, { format: new URL(request.url).searchParams.get("format") ?? "xlsx" }));
}

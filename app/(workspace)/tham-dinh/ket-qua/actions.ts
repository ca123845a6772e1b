"use server";


import { revalidatePublicPages } from "@/lib/public-cache/revalidate-public-pages";
import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import type { ServiceResult } from "@/lib/services/service-result";
import { finalizeYear } from "@/lib/services/year-results";

export async function finalizeYearAction(yearId: string): Promise<ServiceResult<{ resultsStored: number }>> {
  const userId = await getSessionUserId();
  const result = await finalizeYear(getPrisma(), userId, { yearId });
  if (result.ok) revalidatePublicPages();
  return result;
}

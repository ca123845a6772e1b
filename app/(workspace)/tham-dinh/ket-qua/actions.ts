"use server";

import { getServerSession } from "next-auth";
import { revalidatePath } from "next/cache";

import { authOptions } from "@/lib/auth/auth-options";
import { getPrisma } from "@/lib/db/prisma";
import type { ServiceResult } from "@/lib/services/service-result";
import { finalizeYear } from "@/lib/services/year-results";

export async function finalizeYearAction(yearId: string): Promise<ServiceResult<{ resultsStored: number }>> {
  const session = await getServerSession(authOptions);
  const result = await finalizeYear(getPrisma(), session?.user?.id, { yearId });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

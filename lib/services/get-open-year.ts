import "server-only";

import type { PrismaClient } from "@/lib/db/prisma";

/** The year agencies and appraisers work on now: the latest one between self-assessment and finalization. */
export async function getOpenYear(db: PrismaClient) {
  return db.assessmentYear.findFirst({
    where: { phase: { in: ["SELF_ASSESSMENT", "APPRAISAL", "EXPLANATION", "FINALIZED"] } },
    orderBy: { year: "desc" },
    select: { id: true, year: true, phase: true, deadlines: { where: { phase: "SELF_ASSESSMENT" }, select: { endsAt: true } } },
  });
}

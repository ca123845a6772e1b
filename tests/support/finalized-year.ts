import type { PrismaClient } from "@/lib/db/prisma";

/**
 * Gives a seeded year the state finalizeYear leaves (tests/integration/year-results.test.ts checks
 * finalizeYear itself): FINALIZED, with a copy of another year's stored Results. The seed's open
 * year has no finalized assessments to compute from, and the copy has known figures: the earlier
 * year's announcement. `computedAt`: when finalizeYear would have run (an announcement cannot be
 * dated before it).
 */
export async function finalizeWithResultsOf(
  prisma: PrismaClient,
  target: number,
  source: number,
  computedAt: Date = new Date("2027-02-20T10:00:00+07:00"),
): Promise<string> {
  const [from, to] = await Promise.all([
    prisma.assessmentYear.findUniqueOrThrow({ where: { year: source }, select: { id: true } }),
    prisma.assessmentYear.findUniqueOrThrow({ where: { year: target }, select: { id: true } }),
  ]);
  const results = await prisma.result.findMany({
    where: { yearId: from.id },
    select: {
      agencyId: true, unitTypeId: true, totalPoints: true, maxPoints: true, surveyPoints: true, bonusPoints: true, penaltyPoints: true,
      indexPercent: true, rank: true, rankedCount: true, bandLabel: true, rankChange: true,
    },
  });
  await prisma.result.createMany({ data: results.map((result) => ({ ...result, yearId: to.id, computedAt })) });
  await prisma.assessmentYear.update({ where: { id: to.id }, data: { phase: "FINALIZED" } });
  return to.id;
}

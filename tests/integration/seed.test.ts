import { describe, expect, it } from "vitest";

import { Prisma } from "@/lib/db/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/prisma";
import { toThousandths } from "@/lib/domain/points";
import { findAssessmentGaps } from "@/lib/services/submit-assessment";
import { seedDemoProvince } from "@/prisma/seed/seed-demo-province";
import { createTestDatabase } from "@/tests/support/test-database";

const database = await createTestDatabase("migrated");

async function countRows() {
  const { prisma } = database;
  const [unitTypes, agencies, users, years, criteriaSets, criteria, assessments, scores, surveyResults, results, publications, seedEvents] =
    await Promise.all([
      prisma.unitType.count(),
      prisma.agency.count(),
      prisma.user.count(),
      prisma.assessmentYear.count(),
      prisma.criteriaSet.count(),
      prisma.criterion.count(),
      prisma.assessment.count(),
      prisma.score.count(),
      prisma.surveyResult.count(),
      prisma.result.count(),
      prisma.publication.count(),
      prisma.auditEvent.count({ where: { type: "SEED_LOADED" } }),
    ]);
  return { unitTypes, agencies, users, years, criteriaSets, criteria, assessments, scores, surveyResults, results, publications, seedEvents };
}

describe("seedDemoProvince", () => {
  it("loads the demo province the first time", async () => {
    const summary = await seedDemoProvince(database.prisma);
    expect(summary.isFirstLoad).toBe(true);
    const counts = await countRows();
    expect(counts).toMatchObject({ unitTypes: 2, users: 7, years: 3, criteriaSets: 6, publications: 2, seedEvents: 1 });
    // ~20 departments (16 today + 7 merged in 2025) and 25 communes.
    expect(counts.agencies).toBe(48);
    expect(await database.prisma.agency.count({ where: { unitType: { code: "ubnd-cap-xa" } } })).toBe(25);
    // 2024: 21 departments + 25 communes; 2025: 16 + 25.
    expect(counts.results).toBe(87);

    const years = await database.prisma.assessmentYear.findMany({ orderBy: { year: "asc" }, select: { year: true, phase: true } });
    expect(years).toEqual([
      { year: 2024, phase: "PUBLISHED" },
      { year: 2025, phase: "PUBLISHED" },
      { year: 2026, phase: "SELF_ASSESSMENT" },
    ]);
    const inProgress = await database.prisma.assessment.groupBy({
      by: ["status"],
      where: { year: { year: 2026 } },
      _count: true,
      orderBy: { status: "asc" },
    });
    expect(inProgress.map((group) => [group.status, group._count])).toEqual([
      ["DRAFT", 4],
      ["SUBMITTED", 2],
    ]);
  });

  it("leaves Sở Xây dựng's 2026 draft ready for its head to submit, and Sở Y tế's not", async () => {
    const { prisma } = database;
    const assessmentOf = (slug: string) =>
      prisma.assessment.findFirstOrThrow({ where: { agency: { slug }, year: { year: 2026 } }, select: { id: true, status: true, criteriaSetId: true } });
    const construction = await assessmentOf("so-xay-dung");
    expect(construction.status).toBe("DRAFT");
    expect(await findAssessmentGaps(prisma, construction.id, construction.criteriaSetId)).toEqual([]);
    // Complete through written explanations (the demo has no files), not through a set without evidence rules.
    const explained = await prisma.score.count({
      where: { assessmentId: construction.id, criterion: { isEvidenceRequired: true }, selfExplanation: { not: null }, selfInput: { not: Prisma.DbNull } },
    });
    expect(explained).toBeGreaterThan(0);
    const heads = await prisma.user.findMany({ where: { agency: { slug: "so-xay-dung" }, roles: { has: "AGENCY_HEAD" } }, select: { email: true } });
    expect(heads).toEqual([{ email: "lanhdao.sxd@songlam.demo" }]);

    const health = await assessmentOf("so-y-te");
    expect((await findAssessmentGaps(prisma, health.id, health.criteriaSetId)).length).toBeGreaterThan(0);
  });

  it("adds nothing when run again, even from a second client", async () => {
    const before = await countRows();
    const otherClient = createPrismaClient(database.url, { maxConnections: 2 });
    try {
      const summary = await seedDemoProvince(otherClient);
      expect(summary.isFirstLoad).toBe(false);
    } finally {
      await otherClient.$disconnect();
    }
    expect(await countRows()).toEqual(before);
  });

  it("keeps what a user changed", async () => {
    await database.prisma.agency.update({ where: { slug: "so-y-te" }, data: { shortName: "Y tế" } });
    await seedDemoProvince(database.prisma);
    expect((await database.prisma.agency.findUniqueOrThrow({ where: { slug: "so-y-te" } })).shortName).toBe("Y tế");
  });

  it("stores the 2026 department set: 8 domains totalling its 100 points", async () => {
    const set = await database.prisma.criteriaSet.findFirstOrThrow({
      where: { year: { year: 2026 }, unitType: { code: "so-ban-nganh" } },
      select: { totalMaxPoints: true, criteria: { where: { parentId: null, section: "MAIN" }, select: { maxPoints: true } } },
    });
    expect(set.criteria).toHaveLength(8);
    const sum = set.criteria.reduce((total, domain) => total + toThousandths(domain.maxPoints.toFixed(3)), 0);
    expect(sum).toBe(toThousandths(set.totalMaxPoints.toFixed(3)));
    expect(sum).toBe(100_000);
  });
});

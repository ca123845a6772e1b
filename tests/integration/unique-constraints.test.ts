import { describe, expect, it } from "vitest";

import { Prisma } from "@/lib/db/generated/prisma/client";
import { createTestDatabase } from "@/tests/support/test-database";

const { prisma } = await createTestDatabase("seeded");

/** Expects a unique-constraint violation (P2002) naming the given fields. */
async function expectDuplicateRejected(write: Promise<unknown>, fields: string[]) {
  const error = await write.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  const known = error as Prisma.PrismaClientKnownRequestError;
  expect(known.code).toBe("P2002");
  const target = JSON.stringify(known.meta ?? {});
  for (const field of fields) expect(target).toContain(field);
}

describe("unique constraints the domain demands", () => {
  it("one assessment per agency and year", async () => {
    const existing = await prisma.assessment.findFirstOrThrow({ select: { agencyId: true, yearId: true, criteriaSetId: true } });
    await expectDuplicateRejected(prisma.assessment.create({ data: existing }), ["agencyId", "yearId"]);
  });

  it("one score per assessment and criterion", async () => {
    const existing = await prisma.score.findFirstOrThrow({ select: { assessmentId: true, criterionId: true } });
    await expectDuplicateRejected(prisma.score.create({ data: { ...existing, selfPoints: "1.000" } }), ["assessmentId", "criterionId"]);
  });

  it("one criteria set per year and unit type", async () => {
    const existing = await prisma.criteriaSet.findFirstOrThrow({ select: { yearId: true, unitTypeId: true } });
    await expectDuplicateRejected(
      prisma.criteriaSet.create({ data: { ...existing, title: "Bộ chỉ số trùng", totalMaxPoints: "100.000" } }),
      ["yearId", "unitTypeId"],
    );
  });

  it("one criterion code per set, one result per agency and year, one year per calendar year", async () => {
    const criterion = await prisma.criterion.findFirstOrThrow({ select: { criteriaSetId: true, code: true } });
    await expectDuplicateRejected(prisma.criterion.create({ data: { ...criterion, title: "Trùng mã", maxPoints: "1.000" } }), ["code"]);
    const result = await prisma.result.findFirstOrThrow({ select: { yearId: true, agencyId: true, unitTypeId: true } });
    await expectDuplicateRejected(
      prisma.result.create({ data: { ...result, totalPoints: "1.000", maxPoints: "100.000", indexPercent: "1.000" } }),
      ["yearId", "agencyId"],
    );
    await expectDuplicateRejected(prisma.assessmentYear.create({ data: { year: 2025 } }), ["year"]);
  });

  it("stores points exactly as decimals", async () => {
    const score = await prisma.score.findFirstOrThrow({ where: { selfPoints: { not: null } }, select: { id: true } });
    const updated = await prisma.score.update({ where: { id: score.id }, data: { selfPoints: "0.100" }, select: { selfPoints: true } });
    expect(updated.selfPoints?.plus("0.2").toFixed(3)).toBe("0.300");
  });
});

import { describe, expect, it } from "vitest";

import { hasCriteriaSetChanges } from "@/lib/domain/criteria-set-diff";
import { toThousandths } from "@/lib/domain/points";
import { getMethodology, type MethodologyCriterion } from "@/lib/services/get-methodology";
import { finalizeWithResultsOf } from "@/tests/support/finalized-year";
import { createTestDatabase } from "@/tests/support/test-database";

// The public methodology page's data (issue 8 item 4) on the seeded province: every criterion,
// maximum, method, band and rule exactly as stored for the published year, and the differences
// from the previous published year. The seed gives 2024 and 2025 the same sets, so the changes
// are made here, on a copy, in the previous year.
const seeded = await createTestDatabase("seeded");
const changed = await createTestDatabase("seeded");

function flatten(nodes: readonly MethodologyCriterion[], parentCode: string | null = null): { node: MethodologyCriterion; parentCode: string | null }[] {
  return nodes.flatMap((node) => [{ node, parentCode }, ...flatten(node.children, node.code)]);
}

describe("getMethodology on the seeded years", () => {
  it("gives the latest published year (2025) by default, with the year's rules as stored", async () => {
    const methodology = await getMethodology(null, seeded.prisma);
    const stored = await seeded.prisma.assessmentYear.findUniqueOrThrow({ where: { year: 2025 } });
    expect(methodology?.year).toBe(2025);
    expect(methodology?.previousYear).toBe(2024);
    expect(methodology?.publishedYears).toEqual([2025, 2024]);
    expect(methodology?.rules).toEqual({
      precision: stored.precision,
      isSurveyIncluded: stored.isSurveyIncluded,
      maxBonusPoints: toThousandths(stored.maxBonusPoints.toFixed(3)),
      maxPenaltyPoints: toThousandths(stored.maxPenaltyPoints.toFixed(3)),
    });
    expect((await getMethodology(2024, seeded.prisma))?.previousYear).toBeNull();
  });

  it("gives each unit type's criteria set as a tree equal to the stored criteria, with bands as stored", async () => {
    const methodology = await getMethodology(2025, seeded.prisma);
    expect(methodology?.unitTypes.map((unitType) => unitType.name)).toEqual(["Sở, ban, ngành", "UBND cấp xã"]);
    for (const unitType of methodology?.unitTypes ?? []) {
      const set = await seeded.prisma.criteriaSet.findFirstOrThrow({
        where: { year: { year: 2025 }, unitTypeId: unitType.unitTypeId },
        select: { title: true, totalMaxPoints: true, criteria: { select: { code: true, title: true, section: true, maxPoints: true, method: true, params: true, parent: { select: { code: true } } } } },
      });
      expect(unitType.title).toBe(set.title);
      expect(unitType.totalMaxPoints).toBe(toThousandths(set.totalMaxPoints.toFixed(3)));
      const shown = flatten([...unitType.domains, ...unitType.bonusItems, ...unitType.penaltyItems]);
      expect(shown).toHaveLength(set.criteria.length);
      for (const criterion of set.criteria) {
        const entry = shown.find((candidate) => candidate.node.code === criterion.code);
        expect(entry?.parentCode).toBe(criterion.parent?.code ?? null);
        expect(entry?.node).toMatchObject({ title: criterion.title, section: criterion.section, maxPoints: toThousandths(criterion.maxPoints.toFixed(3)) });
        expect(entry?.node.method).toEqual(criterion.method ? { method: criterion.method, params: criterion.params } : null);
        // Every leaf has its rule in words; parents sum their children.
        expect(entry?.node.rule === null).toBe(criterion.method === null);
      }
      expect(unitType.bonusItems.every((item) => item.section === "BONUS")).toBe(true);
      expect(unitType.penaltyItems.length).toBeGreaterThan(0);

      const bands = await seeded.prisma.gradingBand.findMany({ where: { year: { year: 2025 }, unitTypeId: unitType.unitTypeId }, select: { label: true, minPercent: true } });
      expect(unitType.bands).toHaveLength(bands.length);
      expect([...unitType.bands].sort((a, b) => b.minPercentThousandths - a.minPercentThousandths)).toEqual(unitType.bands);
      for (const band of bands) expect(unitType.bands).toContainEqual({ label: band.label, minPercentThousandths: toThousandths(band.minPercent.toFixed(3)) });
    }
  });

  it("describes a stored rule from its own parameters", async () => {
    const methodology = await getMethodology(2025, seeded.prisma);
    const departments = methodology?.unitTypes[0];
    const leaf = flatten(departments?.domains ?? []).find((entry) => entry.node.method?.method === "TIERED_RATE")?.node;
    if (!leaf || leaf.method?.method !== "TIERED_RATE") throw new Error("The seed has tiered-rate criteria");
    expect(leaf.rule).toContain(leaf.method.params.numeratorLabel);
    expect(leaf.rule).toContain(leaf.method.params.denominatorLabel);
    expect(leaf.rule).toContain("Không phát sinh");
  });

  it("finds no change between the seed's 2024 and 2025 sets, which are the same", async () => {
    const methodology = await getMethodology(2025, seeded.prisma);
    expect(methodology?.ruleChanges).toEqual([]);
    for (const unitType of methodology?.unitTypes ?? []) {
      expect(unitType.hasPreviousSet).toBe(true);
      expect(unitType.changes && hasCriteriaSetChanges(unitType.changes)).toBe(false);
    }
    const first = await getMethodology(2024, seeded.prisma);
    expect(first?.unitTypes.every((unitType) => unitType.changes === null && !unitType.hasPreviousSet)).toBe(true);
  });

  it("never gives a year that is not published: unknown or open (2026)", async () => {
    expect(await getMethodology(1999, seeded.prisma)).toBeNull();
    expect(await getMethodology(2026, seeded.prisma)).toBeNull();
  });
});

describe("getMethodology with changes from the previous year", () => {
  it("lists criteria added, removed, renamed, with another maximum or rule, bands and year rules changed", async () => {
    const { prisma } = changed;
    const year2024 = await prisma.assessmentYear.findUniqueOrThrow({ where: { year: 2024 }, select: { id: true } });
    const departments2024 = await prisma.criteriaSet.findFirstOrThrow({ where: { yearId: year2024.id, unitType: { code: "so-ban-nganh" } }, select: { id: true, unitTypeId: true } });
    const departments2025 = await prisma.criteriaSet.findFirstOrThrow({ where: { year: { year: 2025 }, unitType: { code: "so-ban-nganh" } }, select: { id: true } });
    const old = (code: string) => prisma.criterion.findFirstOrThrow({ where: { criteriaSetId: departments2024.id, code } });

    // 2024 had domain 1 at 11 points with 1.6 at 2; 2.1.1 had other tiers; domain 2 another name;
    // a bonus item T9 dropped in 2025; Nhóm 1 began at 92%; 3 decimals; no survey points.
    await prisma.criterion.update({ where: { id: (await old("1")).id }, data: { maxPoints: "11" } });
    await prisma.criterion.update({ where: { id: (await old("1.6")).id }, data: { maxPoints: "2" } });
    const tiered = await old("2.1.1");
    const params = tiered.params as { tiers: { minRate: number; points: number }[] };
    await prisma.criterion.update({ where: { id: tiered.id }, data: { params: { ...params, tiers: params.tiers.map((tier) => (tier.minRate === 0.9 ? { ...tier, minRate: 0.85 } : tier)) } } });
    await prisma.criterion.update({ where: { id: (await old("2")).id }, data: { title: "Công tác pháp chế" } });
    await prisma.criterion.create({ data: { criteriaSetId: departments2024.id, code: "T9", title: "Được khen thưởng về cải cách hành chính", section: "BONUS", maxPoints: "0.5", method: "BOOLEAN", params: {}, sortOrder: 999 } });
    await prisma.gradingBand.update({ where: { yearId_unitTypeId_label: { yearId: year2024.id, unitTypeId: departments2024.unitTypeId, label: "Nhóm 1 (Xuất sắc)" } }, data: { minPercent: "92" } });
    await prisma.assessmentYear.update({ where: { id: year2024.id }, data: { precision: 3, isSurveyIncluded: false } });
    // And 2025 added a bonus item.
    await prisma.criterion.create({ data: { criteriaSetId: departments2025.id, code: "T8", title: "Có giải pháp chuyển đổi số được nhân rộng", section: "BONUS", maxPoints: "0.5", method: "BOOLEAN", params: {}, sortOrder: 998 } });

    const methodology = await getMethodology(2025, prisma);
    const changes = methodology?.unitTypes.find((unitType) => unitType.code === "so-ban-nganh")?.changes;
    expect(changes?.added).toEqual([{ code: "T8", title: "Có giải pháp chuyển đổi số được nhân rộng", section: "BONUS", maxPoints: 500 }]);
    expect(changes?.removed).toEqual([{ code: "T9", title: "Được khen thưởng về cải cách hành chính", section: "BONUS", maxPoints: 500 }]);
    expect(changes?.renamed).toMatchObject([{ code: "2", before: "Công tác pháp chế" }]);
    expect(changes?.maxChanged.map((change) => [change.code, change.before, change.after])).toEqual([
      ["1", 11_000, 10_000],
      ["1.6", 2_000, 1_000],
    ]);
    expect(changes?.methodChanged.map((change) => change.code)).toEqual(["2.1.1"]);
    expect(changes?.bandsChanged).toEqual([{ label: "Nhóm 1 (Xuất sắc)", before: 92_000, after: 90_000 }]);
    expect(methodology?.ruleChanges).toEqual([
      { rule: "precision", before: 3, after: 2 },
      { rule: "isSurveyIncluded", before: false, after: true },
    ]);
    // The communes' set was not touched.
    const communes = methodology?.unitTypes.find((unitType) => unitType.code === "ubnd-cap-xa")?.changes;
    expect(communes && hasCriteriaSetChanges(communes)).toBe(false);
  });

  it("refuses a FINALIZED year (its set is not public) and keeps 2025 as the latest", async () => {
    await finalizeWithResultsOf(changed.prisma, 2026, 2025);
    expect(await getMethodology(2026, changed.prisma)).toBeNull();
    expect((await getMethodology(null, changed.prisma))?.year).toBe(2025);
  });
});

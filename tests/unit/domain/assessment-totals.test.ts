import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { computeAssessmentTotals, type LeafScore } from "@/lib/domain/assessment-totals";
import { buildCriteriaTree, type CriteriaTree, type CriterionDefinition } from "@/lib/domain/criteria-tree";
import { toThousandths } from "@/lib/domain/points";

const node = (code: string, parentCode: string | null, max: number, method: unknown = null, section: CriterionDefinition["section"] = "MAIN"): CriterionDefinition => ({
  code,
  parentCode,
  title: `Lĩnh vực ${code}`,
  section,
  maxPoints: toThousandths(max),
  method,
});
const manual = { method: "MANUAL", params: { step: 0.25 } };

function tree(maxBonus = 1.5, maxPenalty = 3): CriteriaTree {
  const built = buildCriteriaTree({
    criteria: [
      node("1", null, 3),
      node("1.1", "1", 2, manual),
      node("1.2", "1", 1, manual),
      node("2", null, 2),
      node("2.1", "2", 2, { method: "SURVEY", params: { survey: "SIPAS" } }),
      node("T1", null, 1, { method: "BOOLEAN", params: {} }, "BONUS"),
      node("T2", null, 1, { method: "BOOLEAN", params: {} }, "BONUS"),
      node("P1", null, 1.5, { method: "DEDUCTION", params: { countLabel: "Số lần", pointsPerOccurrence: 0.5 } }, "PENALTY"),
    ],
    maxBonusPoints: toThousandths(maxBonus),
    maxPenaltyPoints: toThousandths(maxPenalty),
  });
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.tree;
}

const points = (value: number) => ({ points: value });
const options = { isFinalized: false, isSurveyIncluded: true, precision: 2 as const };

describe("computeAssessmentTotals", () => {
  const scores = new Map<string, LeafScore>([
    ["1.1", { self: points(2_000), round1: points(1_500), round2: points(1_750) }],
    ["1.2", { self: points(1_000), round1: points(750) }],
    ["2.1", { survey: 1_750 }],
    ["T1", { self: points(1_000) }],
    ["T2", { self: points(1_000), round1: points(1_000) }],
    ["P1", { self: points(500) }],
  ]);

  it("totals self, appraised (latest round, else self) and final (only once finalized) per node", () => {
    const totals = computeAssessmentTotals(tree(), scores, options);
    expect(totals.self.byCode.get("1")).toEqual({ points: 3_000, maxPoints: 3_000 });
    expect(totals.appraised.byCode.get("1")).toEqual({ points: 2_500, maxPoints: 3_000 });
    expect(totals.final).toBeNull();
    const finalized = computeAssessmentTotals(tree(), scores, { ...options, isFinalized: true });
    expect(finalized.final?.byCode.get("1.1")).toEqual({ points: 1_750, maxPoints: 2_000 });
    expect(finalized.final?.byCode.get("1.2")).toEqual({ points: 750, maxPoints: 1_000 });
  });

  it("adds bonus and removes penalty within the year's caps; domains carry their percentages", () => {
    const { appraised } = computeAssessmentTotals(tree(), scores, options);
    expect(appraised).toMatchObject({ treePoints: 4_250, surveyPoints: 1_750, bonusPoints: 1_500, penaltyPoints: 500, totalPoints: 5_250, maxPoints: 5_000 });
    expect(appraised.indexPercent?.text).toBe("105.00");
    expect(appraised.domains.map((domain) => [domain.code, domain.points, domain.percent?.text])).toEqual([
      ["1", 2_500, "83.33"],
      ["2", 1_750, "87.50"],
    ]);
  });

  it("takes a no-data criterion off every maximum above it", () => {
    const excluded = new Map<string, LeafScore>([["1.1", { self: { points: 0, isExcludedFromMaximum: true } }], ["1.2", { self: points(1_000) }]]);
    const { self } = computeAssessmentTotals(tree(), excluded, options);
    expect(self.byCode.get("1")).toEqual({ points: 1_000, maxPoints: 1_000 });
    expect(self.maxPoints).toBe(3_000);
  });

  it("can leave survey points out of the index (the appraised part over its own maximum)", () => {
    const { self } = computeAssessmentTotals(tree(), scores, { ...options, isSurveyIncluded: false });
    expect(self).toMatchObject({ treePoints: 3_000, surveyPoints: 0, maxPoints: 3_000 });
  });

  it("counts an unanswered criterion as 0 and floors the total at 0", () => {
    const { self } = computeAssessmentTotals(tree(), new Map([["P1", { self: points(1_500) }]]), options);
    expect(self).toMatchObject({ treePoints: 0, penaltyPoints: 1_500, totalPoints: 0 });
    expect(self.indexPercent?.text).toBe("0.00");
  });

  it("never exceeds the maximum plus the bonus cap, never goes below 0", () => {
    const leafPoints = fc.integer({ min: 0, max: 5_000 });
    fc.assert(
      fc.property(
        fc.record({ a: leafPoints, b: leafPoints, s: leafPoints, t1: leafPoints, t2: leafPoints, p: leafPoints }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 0, max: 3_000 }),
        (values, maxBonus, maxPenalty) => {
          const set = tree(maxBonus / 1000, maxPenalty / 1000);
          const { self } = computeAssessmentTotals(
            set,
            new Map<string, LeafScore>([
              ["1.1", { self: points(values.a) }],
              ["1.2", { self: points(values.b) }],
              ["2.1", { survey: values.s }],
              ["T1", { self: points(values.t1) }],
              ["T2", { self: points(values.t2) }],
              ["P1", { self: points(values.p) }],
            ]),
            options,
          );
          expect(self.totalPoints).toBeGreaterThanOrEqual(0);
          expect(self.totalPoints).toBeLessThanOrEqual(set.maxPoints + set.maxBonusPoints);
          expect(self.treePoints).toBeLessThanOrEqual(set.maxPoints);
        },
      ),
    );
  });
});

import { describe, expect, it } from "vitest";

import { diffCriteriaSets, diffYearRules, hasCriteriaSetChanges, type DiffCriterion, type DiffSet } from "@/lib/domain/criteria-set-diff";
import type { TCriterionMethod } from "@/lib/domain/criterion-params";

const tiered = (tiers: [number, number][]): TCriterionMethod => ({
  method: "TIERED_RATE",
  params: { numeratorLabel: "Số hồ sơ đúng hạn", denominatorLabel: "Tổng số hồ sơ", whenNoData: "FULL_POINTS", tiers: tiers.map(([minRate, points]) => ({ minRate, points })) },
});
const criterion = (code: string, maxPoints: number, method: TCriterionMethod | null, title = `Tiêu chí ${code}`): DiffCriterion => ({
  code,
  title,
  section: code.startsWith("T") ? "BONUS" : "MAIN",
  maxPoints,
  method,
});
const bands = [
  { label: "Xuất sắc", minPercentThousandths: 90_000 },
  { label: "Tốt", minPercentThousandths: 80_000 },
  { label: "Trung bình", minPercentThousandths: 0 },
];

const previous: DiffSet = {
  criteria: [
    criterion("1", 5_000, null, "Chỉ đạo, điều hành"),
    criterion("1.1", 2_000, { method: "BOOLEAN", params: {} }),
    criterion("1.2", 3_000, tiered([[1, 3], [0.8, 1.5]])),
    criterion("2", 4_000, null),
    criterion("2.1", 4_000, { method: "MANUAL", params: { step: 0.25 } }),
    criterion("T1", 1_000, { method: "BOOLEAN", params: {} }),
  ],
  bands,
};

describe("diffCriteriaSets", () => {
  it("finds nothing between a set and itself, nor when tiers are only listed in another order", () => {
    const reordered: DiffSet = {
      criteria: previous.criteria.map((item) => (item.code === "1.2" ? { ...item, method: tiered([[0.8, 1.5], [1, 3]]) } : item)),
      bands: [...bands].reverse(),
    };
    const changes = diffCriteriaSets(previous, reordered);
    expect(hasCriteriaSetChanges(changes)).toBe(false);
  });

  it("matches criteria by code: added, removed, renamed, maximum and method changes", () => {
    const current: DiffSet = {
      criteria: [
        criterion("1", 6_000, null, "Công tác chỉ đạo, điều hành"),
        criterion("1.1", 2_000, { method: "BOOLEAN", params: {} }),
        // Same method, another tier.
        criterion("1.2", 3_000, tiered([[1, 3], [0.9, 1.5]])),
        criterion("1.3", 1_000, { method: "SURVEY", params: { survey: "Khảo sát người dân" } }),
        criterion("2", 4_000, null),
        // Another method.
        criterion("2.1", 4_000, { method: "BOOLEAN", params: {} }),
      ],
      bands,
    };
    const changes = diffCriteriaSets(previous, current);
    expect(changes.added.map((item) => [item.code, item.maxPoints])).toEqual([["1.3", 1_000]]);
    expect(changes.removed.map((item) => [item.code, item.section])).toEqual([["T1", "BONUS"]]);
    expect(changes.renamed).toEqual([{ code: "1", before: "Chỉ đạo, điều hành", after: "Công tác chỉ đạo, điều hành" }]);
    expect(changes.maxChanged).toEqual([{ code: "1", title: "Công tác chỉ đạo, điều hành", before: 5_000, after: 6_000 }]);
    expect(changes.methodChanged.map((item) => [item.code, item.before?.method, item.after?.method])).toEqual([
      ["1.2", "TIERED_RATE", "TIERED_RATE"],
      ["2.1", "MANUAL", "BOOLEAN"],
    ]);
    expect(changes.bandsChanged).toEqual([]);
  });

  it("counts a leaf that became a parent as a change of method", () => {
    const current: DiffSet = {
      criteria: previous.criteria.map((item) => (item.code === "2.1" ? { ...item, method: null } : item)).concat([criterion("2.1.1", 4_000, { method: "BOOLEAN", params: {} })]),
      bands,
    };
    const changes = diffCriteriaSets(previous, current);
    expect(changes.methodChanged).toMatchObject([{ code: "2.1", after: null }]);
    expect(changes.added.map((item) => item.code)).toEqual(["2.1.1"]);
  });

  it("matches bands by label: thresholds moved, bands added and dropped, top band first", () => {
    const current: DiffSet = {
      criteria: previous.criteria,
      bands: [
        { label: "Xuất sắc", minPercentThousandths: 92_500 },
        { label: "Khá", minPercentThousandths: 70_000 },
        { label: "Trung bình", minPercentThousandths: 0 },
      ],
    };
    expect(diffCriteriaSets(previous, current).bandsChanged).toEqual([
      { label: "Xuất sắc", before: 90_000, after: 92_500 },
      { label: "Tốt", before: 80_000, after: null },
      { label: "Khá", before: null, after: 70_000 },
    ]);
  });

  it("refuses a set that lists a code twice", () => {
    expect(() => diffCriteriaSets({ criteria: [criterion("1", 1, null), criterion("1", 1, null)], bands: [] }, previous)).toThrow(RangeError);
  });
});

describe("diffYearRules", () => {
  const rules = { precision: 2 as const, isSurveyIncluded: true, maxBonusPoints: 2_000, maxPenaltyPoints: 3_000 };
  it("lists precision, survey and caps that changed, in that order", () => {
    expect(diffYearRules(rules, rules)).toEqual([]);
    expect(diffYearRules(rules, { precision: 3, isSurveyIncluded: false, maxBonusPoints: 2_000, maxPenaltyPoints: 2_500 })).toEqual([
      { rule: "precision", before: 2, after: 3 },
      { rule: "isSurveyIncluded", before: true, after: false },
      { rule: "maxPenaltyPoints", before: 3_000, after: 2_500 },
    ]);
  });
});

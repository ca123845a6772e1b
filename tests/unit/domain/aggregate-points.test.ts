import { describe, expect, it } from "vitest";

import { aggregatePoints, type AggregationNode } from "@/lib/domain/aggregate-points";

const node = (code: string, parentCode: string | null, maxPoints: number, extra: Partial<AggregationNode> = {}): AggregationNode => ({
  code,
  parentCode,
  maxPoints,
  section: "MAIN",
  isSurvey: false,
  ...extra,
});

const nodes = [
  node("1", null, 3000),
  node("1.1", "1", 2000),
  node("1.2", "1", 1000),
  node("2", null, 2000),
  node("2.1", "2", 2000, { isSurvey: true }),
  node("T1", null, 1000, { section: "BONUS" }),
  node("T2", null, 1000, { section: "BONUS" }),
  node("P1", null, 1500, { section: "PENALTY" }),
];

describe("aggregatePoints", () => {
  it("sums leaves into domains and applies bonus and penalty within the year's caps", () => {
    const result = aggregatePoints({
      nodes,
      pointsByCode: new Map([
        ["1.1", { points: 1500 }],
        ["1.2", { points: 1000 }],
        ["2.1", { points: 1750 }],
        ["T1", { points: 1000 }],
        ["T2", { points: 1000 }],
        ["P1", { points: 500 }],
      ]),
      maxBonusPoints: 1500,
      maxPenaltyPoints: 3000,
      isSurveyIncluded: true,
    });
    expect(result.domains).toEqual([
      { code: "1", points: 2500, maxPoints: 3000 },
      { code: "2", points: 1750, maxPoints: 2000 },
    ]);
    expect(result).toMatchObject({ treePoints: 4250, surveyPoints: 1750, bonusPoints: 1500, penaltyPoints: 500, totalPoints: 5250, maxPoints: 5000 });
  });

  it("excludes a no-data criterion from the maximum and survey points when the year says so", () => {
    const result = aggregatePoints({
      nodes,
      pointsByCode: new Map([
        ["1.1", { points: 0, isExcludedFromMaximum: true }],
        ["1.2", { points: 1000 }],
        ["2.1", { points: 1750 }],
      ]),
      maxBonusPoints: 0,
      maxPenaltyPoints: 0,
      isSurveyIncluded: false,
    });
    expect(result.byCode.get("1")).toEqual({ points: 1000, maxPoints: 1000 });
    expect(result).toMatchObject({ totalPoints: 1000, maxPoints: 1000, surveyPoints: 0 });
  });

  it("floors the total at zero", () => {
    const result = aggregatePoints({
      nodes,
      pointsByCode: new Map([["P1", { points: 1500 }]]),
      maxBonusPoints: 0,
      maxPenaltyPoints: 3000,
      isSurveyIncluded: true,
    });
    expect(result.totalPoints).toBe(0);
  });
});

import { describe, expect, it } from "vitest";

import type { TCriterionMethod } from "@/lib/domain/criterion-params";
import { toThousandths } from "@/lib/domain/points";
import { scoreInput, scoreSurveyValue } from "@/lib/domain/scoring-methods";

const criterion = <T extends TCriterionMethod>(definition: T, maxPoints: number) => ({ ...definition, maxPoints: toThousandths(maxPoints) });

const completionRate = criterion<Extract<TCriterionMethod, { method: "TIERED_RATE" }>>(
  {
    method: "TIERED_RATE",
    params: {
      numeratorLabel: "Nhiệm vụ đã hoàn thành",
      denominatorLabel: "Tổng số nhiệm vụ",
      whenNoData: "FULL_POINTS",
      tiers: [
        { minRate: 1, points: 2 },
        { minRate: 0.9, points: 1.5 },
        { minRate: 0.7, points: 1 },
        { minRate: 0, points: 0 },
      ],
    },
  },
  2,
);

describe("scoreInput", () => {
  it("TIERED_RATE picks the first tier the exact rate reaches", () => {
    expect(scoreInput(completionRate, { numerator: 20, denominator: 20 })).toEqual({ ok: true, points: 2000, isExcludedFromMaximum: false });
    expect(scoreInput(completionRate, { numerator: 9, denominator: 10 })).toMatchObject({ points: 1500 });
    expect(scoreInput(completionRate, { numerator: 899, denominator: 1000 })).toMatchObject({ points: 1000 });
    expect(scoreInput(completionRate, { numerator: 6, denominator: 10 })).toMatchObject({ points: 0 });
  });

  it("TIERED_RATE with nothing to count follows the set's no-data rule", () => {
    expect(scoreInput(completionRate, { numerator: 0, denominator: 0 })).toEqual({ ok: true, points: 2000, isExcludedFromMaximum: false });
    const excluded = { ...completionRate, params: { ...completionRate.params, whenNoData: "EXCLUDED_FROM_MAXIMUM" as const } };
    expect(scoreInput(excluded, { numerator: 0, denominator: 0 })).toEqual({ ok: true, points: 0, isExcludedFromMaximum: true });
  });

  it("rejects impossible counts instead of clamping them", () => {
    expect(scoreInput(completionRate, { numerator: 11, denominator: 10 })).toEqual({ ok: false, code: "NUMERATOR_EXCEEDS_DENOMINATOR" });
    expect(scoreInput(completionRate, { numerator: -1, denominator: 10 })).toEqual({ ok: false, code: "INVALID_INPUT" });
  });

  it("PROPORTIONAL_RATE gives max × rate", () => {
    const proportional = criterion(
      { method: "PROPORTIONAL_RATE", params: { numeratorLabel: "a", denominatorLabel: "b", whenNoData: "FULL_POINTS" } },
      1.5,
    );
    expect(scoreInput(proportional, { numerator: 2, denominator: 3 })).toMatchObject({ points: 1000 });
    expect(scoreInput(proportional, { numerator: 1, denominator: 7 })).toMatchObject({ points: 214 });
  });

  it("MANUAL accepts values on the step only, within 0..max", () => {
    const manual = criterion({ method: "MANUAL", params: { step: 0.25 } }, 1.5);
    expect(scoreInput(manual, { points: 1.25 })).toMatchObject({ ok: true, points: 1250 });
    expect(scoreInput(manual, { points: 1.3 })).toEqual({ ok: false, code: "POINTS_OFF_STEP" });
    expect(scoreInput(manual, { points: 1.75 })).toEqual({ ok: false, code: "POINTS_OUT_OF_RANGE" });
  });

  it("CATEGORICAL, BOOLEAN, TIERED_COUNT, DEDUCTION and SURVEY", () => {
    const plan = criterion(
      {
        method: "CATEGORICAL",
        params: { options: [{ label: "Đúng hạn", points: 1 }, { label: "Chậm", points: 0.5 }, { label: "Không ban hành", points: 0 }] },
      },
      1,
    );
    expect(scoreInput(plan, { optionIndex: 1 })).toMatchObject({ points: 500 });
    expect(scoreInput(plan, { optionIndex: 3 })).toEqual({ ok: false, code: "UNKNOWN_OPTION" });
    expect(scoreInput(criterion({ method: "BOOLEAN", params: {} }, 1), { isAchieved: true })).toMatchObject({ points: 1000 });
    const meetings = criterion(
      { method: "TIERED_COUNT", params: { countLabel: "Số cuộc", tiers: [{ minCount: 2, points: 1 }, { minCount: 1, points: 0.5 }] } },
      1,
    );
    expect(scoreInput(meetings, { count: 1 })).toMatchObject({ points: 500 });
    expect(scoreInput(meetings, { count: 0 })).toMatchObject({ points: 0 });
    const late = criterion({ method: "DEDUCTION", params: { countLabel: "Số hồ sơ", pointsPerOccurrence: 0.25 } }, 1);
    expect(scoreInput(late, { count: 3 })).toMatchObject({ points: 750 });
    expect(scoreInput(late, { count: 9 })).toMatchObject({ points: 1000 });
    expect(scoreInput(criterion({ method: "SURVEY", params: { survey: "SIPAS" } }, 1), { points: 1 })).toEqual({
      ok: false,
      code: "NOT_SELF_SCORED",
    });
  });
});

describe("scoreSurveyValue", () => {
  it("accepts imported survey points from 0 to the maximum, exactly", () => {
    expect(scoreSurveyValue("1.75", toThousandths(2))).toEqual({ ok: true, points: 1_750, isExcludedFromMaximum: false });
    expect(scoreSurveyValue(2, toThousandths(2))).toMatchObject({ points: 2_000 });
  });

  it("rejects out-of-range, over-precise and non-numeric values", () => {
    expect(scoreSurveyValue("2.01", toThousandths(2))).toEqual({ ok: false, code: "POINTS_OUT_OF_RANGE" });
    expect(scoreSurveyValue(-0.5, toThousandths(2))).toEqual({ ok: false, code: "POINTS_OUT_OF_RANGE" });
    expect(scoreSurveyValue("1.2345", toThousandths(2))).toEqual({ ok: false, code: "POINTS_OFF_STEP" });
    expect(scoreSurveyValue("một", toThousandths(2))).toEqual({ ok: false, code: "INVALID_INPUT" });
    expect(scoreSurveyValue(Number.NaN, toThousandths(2))).toEqual({ ok: false, code: "INVALID_INPUT" });
  });
});

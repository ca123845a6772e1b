import { z } from "zod";

import type { TCriterionMethod } from "./criterion-params";
import { vi } from "@/lib/i18n/vi";

import { divideHalfUpSafe, toThousandths } from "./points";

// Each scoring method is a pure function from a zod-validated input to points (thousandths).
// Inputs outside the rules are rejected with a typed error, never clamped silently.

export const ZBooleanInput = z.object({ isAchieved: z.boolean() });
export const ZCategoricalInput = z.object({ optionIndex: z.number().int().min(0) });
export const ZRateInput = z.object({ numerator: z.number().int().min(0), denominator: z.number().int().min(0) });
export const ZCountInput = z.object({ count: z.number().int().min(0) });
export const ZManualInput = z.object({ points: z.number().min(0) });

/**
 * Why an input was refused (messages in lib/i18n, vi.domain.scoringErrors):
 * - INVALID_INPUT: the input does not have the shape the method needs (e.g. a negative count);
 * - NUMERATOR_EXCEEDS_DENOMINATOR: more achieved than the total (e.g. 11 of 10 dossiers);
 * - POINTS_OUT_OF_RANGE: a manual or survey value outside 0..max;
 * - POINTS_OFF_STEP: a manual value not on the set's step (0.3 with step 0.25), or a survey value
 *   with more than 3 decimals;
 * - UNKNOWN_OPTION: a categorical option that does not exist;
 * - NOT_SELF_SCORED: SURVEY criteria are filled from imported survey results, never entered.
 */
export type ScoringErrorCode = keyof typeof vi.domain.scoringErrors;

export type ScoringOutcome =
  | { ok: true; points: number; isExcludedFromMaximum: boolean }
  | { ok: false; code: ScoringErrorCode };

const scored = (points: number): ScoringOutcome => ({ ok: true, points, isExcludedFromMaximum: false });
const rejected = (code: ScoringErrorCode): ScoringOutcome => ({ ok: false, code });

/** Points of one criterion for an entered input. `maxPoints` in thousandths. */
export function scoreInput(criterion: TCriterionMethod & { maxPoints: number }, input: unknown): ScoringOutcome {
  switch (criterion.method) {
    case "BOOLEAN": {
      const parsed = ZBooleanInput.safeParse(input);
      if (!parsed.success) return rejected("INVALID_INPUT");
      return scored(parsed.data.isAchieved ? criterion.maxPoints : 0);
    }
    case "CATEGORICAL": {
      const parsed = ZCategoricalInput.safeParse(input);
      if (!parsed.success) return rejected("INVALID_INPUT");
      const option = criterion.params.options[parsed.data.optionIndex];
      return option ? scored(toThousandths(option.points)) : rejected("UNKNOWN_OPTION");
    }
    case "TIERED_RATE":
    case "PROPORTIONAL_RATE": {
      const parsed = ZRateInput.safeParse(input);
      if (!parsed.success) return rejected("INVALID_INPUT");
      const { numerator, denominator } = parsed.data;
      if (numerator > denominator) return rejected("NUMERATOR_EXCEEDS_DENOMINATOR");
      if (denominator === 0) {
        return criterion.params.whenNoData === "FULL_POINTS"
          ? scored(criterion.maxPoints)
          : { ok: true, points: 0, isExcludedFromMaximum: true };
      }
      if (criterion.method === "PROPORTIONAL_RATE") {
        // max × rate, rounded half-up to the thousandth the points are stored in.
        return scored(divideHalfUpSafe(criterion.maxPoints * numerator, denominator));
      }
      // First tier (highest minRate first) whose minRate the exact rate reaches:
      // numerator / denominator ≥ minRate ⇔ numerator × 10⁴ ≥ minRate × 10⁴ × denominator.
      const tier = preparedRateTiers(criterion.params.tiers).find((candidate) =>
        isAtLeast(numerator * 10_000, candidate.minRateTenThousandths, denominator),
      );
      return scored(tier ? tier.points : 0);
    }
    case "TIERED_COUNT": {
      const parsed = ZCountInput.safeParse(input);
      if (!parsed.success) return rejected("INVALID_INPUT");
      const tier = preparedCountTiers(criterion.params.tiers).find((candidate) => parsed.data.count >= candidate.minCount);
      return scored(tier ? tier.points : 0);
    }
    case "MANUAL": {
      const parsed = ZManualInput.safeParse(input);
      if (!parsed.success) return rejected("INVALID_INPUT");
      let points: number;
      try {
        points = toThousandths(parsed.data.points);
      } catch {
        return rejected("POINTS_OFF_STEP");
      }
      if (points > criterion.maxPoints) return rejected("POINTS_OUT_OF_RANGE");
      if (points % toThousandths(criterion.params.step) !== 0) return rejected("POINTS_OFF_STEP");
      return scored(points);
    }
    case "DEDUCTION": {
      const parsed = ZCountInput.safeParse(input);
      if (!parsed.success) return rejected("INVALID_INPUT");
      // Points deducted, capped at the item's maximum.
      return scored(Math.min(parsed.data.count * toThousandths(criterion.params.pointsPerOccurrence), criterion.maxPoints));
    }
    case "SURVEY":
      return rejected("NOT_SELF_SCORED");
  }
}

/** Points of a SURVEY criterion from an imported survey value (0..max, at most 3 decimals). */
export function scoreSurveyValue(value: number | string, maxPoints: number): ScoringOutcome {
  let points: number;
  try {
    points = toThousandths(value);
  } catch {
    const isDecimal = typeof value === "number" ? Number.isFinite(value) : /^-?\d+(\.\d+)?$/.test(value.trim());
    return rejected(isDecimal ? "POINTS_OFF_STEP" : "INVALID_INPUT");
  }
  if (points < 0 || points > maxPoints) return rejected("POINTS_OUT_OF_RANGE");
  return scored(points);
}

// The criteria set is frozen while agencies score against it, so each tier table is sorted and
// converted to exact integers once per params object (a benchmark year scores 280,000 inputs).
const rateTierCache = new WeakMap<object, { minRateTenThousandths: number; points: number }[]>();
const countTierCache = new WeakMap<object, { minCount: number; points: number }[]>();

function preparedRateTiers(tiers: readonly { minRate: number; points: number }[]) {
  let prepared = rateTierCache.get(tiers);
  if (!prepared) {
    prepared = tiers
      .map((tier) => ({ minRateTenThousandths: Math.round(tier.minRate * 10_000), points: toThousandths(tier.points) }))
      .sort((a, b) => b.minRateTenThousandths - a.minRateTenThousandths);
    rateTierCache.set(tiers, prepared);
  }
  return prepared;
}

function preparedCountTiers(tiers: readonly { minCount: number; points: number }[]) {
  let prepared = countTierCache.get(tiers);
  if (!prepared) {
    prepared = tiers.map((tier) => ({ minCount: tier.minCount, points: toThousandths(tier.points) })).sort((a, b) => b.minCount - a.minCount);
    countTierCache.set(tiers, prepared);
  }
  return prepared;
}

/** left ≥ factor × right, exactly: plain integers while the product is safe, BigInt beyond. */
function isAtLeast(left: number, factor: number, right: number): boolean {
  const product = factor * right;
  return Number.isSafeInteger(product) && Number.isSafeInteger(left) ? left >= product : BigInt(left) >= BigInt(factor) * BigInt(right);
}

import { formatPointsFromThousandths, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import type { TCriterionMethod } from "./criterion-params";
import { toThousandths } from "./points";

// A criterion's scoring rule in words, from its method and parameters, for the public methodology
// page: what an agency reads to know how a figure was reached. Generated, never typed per year.

const text = vi.publicMethodology.rules;

/** Points as printed: "1,5", "0,25", "2". */
function points(value: number): string {
  return formatPointsFromThousandths(toThousandths(value));
}

/** A rate threshold (0.955) as a percentage: "95,5%". Rates have at most 4 decimals (criterion-params). */
function rate(value: number): string {
  return `${formatPointsFromThousandths(Math.round(value * 10_000) * 10)}%`;
}

/**
 * Tiers highest threshold first, each "từ X: N điểm"; below the lowest threshold the method scores
 * 0 (scoring-methods.ts), so that is said too unless the lowest threshold is the floor itself.
 */
function tiers(list: readonly { threshold: number; points: number }[], show: (threshold: number) => string, floor: number): string {
  const sorted = [...list].sort((a, b) => b.threshold - a.threshold);
  const parts = sorted.map((tier, index) => {
    const isLowest = index === sorted.length - 1;
    if (isLowest && tier.threshold === floor && index > 0) {
      return interpolate(text.tierBelow, { threshold: show((sorted[index - 1] as { threshold: number }).threshold), points: points(tier.points) });
    }
    return interpolate(text.tierFrom, { threshold: show(tier.threshold), points: points(tier.points) });
  });
  const lowest = sorted.at(-1);
  if (lowest && lowest.threshold > floor) parts.push(interpolate(text.tierBelow, { threshold: show(lowest.threshold), points: "0" }));
  return parts.join(text.separator);
}

/**
 * How a leaf criterion is scored, in Vietnamese: "Tỷ lệ = A / B: từ 100%: 2 điểm; …". `maxPoints`
 * in thousandths (the criterion's own maximum, which BOOLEAN, PROPORTIONAL_RATE and DEDUCTION use).
 */
export function describeScoringRule(method: TCriterionMethod, maxPoints: number): string {
  const max = formatPointsFromThousandths(maxPoints);
  switch (method.method) {
    case "MANUAL":
      return interpolate(text.MANUAL, { max, step: points(method.params.step) });
    case "BOOLEAN":
      return interpolate(text.BOOLEAN, { max });
    case "CATEGORICAL":
      return interpolate(text.CATEGORICAL, {
        options: method.params.options.map((option) => interpolate(text.option, { label: option.label, points: points(option.points) })).join(text.separator),
      });
    case "TIERED_RATE":
      return interpolate(text.TIERED_RATE, {
        numerator: method.params.numeratorLabel,
        denominator: method.params.denominatorLabel,
        tiers: tiers(method.params.tiers.map((tier) => ({ threshold: tier.minRate, points: tier.points })), rate, 0),
        noData: text.noData[method.params.whenNoData],
      });
    case "PROPORTIONAL_RATE":
      return interpolate(text.PROPORTIONAL_RATE, {
        max,
        numerator: method.params.numeratorLabel,
        denominator: method.params.denominatorLabel,
        noData: text.noData[method.params.whenNoData],
      });
    case "TIERED_COUNT":
      return interpolate(text.TIERED_COUNT, {
        count: method.params.countLabel,
        tiers: tiers(method.params.tiers.map((tier) => ({ threshold: tier.minCount, points: tier.points })), (count) => String(count), 0),
      });
    case "DEDUCTION":
      return interpolate(text.DEDUCTION, { points: points(method.params.pointsPerOccurrence), count: method.params.countLabel, max });
    case "SURVEY":
      return interpolate(text.SURVEY, { survey: method.params.survey });
  }
}

import { z } from "zod";

// Parameters of each scoring method, stored in Criterion.params (JSON) and validated here.
// Point values are decimal numbers as in the criteria set (0.5, 1.25); the engine converts them
// to exact thousandths before any arithmetic.

const ZPointValue = z.number().min(0).max(1000).multipleOf(0.001);
const ZLabel = z.string().trim().min(1);

/** What a rate criterion scores when there is nothing to count ("không phát sinh"). */
export const ZNoDataRule = z.enum(["FULL_POINTS", "EXCLUDED_FROM_MAXIMUM"]);
export type TNoDataRule = z.infer<typeof ZNoDataRule>;

export const ZManualParams = z.object({ step: z.number().positive().multipleOf(0.001) });
export const ZBooleanParams = z.object({}).strict();
export const ZCategoricalParams = z.object({
  options: z.array(z.object({ label: ZLabel, points: ZPointValue })).min(2),
});
const ZRateLabels = z.object({ numeratorLabel: ZLabel, denominatorLabel: ZLabel, whenNoData: ZNoDataRule });
export const ZTieredRateParams = ZRateLabels.extend({
  tiers: z.array(z.object({ minRate: z.number().min(0).max(1).multipleOf(0.0001), points: ZPointValue })).min(1),
});
export const ZProportionalRateParams = ZRateLabels;
export const ZTieredCountParams = z.object({
  countLabel: ZLabel,
  tiers: z.array(z.object({ minCount: z.number().int().min(0), points: ZPointValue })).min(1),
});
export const ZDeductionParams = z.object({ countLabel: ZLabel, pointsPerOccurrence: ZPointValue.positive() });
export const ZSurveyParams = z.object({ survey: ZLabel });

export const ZCriterionMethod = z.discriminatedUnion("method", [
  z.object({ method: z.literal("MANUAL"), params: ZManualParams }),
  z.object({ method: z.literal("BOOLEAN"), params: ZBooleanParams }),
  z.object({ method: z.literal("CATEGORICAL"), params: ZCategoricalParams }),
  z.object({ method: z.literal("TIERED_RATE"), params: ZTieredRateParams }),
  z.object({ method: z.literal("PROPORTIONAL_RATE"), params: ZProportionalRateParams }),
  z.object({ method: z.literal("TIERED_COUNT"), params: ZTieredCountParams }),
  z.object({ method: z.literal("DEDUCTION"), params: ZDeductionParams }),
  z.object({ method: z.literal("SURVEY"), params: ZSurveyParams }),
]);
export type TCriterionMethod = z.infer<typeof ZCriterionMethod>;
export type TScoringMethod = TCriterionMethod["method"];

import { z } from "zod";

export const ZGradingBand = z.object({
  label: z.string().trim().min(1),
  /** Inclusive lower bound in thousandths of a percent (90% → 90000). */
  minPercentThousandths: z.number().int().min(0).max(100_000),
});
export type TGradingBand = z.infer<typeof ZGradingBand>;

/**
 * The band of a published index %. Bands apply to the figure as published (rounded), so a unit
 * shown at 90,00% is never put in the band below.
 */
export function findBand(percentThousandths: number, bands: readonly TGradingBand[]): TGradingBand | null {
  const descending = [...bands].sort((a, b) => b.minPercentThousandths - a.minPercentThousandths);
  return descending.find((band) => percentThousandths >= band.minPercentThousandths) ?? null;
}

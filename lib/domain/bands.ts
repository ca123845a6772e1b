import { z } from "zod";

import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { formatThousandths, toThousandths } from "./points";

export const ZGradingBand = z.object({
  label: z.string().trim().min(1),
  /** Inclusive lower bound in thousandths of a percent (90% → 90000). */
  minPercentThousandths: z.number().int(),
});
export type TGradingBand = z.infer<typeof ZGradingBand>;

/** A band as stored (its lower bound a database decimal, e.g. Prisma's Decimal) in thousandths. */
export function storedBand(band: { label: string; minPercent: { toFixed(digits: number): string } }): TGradingBand {
  return { label: band.label, minPercentThousandths: toThousandths(band.minPercent.toFixed(3)) };
}

export type BandProblemCode = keyof typeof vi.domain.bandProblems;
export type BandProblem = { code: BandProblemCode; message: string };

/**
 * Bands are inclusive lower bounds, so they cover 0–100% without gaps exactly when the lowest
 * starts at 0, and without overlaps exactly when no two share a bound. Returns every problem.
 */
export function validateBands(bands: readonly TGradingBand[]): BandProblem[] {
  const problems: BandProblem[] = [];
  const report = (code: BandProblemCode, values: Record<string, string> = {}) =>
    problems.push({ code, message: interpolate(vi.domain.bandProblems[code], values) });
  if (bands.length === 0) {
    report("NO_BANDS");
    return problems;
  }
  const seenMins = new Set<number>();
  const seenLabels = new Set<string>();
  for (const band of bands) {
    if (band.minPercentThousandths < 0 || band.minPercentThousandths > 100_000) report("MIN_OUT_OF_RANGE", { label: band.label });
    if (seenMins.has(band.minPercentThousandths)) {
      report("DUPLICATE_MIN", { min: formatThousandths(band.minPercentThousandths).replace(/\.?0+$/, "").replace(".", ",") });
    }
    if (seenLabels.has(band.label.trim())) report("DUPLICATE_LABEL", { label: band.label });
    seenMins.add(band.minPercentThousandths);
    seenLabels.add(band.label.trim());
  }
  if (!seenMins.has(0)) report("NO_ZERO_BAND");
  return problems;
}

/**
 * The band of a published index %. Bands apply to the figure as published (rounded), so a unit
 * shown at 90,00% is never put in the band below.
 */
export function findBand(percentThousandths: number, bands: readonly TGradingBand[]): TGradingBand | null {
  let found: TGradingBand | null = null;
  for (const band of bands) {
    // The highest lower bound the figure reaches, whatever order the bands come in.
    if (percentThousandths >= band.minPercentThousandths && (found === null || band.minPercentThousandths > found.minPercentThousandths)) {
      found = band;
    }
  }
  return found;
}

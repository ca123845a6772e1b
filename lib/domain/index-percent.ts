import { divideHalfUpSafe, formatThousandths } from "./points";

export type Precision = 2 | 3;

export type IndexPercent = {
  /** The published figure as a decimal string, e.g. "91.79" (precision 2) or "91.790" (3). */
  text: string;
  /** The same figure in thousandths of a percent (91.79% → 91790), for comparisons and bands. */
  thousandths: number;
};

/**
 * Index % = total / max × 100, rounded half-up at the year's published precision, computed from the
 * exact totals (thousandths of a point) — never from rounded parts — as provinces publish it.
 */
export function computeIndexPercent(totalThousandths: number, maxThousandths: number, precision: Precision): IndexPercent {
  if (maxThousandths <= 0) throw new RangeError("The maximum points must be positive");
  const units = divideHalfUpSafe(totalThousandths * 100 * 10 ** precision, maxThousandths);
  const thousandths = units * 10 ** (3 - precision);
  const fixed = formatThousandths(thousandths);
  return { text: fixed.slice(0, fixed.length - (3 - precision)), thousandths };
}

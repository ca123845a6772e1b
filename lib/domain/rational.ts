import { divideHalfUp } from "./points";

// Exact fractions for figures that are means of ratios (province statistics): a mean of
// total/max over units with different maxima has no exact representation in thousandths, so it is
// carried as a fraction and rounded once, at the end.

/**
 * numerator / denominator, with a positive denominator. `makeRational` reduces to lowest terms;
 * `sumRationals` does not (see there). Every function here accepts unreduced values.
 */
export type Rational = { readonly numerator: bigint; readonly denominator: bigint };

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The fraction in lowest terms, sign carried by the numerator. Throws on a zero denominator. */
export function makeRational(numerator: bigint, denominator: bigint): Rational {
  if (denominator === 0n) throw new RangeError("Denominator must not be zero");
  const sign = denominator < 0n ? -1n : 1n;
  const divisor = gcd(numerator, denominator);
  return { numerator: (sign * numerator) / divisor, denominator: (sign * denominator) / divisor };
}

/**
 * The exact sum of many fractions, not reduced. Terms need not be reduced (each must have a positive
 * denominator). Terms are grouped by denominator first, so the cost grows with the number of
 * distinct denominators, not of terms: 3,500 agencies over a handful of distinct maxima cost a
 * handful of big-integer operations.
 *
 * The groups are then added pairwise in a balanced tree over the product of their denominators,
 * with no gcd: with thousands of distinct denominators that product (or their least common
 * multiple) runs to thousands of digits, where one gcd costs more than everything else and adding
 * the groups one by one costs quadratic time. The tree keeps 3,500 distinct maxima to a few ms.
 * Rounding does not need lowest terms; reduce with `makeRational` when the numbers are small.
 */
export function sumRationals(terms: Iterable<Rational>): Rational {
  const numeratorByDenominator = new Map<bigint, bigint>();
  for (const term of terms) {
    if (term.denominator <= 0n) throw new RangeError("Denominator must be positive");
    numeratorByDenominator.set(term.denominator, (numeratorByDenominator.get(term.denominator) ?? 0n) + term.numerator);
  }
  const groups = [...numeratorByDenominator].map(([denominator, numerator]) => ({ numerator, denominator }));
  return groups.length === 0 ? { numerator: 0n, denominator: 1n } : sumBalanced(groups, 0, groups.length);
}

function sumBalanced(groups: readonly Rational[], start: number, end: number): Rational {
  if (end - start === 1) return groups[start] as Rational;
  const middle = (start + end) >>> 1;
  const left = sumBalanced(groups, start, middle);
  const right = sumBalanced(groups, middle, end);
  return {
    numerator: left.numerator * right.denominator + right.numerator * left.denominator,
    denominator: left.denominator * right.denominator,
  };
}

/**
 * The value × 10^decimals rounded half-up to an integer (an exact half rounds away from zero, as
 * `divideHalfUp` does): 80.905 at 2 decimals → 8091n.
 */
export function roundHalfUpToUnits(value: Rational, decimals: number): bigint {
  assertDecimals(decimals);
  return divideHalfUp(value.numerator * 10n ** BigInt(decimals), value.denominator);
}

/** An integer count of 10^-decimals as fixed-decimal text: (8090n, 2) → "80.90"; (-5n, 3) → "-0.005". */
export function formatUnits(units: bigint, decimals: number): string {
  assertDecimals(decimals);
  const sign = units < 0n ? "-" : "";
  const digits = (units < 0n ? -units : units).toString().padStart(decimals + 1, "0");
  const integerPart = digits.slice(0, digits.length - decimals);
  return decimals === 0 ? `${sign}${integerPart}` : `${sign}${integerPart}.${digits.slice(digits.length - decimals)}`;
}

/** Rounded half-up to `decimals` and written with exactly that many: 809/10 at 2 → "80.90". */
export function toFixedHalfUp(value: Rational, decimals: number): string {
  return formatUnits(roundHalfUpToUnits(value, decimals), decimals);
}

function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`Not a count of decimals: ${decimals}`);
}

// Points are exact: integer thousandths of a point, never binary floats in sums.
// 1 point = 1000; 0.25 = 250. Thousandths cover 3-decimal publications and every step in use.

export const POINT_SCALE = 1000;

const DECIMAL_PATTERN = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Parses "12.5", "0.25", 2 or "91.790" into thousandths. Throws on more than 3 decimals. */
export function toThousandths(value: string | number): number {
  if (typeof value === "number" && Number.isFinite(value)) {
    // Fast path, same answer as the text path: a double stands for a decimal of at most 3 places
    // exactly when rounding it to thousandths gives it back.
    const thousandths = Math.round(value * POINT_SCALE);
    if (thousandths / POINT_SCALE === value && Number.isSafeInteger(thousandths)) return thousandths === 0 ? 0 : thousandths;
  }
  const text = typeof value === "number" ? numberToPlainString(value) : value.trim();
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) throw new RangeError(`Not a decimal number: "${text}"`);
  const [, sign, integerPart = "0", fractionPart = ""] = match;
  const significantFraction = fractionPart.replace(/0+$/, "");
  if (significantFraction.length > 3) {
    throw new RangeError(`More than 3 decimals cannot be stored exactly: "${text}"`);
  }
  const thousandths = Number(integerPart) * POINT_SCALE + Number(significantFraction.padEnd(3, "0"));
  if (!Number.isSafeInteger(thousandths)) throw new RangeError(`Out of range: "${text}"`);
  return sign ? -thousandths : thousandths;
}

/** 91790 → "91.790" (always 3 decimals, as Prisma Decimal(9,3) accepts and returns). */
export function formatThousandths(thousandths: number): string {
  if (!Number.isSafeInteger(thousandths)) throw new RangeError(`Not an integer: ${thousandths}`);
  const sign = thousandths < 0 ? "-" : "";
  const absolute = Math.abs(thousandths);
  const integerPart = Math.floor(absolute / POINT_SCALE);
  const fractionPart = String(absolute % POINT_SCALE).padStart(3, "0");
  return `${sign}${integerPart}.${fractionPart}`;
}

/** Rounds the exact ratio numerator/denominator (integers, denominator > 0) half-up to an integer. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("Denominator must be positive");
  const isNegative = numerator < 0n;
  const absolute = isNegative ? -numerator : numerator;
  const rounded = (2n * absolute + denominator) / (2n * denominator);
  return isNegative ? -rounded : rounded;
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  // toString gives the shortest round-trip form ("0.1", "91.79"); exponents only for extremes.
  const text = String(value);
  if (/e/i.test(text)) throw new RangeError(`Number out of range for points: ${text}`);
  return text;
}

/**
 * divideHalfUp for plain integers: exact while 2 × |numerator| + denominator is a safe integer
 * (then the floating quotient is corrected by integer remainders), BigInt otherwise. The engine
 * runs it for every domain of every agency, where BigInt would dominate the time.
 */
export function divideHalfUpSafe(numerator: number, denominator: number): number {
  const doubled = 2 * Math.abs(numerator) + denominator;
  const divisor = 2 * denominator;
  if (!Number.isSafeInteger(doubled) || !Number.isSafeInteger(divisor) || denominator <= 0) {
    return Number(divideHalfUp(BigInt(numerator), BigInt(denominator)));
  }
  let quotient = Math.floor(doubled / divisor);
  // The floating division can be one off near an integer; integer remainders settle it exactly.
  while (quotient * divisor > doubled) quotient--;
  while ((quotient + 1) * divisor <= doubled) quotient++;
  return numerator < 0 && quotient !== 0 ? -quotient : quotient;
}

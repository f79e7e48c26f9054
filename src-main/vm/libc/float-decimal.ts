/**
 * Exact decimal and hexadecimal digits of a double, as glibc's printf produces them.
 *
 * A finite double is exactly mantissa × 2^exponent. glibc prints that exact binary value rounded
 * to the requested number of digits, ties to even (the default rounding mode). We do the same with
 * BigInt fractions, so 0.1 with 20 decimals shows its true binary digits and 1e308 with %f shows
 * all 309 digits.
 */

/** A positive rational number num / den. */
interface Fraction {
  num: bigint;
  den: bigint;
}

const bitsView = new DataView(new ArrayBuffer(8));

/** The raw IEEE-754 fields of x: sign bit, biased exponent (0..2047), 52-bit fraction. */
export function doubleFields(x: number): { negative: boolean; biasedExponent: number; fraction: bigint } {
  bitsView.setFloat64(0, x);
  const high = bitsView.getUint32(0);
  const low = bitsView.getUint32(4);
  return {
    negative: (high >>> 31) === 1,
    biasedExponent: (high >>> 20) & 0x7ff,
    fraction: (BigInt(high & 0xfffff) << 32n) | BigInt(low),
  };
}

/** Whether the sign bit of x is set (true for -0.0 and for negative NaNs the engine keeps). */
export function signBit(x: number): boolean {
  bitsView.setFloat64(0, x);
  return (bitsView.getUint8(0) & 0x80) !== 0;
}

/** |x| (finite, non-zero) as an exact fraction. */
function exactFraction(x: number): Fraction {
  const { biasedExponent, fraction } = doubleFields(x);
  const mantissa = biasedExponent === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biasedExponent === 0 ? 1 : biasedExponent) - 1075;
  if (exponent >= 0) return { num: mantissa << BigInt(exponent), den: 1n };
  return { num: mantissa, den: 1n << BigInt(-exponent) };
}

const powersOfTen: bigint[] = [1n];

/** 10^n as a BigInt (n >= 0), cached. */
export function powerOfTen(n: number): bigint {
  while (powersOfTen.length <= n) powersOfTen.push(powersOfTen[powersOfTen.length - 1] * 10n);
  return powersOfTen[n];
}

/** f × 10^k as a fraction (k may be negative). */
function scaleByPowerOfTen(f: Fraction, k: number): Fraction {
  return k >= 0 ? { num: f.num * powerOfTen(k), den: f.den } : { num: f.num, den: f.den * powerOfTen(-k) };
}

/** num / den rounded to the nearest integer, ties to even. */
export function divideRoundHalfEven(num: bigint, den: bigint): bigint {
  const quotient = num / den;
  const twiceRemainder = (num - quotient * den) * 2n;
  if (twiceRemainder > den || (twiceRemainder === den && (quotient & 1n) === 1n)) return quotient + 1n;
  return quotient;
}

/**
 * |x| rounded to `precision` digits after the point, for %f. Returns the digits before the point
 * (at least "0") and exactly `precision` digits after it. x must be finite.
 */
export function fixedDigits(x: number, precision: number): { integer: string; fraction: string } {
  if (x === 0) return { integer: '0', fraction: '0'.repeat(precision) };
  const magnitude = Math.abs(x);
  let digits: string;
  if (Number.isSafeInteger(magnitude)) {
    digits = magnitude.toString() + '0'.repeat(precision);
  } else {
    const scaled = scaleByPowerOfTen(exactFraction(x), precision);
    digits = divideRoundHalfEven(scaled.num, scaled.den).toString();
  }
  if (digits.length <= precision) digits = '0'.repeat(precision + 1 - digits.length) + digits;
  const split = digits.length - precision;
  return { integer: digits.slice(0, split), fraction: digits.slice(split) };
}

/** The decimal exponent e with 10^e <= f < 10^(e+1), starting from a floating point guess. */
function decimalExponent(f: Fraction, guess: number): number {
  let e = guess;
  for (;;) {
    const scaled = scaleByPowerOfTen(f, -e);
    if (scaled.num < scaled.den) e -= 1;
    else if (scaled.num >= scaled.den * 10n) e += 1;
    else return e;
  }
}

/**
 * |x| rounded to `precision` + 1 significant digits, for %e and %g: the digit string (exactly
 * precision + 1 digits) and the decimal exponent of its first digit; `carried` says rounding
 * made it a power of ten one digit longer (9.99 -> 1.00e+01). x must be finite; zero gives
 * all zeros and exponent 0.
 */
export function scientificDigits(x: number, precision: number): { digits: string; exponent: number; carried: boolean } {
  if (x === 0) return { digits: '0'.repeat(precision + 1), exponent: 0, carried: false };
  const f = exactFraction(x);
  let exponent = decimalExponent(f, Math.floor(Math.log10(Math.abs(x))));
  const scaled = scaleByPowerOfTen(f, precision - exponent);
  let digits = divideRoundHalfEven(scaled.num, scaled.den).toString();
  const carried = digits.length > precision + 1;
  if (carried) {
    // Rounding carried into a new digit (9.99 -> 10.0): the value is a power of ten.
    digits = digits.slice(0, precision + 1);
    exponent += 1;
  }
  return { digits, exponent, carried };
}

/** Hex digits for %a: leading digit, fraction digits, binary exponent. */
export interface HexDigits {
  leading: number;
  fraction: string;
  exponent: number;
}

/**
 * The hexadecimal form of |x| for %a: the leading digit, the fraction digits and the binary
 * exponent, as glibc prints them. Normal numbers lead with 1 (2 after rounding up), subnormals
 * with 0 and exponent -1022, zero is 0 with exponent 0. precision < 0 means "as many digits as
 * needed" (trailing zeros dropped); otherwise the fraction is rounded to that many digits, ties
 * to even. x must be finite.
 */
export function hexDigits(x: number, precision: number): HexDigits {
  const { biasedExponent, fraction } = doubleFields(x);
  const isZero = biasedExponent === 0 && fraction === 0n;
  const leading = biasedExponent === 0 ? 0 : 1;
  const exponent = isZero ? 0 : biasedExponent === 0 ? -1022 : biasedExponent - 1023;
  return roundHex(leading, fraction, 13, exponent, precision);
}

/**
 * The hexadecimal form of |x| converted to an x87 long double, for %La: glibc prints the 64-bit
 * mantissa with its explicit integer bit, so the leading digit is 8..f (1.5 is 0xcp-3). Doubles
 * that are subnormal are normal long doubles. x must be finite.
 */
export function longDoubleHexDigits(x: number, precision: number): HexDigits {
  if (x === 0) return roundHex(0, 0n, 15, 0, precision);
  const { biasedExponent, fraction } = doubleFields(x);
  let mantissa = biasedExponent === 0 ? fraction : fraction | (1n << 52n);
  let exponent = (biasedExponent === 0 ? 1 : biasedExponent) - 1023;
  while (mantissa < 1n << 52n) {
    mantissa <<= 1n;
    exponent -= 1;
  }
  const mantissa64 = mantissa << 11n;
  return roundHex(Number(mantissa64 >> 60n), mantissa64 & ((1n << 60n) - 1n), 15, exponent - 3, precision);
}

/**
 * Formats leading.fraction (fraction has `digitCount` hex digits) to `precision` digits, ties to
 * even; a leading digit that overflows past f becomes 1 with the exponent raised by 4, as glibc.
 */
function roundHex(leading: number, fraction: bigint, digitCount: number, exponent: number, precision: number): HexDigits {
  const full = fraction.toString(16).padStart(digitCount, '0');
  if (precision < 0) return { leading, fraction: full.replace(/0+$/, ''), exponent };
  if (precision >= digitCount) return { leading, fraction: full + '0'.repeat(precision - digitCount), exponent };
  const fractionBits = BigInt(4 * digitCount);
  const keptBits = BigInt(4 * precision);
  const rounded = divideRoundHalfEven((BigInt(leading) << fractionBits) | fraction, 1n << (fractionBits - keptBits));
  let newLeading = Number(rounded >> keptBits);
  if (newLeading > 15) {
    newLeading = 1;
    exponent += 4;
  }
  const kept = rounded & ((1n << keptBits) - 1n);
  return { leading: newLeading, fraction: precision === 0 ? '' : kept.toString(16).padStart(precision, '0'), exponent };
}

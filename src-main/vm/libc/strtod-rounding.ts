/**
 * The two number syntaxes of strtod after the sign: decimal (1.5e3) and hexadecimal (0x1.8p1),
 * rounded to the nearest double (ties to even) and with glibc's ERANGE rule: overflow, or a
 * result that is tiny (below DBL_MIN when rounded to 53 bits with unbounded exponent, which is
 * how x86 detects tininess) and inexact.
 */
import { divideRoundHalfEven, powerOfTen } from './float-decimal.ts';

export interface ParsedFloat {
  /** the unsigned value */
  value: number;
  /** index after the number */
  end: number;
  erange: boolean;
}

/** Exponents beyond this magnitude make any number overflow or underflow; clamp to it. */
const EXPONENT_LIMIT = 100_000;
const DBL_MIN = 2 ** -1022;

function isDecimalDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

function hexDigitValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  const lower = b | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/** Digits of a mantissa (with at most one point) at bytes[i] in the given radix. */
function scanMantissa(bytes: Uint8Array, i: number, isDigit: (b: number) => boolean): { digits: string; fractionLength: number; end: number } {
  let digits = '';
  let fractionLength = 0;
  let seenPoint = false;
  for (; i < bytes.length; i++) {
    const b = bytes[i];
    if (isDigit(b)) {
      digits += String.fromCharCode(b);
      if (seenPoint) fractionLength++;
    } else if (b === 0x2e && !seenPoint) {
      seenPoint = true;
    } else {
      break;
    }
  }
  return { digits, fractionLength, end: i };
}

/** An exponent part at bytes[i] starting with one of `letters` ("eE" or "pP"), if well formed. */
function scanExponent(bytes: Uint8Array, i: number, letters: string): { exponent: number; end: number } {
  if (i >= bytes.length || !letters.includes(String.fromCharCode(bytes[i]))) return { exponent: 0, end: i };
  let j = i + 1;
  const negative = bytes[j] === 0x2d;
  if (negative || bytes[j] === 0x2b) j++;
  if (j >= bytes.length || !isDecimalDigit(bytes[j])) return { exponent: 0, end: i };
  let exponent = 0;
  for (; j < bytes.length && isDecimalDigit(bytes[j]); j++) exponent = Math.min(exponent * 10 + (bytes[j] - 0x30), EXPONENT_LIMIT);
  return { exponent: negative ? -exponent : exponent, end: j };
}

/**
 * A decimal floating number (digits, optional point, optional e exponent) at bytes[i], or null
 * when there is no digit. JS's Number() is correctly rounded, so it gives the value; ERANGE
 * needs the exact decimal only for results at or below DBL_MIN.
 */
export function parseDecimalFloat(bytes: Uint8Array, i: number): ParsedFloat | null {
  const mantissa = scanMantissa(bytes, i, isDecimalDigit);
  if (mantissa.digits.length === 0) return null;
  const exp = scanExponent(bytes, mantissa.end, 'eE');
  let text = '';
  for (let k = i; k < exp.end; k++) text += String.fromCharCode(bytes[k]);
  const value = Number(text);
  let erange = value === Infinity;
  if (value <= DBL_MIN) erange = decimalUnderflows(mantissa.digits, exp.exponent - mantissa.fractionLength, value);
  return { value, end: exp.end, erange };
}

/** Whether digits × 10^exponent, which rounded to `value` (<= DBL_MIN), is tiny and inexact. */
function decimalUnderflows(digits: string, exponent: number, value: number): boolean {
  const significant = digits.replace(/^0+/, '');
  if (significant.length === 0) return false; // zero is exact
  if (significant.length - 1 + exponent < -400) return true; // far below the smallest subnormal
  if (exponent >= 0) return false;
  const m = BigInt(significant);
  const scale = powerOfTen(-exponent); // value = m / scale
  // tiny: m / scale < 2^-1022 - 2^-1076, i.e. m * 2^1076 < (2^54 - 1) * scale
  const tiny = (m << 1076n) < ((1n << 54n) - 1n) * scale;
  // exact: m / scale == k * 2^-1074 where k = value * 2^1074
  const k = BigInt(value * 2 ** 1000 * 2 ** 74);
  const exact = (m << 1074n) === k * scale;
  return tiny && !exact;
}

/**
 * A hexadecimal floating number after its "0x" at bytes[i] (the caller checked that a hex digit
 * follows, possibly after a point): hex digits, optional point, optional p exponent.
 */
export function parseHexFloat(bytes: Uint8Array, i: number): ParsedFloat {
  const mantissa = scanMantissa(bytes, i, (b) => hexDigitValue(b) >= 0);
  const exp = scanExponent(bytes, mantissa.end, 'pP');
  const m = BigInt('0x' + mantissa.digits);
  const rounded = roundBinary(m, exp.exponent - 4 * mantissa.fractionLength);
  return { ...rounded, end: exp.end };
}

/** m × 2^e rounded to a double, ties to even, with glibc's ERANGE rule. */
function roundBinary(m: bigint, e: number): { value: number; erange: boolean } {
  if (m === 0n) return { value: 0, erange: false };
  const top = m.toString(2).length - 1 + e; // 2^top <= value < 2^(top+1)
  if (top > 1100) return { value: Infinity, erange: true };
  if (top < -1100) return { value: 0, erange: true };
  const quantum = Math.max(top - 52, -1074);
  let rounded: bigint;
  let inexact = false;
  if (e >= quantum) {
    rounded = m << BigInt(e - quantum);
  } else {
    const divisor = 1n << BigInt(quantum - e);
    rounded = divideRoundHalfEven(m, divisor);
    inexact = m % divisor !== 0n;
  }
  const value = Number(rounded) * 2 ** quantum;
  if (value === Infinity) return { value, erange: true };
  return { value, erange: inexact && isTiny(m, e, top) };
}

/** Whether m × 2^e (top = its binary exponent) rounded to 53 bits, exponent unbounded, is below DBL_MIN. */
function isTiny(m: bigint, e: number, top: number): boolean {
  if (top >= -1022) return false;
  if (top < -1023) return true;
  // top = -1023: tiny unless rounding to 53 bits carries up to 2^-1022.
  const shift = top - 52 - e;
  const rounded53 = shift > 0 ? divideRoundHalfEven(m, 1n << BigInt(shift)) : m << BigInt(-shift);
  return rounded53 < 1n << 53n;
}

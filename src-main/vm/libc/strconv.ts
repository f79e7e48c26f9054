/**
 * Number parsing as glibc does it: strtol/strtoul/strtoll/strtoull (parseInteger) and strtod
 * (parseDouble), including where parsing stops (endptr) and when errno becomes ERANGE/EINVAL.
 * Positions are indexes into the given bytes; "no number" gives end = start (endptr = nptr).
 */
import { parseDecimalFloat, parseHexFloat } from './strtod-rounding.ts';

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);
const ULONG_MAX = (1n << 64n) - 1n;
/** Below this an accumulator in a JS number stays exact after one more base-36 digit. */
const SAFE_ACCUMULATOR = Math.floor(Number.MAX_SAFE_INTEGER / 36);

/** C's isspace in the C locale: space \t \n \v \f \r. */
export function isCSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

/** The value of b as a digit in bases up to 36 (0-9, a-z, A-Z), or 99. */
function digitValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x61 && b <= 0x7a) return b - 0x61 + 10;
  if (b >= 0x41 && b <= 0x5a) return b - 0x41 + 10;
  return 99;
}

/** Index of the first byte at or after i that is not white space. */
function skipSpace(bytes: Uint8Array, i: number): number {
  while (i < bytes.length && isCSpace(bytes[i])) i++;
  return i;
}

/** Whether bytes[i], bytes[i+1] are "0x"/"0X" followed by a digit of base 16. */
function hasHexPrefix(bytes: Uint8Array, i: number): boolean {
  return bytes[i] === 0x30 && (bytes[i + 1] | 0x20) === 0x78 && i + 2 < bytes.length && digitValue(bytes[i + 2]) < 16;
}

/**
 * glibc strtol/strtoul/strtoll/strtoull: skips leading white space, optional sign, base 0 or
 * 2..36 (0x/0X prefix for 16 and 0, leading 0 for octal with base 0), stops at the first
 * invalid character. `end` is the index just past the number (start when there are no digits:
 * endptr = nptr; "0x" without hex digits ends after the "0"). On overflow the value is clamped
 * to LONG_MIN/LONG_MAX (ULONG_MAX) and erange is set; strtoul accepts a minus sign and negates
 * modulo 2^64. An invalid base gives einval (glibc then leaves endptr untouched; we say start).
 */
export function parseInteger(
  bytes: Uint8Array, start: number, base: number, kind: 'long' | 'ulong',
): { value: bigint; end: number; erange: boolean; einval: boolean } {
  if (base < 0 || base === 1 || base > 36) return { value: 0n, end: start, erange: false, einval: true };
  let i = skipSpace(bytes, start);
  const negative = bytes[i] === 0x2d;
  if (negative || bytes[i] === 0x2b) i++;
  if ((base === 0 || base === 16) && hasHexPrefix(bytes, i)) {
    base = 16;
    i += 2;
  } else if (base === 0) {
    base = bytes[i] === 0x30 ? 8 : 10;
  }
  const digitsStart = i;
  const magnitude = readMagnitude(bytes, i, base);
  if (magnitude.end === digitsStart) return { value: 0n, end: start, erange: false, einval: false };
  return { ...clampInteger(magnitude.value, negative, kind), end: magnitude.end, einval: false };
}

/** Reads digits of `base` at bytes[i]: their value and the index after them. */
function readMagnitude(bytes: Uint8Array, i: number, base: number): { value: bigint; end: number } {
  let small = 0;
  while (i < bytes.length && small < SAFE_ACCUMULATOR) {
    const d = digitValue(bytes[i]);
    if (d >= base) return { value: BigInt(small), end: i };
    small = small * base + d;
    i++;
  }
  let value = BigInt(small);
  const bigBase = BigInt(base);
  for (; i < bytes.length; i++) {
    const d = digitValue(bytes[i]);
    if (d >= base) break;
    if (value <= ULONG_MAX) value = value * bigBase + BigInt(d); // past that, only the end matters
  }
  return { value, end: i };
}

/** Applies the sign and glibc's overflow rules for strtol (long) or strtoul (ulong). */
function clampInteger(magnitude: bigint, negative: boolean, kind: 'long' | 'ulong'): { value: bigint; erange: boolean } {
  if (kind === 'ulong') {
    if (magnitude > ULONG_MAX) return { value: ULONG_MAX, erange: true };
    return { value: negative ? BigInt.asUintN(64, -magnitude) : magnitude, erange: false };
  }
  if (negative) return magnitude > -LONG_MIN ? { value: LONG_MIN, erange: true } : { value: -magnitude, erange: false };
  return magnitude > LONG_MAX ? { value: LONG_MAX, erange: true } : { value: magnitude, erange: false };
}

/** Whether the bytes at i spell `word`, ignoring case (word is lower case ASCII). */
function matchesWord(bytes: Uint8Array, i: number, word: string): boolean {
  if (i + word.length > bytes.length) return false;
  for (let k = 0; k < word.length; k++) if ((bytes[i + k] | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/** A quiet NaN with the given sign and the low 51 bits of payload as its mantissa (glibc's
 *  SET_NAN_PAYLOAD). The engine keeps NaN bits when the value is only stored and loaded. */
function quietNaN(negative: boolean, payload: bigint): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, (negative ? 1n << 63n : 0n) | (0xfffn << 51n) | (payload & ((1n << 51n) - 1n)));
  return view.getFloat64(0);
}

/** "inf", "infinity" or "nan", "nan(chars)" at bytes[i] with the sign applied, or null.
 *  In "nan(chars)" the chars, read as by strtoull base 0, become the NaN's payload. */
function parseSpecialFloat(bytes: Uint8Array, i: number, negative: boolean): { value: number; end: number } | null {
  if (matchesWord(bytes, i, 'infinity')) return { value: negative ? -Infinity : Infinity, end: i + 8 };
  if (matchesWord(bytes, i, 'inf')) return { value: negative ? -Infinity : Infinity, end: i + 3 };
  if (!matchesWord(bytes, i, 'nan')) return null;
  const open = i + 3;
  if (bytes[open] !== 0x28 /* ( */) return { value: quietNaN(negative, 0n), end: open };
  let close = open + 1;
  while (close < bytes.length && (digitValue(bytes[close]) < 36 || bytes[close] === 0x5f /* _ */)) close++;
  if (bytes[close] !== 0x29 /* ) */) return { value: quietNaN(negative, 0n), end: open };
  const payload = parseInteger(bytes.subarray(0, close), open + 1, 0, 'ulong');
  return { value: quietNaN(negative, payload.end === close ? payload.value : 0n), end: close + 1 };
}

/**
 * glibc strtod (decimal and hex floats, inf, infinity, nan, nan(chars)), for atof/strtod.
 * The value is correctly rounded (ties to even). erange is set on overflow (±inf) and on
 * underflow: a result that is tiny (below DBL_MIN after rounding to 53 bits) and inexact.
 */
export function parseDouble(bytes: Uint8Array, start: number): { value: number; end: number; erange: boolean } {
  let i = skipSpace(bytes, start);
  const negative = bytes[i] === 0x2d;
  if (negative || bytes[i] === 0x2b) i++;
  const special = parseSpecialFloat(bytes, i, negative);
  if (special) return { ...special, erange: false };
  const parsed = hasHexFloatPrefix(bytes, i) ? parseHexFloat(bytes, i + 2) : parseDecimalFloat(bytes, i);
  if (!parsed) return { value: 0, end: start, erange: false };
  return { value: negative ? -parsed.value : parsed.value, end: parsed.end, erange: parsed.erange };
}

/** "0x" followed by a hex digit, or by '.' and a hex digit. */
function hasHexFloatPrefix(bytes: Uint8Array, i: number): boolean {
  if (bytes[i] !== 0x30 || (bytes[i + 1] | 0x20) !== 0x78) return false;
  const next = i + 2 < bytes.length ? digitValue(bytes[i + 2]) : 99;
  if (next < 16) return true;
  return bytes[i + 2] === 0x2e && i + 3 < bytes.length && digitValue(bytes[i + 3]) < 16;
}

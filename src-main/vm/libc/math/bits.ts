/**
 * Doubles as their 64-bit patterns, as two 32-bit words (the high word holds the sign and the
 * exponent), for the bit manipulations glibc's math code does with asuint64 and asdouble.
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** The high word (sign, exponent, top 20 bits of the fraction) of x. */
export function highWord(x: number): number {
  f64[0] = x;
  return u32[1];
}

/** The low word (bottom 32 bits of the fraction) of x. */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[0];
}

/** The double whose bit pattern is high:low. */
export function fromWords(high: number, low: number): number {
  u32[0] = low;
  u32[1] = high;
  return f64[0];
}

/** The NaN that x86's SSE instructions produce for an invalid operation (0/0, inf-inf): -nan. */
export const DEFAULT_NAN = fromWords(0xfff80000, 0);

/** errno values the math functions set. */
export const EDOM = 33;
export const ERANGE = 34;

/** Where a math function reports the errno it sets (glibc's wrappers set it on a domain or range error). */
export interface MathErrno {
  set(code: number): void;
}

/** __math_invalid: the NaN of an invalid operation, EDOM unless x is already a NaN. */
export function invalid(x: number, errno: MathErrno): number {
  if (Number.isNaN(x)) return quiet(x);
  errno.set(EDOM);
  return DEFAULT_NAN;
}

/** x, a NaN, quieted (as the hardware passes a NaN operand through). */
export function quiet(x: number): number {
  f64[0] = x;
  u32[1] |= 0x00080000;
  return f64[0];
}

/** __math_oflow: ±inf with ERANGE. */
export function overflow(negative: boolean, errno: MathErrno): number {
  errno.set(ERANGE);
  return negative ? -Infinity : Infinity;
}

/** __math_uflow: ±0 with ERANGE. */
export function underflow(negative: boolean, errno: MathErrno): number {
  errno.set(ERANGE);
  return negative ? -0 : 0;
}

/** __math_divzero: ±inf with ERANGE (a pole, such as log(0)). */
export function divideByZero(negative: boolean, errno: MathErrno): number {
  errno.set(ERANGE);
  return negative ? -Infinity : Infinity;
}

/** __math_check_oflow: ERANGE when the result overflowed to infinity. */
export function checkOverflow(y: number, errno: MathErrno): number {
  if (!Number.isFinite(y)) errno.set(ERANGE);
  return y;
}

/** __math_check_uflow: ERANGE when the result underflowed to zero. */
export function checkUnderflow(y: number, errno: MathErrno): number {
  if (y === 0) errno.set(ERANGE);
  return y;
}

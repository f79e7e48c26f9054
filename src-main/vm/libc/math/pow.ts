/**
 * pow(x, y) as glibc 2.36 computes it on x86-64 with FMA (__ieee754_pow_fma: ARM
 * optimized-routines' pow, sysdeps/ieee754/dbl-64/e_pow.c, built with -mfma), each fused
 * multiply-add of that build an fma here, so the results agree bit for bit.
 *
 * x^y = exp(y × log(x)), with log(x) computed to about 68 bits (a hi and a lo part) and the
 * product split exactly, then exp of the two parts (exp.ts, expCore). The special cases (zeros,
 * infinities, NaNs, negative x with an integer y, results that overflow or underflow) are
 * glibc's, with its errno.
 */
import { fma } from './fma.ts';
import { POW_LOG_DATA } from './glibc-tables.ts';
import { expCore } from './exp.ts';
import { divideByZero, fromWords, highWord, invalid, lowWord, overflow, underflow, type MathErrno } from './bits.ts';

// struct pow_log_data: ln2hi, ln2lo, poly A[7], tab {invc, pad, logc, logctail}
const LN2_HI = POW_LOG_DATA[0];
const LN2_LO = POW_LOG_DATA[1];
const A = POW_LOG_DATA.subarray(2, 9);
const TAB = 9;

const SIGN_BIAS = 1 << 18;

/** log_inline: log(x) as hi + lo for the bit pattern high:low of a positive normal x. */
function logInline(high: number, low: number): { hi: number; lo: number } {
  // tmp = ix - 0x3fe6955500000000: the low word is unchanged
  const tmpHigh = (high - 0x3fe69555) >>> 0;
  const i = (tmpHigh >>> 13) & 0x7f;
  const k = (tmpHigh | 0) >> 20;
  const z = fromWords((high - (tmpHigh & 0xfff00000)) >>> 0, low);
  const kd = k;
  const invc = POW_LOG_DATA[TAB + 4 * i];
  const logc = POW_LOG_DATA[TAB + 4 * i + 2];
  const logctail = POW_LOG_DATA[TAB + 4 * i + 3];
  const r = fma(z, invc, -1.0);
  const t1 = fma(kd, LN2_HI, logc);
  const t2 = t1 + r;
  const lo1 = fma(kd, LN2_LO, logctail);
  const lo2 = t1 - t2 + r;
  const ar = A[0] * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = fma(ar, r, -ar2);
  const lo4 = t2 - hi + ar2;
  const poly = fma(ar2, fma(fma(r, A[6], A[5]), ar2, fma(r, A[4], A[3])), fma(r, A[2], A[1]));
  const lo = fma(ar3, poly, lo1 + lo2 + lo3 + lo4);
  const y = hi + lo;
  return { hi: y, lo: hi - y + lo };
}

/** checkint: 0 when y (bits high:low, non-zero and finite) is not an integer, 1 when odd, 2 when even. */
function checkInt(high: number, low: number): 0 | 1 | 2 {
  const e = (high >>> 20) & 0x7ff;
  if (e < 0x3ff) return 0;
  if (e > 0x3ff + 52) return 2;
  const shift = 0x3ff + 52 - e; // the bit of y worth 1 is bit `shift` of the 64
  const below = shift === 0 ? 0 : shift <= 32 ? low & ((2 ** shift - 1) >>> 0) : low | (high & ((1 << (shift - 32)) - 1));
  if (below !== 0) return 0;
  const unitBit = shift < 32 ? (low >>> shift) & 1 : (high >>> (shift - 32)) & 1;
  return unitBit ? 1 : 2;
}

/** True for the bit pattern of 0, ±inf or NaN (zeroinfnan). */
function zeroInfNan(high: number, low: number): boolean {
  const h = high & 0x7fffffff;
  return (h === 0 && low === 0) || h >= 0x7ff00000;
}

/** The special cases where y is 0, ±inf or NaN. */
function specialY(x: number, y: number): number {
  if (y === 0) return 1.0;
  if (x === 1.0) return 1.0;
  if (Number.isNaN(x) || Number.isNaN(y)) return x + y;
  if (Math.abs(x) === 1.0) return 1.0;
  if ((Math.abs(x) < 1.0) === (y > 0)) return 0.0;
  return y * y;
}

/** pow(x, y), with glibc's errno: EDOM for a negative x and a non-integer y, ERANGE on overflow, underflow and 0^negative. */
export function pow(x: number, y: number, errno: MathErrno): number {
  let signBias = 0;
  let ixHigh = highWord(x);
  let ixLow = lowWord(x);
  const iyHigh = highWord(y);
  const iyLow = lowWord(y);
  let topx = ixHigh >>> 20;
  const topy = iyHigh >>> 20;
  if (((topx - 0x001) >>> 0) >= 0x7ff - 0x001 || (((topy & 0x7ff) - 0x3be) >>> 0) >= 0x43e - 0x3be) {
    if (zeroInfNan(iyHigh, iyLow)) return specialY(x, y);
    if (zeroInfNan(ixHigh, ixLow)) {
      let x2 = x * x;
      if (ixHigh >>> 31 && checkInt(iyHigh, iyLow) === 1) {
        x2 = -x2;
        signBias = 1;
      }
      if (x === 0 && iyHigh >>> 31) return divideByZero(signBias !== 0, errno);
      return iyHigh >>> 31 ? 1 / x2 : x2;
    }
    // x and y are finite and non-zero
    if (ixHigh >>> 31) {
      const yint = checkInt(iyHigh, iyLow);
      if (yint === 0) return invalid(x, errno);
      if (yint === 1) signBias = SIGN_BIAS;
      ixHigh &= 0x7fffffff;
      topx &= 0x7ff;
    }
    if ((((topy & 0x7ff) - 0x3be) >>> 0) >= 0x43e - 0x3be) {
      const xIsOne = ixHigh === 0x3ff00000 && ixLow === 0;
      if (xIsOne) return 1.0;
      const xAboveOne = ixHigh > 0x3ff00000 || (ixHigh === 0x3ff00000 && ixLow > 0);
      if ((topy & 0x7ff) < 0x3be) return xAboveOne ? 1.0 + y : 1.0 - y;
      return xAboveOne === topy < 0x800 ? overflow(false, errno) : underflow(false, errno);
    }
    if (topx === 0) {
      // subnormal x: normalise so that the exponent becomes negative
      const scaled = x * 2 ** 52;
      ixHigh = ((highWord(scaled) & 0x7fffffff) - 0x03400000) >>> 0;
      ixLow = lowWord(scaled);
    }
  }
  const l = logInline(ixHigh, ixLow);
  const ehi = y * l.hi;
  const elo = fma(y, l.lo, fma(l.hi, y, -ehi));
  return expCore(ehi, elo, signBias, errno);
}

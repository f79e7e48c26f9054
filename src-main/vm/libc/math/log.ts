/**
 * log(x) as glibc 2.36 computes it on x86-64 with FMA (__ieee754_log_fma: ARM optimized-routines'
 * log, sysdeps/ieee754/dbl-64/e_log.c, built with -mfma), each fused multiply-add of that build
 * an fma here, so the results agree bit for bit.
 *
 * log(x) = k ln2 + log(c) + log1p(z/c - 1) with x = 2^k z and c the centre of one of 128
 * subintervals of z's range (a table gives 1/c and log(c)); near 1 a polynomial of x - 1.
 */
import { fma } from './fma.ts';
import { LOG_DATA } from './glibc-tables.ts';
import { divideByZero, fromWords, highWord, invalid, lowWord, type MathErrno } from './bits.ts';

// struct log_data as libm lays it out: ln2hi, ln2lo, poly A[5], poly1 B[11], tab {invc, logc}
const LN2_HI = LOG_DATA[0];
const LN2_LO = LOG_DATA[1];
const A = LOG_DATA.subarray(2, 7);
const B = LOG_DATA.subarray(7, 18);
const TAB = 18;

/** x - 1 near 1 (within 1 - 2^-4 .. 1 + 0x1.09p-4): the long polynomial, with hi/lo care for r². */
function logNearOne(x: number): number {
  if (x === 1.0) return 0;
  const r = x - 1.0;
  const r2 = r * r;
  const r3 = r * r2;
  const p1 = fma(r2, B[3], fma(r, B[2], B[1]));
  const p2 = fma(r2, B[6], fma(r, B[5], B[4]));
  const p3 = fma(r3, B[10], fma(r2, B[9], fma(r, B[8], B[7])));
  const poly = fma(fma(p3, r3, p2), r3, p1);
  const rw = fma(r, 2 ** 27, r);
  const rhi = fma(-(2 ** 27), r, rw);
  const rlo = r - rhi;
  const rhi2 = rhi * rhi;
  const hi = fma(rhi2, B[0], r);
  let lo = fma(rhi2, B[0], r - hi);
  lo = fma(B[0] * rlo, r + rhi, lo);
  const y = fma(poly, r3, lo);
  return hi + y;
}

/** log(x), with glibc's errno: ERANGE at 0 (-inf), EDOM below 0 (-nan). */
export function log(x: number, errno: MathErrno): number {
  let high = highWord(x);
  let low = lowWord(x);
  // ix - asuint64(1.0 - 0x1p-4) < asuint64(1.0 + 0x1.09p-4) - asuint64(1.0 - 0x1p-4)
  if (((high - 0x3fee0000) >>> 0) < 0x30900) return logNearOne(x);
  const top = high >>> 16;
  if (((top - 0x0010) >>> 0) >= 0x7ff0 - 0x0010) {
    if (x === 0) return divideByZero(true, errno);
    if (x === Infinity) return x;
    if (top & 0x8000 || (top & 0x7ff0) === 0x7ff0) return invalid(x, errno);
    // subnormal: normalise
    const scaled = x * 2 ** 52;
    high = (highWord(scaled) - 0x03400000) >>> 0; // ix -= 52 << 52
    low = lowWord(scaled);
  }
  // tmp = ix - 0x3fe6000000000000: the low word is unchanged
  const tmpHigh = (high - 0x3fe60000) >>> 0;
  const i = (tmpHigh >>> 13) & 0x7f;
  const k = (tmpHigh | 0) >> 20;
  const z = fromWords((high - (tmpHigh & 0xfff00000)) >>> 0, low);
  const invc = LOG_DATA[TAB + 2 * i];
  const logc = LOG_DATA[TAB + 2 * i + 1];
  const kd = k;
  const r = fma(z, invc, -1.0);
  const w = fma(kd, LN2_HI, logc);
  const hi = r + w;
  const lo = fma(kd, LN2_LO, w - hi + r);
  const r2 = r * r;
  const poly = fma(fma(r, A[4], A[3]), r2, fma(r, A[2], A[1]));
  return fma(r * r2, poly, fma(r2, A[0], lo)) + hi;
}

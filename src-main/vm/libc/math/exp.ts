/**
 * exp(x) as glibc 2.36 computes it on x86-64 with FMA (__ieee754_exp_fma: ARM optimized-routines'
 * exp, sysdeps/ieee754/dbl-64/e_exp.c, built with -mfma). Every multiply-add that gcc fused in
 * that build is an fma here, in the same order, so the results agree bit for bit.
 *
 * exp(x) = 2^(k/N) × exp(r) with x = k ln2/N + r, N = 128: a table gives 2^(k/N) as a scale and a
 * tail, and a degree-5 polynomial gives exp(r).
 */
import { fma } from './fma.ts';
import { EXP_DATA } from './glibc-tables.ts';
import { checkOverflow, checkUnderflow, fromWords, highWord, lowWord, overflow, underflow, type MathErrno } from './bits.ts';

const EXP_WORDS = new Uint32Array(EXP_DATA.buffer);

// struct exp_data as libm lays it out
const INV_LN2_N = EXP_DATA[0];
const NEG_LN2_HI_N = EXP_DATA[1];
const NEG_LN2_LO_N = EXP_DATA[2];
const C2 = EXP_DATA[3];
const C3 = EXP_DATA[4];
const C4 = EXP_DATA[5];
const C5 = EXP_DATA[6];
const SHIFT = EXP_DATA[7];
/** index of tab[0] in EXP_DATA */
const TAB = 14;

const TOP12_TINY = 0x3c9; // top12(0x1p-54)
const TOP12_512 = 0x408; // top12(512.0)
const TOP12_1024 = 0x409; // top12(1024.0)

/**
 * specialcase of e_exp.c / e_pow.c: scale × (1 + tmp) when the scale's exponent may have
 * overflowed (k > 0) or the result may be subnormal (k < 0). `signed`: pow's variant for a
 * negative scale (for a positive one the two variants compute the same).
 */
function specialCase(tmp: number, scaleHigh: number, scaleLow: number, kLow: number, signed: boolean, errno: MathErrno): number {
  if ((kLow & 0x80000000) === 0) {
    const scale = fromWords((scaleHigh - 0x3f100000) >>> 0, scaleLow); // sbits -= 1009 << 52
    return checkOverflow(2 ** 1009 * fma(scale, tmp, scale), errno);
  }
  const high = (scaleHigh + 0x3fe00000) >>> 0; // sbits += 1022 << 52
  const scale = fromWords(high, scaleLow);
  const product = scale * tmp;
  let y = scale + product;
  if (signed ? Math.abs(y) < 1.0 : y < 1.0) {
    const one = signed && y < 0.0 ? -1.0 : 1.0;
    let lo = scale - y + product;
    const hi = one + y;
    lo = one - hi + y + lo;
    y = hi + lo - one;
    if (y === 0) y = signed ? fromWords(high & 0x80000000, 0) : 0;
  }
  return checkUnderflow(2 ** -1022 * y, errno);
}

/**
 * exp_inline of e_pow.c (and, with xtail 0 and no sign, the body of exp): sign × e^(x + xtail).
 * `signBias` is 0 or pow's SIGN_BIAS (1 << 18), which makes the result negative.
 */
export function expCore(x: number, xtail: number, signBias: number, errno: MathErrno): number {
  let abstop = (highWord(x) >>> 20) & 0x7ff;
  if (((abstop - TOP12_TINY) >>> 0) >= TOP12_512 - TOP12_TINY) {
    if (abstop < TOP12_TINY) {
      const one = 1.0 + x;
      return signBias ? -one : one;
    }
    if (abstop >= TOP12_1024) return highWord(x) >>> 31 ? underflow(signBias !== 0, errno) : overflow(signBias !== 0, errno);
    abstop = 0;
  }
  const shifted = fma(x, INV_LN2_N, SHIFT);
  const kLow = lowWord(shifted);
  const kd = shifted - SHIFT;
  let r = fma(kd, NEG_LN2_LO_N, fma(kd, NEG_LN2_HI_N, x));
  r = xtail + r;
  const idx = 2 * (kLow & 0x7f);
  const tail = EXP_DATA[TAB + idx];
  // sbits = tab[idx + 1] + ((ki + signBias) << 45): only the high word changes
  const scaleLow = EXP_WORDS[2 * (TAB + idx + 1)];
  const scaleHigh = (EXP_WORDS[2 * (TAB + idx + 1) + 1] + (((kLow + signBias) << 13) >>> 0)) >>> 0;
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, C5, C4), fma(fma(r, C3, C2), r2, r + tail));
  if (abstop === 0) return specialCase(tmp, scaleHigh, scaleLow, kLow, signBias !== 0, errno);
  const scale = fromWords(scaleHigh, scaleLow);
  return fma(scale, tmp, scale);
}

/** exp(x), with glibc's errno: ERANGE on overflow and underflow. */
export function exp(x: number, errno: MathErrno): number {
  if (x === -Infinity) return 0;
  if (Number.isNaN(x) || x === Infinity) return 1.0 + x;
  return expCore(x, 0, 0, errno);
}

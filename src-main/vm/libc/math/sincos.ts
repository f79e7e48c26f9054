/**
 * sin(x) and cos(x) as glibc 2.36 computes them on x86-64 with FMA (__sin_fma, __cos_fma: IBM's
 * Accurate Mathematical Library, sysdeps/ieee754/dbl-64/s_sin.c built with -mfma; __branred from
 * branred.c built without). Each multiply-add that gcc fused in that build is an fma here, in the
 * same order, so the results agree bit for bit.
 *
 * The argument is reduced to a + da in [-pi/4, pi/4] with a quadrant n (by multiples of pi/2
 * split into three parts, or __branred's multi-word 2/pi beyond 105414350); a table gives sin and
 * cos of the nearest multiple of 1/128, and short polynomials the rest.
 */
import { fma } from './fma.ts';
import { SINCOS_TABLE } from './glibc-tables.ts';
import { EDOM, fromWords, highWord, lowWord, quiet, DEFAULT_NAN, type MathErrno } from './bits.ts';

// usncs.h and s_sin.c
const S1 = fromWords(0xbfc55555, 0x55555555);
const S2 = fromWords(0x3f811111, 0x11110ece);
const S3 = fromWords(0xbf2a01a0, 0x19db08b8);
const S4 = fromWords(0x3ec71de2, 0x7b9a7ed9);
const S5 = fromWords(0xbe5addff, 0xc2fcdf59);
const BIG = 52776558133248; // 0x1.8p45
const HP0 = fromWords(0x3ff921fb, 0x54442d18);
const HP1 = fromWords(0x3c91a626, 0x33145c07);
const MP1 = fromWords(0x3ff921fb, 0x58000000);
const MP2 = fromWords(0xbe4dde97, 0x3c000000);
const PP3 = fromWords(0xbc8cb3b3, 0x98000000);
const PP4 = fromWords(0xbacd747f, 0x23e32ed7);
const HPINV = fromWords(0x3fe45f30, 0x6dc9c883);
const TOINT = 6755399441055744; // 0x1.8p52
const SN3 = fromWords(0xbfc55555, 0x55555515);
const SN5 = fromWords(0x3f811110, 0xe829872f);
const CS2 = 0.5;
const CS4 = fromWords(0xbfa55555, 0x55555535);
const CS6 = fromWords(0x3f56c16b, 0xedd9e239);

/** copysign(x, y) */
function copySign(x: number, y: number): number {
  return (highWord(y) >>> 31) === (highWord(x) >>> 31) ? x : -x;
}

/** The table entry nearest |x| (in steps of 1/128): its index in SINCOS_TABLE, and |x| less that point. */
function tableEntry(ax: number): { k: number; rest: number } {
  const u = BIG + ax;
  return { k: (lowWord(u) << 2) | 0, rest: ax - (u - BIG) };
}

/** TAYLOR_SIN: sin(x + dx) for small x. */
function taylorSin(x: number, dx: number): number {
  const xx = x * x;
  const poly = fma(xx, fma(xx, fma(xx, fma(xx, S5, S4), S3), S2), S1);
  return x + fma(xx, fma(poly, x, -(0.5 * dx)), dx);
}

/** do_sin: sin(x + dx), |x| < pi/4. */
function doSin(x: number, dx: number): number {
  if (Math.abs(x) < 0.126) return taylorSin(x, dx);
  const d = x <= 0 ? -dx : dx;
  const { k, rest: r } = tableEntry(Math.abs(x));
  const xx = r * r;
  const s = r + fma(r * xx, fma(xx, SN5, SN3), d);
  const c = fma(r, d, xx * fma(xx, fma(xx, CS6, CS4), CS2));
  const sn = SINCOS_TABLE[k];
  const ssn = SINCOS_TABLE[k + 1];
  const cs = SINCOS_TABLE[k + 2];
  const ccs = SINCOS_TABLE[k + 3];
  const cor = fma(s, cs, fma(-c, sn, fma(s, ccs, ssn)));
  return copySign(sn + cor, x);
}

/** do_cos: cos(x + dx), |x| < pi/4. */
function doCos(x: number, dx: number): number {
  const d = x < 0 ? -dx : dx;
  const entry = tableEntry(Math.abs(x));
  const r = entry.rest + d;
  const k = entry.k;
  const xx = r * r;
  const s = fma(r * xx, fma(xx, SN5, SN3), r);
  const c = xx * fma(xx, fma(xx, CS6, CS4), CS2);
  const sn = SINCOS_TABLE[k];
  const ssn = SINCOS_TABLE[k + 1];
  const cs = SINCOS_TABLE[k + 2];
  const ccs = SINCOS_TABLE[k + 3];
  const cor = fma(-s, sn, fma(-c, cs, fma(-s, ssn, ccs)));
  return cs + cor;
}

/** reduce_sincos: x = n pi/2 + a + da for |x| < 105414350; returns n mod 4. */
function reduce(x: number): { n: number; a: number; da: number } {
  const t = fma(x, HPINV, TOINT);
  const xn = t - TOINT;
  const n = lowWord(t) & 3;
  const y = fma(-xn, MP2, fma(-xn, MP1, x));
  const t2 = fma(-xn, PP3, y);
  let db = fma(-xn, PP3, y - t2);
  const b = fma(-xn, PP4, t2);
  db += fma(-xn, PP4, t2 - b);
  return { n, a: b, da: db };
}

/** do_sincos: sin (n even) or cos (n odd) of a + da, negated in quadrants 2 and 3. */
function doSinCos(a: number, da: number, n: number): number {
  const value = n & 1 ? doCos(a, da) : doSin(a, da);
  return n & 2 ? -value : value;
}

// ---- __branred (branred.c, plain arithmetic)

const TOVERP = [
  10680707.0, 7228996.0, 1387004.0, 2578385.0, 16069853.0, 12639074.0, 9804092.0, 4427841.0, 16666979.0, 11263675.0,
  12935607.0, 2387514.0, 4345298.0, 14681673.0, 3074569.0, 13734428.0, 16653803.0, 1880361.0, 10960616.0, 8533493.0,
  3062596.0, 8710556.0, 7349940.0, 6258241.0, 3772886.0, 3769171.0, 3798172.0, 8675211.0, 12450088.0, 3874808.0,
  9961438.0, 366607.0, 15675153.0, 9132554.0, 7151469.0, 3571407.0, 2607881.0, 12013382.0, 4155038.0, 6285869.0,
  7677882.0, 13102053.0, 15825725.0, 473591.0, 9065106.0, 15363067.0, 6271263.0, 9264392.0, 5636912.0, 4652155.0,
  7056368.0, 13614112.0, 10155062.0, 1944035.0, 9527646.0, 15080200.0, 6658437.0, 6231200.0, 6832269.0, 16767104.0,
  5075751.0, 3212806.0, 1398474.0, 7579849.0, 6349435.0, 12618859.0, 4703257.0, 12806093.0, 14477321.0, 2786137.0,
  12875403.0, 9837734.0, 14528324.0, 13719321.0, 343717.0,
];
const T576 = 2 ** 576;
const TM600 = 2 ** -600;
const TM24 = 2 ** -24;
const BRANRED_BIG = 6755399441055744; // 0x1.8p52
const BIG1 = 27021597764222976; // 0x1.8p54
const BRANRED_MP2 = fromWords(0xbe4dde97, 0x40000000);
const SPLIT = 134217729;

/** One half of __branred's product of x by 2/pi: (sum, b, bb) for the part xp of x. */
function branredPart(xp: number): { sum: number; b: number; bb: number } {
  let k = ((((highWord(xp) | 0) >> 20) & 2047) - 450) / 24;
  k = k < 0 ? 0 : Math.trunc(k);
  let gor = fromWords((highWord(T576) - ((k * 24) << 20)) >>> 0, 0);
  const r: number[] = [];
  for (let i = 0; i < 6; i++) {
    r[i] = xp * TOVERP[k + i] * gor;
    gor *= TM24;
  }
  let sum = 0;
  for (let i = 0; i < 3; i++) {
    const s = r[i] + BRANRED_BIG - BRANRED_BIG;
    sum += s;
    r[i] -= s;
  }
  let t = 0;
  for (let i = 0; i < 6; i++) t += r[5 - i];
  let bb = r[0] - t + r[1] + r[2] + r[3] + r[4] + r[5];
  let s = t + BRANRED_BIG - BRANRED_BIG;
  sum += s;
  t -= s;
  const b = t + bb;
  bb = t - b + bb;
  s = sum + BIG1 - BIG1;
  sum -= s;
  return { sum, b, bb };
}

/** __branred: x = n pi/2 + a + aa for large |x|, to about 130 bits; returns n mod 4. */
function branred(x0: number): { n: number; a: number; da: number } {
  const x = x0 * TM600;
  const t0 = x * SPLIT;
  const x1 = t0 - (t0 - x);
  const x2 = x - x1;
  const p1 = branredPart(x1);
  const p2 = branredPart(x2);
  let sum = p1.sum + p2.sum;
  let b = p1.b + p2.b;
  let bb = Math.abs(p1.b) > Math.abs(p2.b) ? p1.b - b + p2.b : p2.b - b + p1.b;
  if (b > 0.5) {
    b -= 1.0;
    sum += 1.0;
  } else if (b < -0.5) {
    b += 1.0;
    sum -= 1.0;
  }
  let s = b + (bb + p1.bb + p2.bb);
  let t = b - s + bb + (p1.bb + p2.bb);
  b = s * SPLIT;
  const t1 = b - (b - s);
  const t2 = s - t1;
  b = s * HP0;
  bb = t1 * MP1 - b + t1 * BRANRED_MP2 + t2 * MP1 + (t2 * BRANRED_MP2 + s * HP1 + t * HP0);
  s = b + bb;
  t = b - s + bb;
  return { n: Math.trunc(sum) & 3, a: s, da: t };
}

/** sin(x), with glibc's errno: EDOM for ±inf (the result is -nan). */
export function sin(x: number, errno: MathErrno): number {
  const k = highWord(x) & 0x7fffffff;
  if (k < 0x3e500000) return x;
  if (k < 0x3feb6000) return doSin(x, 0);
  if (k < 0x400368fd) return copySign(doCos(HP0 - Math.abs(x), HP1), x);
  if (k < 0x419921fb) {
    const r = reduce(x);
    return doSinCos(r.a, r.da, r.n);
  }
  if (k < 0x7ff00000) {
    const r = branred(x);
    return doSinCos(r.a, r.da, r.n);
  }
  return notFinite(x, errno);
}

/** cos(x), with glibc's errno: EDOM for ±inf (the result is -nan). */
export function cos(x: number, errno: MathErrno): number {
  const k = highWord(x) & 0x7fffffff;
  if (k < 0x3e400000) return 1.0;
  if (k < 0x3feb6000) return doCos(x, 0);
  if (k < 0x400368fd) {
    const y = HP0 - Math.abs(x);
    const a = y + HP1;
    const da = y - a + HP1;
    return doSin(a, da);
  }
  if (k < 0x419921fb) {
    const r = reduce(x);
    return doSinCos(r.a, r.da, r.n + 1);
  }
  if (k < 0x7ff00000) {
    const r = branred(x);
    return doSinCos(r.a, r.da, r.n + 1);
  }
  return notFinite(x, errno);
}

/** x / x for an infinity or a NaN: -nan with EDOM for ±inf, the NaN itself (quieted) otherwise. */
function notFinite(x: number, errno: MathErrno): number {
  if (Number.isNaN(x)) return quiet(x);
  errno.set(EDOM);
  return DEFAULT_NAN;
}

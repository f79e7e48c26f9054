/**
 * math.h's functions. exp, log, pow, sin and cos are glibc's own algorithms (math/), which give
 * results equal to glibc's bit for bit; the rest are exact operations (sqrt is correctly rounded,
 * floor and fmod are exact) with glibc's special values and errno: sqrt(-1) and fmod(x, 0) are
 * -nan with EDOM, exp(1000) is inf with ERANGE, and so on. The float forms here are the exact
 * ones (sqrtf, floorf…), whose results do not depend on the algorithm.
 */
import { native, type NativeCall, type NativeTable } from './native.ts';
import { exp } from './math/exp.ts';
import { log } from './math/log.ts';
import { pow } from './math/pow.ts';
import { cos, sin } from './math/sincos.ts';
import { DEFAULT_NAN, EDOM, fromWords, highWord, lowWord, quiet, type MathErrno } from './math/bits.ts';

/** The calling program's errno, for the math functions. */
function errnoOf(c: NativeCall): MathErrno {
  return { set: (code) => c.setErrno(code) };
}

/** fabs: the sign bit cleared (also of a NaN). */
function fabs(x: number): number {
  return fromWords(highWord(x) & 0x7fffffff, lowWord(x));
}

/** sqrt: correctly rounded; -nan with EDOM below zero (sqrt(-0) is -0). */
function sqrt(x: number, errno: MathErrno): number {
  if (x < 0) {
    errno.set(EDOM);
    return DEFAULT_NAN;
  }
  return Number.isNaN(x) ? quiet(x) : Math.sqrt(x);
}

/** round: halfway cases away from zero (Math.round rounds them up). */
function round(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? quiet(x) : x;
  const t = Math.trunc(x);
  return Math.abs(x - t) >= 0.5 ? t + Math.sign(x) : t;
}

/** fmod: exact; -nan with EDOM for an infinite x or a zero y. */
function fmod(x: number, y: number, errno: MathErrno): number {
  if (Number.isNaN(x)) return quiet(x);
  if (Number.isNaN(y)) return quiet(y);
  if (!Number.isFinite(x) || y === 0) {
    errno.set(EDOM);
    return DEFAULT_NAN;
  }
  return x % y;
}

/** fmin / fmax: a NaN argument is ignored unless both are NaNs. */
function fminmax(x: number, y: number, max: boolean): number {
  if (Number.isNaN(x)) return Number.isNaN(y) ? quiet(x) : y;
  if (Number.isNaN(y)) return x;
  return max ? (x > y || (x === y && !Object.is(x, -0)) ? x : y) : x < y || (x === y && Object.is(x, -0)) ? x : y;
}

/** floor, ceil, trunc keep a NaN's bits (quieted). */
function integral(f: (x: number) => number, x: number): number {
  return Number.isNaN(x) ? quiet(x) : f(x);
}

const FP_NAN = 0;
const FP_INFINITE = 1;
const FP_ZERO = 2;
const FP_SUBNORMAL = 3;
const FP_NORMAL = 4;

/** fpclassify as gcc's builtin answers for a double. */
function classify(x: number): number {
  if (Number.isNaN(x)) return FP_NAN;
  if (!Number.isFinite(x)) return FP_INFINITE;
  if (x === 0) return FP_ZERO;
  return Math.abs(x) < 2 ** -1022 ? FP_SUBNORMAL : FP_NORMAL;
}

export const MATH_NATIVES: NativeTable = {
  sqrt: native('f64', (c) => sqrt(c.f64(0), errnoOf(c))),
  fabs: native('f64', (c) => fabs(c.f64(0))),
  floor: native('f64', (c) => integral(Math.floor, c.f64(0))),
  ceil: native('f64', (c) => integral(Math.ceil, c.f64(0))),
  trunc: native('f64', (c) => integral(Math.trunc, c.f64(0))),
  round: native('f64', (c) => round(c.f64(0))),
  fmod: native('f64', (c) => fmod(c.f64(0), c.f64(1), errnoOf(c))),
  fmin: native('f64', (c) => fminmax(c.f64(0), c.f64(1), false)),
  fmax: native('f64', (c) => fminmax(c.f64(0), c.f64(1), true)),
  exp: native('f64', (c) => exp(c.f64(0), errnoOf(c))),
  log: native('f64', (c) => log(c.f64(0), errnoOf(c))),
  pow: native('f64', (c) => pow(c.f64(0), c.f64(1), errnoOf(c))),
  sin: native('f64', (c) => sin(c.f64(0), errnoOf(c))),
  cos: native('f64', (c) => cos(c.f64(0), errnoOf(c))),
  sqrtf: native('f64', (c) => Math.fround(sqrt(c.f64(0), errnoOf(c)))),
  fabsf: native('f64', (c) => fabs(c.f64(0))),
  floorf: native('f64', (c) => integral(Math.floor, c.f64(0))),
  ceilf: native('f64', (c) => integral(Math.ceil, c.f64(0))),
  truncf: native('f64', (c) => integral(Math.trunc, c.f64(0))),
  roundf: native('f64', (c) => round(c.f64(0))),
  fmodf: native('f64', (c) => fmod(c.f64(0), c.f64(1), errnoOf(c))),
  __lab_fpclassify: native('i32', (c) => classify(c.f64(0))),
  __lab_signbit: native('i32', (c) => highWord(c.f64(0)) >>> 31),
  __lab_isinf: native('i32', (c) => {
    const x = c.f64(0);
    return x === Infinity ? 1 : x === -Infinity ? -1 : 0;
  }),
};

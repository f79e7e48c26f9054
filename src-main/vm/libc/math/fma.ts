/**
 * fma(a, b, c): a × b + c rounded once, as the x86-64 vfmadd instructions compute it. glibc's
 * libm on machines with FMA (every x86-64 CPU of the last decade) uses variants of exp, log, pow,
 * sin and cos compiled with FMA, so reproducing their results bit for bit needs it.
 *
 * The fast path is Boldo and Melquiond's emulation (an exact product and sum, then one addition
 * rounded to odd before the final rounding; "Emulation of FMA and correctly rounded sums", IEEE
 * TC 2008), exact whenever nothing overflows or underflows; other operands take an exact path
 * through integers.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const bits64 = new BigUint64Array(f64.buffer);

/** Veltkamp's splitting constant for doubles: 2^27 + 1. */
const SPLIT = 134217729;
/** Operands within these bounds need neither the exact path's range nor its care. */
const SAFE_MAX = 2 ** 500;
const SAFE_MIN = 2 ** -480;

/** x + y rounded to odd: exact when representable, else the neighbour with an odd last bit. */
function addRoundToOdd(x: number, y: number): number {
  const s = x + y;
  const bb = s - x;
  const err = x - (s - bb) + (y - bb);
  if (err === 0) return s;
  f64[0] = s;
  if ((u32[0] & 1) === 1) return s;
  // move one unit in the last place towards the exact value
  const up = (err > 0) === (s > 0);
  const lo = u32[0];
  if (up) {
    u32[0] = lo + 1;
    if (u32[0] === 0) u32[1]++;
  } else {
    u32[0] = lo - 1;
    if (lo === 0) u32[1]--;
  }
  return f64[0];
}

/** a × b + c with one rounding (ties to even). */
export function fma(a: number, b: number, c: number): number {
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  const ac = Math.abs(c);
  if (
    aa < SAFE_MAX && ab < SAFE_MAX && ac < SAFE_MAX * SAFE_MAX &&
    (aa === 0 || aa > SAFE_MIN) && (ab === 0 || ab > SAFE_MIN) && (ac === 0 || ac > SAFE_MIN * SAFE_MIN)
  ) {
    if (a === 0 || b === 0) return a * b + c;
    // exact product: uh + ul = a × b (Dekker)
    const uh = a * b;
    const a1 = a * SPLIT;
    const ah = a1 - (a1 - a);
    const al = a - ah;
    const b1 = b * SPLIT;
    const bh = b1 - (b1 - b);
    const bl = b - bh;
    const ul = ah * bh - uh + ah * bl + al * bh + al * bl;
    // exact sum: th + tl = c + uh (Knuth)
    const th = c + uh;
    const bb = th - c;
    const tl = c - (th - bb) + (uh - bb);
    return th + addRoundToOdd(tl, ul);
  }
  return exactFma(a, b, c);
}

/** x as m × 2^e with an integer m (x finite). */
function parts(x: number): { m: bigint; e: number } {
  f64[0] = x;
  const u = bits64[0];
  const negative = u >> 63n === 1n;
  const exponent = Number((u >> 52n) & 0x7ffn);
  const fraction = u & ((1n << 52n) - 1n);
  const m = exponent === 0 ? fraction : fraction | (1n << 52n);
  return { m: negative ? -m : m, e: (exponent === 0 ? 1 : exponent) - 1075 };
}

/** The double nearest to m × 2^e (ties to even), with overflow to infinity and gradual underflow. */
function toDouble(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const negative = m < 0n;
  let mag = negative ? -m : m;
  const top = mag.toString(2).length - 1 + e; // 2^top <= |value| < 2^(top+1)
  // the unit of the last place of the result
  const quantum = Math.max(top - 52, -1074);
  if (e < quantum) {
    const shift = BigInt(quantum - e);
    const q = mag >> shift;
    const rem = mag - (q << shift);
    const half = 1n << (shift - 1n);
    mag = rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q;
    e = quantum;
  }
  const value = Number(mag) * 2 ** Math.max(e, -1074) * (e < -1074 ? 2 ** (e + 1074) : 1);
  return negative ? -value : value;
}

/** fma by exact integer arithmetic (any finite operands); IEEE rules for inf and NaN. */
function exactFma(a: number, b: number, c: number): number {
  // with unbounded range a finite product never overflows: an infinite c wins
  if (Number.isFinite(a) && Number.isFinite(b) && !Number.isFinite(c)) return c + 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b + c;
  const pa = parts(a);
  const pb = parts(b);
  const pc = parts(c);
  let pm = pa.m * pb.m;
  let pe = pa.e + pb.e;
  let cm = pc.m;
  let ce = pc.e;
  if (pm === 0n) return a * b + c; // the signs of zeros, as the hardware gives them
  if (cm === 0n) {
    cm = 0n;
    ce = pe;
  }
  const e = Math.min(pe, ce);
  pm <<= BigInt(pe - e);
  cm <<= BigInt(ce - e);
  pe = e;
  const sum = pm + cm;
  if (sum === 0n) return a * b + c === 0 ? a * b + c : 0; // exact cancellation gives +0
  return toDouble(sum, pe);
}

/**
 * Run-time helpers of compiled code: the operations too long to write inline in generated
 * JavaScript (64-bit multiply, divide and shifts, conversions that need BigInt, the bit patterns
 * of doubles). Each one computes exactly what the interpreter's case for the same opcode computes.
 *
 * A 64-bit integer travels as two int32 halves (lo, hi). Helpers that produce one return the low
 * half and leave the high half in `R[1]`: compiled code reads it right after the call.
 */
import { codeIndex } from '../../lang/isa.ts';
import { Fault } from '../tlb.ts';

const TWO32 = 4294967296;

/** Scratch for the high half of a 64-bit result (R[1]) and for reinterpreting bits. */
export const R = new Int32Array(2);
const bitsBuffer = new ArrayBuffer(8);
const bitsF64 = new Float64Array(bitsBuffer);
const bitsI32 = new Int32Array(bitsBuffer);

/** The 64 bits lo, hi as an unsigned bigint. */
function bigOf(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

/** Writes the int64 `v` (any bigint, wrapped) as halves: returns lo, R[1] = hi. */
function fromBig(v: bigint): number {
  const w = BigInt.asUintN(64, v);
  R[1] = Number(w >> 32n) | 0;
  return Number(w & 0xffffffffn) | 0;
}

/** Low 32 bits of the 8 bytes of double `x` (a slot read with another kind than it was written). */
export function lo32(x: number): number {
  bitsF64[0] = x;
  R[1] = bitsI32[1];
  return bitsI32[0];
}

/** The double whose 8 bytes are the halves lo, hi. */
export function f64Of(lo: number, hi: number): number {
  bitsI32[0] = lo;
  bitsI32[1] = hi;
  return bitsF64[0];
}

/** Number -> int64 as the interpreter's numberToI64: wraps beyond 2^63; NaN/inf give INT64_MIN. */
export function numberToI64(x: number): number {
  if (Number.isSafeInteger(x)) {
    R[1] = Math.floor(x / TWO32) | 0;
    return x | 0;
  }
  if (Number.isFinite(x)) return fromBig(BigInt(Math.trunc(x)));
  R[1] = -2147483648;
  return 0;
}

/** MUL_I64 */
export function mul64(al: number, ah: number, bl: number, bh: number): number {
  if ((ah === 0 || ah === -1) && (bh === 0 || bh === -1) && ah === al >> 31 && bh === bl >> 31) {
    const p = al * bl;
    if (Number.isSafeInteger(p)) {
      R[1] = Math.floor(p / TWO32) | 0;
      return p | 0;
    }
  }
  return fromBig(bigOf(al, ah) * bigOf(bl, bh));
}

/** DIV_I64 (rem = false) and REM_I64 (rem = true); SIGFPE on zero and on INT64_MIN / -1. */
export function divI64(al: number, ah: number, bl: number, bh: number, rem: boolean): number {
  if (bl === 0 && bh === 0) throw new Fault('SIGFPE', 'divide-by-zero', 0, false);
  const na = BigInt.asIntN(64, bigOf(al, ah));
  const nb = BigInt.asIntN(64, bigOf(bl, bh));
  if (nb === -1n && na === -9223372036854775808n) throw new Fault('SIGFPE', 'divide-overflow', 0, false);
  return fromBig(rem ? na % nb : na / nb);
}

/** DIV_U64 and REM_U64; SIGFPE on zero. */
export function divU64(al: number, ah: number, bl: number, bh: number, rem: boolean): number {
  if (bl === 0 && bh === 0) throw new Fault('SIGFPE', 'divide-by-zero', 0, false);
  const na = bigOf(al, ah);
  const nb = bigOf(bl, bh);
  return fromBig(rem ? na % nb : na / nb);
}

/** DIV_I32 and REM_I32 with x86's faults. */
export function divI32(a: number, b: number, rem: boolean): number {
  if (b === 0) throw new Fault('SIGFPE', 'divide-by-zero', 0, false);
  if (b === -1 && a === -2147483648) throw new Fault('SIGFPE', 'divide-overflow', 0, false);
  return rem ? a % b | 0 : (a / b) | 0;
}

/** DIV_U32 and REM_U32. */
export function divU32(a: number, b: number, rem: boolean): number {
  const ub = b >>> 0;
  if (ub === 0) throw new Fault('SIGFPE', 'divide-by-zero', 0, false);
  return rem ? (a >>> 0) % ub | 0 : ((a >>> 0) / ub) | 0;
}

/** SHL_I64, SHR_I64 (kind 1), SHR_U64 (kind 2) by n & 63. */
export function shift64(lo: number, hi: number, count: number, kind: number): number {
  const n = count & 63;
  if (n === 0) {
    R[1] = hi;
    return lo;
  }
  if (kind === 0) {
    if (n >= 32) {
      R[1] = lo << (n - 32);
      return 0;
    }
    R[1] = (hi << n) | (lo >>> (32 - n));
    return lo << n;
  }
  if (n >= 32) {
    R[1] = kind === 1 ? hi >> 31 : 0;
    return kind === 1 ? hi >> (n - 32) : (hi >>> (n - 32)) | 0;
  }
  R[1] = kind === 1 ? hi >> n : (hi >>> n) | 0;
  return (lo >>> n) | (hi << (32 - n));
}

/** I64_TO_F64 */
export function i64ToF64(lo: number, hi: number): number {
  return hi === 0 || hi === -1 ? hi * TWO32 + (lo >>> 0) : Number(BigInt.asIntN(64, bigOf(lo, hi)));
}

/** U64_TO_F64 */
export function u64ToF64(lo: number, hi: number): number {
  return hi === 0 ? lo >>> 0 : Number(bigOf(lo, hi));
}

/** F64_TO_I64 (and F64_TO_U32, which gcc computes through a signed 64-bit conversion). */
export function f64ToI64(x: number): number {
  const t = Math.trunc(x);
  return t >= -9223372036854775808 && t < 9223372036854775808 ? numberToI64(t) : numberToI64(NaN);
}

/** F64_TO_U64 */
export function f64ToU64(x: number): number {
  const t = Math.trunc(x);
  if (t >= 9223372036854775808 && t < 18446744073709551616) return fromBig(BigInt(t));
  return f64ToI64(t);
}

/**
 * ENTER when the caller pushed `ctx.nargs` arguments and the callee declares `nparams`: drops
 * the deepest extra ones or inserts zeros beneath (as the interpreter's ENTER). Returns the new esp.
 */
export function enterFix(ctx: { evalF64: Float64Array; nargs: number }, esp: number, nparams: number): number {
  const F = ctx.evalF64;
  const nargs = ctx.nargs;
  if (nargs > nparams) {
    const drop = nargs - nparams;
    for (let i = 0; i < nparams; i++) F[esp - nargs + i] = F[esp - nparams + i];
    esp -= drop;
  } else {
    const add = nparams - nargs;
    for (let i = nargs - 1; i >= 0; i--) F[esp - nargs + i + add] = F[esp - nargs + i];
    for (let i = 0; i < add; i++) F[esp - nargs + i] = 0;
    esp += add;
  }
  ctx.nargs = nparams;
  return esp;
}

/** RET: the code index of return address `address`; SIGSEGV when it is not one of this image. */
export function returnTarget(address: number, codeLength: number): number {
  const pc = codeIndex(address, codeLength);
  if (pc < 0) throw new Fault('SIGSEGV', 'bad-return-address', address, false);
  return pc;
}

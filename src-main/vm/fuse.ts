/**
 * Superinstructions: the VM's translation of a program's code for speed.
 *
 * A few instruction sequences make up most of what C loops execute (compare a local with a
 * constant and branch; add a constant to a local and jump back; index an array by a local). The
 * translation replaces the FIRST word of such a sequence with a fused opcode (a number above the
 * ISA's own) and leaves every other word as it was, so:
 *   - the fused instruction reads its operands where the original instructions keep them;
 *   - a jump into the middle of the sequence still finds the original instructions there;
 *   - addresses, return addresses and the pc→line map are unchanged.
 * A fused instruction counts as the steps it stands for, so budgets, quanta and traces do not
 * depend on the translation; when fewer steps are left than it stands for, the CPU runs only the
 * sequence's first instruction instead (see interpreter.ts).
 */
import { Op, OPERANDS } from '../lang/isa.ts';

/** LOAD_LOCAL_I32 a; PUSH_I32 b; CMP_I32; JZ|JNZ t — 7 words, 4 steps */
export const F_CMP_LOCAL_IMM_BRANCH = 200;
/** LOAD_LOCAL_I32 a; LOAD_LOCAL_I32 b; CMP_I32; JZ|JNZ t — 7 words, 4 steps */
export const F_CMP_LOCAL_LOCAL_BRANCH = 201;
/** LOAD_LOCAL_I32 a; PUSH_I32 b; OP_I32 — 5 words, 3 steps */
export const F_ARITH_LOCAL_IMM = 202;
/** LOAD_LOCAL_I32 a; LOAD_LOCAL_I32 b; OP_I32 — 5 words, 3 steps */
export const F_ARITH_LOCAL_LOCAL = 203;
/** ADD_LOCAL_I32 a k; JMP t — 5 words, 2 steps */
export const F_INC_LOCAL_JUMP = 204;
/** LOAD_LOCAL_I32 a; PTR_ADD_I32 s — 4 words, 2 steps */
export const F_PTR_ADD_LOCAL = 205;
/** PUSH_I32 b; CMP_I32; JZ|JNZ t — 5 words, 3 steps */
export const F_CMP_IMM_BRANCH = 206;

const COMPARES = new Set<number>([
  Op.EQ_I32, Op.NE_I32, Op.LT_I32, Op.LE_I32, Op.GT_I32, Op.GE_I32,
  Op.LT_U32, Op.LE_U32, Op.GT_U32, Op.GE_U32,
]);
const ARITH = new Set<number>([
  Op.ADD_I32, Op.SUB_I32, Op.MUL_I32, Op.AND_I32, Op.OR_I32, Op.XOR_I32, Op.SHL_I32, Op.SHR_I32, Op.SHR_U32,
]);

const cache = new WeakMap<Int32Array, Int32Array>();

/** The fused translation of `code` (cached per code array; the original is never changed). */
export function fusedCode(code: Int32Array): Int32Array {
  let fused = cache.get(code);
  if (!fused) {
    fused = fuse(code);
    cache.set(code, fused);
  }
  return fused;
}

/** Builds the translation: walks the instruction stream and marks the starts of known sequences. */
export function fuse(code: Int32Array): Int32Array {
  const out = code.slice();
  const starts: number[] = [];
  for (let pc = 0; pc < code.length; pc += 1 + (OPERANDS[code[pc]] ?? 0)) starts.push(pc);
  const at = (i: number): number => (i < starts.length ? code[starts[i]] : -1);
  for (let i = 0; i < starts.length; i++) {
    const op = at(i);
    const pc = starts[i];
    if (op === Op.LOAD_LOCAL_I32) {
      const next = at(i + 1);
      const third = at(i + 2);
      const fourth = at(i + 3);
      const isBranch = fourth === Op.JZ || fourth === Op.JNZ;
      if (next === Op.PUSH_I32 && COMPARES.has(third) && isBranch) out[pc] = F_CMP_LOCAL_IMM_BRANCH;
      else if (next === Op.LOAD_LOCAL_I32 && COMPARES.has(third) && isBranch) out[pc] = F_CMP_LOCAL_LOCAL_BRANCH;
      else if (next === Op.PUSH_I32 && ARITH.has(third)) out[pc] = F_ARITH_LOCAL_IMM;
      else if (next === Op.LOAD_LOCAL_I32 && ARITH.has(third)) out[pc] = F_ARITH_LOCAL_LOCAL;
      else if (next === Op.PTR_ADD_I32) out[pc] = F_PTR_ADD_LOCAL;
    } else if (op === Op.ADD_LOCAL_I32 && at(i + 1) === Op.JMP) {
      out[pc] = F_INC_LOCAL_JUMP;
    } else if (op === Op.PUSH_I32 && COMPARES.has(at(i + 1)) && (at(i + 2) === Op.JZ || at(i + 2) === Op.JNZ)) {
      out[pc] = F_CMP_IMM_BRANCH;
    }
  }
  return out;
}

/** Evaluates a 32-bit comparison opcode on two int32 values. */
export function compare32(op: number, a: number, b: number): boolean {
  switch (op) {
    case Op.EQ_I32: return a === b;
    case Op.NE_I32: return a !== b;
    case Op.LT_I32: return a < b;
    case Op.LE_I32: return a <= b;
    case Op.GT_I32: return a > b;
    case Op.GE_I32: return a >= b;
    case Op.LT_U32: return a >>> 0 < b >>> 0;
    case Op.LE_U32: return a >>> 0 <= b >>> 0;
    case Op.GT_U32: return a >>> 0 > b >>> 0;
    default: return a >>> 0 >= b >>> 0; // GE_U32
  }
}

/** Evaluates a 32-bit arithmetic opcode (no division: that one can fault). */
export function arith32(op: number, a: number, b: number): number {
  switch (op) {
    case Op.ADD_I32: return (a + b) | 0;
    case Op.SUB_I32: return (a - b) | 0;
    case Op.MUL_I32: return Math.imul(a, b);
    case Op.AND_I32: return a & b;
    case Op.OR_I32: return a | b;
    case Op.XOR_I32: return a ^ b;
    case Op.SHL_I32: return a << (b & 31);
    case Op.SHR_I32: return a >> (b & 31);
    default: return (a >>> (b & 31)) | 0; // SHR_U32
  }
}

/**
 * The CPU: runs a task's bytecode for a bounded number of steps.
 *
 * Two engines give the same results step for step: compiled blocks (jit/: generated JavaScript,
 * used by runSlice wherever it can) and this file's interpreter (interpretSlice: the reference,
 * and what runs library calls, the last steps of a slice and code that is not compiled).
 *
 * The whole state lives in the task's CpuContext (pc, sp, fp, the evaluation stack) and in its
 * memory, reached only through the TLB. The loop copies the registers into locals for speed and
 * writes them back whenever it stops: at the end of the slice, around every library or system
 * call, and at a fault. That is all a context switch needs.
 *
 * Slots of the evaluation stack are 8 bytes: I32 values use the low half (evalI32[2*s]), I64 both
 * halves, F64 and PTR the whole slot as a double (evalF64[s]). See lang/isa.ts.
 */
import { Op, codeIndex, codeAddress } from '../lang/isa.ts';
import type { ProgramImage } from '../lang/image.ts';
import { growEvalStack, type CpuContext } from '../kernel/context.ts';
import { Fault, Tlb } from './tlb.ts';
import { arith32, compare32, fusedCode } from './fuse.ts';
import { divI32, divU32, enterFix } from './jit/runtime.ts';
import { compiledImage } from './jit/compiled-image.ts';
import { Exit, type ExitRecord } from './jit/codegen.ts';
import {
  ld8, ldu8, ld16, ldu16, ld32, ldf32, ldf64, ld64, ldptr,
  st8, st16, st32, stf32, stf64, st64, stptr, copyBytes, fillBytes,
} from './memory-ops.ts';

/** What the CPU needs from the machine around it. */
export interface CpuHost {
  /**
   * Runs library function or system call `id`. The context has been saved with pc on the
   * CALL_BUILTIN instruction and the arguments on the evaluation stack. The host pops the
   * arguments, pushes the result and advances pc past the instruction, or leaves everything
   * as it is to re-run the call later (a blocked system call). Returns true when the CPU may
   * carry on with this task, false when the slice must end (blocked, exited, rescheduled).
   */
  builtin(ctx: CpuContext, id: number, nargs: number, kinds: number): boolean;
}

export const enum SliceEnd {
  /** the step budget ran out */
  Budget = 0,
  /** a builtin ended the slice (the task blocked, exited, or the scheduler wants to switch) */
  Yield = 1,
  /** the CPU raised a fault: see the `fault` argument */
  Fault = 2,
}

export interface SliceResult {
  end: SliceEnd;
  steps: number;
  fault: Fault | null;
  /** pc of the faulting instruction */
  faultPc: number;
}

const TWO32 = 4294967296;
const EVAL_HEADROOM = 256;

const entryTables = new WeakMap<ProgramImage, Uint8Array>();

/** Marks the code words that start a function (valid targets of an indirect call). */
function functionEntries(image: ProgramImage): Uint8Array {
  let table = entryTables.get(image);
  if (!table) {
    table = new Uint8Array(image.code.length + 1);
    for (const f of image.functions) table[f.entryPc] = 1;
    entryTables.set(image, table);
  }
  return table;
}


// ---- 64-bit helpers over the halves of a slot ----

function i64ToNumber(I: Int32Array, s: number): number {
  return I[2 * s + 1] * TWO32 + (I[2 * s] >>> 0);
}
/** Writes a number (an integer, possibly beyond 2^53 or negative) into slot s as int64, wrapping. */
function numberToI64(I: Int32Array, B: BigInt64Array, s: number, x: number): void {
  if (Number.isSafeInteger(x)) {
    I[2 * s] = x | 0;
    I[2 * s + 1] = Math.floor(x / TWO32) | 0;
  } else if (Number.isFinite(x)) {
    B[s] = BigInt.asIntN(64, BigInt(Math.trunc(x)));
  } else {
    // x86's cvttsd2si gives the "integer indefinite" value for NaN and out-of-range doubles
    I[2 * s] = 0;
    I[2 * s + 1] = -2147483648;
  }
}
function cmpI64(I: Int32Array, a: number, b: number): number {
  const ha = I[2 * a + 1];
  const hb = I[2 * b + 1];
  if (ha !== hb) return ha < hb ? -1 : 1;
  const la = I[2 * a] >>> 0;
  const lb = I[2 * b] >>> 0;
  return la === lb ? 0 : la < lb ? -1 : 1;
}
function cmpU64(I: Int32Array, a: number, b: number): number {
  const ha = I[2 * a + 1] >>> 0;
  const hb = I[2 * b + 1] >>> 0;
  if (ha !== hb) return ha < hb ? -1 : 1;
  const la = I[2 * a] >>> 0;
  const lb = I[2 * b] >>> 0;
  return la === lb ? 0 : la < lb ? -1 : 1;
}

/**
 * Switches for the CPU: `compile` runs compiled blocks (jit/), otherwise only the interpreter;
 * `compileAfter`: a function is compiled once the CPU came to it that many times uncompiled
 * (each time it interprets up to 1,024 steps): short runs, and code that runs little, stay
 * interpreted and never pay for compiling (CompiledImage.enter). 0 compiles at first use.
 */
export const cpuSettings = { compile: true, compileAfter: 128 };

const exitRecord: ExitRecord = { kind: Exit.Jump, fault: null, faultPc: 0, host: { builtin: () => false }, image: null };

/**
 * Runs the task whose context is `ctx` for at most `budget` steps (instructions).
 * Contract: on return the context holds the exact state to resume from. On a fault, pc is the
 * faulting instruction, the registers and the evaluation stack are as they were before it, the
 * steps count it, and `fault` says what happened; nothing after it has run.
 *
 * Runs compiled blocks (jit/codegen.ts) where it can (library calls included: compiled code
 * calls the host itself) and the interpreter elsewhere: for indirect calls and traps, at pcs
 * that start no block (after a signal handler, a slice that ended mid-block), and
 * for the last steps of a slice too short for the next block. Either way the result, step for
 * step, is the interpreter's.
 */
export function runSlice(ctx: CpuContext, tlb: Tlb, host: CpuHost, budget: number): SliceResult {
  if (!cpuSettings.compile) return interpretSlice(ctx, tlb, host, budget);
  tlb.syncGeneration();
  const X = exitRecord;
  X.host = host;
  let image = ctx.image;
  let compiled = compiledImage(image);
  let left = budget;
  while (left > 0) {
    if (ctx.image !== image) {
      image = ctx.image;
      compiled = compiledImage(image);
    }
    X.image = image;
    const fn = compiled.enter(ctx.pc, cpuSettings.compileAfter);
    let steps = 1;
    if (fn === null) steps = compiled.interpreterSteps(ctx.pc, left);
    else {
      left = fn(ctx, tlb, left, X);
      if (X.kind === Exit.Checked) {
        // the piece's frame is not in a page the TLB holds writable: its checked form runs
        const checked = compiled.checkedAt(ctx.pc);
        if (checked !== null) left = checked(ctx, tlb, left, X);
        else X.kind = Exit.Step;
      }
      if (X.kind === Exit.Jump) continue;
      if (X.kind === Exit.Yield) return { end: SliceEnd.Yield, steps: budget - left, fault: null, faultPc: 0 };
      if (X.kind === Exit.Fault) {
        const fault = X.fault as Fault;
        X.fault = null;
        return { end: SliceEnd.Fault, steps: budget - left, fault, faultPc: X.faultPc };
      }
      if (X.kind === Exit.Budget) steps = left;
      if (left === 0) break;
    }
    const r = interpretSlice(ctx, tlb, host, steps);
    left -= r.steps;
    if (r.end !== SliceEnd.Budget) return { end: r.end, steps: budget - left, fault: r.fault, faultPc: r.faultPc };
  }
  return { end: SliceEnd.Budget, steps: budget, fault: null, faultPc: 0 };
}

/** runSlice with the interpreter alone (the reference the compiled code must agree with). */
export function interpretSlice(ctx: CpuContext, tlb: Tlb, host: CpuHost, budget: number): SliceResult {
  tlb.syncGeneration();
  let image = ctx.image;
  let code = fusedCode(image.code);
  let consts = image.f64Consts;
  let entries = functionEntries(image);
  let F = ctx.evalF64;
  let I = ctx.evalI32;
  let B = ctx.evalI64;
  let cap = F.length - EVAL_HEADROOM;
  let pc = ctx.pc;
  let sp = ctx.sp;
  let fp = ctx.fp;
  let esp = ctx.esp;
  let left = budget;
  let opPc = pc;
  let a = 0;
  let b = 0;
  let x = 0;

  try {
    while (left > 0) {
      left--;
      opPc = pc;
      switch (code[pc]) {
        // ---- constants and addresses
        case 0 /* NOP */:
          pc += 1;
          break;
        case 1 /* PUSH_I32 */:
          I[2 * esp] = code[pc + 1];
          esp++;
          pc += 2;
          break;
        case 2 /* PUSH_I64 */:
          I[2 * esp] = code[pc + 1];
          I[2 * esp + 1] = code[pc + 2];
          esp++;
          pc += 3;
          break;
        case 3 /* PUSH_F64 */:
          F[esp++] = consts[code[pc + 1]];
          pc += 2;
          break;
        case 4 /* PUSH_PTR */:
          F[esp++] = code[pc + 2] * TWO32 + (code[pc + 1] >>> 0);
          pc += 3;
          break;
        case 5 /* FRAME_ADDR */:
          F[esp++] = fp + code[pc + 1];
          pc += 2;
          break;

        // ---- stack shuffles
        case 6 /* POP */:
          esp--;
          pc += 1;
          break;
        case 7 /* DUP */:
          F[esp] = F[esp - 1];
          esp++;
          pc += 1;
          break;
        case 8 /* SWAP */:
          x = F[esp - 1];
          F[esp - 1] = F[esp - 2];
          F[esp - 2] = x;
          pc += 1;
          break;
        case 9 /* OVER */:
          F[esp] = F[esp - 2];
          esp++;
          pc += 1;
          break;

        // ---- loads (ptr → value)
        case 10 /* LOAD_I8 */:
          I[2 * (esp - 1)] = ld8(tlb, F[esp - 1]);
          pc += 1;
          break;
        case 11 /* LOAD_U8 */:
          I[2 * (esp - 1)] = ldu8(tlb, F[esp - 1]);
          pc += 1;
          break;
        case 12 /* LOAD_I16 */:
          I[2 * (esp - 1)] = ld16(tlb, F[esp - 1]);
          pc += 1;
          break;
        case 13 /* LOAD_U16 */:
          I[2 * (esp - 1)] = ldu16(tlb, F[esp - 1]);
          pc += 1;
          break;
        case 14 /* LOAD_I32 */:
          I[2 * (esp - 1)] = ld32(tlb, F[esp - 1]);
          pc += 1;
          break;
        case 15 /* LOAD_I64 */:
          ld64(tlb, F[esp - 1], I, esp - 1);
          pc += 1;
          break;
        case 16 /* LOAD_F32 */:
          F[esp - 1] = ldf32(tlb, F[esp - 1]);
          pc += 1;
          break;
        case 17 /* LOAD_F64 */:
          F[esp - 1] = ldf64(tlb, F[esp - 1]);
          pc += 1;
          break;
        case 18 /* LOAD_PTR */:
          F[esp - 1] = ldptr(tlb, F[esp - 1]);
          pc += 1;
          break;

        // ---- stores (ptr, value → ) and (ptr, value → value)
        case 19 /* STORE_I8 */:
          st8(tlb, F[esp - 2], I[2 * (esp - 1)]);
          esp -= 2;
          pc += 1;
          break;
        case 20 /* STORE_I16 */:
          st16(tlb, F[esp - 2], I[2 * (esp - 1)]);
          esp -= 2;
          pc += 1;
          break;
        case 21 /* STORE_I32 */:
          st32(tlb, F[esp - 2], I[2 * (esp - 1)]);
          esp -= 2;
          pc += 1;
          break;
        case 22 /* STORE_I64 */:
          st64(tlb, F[esp - 2], I[2 * (esp - 1)], I[2 * (esp - 1) + 1]);
          esp -= 2;
          pc += 1;
          break;
        case 23 /* STORE_F32 */:
          stf32(tlb, F[esp - 2], F[esp - 1]);
          esp -= 2;
          pc += 1;
          break;
        case 24 /* STORE_F64 */:
          stf64(tlb, F[esp - 2], F[esp - 1]);
          esp -= 2;
          pc += 1;
          break;
        case 25 /* STORE_PTR */:
          stptr(tlb, F[esp - 2], F[esp - 1]);
          esp -= 2;
          pc += 1;
          break;
        case 26 /* STORE_KEEP_I8 */:
          x = (I[2 * (esp - 1)] << 24) >> 24;
          st8(tlb, F[esp - 2], x);
          esp--;
          I[2 * (esp - 1)] = x;
          pc += 1;
          break;
        case 27 /* STORE_KEEP_I16 */:
          x = (I[2 * (esp - 1)] << 16) >> 16;
          st16(tlb, F[esp - 2], x);
          esp--;
          I[2 * (esp - 1)] = x;
          pc += 1;
          break;
        case 28 /* STORE_KEEP_I32 */:
          x = I[2 * (esp - 1)];
          st32(tlb, F[esp - 2], x);
          esp--;
          I[2 * (esp - 1)] = x;
          pc += 1;
          break;
        case 29 /* STORE_KEEP_I64 */:
          st64(tlb, F[esp - 2], I[2 * (esp - 1)], I[2 * (esp - 1) + 1]);
          esp--;
          F[esp - 1] = F[esp];
          pc += 1;
          break;
        case 30 /* STORE_KEEP_F32 */:
          x = Math.fround(F[esp - 1]);
          stf32(tlb, F[esp - 2], x);
          esp--;
          F[esp - 1] = x;
          pc += 1;
          break;
        case 31 /* STORE_KEEP_F64 */:
          stf64(tlb, F[esp - 2], F[esp - 1]);
          esp--;
          F[esp - 1] = F[esp];
          pc += 1;
          break;
        case 32 /* STORE_KEEP_PTR */:
          stptr(tlb, F[esp - 2], F[esp - 1]);
          esp--;
          F[esp - 1] = F[esp];
          pc += 1;
          break;

        // ---- locals
        case 33 /* LOAD_LOCAL_I32 */:
          I[2 * esp] = ld32(tlb, fp + code[pc + 1]);
          esp++;
          pc += 2;
          break;
        case 34 /* LOAD_LOCAL_I64 */:
          ld64(tlb, fp + code[pc + 1], I, esp);
          esp++;
          pc += 2;
          break;
        case 35 /* LOAD_LOCAL_F64 */:
          F[esp] = ldf64(tlb, fp + code[pc + 1]);
          esp++;
          pc += 2;
          break;
        case 36 /* LOAD_LOCAL_PTR */:
          F[esp] = ldptr(tlb, fp + code[pc + 1]);
          esp++;
          pc += 2;
          break;
        case 37 /* STORE_LOCAL_I32 */:
          st32(tlb, fp + code[pc + 1], I[2 * (esp - 1)]);
          esp--;
          pc += 2;
          break;
        case 38 /* STORE_LOCAL_I64 */:
          st64(tlb, fp + code[pc + 1], I[2 * (esp - 1)], I[2 * (esp - 1) + 1]);
          esp--;
          pc += 2;
          break;
        case 39 /* STORE_LOCAL_F64 */:
          stf64(tlb, fp + code[pc + 1], F[esp - 1]);
          esp--;
          pc += 2;
          break;
        case 40 /* STORE_LOCAL_PTR */:
          stptr(tlb, fp + code[pc + 1], F[esp - 1]);
          esp--;
          pc += 2;
          break;
        case 41 /* ADD_LOCAL_I32 */:
          a = fp + code[pc + 1];
          st32(tlb, a, (ld32(tlb, a) + code[pc + 2]) | 0);
          pc += 3;
          break;
        case 42 /* MEMCPY */:
          copyBytes(tlb, F[esp - 2], F[esp - 1], code[pc + 1]);
          esp -= 2;
          pc += 2;
          break;
        case 43 /* MEMZERO */:
          fillBytes(tlb, F[esp - 1], code[pc + 1], null);
          esp -= 1;
          pc += 2;
          break;

        // ---- 32-bit integers
        case 44 /* ADD_I32 */:
          esp--;
          I[2 * (esp - 1)] = (I[2 * (esp - 1)] + I[2 * esp]) | 0;
          pc += 1;
          break;
        case 45 /* SUB_I32 */:
          esp--;
          I[2 * (esp - 1)] = (I[2 * (esp - 1)] - I[2 * esp]) | 0;
          pc += 1;
          break;
        case 46 /* MUL_I32 */:
          esp--;
          I[2 * (esp - 1)] = Math.imul(I[2 * (esp - 1)], I[2 * esp]);
          pc += 1;
          break;
        // division and its faults: the same helpers as compiled code (jit/runtime.ts)
        case 47 /* DIV_I32 */:
        case 49 /* REM_I32 */:
          I[2 * (esp - 2)] = divI32(I[2 * (esp - 2)], I[2 * (esp - 1)], code[pc] === Op.REM_I32);
          esp--;
          pc += 1;
          break;
        case 48 /* DIV_U32 */:
        case 50 /* REM_U32 */:
          I[2 * (esp - 2)] = divU32(I[2 * (esp - 2)], I[2 * (esp - 1)], code[pc] === Op.REM_U32);
          esp--;
          pc += 1;
          break;
        case 51 /* AND_I32 */:
          esp--;
          I[2 * (esp - 1)] &= I[2 * esp];
          pc += 1;
          break;
        case 52 /* OR_I32 */:
          esp--;
          I[2 * (esp - 1)] |= I[2 * esp];
          pc += 1;
          break;
        case 53 /* XOR_I32 */:
          esp--;
          I[2 * (esp - 1)] ^= I[2 * esp];
          pc += 1;
          break;
        case 54 /* SHL_I32 */:
          esp--;
          I[2 * (esp - 1)] <<= I[2 * esp] & 31;
          pc += 1;
          break;
        case 55 /* SHR_I32 */:
          esp--;
          I[2 * (esp - 1)] >>= I[2 * esp] & 31;
          pc += 1;
          break;
        case 56 /* SHR_U32 */:
          esp--;
          I[2 * (esp - 1)] = I[2 * (esp - 1)] >>> (I[2 * esp] & 31);
          pc += 1;
          break;
        case 57 /* NEG_I32 */:
          I[2 * (esp - 1)] = -I[2 * (esp - 1)] | 0;
          pc += 1;
          break;
        case 58 /* NOT_I32 */:
          I[2 * (esp - 1)] = ~I[2 * (esp - 1)];
          pc += 1;
          break;
        case 59 /* LNOT_I32 */:
          I[2 * (esp - 1)] = I[2 * (esp - 1)] === 0 ? 1 : 0;
          pc += 1;
          break;
        case 60 /* EQ_I32 */:
          esp--;
          I[2 * (esp - 1)] = I[2 * (esp - 1)] === I[2 * esp] ? 1 : 0;
          pc += 1;
          break;
        case 61 /* NE_I32 */:
          esp--;
          I[2 * (esp - 1)] = I[2 * (esp - 1)] !== I[2 * esp] ? 1 : 0;
          pc += 1;
          break;
        case 62 /* LT_I32 */:
          esp--;
          I[2 * (esp - 1)] = I[2 * (esp - 1)] < I[2 * esp] ? 1 : 0;
          pc += 1;
          break;
        case 63 /* LE_I32 */:
          esp--;
          I[2 * (esp - 1)] = I[2 * (esp - 1)] <= I[2 * esp] ? 1 : 0;
          pc += 1;
          break;
        case 64 /* GT_I32 */:
          esp--;
          I[2 * (esp - 1)] = I[2 * (esp - 1)] > I[2 * esp] ? 1 : 0;
          pc += 1;
          break;
        case 65 /* GE_I32 */:
          esp--;
          I[2 * (esp - 1)] = I[2 * (esp - 1)] >= I[2 * esp] ? 1 : 0;
          pc += 1;
          break;
        case 66 /* LT_U32 */:
          esp--;
          I[2 * (esp - 1)] = I[2 * (esp - 1)] >>> 0 < I[2 * esp] >>> 0 ? 1 : 0;
          pc += 1;
          break;
        case 67 /* LE_U32 */:
          esp--;
          I[2 * (esp - 1)] = I[2 * (esp - 1)] >>> 0 <= I[2 * esp] >>> 0 ? 1 : 0;
          pc += 1;
          break;
        case 68 /* GT_U32 */:
          esp--;
          I[2 * (esp - 1)] = I[2 * (esp - 1)] >>> 0 > I[2 * esp] >>> 0 ? 1 : 0;
          pc += 1;
          break;
        case 69 /* GE_U32 */:
          esp--;
          I[2 * (esp - 1)] = I[2 * (esp - 1)] >>> 0 >= I[2 * esp] >>> 0 ? 1 : 0;
          pc += 1;
          break;

        // ---- 64-bit integers
        case 70 /* ADD_I64 */: {
          esp--;
          const s = esp - 1;
          const lo = (I[2 * s] >>> 0) + (I[2 * esp] >>> 0);
          I[2 * s + 1] = (I[2 * s + 1] + I[2 * esp + 1] + (lo > 0xffffffff ? 1 : 0)) | 0;
          I[2 * s] = lo | 0;
          pc += 1;
          break;
        }
        case 71 /* SUB_I64 */: {
          esp--;
          const s = esp - 1;
          const la = I[2 * s] >>> 0;
          const lb = I[2 * esp] >>> 0;
          I[2 * s + 1] = (I[2 * s + 1] - I[2 * esp + 1] - (la < lb ? 1 : 0)) | 0;
          I[2 * s] = (la - lb) | 0;
          pc += 1;
          break;
        }
        case 72 /* MUL_I64 */: {
          esp--;
          const s = esp - 1;
          const ah = I[2 * s + 1];
          const bh = I[2 * esp + 1];
          const al = I[2 * s];
          const bl = I[2 * esp];
          if ((ah === 0 || ah === -1) && (bh === 0 || bh === -1) && (ah === al >> 31) && (bh === bl >> 31)) {
            const p = al * bl; // both fit in 32 bits: exact below 2^62, fits a double exactly when < 2^53
            if (Number.isSafeInteger(p)) {
              I[2 * s] = p | 0;
              I[2 * s + 1] = Math.floor(p / TWO32) | 0;
              pc += 1;
              break;
            }
          }
          B[s] = B[s] * B[esp];
          pc += 1;
          break;
        }
        case 73 /* DIV_I64 */:
        case 75 /* REM_I64 */: {
          if (I[2 * (esp - 1)] === 0 && I[2 * (esp - 1) + 1] === 0) throw new Fault('SIGFPE', 'divide-by-zero', 0, false);
          const na = B[esp - 2];
          const nb = B[esp - 1];
          if (nb === -1n && na === -9223372036854775808n) throw new Fault('SIGFPE', 'divide-overflow', 0, false);
          esp--;
          const s = esp - 1;
          B[s] = code[pc] === Op.DIV_I64 ? na / nb : na % nb;
          pc += 1;
          break;
        }
        case 74 /* DIV_U64 */:
        case 76 /* REM_U64 */: {
          if (I[2 * (esp - 1)] === 0 && I[2 * (esp - 1) + 1] === 0) throw new Fault('SIGFPE', 'divide-by-zero', 0, false);
          esp--;
          const s = esp - 1;
          const na = BigInt.asUintN(64, B[s]);
          const nb = BigInt.asUintN(64, B[esp]);
          B[s] = BigInt.asIntN(64, code[pc] === Op.DIV_U64 ? na / nb : na % nb);
          pc += 1;
          break;
        }
        case 77 /* AND_I64 */:
          esp--;
          I[2 * (esp - 1)] &= I[2 * esp];
          I[2 * (esp - 1) + 1] &= I[2 * esp + 1];
          pc += 1;
          break;
        case 78 /* OR_I64 */:
          esp--;
          I[2 * (esp - 1)] |= I[2 * esp];
          I[2 * (esp - 1) + 1] |= I[2 * esp + 1];
          pc += 1;
          break;
        case 79 /* XOR_I64 */:
          esp--;
          I[2 * (esp - 1)] ^= I[2 * esp];
          I[2 * (esp - 1) + 1] ^= I[2 * esp + 1];
          pc += 1;
          break;
        case 80 /* SHL_I64 */: {
          esp--;
          const s = esp - 1;
          const n = I[2 * esp] & 63;
          if (n >= 32) {
            I[2 * s + 1] = I[2 * s] << (n - 32);
            I[2 * s] = 0;
          } else if (n > 0) {
            I[2 * s + 1] = (I[2 * s + 1] << n) | (I[2 * s] >>> (32 - n));
            I[2 * s] = I[2 * s] << n;
          }
          pc += 1;
          break;
        }
        case 81 /* SHR_I64 */: {
          esp--;
          const s = esp - 1;
          const n = I[2 * esp] & 63;
          if (n >= 32) {
            I[2 * s] = I[2 * s + 1] >> (n - 32);
            I[2 * s + 1] = I[2 * s + 1] >> 31;
          } else if (n > 0) {
            I[2 * s] = (I[2 * s] >>> n) | (I[2 * s + 1] << (32 - n));
            I[2 * s + 1] = I[2 * s + 1] >> n;
          }
          pc += 1;
          break;
        }
        case 82 /* SHR_U64 */: {
          esp--;
          const s = esp - 1;
          const n = I[2 * esp] & 63;
          if (n >= 32) {
            I[2 * s] = I[2 * s + 1] >>> (n - 32);
            I[2 * s + 1] = 0;
          } else if (n > 0) {
            I[2 * s] = (I[2 * s] >>> n) | (I[2 * s + 1] << (32 - n));
            I[2 * s + 1] = I[2 * s + 1] >>> n;
          }
          pc += 1;
          break;
        }
        case 83 /* NEG_I64 */: {
          const s = esp - 1;
          const lo = I[2 * s];
          I[2 * s] = -lo | 0;
          I[2 * s + 1] = (~I[2 * s + 1] + (lo === 0 ? 1 : 0)) | 0;
          pc += 1;
          break;
        }
        case 84 /* NOT_I64 */:
          I[2 * (esp - 1)] = ~I[2 * (esp - 1)];
          I[2 * (esp - 1) + 1] = ~I[2 * (esp - 1) + 1];
          pc += 1;
          break;
        case 85 /* EQ_I64 */:
          esp--;
          I[2 * (esp - 1)] = I[2 * (esp - 1)] === I[2 * esp] && I[2 * (esp - 1) + 1] === I[2 * esp + 1] ? 1 : 0;
          pc += 1;
          break;
        case 86 /* NE_I64 */:
          esp--;
          I[2 * (esp - 1)] = I[2 * (esp - 1)] !== I[2 * esp] || I[2 * (esp - 1) + 1] !== I[2 * esp + 1] ? 1 : 0;
          pc += 1;
          break;
        case 87 /* LT_I64 */:
          esp--;
          I[2 * (esp - 1)] = cmpI64(I, esp - 1, esp) < 0 ? 1 : 0;
          pc += 1;
          break;
        case 88 /* LE_I64 */:
          esp--;
          I[2 * (esp - 1)] = cmpI64(I, esp - 1, esp) <= 0 ? 1 : 0;
          pc += 1;
          break;
        case 89 /* GT_I64 */:
          esp--;
          I[2 * (esp - 1)] = cmpI64(I, esp - 1, esp) > 0 ? 1 : 0;
          pc += 1;
          break;
        case 90 /* GE_I64 */:
          esp--;
          I[2 * (esp - 1)] = cmpI64(I, esp - 1, esp) >= 0 ? 1 : 0;
          pc += 1;
          break;
        case 91 /* LT_U64 */:
          esp--;
          I[2 * (esp - 1)] = cmpU64(I, esp - 1, esp) < 0 ? 1 : 0;
          pc += 1;
          break;
        case 92 /* LE_U64 */:
          esp--;
          I[2 * (esp - 1)] = cmpU64(I, esp - 1, esp) <= 0 ? 1 : 0;
          pc += 1;
          break;
        case 93 /* GT_U64 */:
          esp--;
          I[2 * (esp - 1)] = cmpU64(I, esp - 1, esp) > 0 ? 1 : 0;
          pc += 1;
          break;
        case 94 /* GE_U64 */:
          esp--;
          I[2 * (esp - 1)] = cmpU64(I, esp - 1, esp) >= 0 ? 1 : 0;
          pc += 1;
          break;

        // ---- doubles (and pointer comparisons)
        case 95 /* ADD_F64 */:
          esp--;
          F[esp - 1] += F[esp];
          pc += 1;
          break;
        case 96 /* SUB_F64 */:
          esp--;
          F[esp - 1] -= F[esp];
          pc += 1;
          break;
        case 97 /* MUL_F64 */:
          esp--;
          F[esp - 1] *= F[esp];
          pc += 1;
          break;
        case 98 /* DIV_F64 */:
          esp--;
          F[esp - 1] /= F[esp];
          pc += 1;
          break;
        case 99 /* NEG_F64 */:
          F[esp - 1] = -F[esp - 1];
          pc += 1;
          break;
        case 100 /* EQ_F64 */:
          esp--;
          I[2 * (esp - 1)] = F[esp - 1] === F[esp] ? 1 : 0;
          pc += 1;
          break;
        case 101 /* NE_F64 */:
          esp--;
          I[2 * (esp - 1)] = F[esp - 1] !== F[esp] ? 1 : 0;
          pc += 1;
          break;
        case 102 /* LT_F64 */:
          esp--;
          I[2 * (esp - 1)] = F[esp - 1] < F[esp] ? 1 : 0;
          pc += 1;
          break;
        case 103 /* LE_F64 */:
          esp--;
          I[2 * (esp - 1)] = F[esp - 1] <= F[esp] ? 1 : 0;
          pc += 1;
          break;
        case 104 /* GT_F64 */:
          esp--;
          I[2 * (esp - 1)] = F[esp - 1] > F[esp] ? 1 : 0;
          pc += 1;
          break;
        case 105 /* GE_F64 */:
          esp--;
          I[2 * (esp - 1)] = F[esp - 1] >= F[esp] ? 1 : 0;
          pc += 1;
          break;
        case 106 /* FROUND */:
          F[esp - 1] = Math.fround(F[esp - 1]);
          pc += 1;
          break;

        // ---- pointers
        case 107 /* PTR_ADD_I32 */:
          esp--;
          F[esp - 1] = F[esp - 1] + I[2 * esp] * code[pc + 1];
          pc += 2;
          break;
        case 108 /* PTR_ADD_I64 */:
          esp--;
          F[esp - 1] = F[esp - 1] + i64ToNumber(I, esp) * code[pc + 1];
          pc += 2;
          break;
        case 109 /* PTR_DIFF */:
          esp--;
          numberToI64(I, B, esp - 1, Math.trunc((F[esp - 1] - F[esp]) / code[pc + 1]));
          pc += 2;
          break;
        case 110 /* PTR_ADD_IMM */:
          F[esp - 1] += code[pc + 1];
          pc += 2;
          break;

        // ---- conversions
        case 111 /* I32_TO_I64 */:
          I[2 * (esp - 1) + 1] = I[2 * (esp - 1)] >> 31;
          pc += 1;
          break;
        case 112 /* U32_TO_I64 */:
          I[2 * (esp - 1) + 1] = 0;
          pc += 1;
          break;
        case 113 /* I64_TO_I32 */:
          pc += 1;
          break;
        case 114 /* TRUNC_I8 */:
          I[2 * (esp - 1)] = (I[2 * (esp - 1)] << 24) >> 24;
          pc += 1;
          break;
        case 115 /* TRUNC_U8 */:
          I[2 * (esp - 1)] &= 0xff;
          pc += 1;
          break;
        case 116 /* TRUNC_I16 */:
          I[2 * (esp - 1)] = (I[2 * (esp - 1)] << 16) >> 16;
          pc += 1;
          break;
        case 117 /* TRUNC_U16 */:
          I[2 * (esp - 1)] &= 0xffff;
          pc += 1;
          break;
        case 118 /* I32_TO_F64 */:
          F[esp - 1] = I[2 * (esp - 1)];
          pc += 1;
          break;
        case 119 /* U32_TO_F64 */:
          F[esp - 1] = I[2 * (esp - 1)] >>> 0;
          pc += 1;
          break;
        case 120 /* I64_TO_F64 */:
          a = I[2 * (esp - 1) + 1];
          F[esp - 1] = a === 0 || a === -1 ? i64ToNumber(I, esp - 1) : Number(B[esp - 1]);
          pc += 1;
          break;
        case 121 /* U64_TO_F64 */:
          F[esp - 1] = I[2 * (esp - 1) + 1] === 0 ? I[2 * (esp - 1)] >>> 0 : Number(BigInt.asUintN(64, B[esp - 1]));
          pc += 1;
          break;
        case 122 /* F64_TO_I32 */:
          x = Math.trunc(F[esp - 1]);
          I[2 * (esp - 1)] = x >= -2147483648 && x <= 2147483647 ? x : -2147483648;
          pc += 1;
          break;
        case 123 /* F64_TO_U32 */:
          // gcc converts through a 64-bit signed conversion and keeps the low 32 bits
          x = Math.trunc(F[esp - 1]);
          numberToI64(I, B, esp - 1, x);
          pc += 1;
          break;
        case 124 /* F64_TO_I64 */:
          x = Math.trunc(F[esp - 1]);
          if (x >= -9223372036854775808 && x < 9223372036854775808) numberToI64(I, B, esp - 1, x);
          else numberToI64(I, B, esp - 1, NaN);
          pc += 1;
          break;
        case 125 /* F64_TO_U64 */:
          x = Math.trunc(F[esp - 1]);
          if (x >= 9223372036854775808 && x < 18446744073709551616) B[esp - 1] = BigInt.asIntN(64, BigInt(x));
          else if (x >= -9223372036854775808 && x < 9223372036854775808) numberToI64(I, B, esp - 1, x);
          else numberToI64(I, B, esp - 1, NaN);
          pc += 1;
          break;
        case 126 /* PTR_TO_I64 */:
          numberToI64(I, B, esp - 1, F[esp - 1]);
          pc += 1;
          break;
        case 127 /* I64_TO_PTR */:
          F[esp - 1] = i64ToNumber(I, esp - 1);
          pc += 1;
          break;
        case 128 /* BOOL_I64 */:
          I[2 * (esp - 1)] = I[2 * (esp - 1)] !== 0 || I[2 * (esp - 1) + 1] !== 0 ? 1 : 0;
          pc += 1;
          break;
        case 129 /* BOOL_F64 */:
          I[2 * (esp - 1)] = F[esp - 1] !== 0 ? 1 : 0;
          pc += 1;
          break;
        case 130 /* BOOL_PTR */:
          I[2 * (esp - 1)] = F[esp - 1] !== 0 ? 1 : 0;
          pc += 1;
          break;

        // ---- control
        case 131 /* JMP */:
          pc = code[pc + 1];
          break;
        case 132 /* JZ */:
          esp--;
          pc = I[2 * esp] === 0 ? code[pc + 1] : pc + 2;
          break;
        case 133 /* JNZ */:
          esp--;
          pc = I[2 * esp] !== 0 ? code[pc + 1] : pc + 2;
          break;
        case 134 /* CALL */:
          if (esp > cap) {
            ctx.esp = esp;
            growEvalStack(ctx);
            F = ctx.evalF64;
            I = ctx.evalI32;
            B = ctx.evalI64;
            cap = F.length - EVAL_HEADROOM;
          }
          stptr(tlb, sp - 8, codeAddress(pc + 3));
          stptr(tlb, sp - 16, fp);
          sp -= 16;
          fp = sp;
          ctx.nargs = code[pc + 2];
          pc = code[pc + 1];
          break;
        case 135 /* CALL_INDIRECT */: {
          if (esp > cap) {
            ctx.esp = esp;
            growEvalStack(ctx);
            F = ctx.evalF64;
            I = ctx.evalI32;
            B = ctx.evalI64;
            cap = F.length - EVAL_HEADROOM;
          }
          esp--;
          const target = F[esp];
          const entry = codeIndex(target, code.length);
          if (entry < 0 || entries[entry] !== 1) {
            esp++;
            throw new Fault('SIGSEGV', 'bad-function-pointer', target, false);
          }
          stptr(tlb, sp - 8, codeAddress(pc + 2));
          stptr(tlb, sp - 16, fp);
          sp -= 16;
          fp = sp;
          ctx.nargs = code[pc + 1];
          pc = entry;
          break;
        }
        case 136 /* CALL_BUILTIN */:
          ctx.pc = pc;
          ctx.sp = sp;
          ctx.fp = fp;
          ctx.esp = esp;
          if (!host.builtin(ctx, code[pc + 1], code[pc + 2], code[pc + 3])) {
            return { end: SliceEnd.Yield, steps: budget - left, fault: null, faultPc: 0 };
          }
          // the call may have changed anything: exec (a new image), a grown stack, a new mm
          if (ctx.image !== image) {
            image = ctx.image;
            code = fusedCode(image.code);
            consts = image.f64Consts;
            entries = functionEntries(image);
          }
          F = ctx.evalF64;
          I = ctx.evalI32;
          B = ctx.evalI64;
          cap = F.length - EVAL_HEADROOM;
          pc = ctx.pc;
          sp = ctx.sp;
          fp = ctx.fp;
          esp = ctx.esp;
          tlb.syncGeneration();
          break;
        case 137 /* ENTER */: {
          const nparams = code[pc + 2];
          const nargs = ctx.nargs;
          // a caller that pushed another number of arguments (isa.ts: ENTER)
          if (nargs !== nparams) esp = enterFix(ctx, esp, nparams);
          sp -= code[pc + 1];
          pc += 3;
          break;
        }
        case 138 /* RET */:
        case 139 /* RET_VOID */: {
          // the return value (if any) is already in place: the callee popped its arguments
          const ret = ldptr(tlb, fp + 8);
          const savedFp = ldptr(tlb, fp);
          const target = codeIndex(ret, code.length);
          if (target < 0) throw new Fault('SIGSEGV', 'bad-return-address', ret, false);
          sp = fp + 16;
          fp = savedFp;
          pc = target;
          break;
        }
        case 140 /* LINE */:
          pc += 2;
          break;
        case 141 /* TRAP */:
          throw new Fault('SIGILL', 'trap', 0, false);
        // ---- superinstructions (fuse.ts): each counts as the steps it stands for; with too few
        // steps left it runs only its first instruction
        case 200 /* F_CMP_LOCAL_IMM_BRANCH */:
          if (left < 3) {
            I[2 * esp] = ld32(tlb, fp + code[pc + 1]);
            esp++;
            pc += 2;
            break;
          }
          a = ld32(tlb, fp + code[pc + 1]);
          left -= 3;
          pc = compare32(code[pc + 4], a, code[pc + 3]) === (code[pc + 5] === 133 /* JNZ */) ? code[pc + 6] : pc + 7;
          break;
        case 201 /* F_CMP_LOCAL_LOCAL_BRANCH */:
          if (left < 3) {
            I[2 * esp] = ld32(tlb, fp + code[pc + 1]);
            esp++;
            pc += 2;
            break;
          }
          a = ld32(tlb, fp + code[pc + 1]);
          I[2 * esp] = a; // a fault in the second load is a fault of the second instruction
          esp++;
          left -= 1;
          opPc = pc + 2;
          b = ld32(tlb, fp + code[pc + 3]);
          opPc = pc;
          esp--;
          left -= 2;
          pc = compare32(code[pc + 4], a, b) === (code[pc + 5] === 133 /* JNZ */) ? code[pc + 6] : pc + 7;
          break;
        case 206 /* F_CMP_IMM_BRANCH */:
          if (left < 2) {
            I[2 * esp++] = code[pc + 1];
            pc += 2;
            break;
          }
          left -= 2;
          esp--;
          pc = compare32(code[pc + 2], I[2 * esp], code[pc + 1]) === (code[pc + 3] === 133 /* JNZ */) ? code[pc + 4] : pc + 5;
          break;
        case 202 /* F_ARITH_LOCAL_IMM */:
          if (left < 2) {
            I[2 * esp] = ld32(tlb, fp + code[pc + 1]);
            esp++;
            pc += 2;
            break;
          }
          a = ld32(tlb, fp + code[pc + 1]);
          left -= 2;
          I[2 * esp++] = arith32(code[pc + 4], a, code[pc + 3]);
          pc += 5;
          break;
        case 203 /* F_ARITH_LOCAL_LOCAL */:
          if (left < 2) {
            I[2 * esp] = ld32(tlb, fp + code[pc + 1]);
            esp++;
            pc += 2;
            break;
          }
          a = ld32(tlb, fp + code[pc + 1]);
          I[2 * esp] = a; // a fault in the second load is a fault of the second instruction
          esp++;
          left -= 1;
          opPc = pc + 2;
          b = ld32(tlb, fp + code[pc + 3]);
          opPc = pc;
          esp--;
          left -= 1;
          I[2 * esp++] = arith32(code[pc + 4], a, b);
          pc += 5;
          break;
        case 204 /* F_INC_LOCAL_JUMP */:
          a = fp + code[pc + 1];
          st32(tlb, a, (ld32(tlb, a) + code[pc + 2]) | 0);
          if (left < 1) {
            pc += 3;
            break;
          }
          left -= 1;
          pc = code[pc + 4];
          break;
        case 205 /* F_PTR_ADD_LOCAL */:
          if (left < 1) {
            I[2 * esp] = ld32(tlb, fp + code[pc + 1]);
            esp++;
            pc += 2;
            break;
          }
          a = ld32(tlb, fp + code[pc + 1]);
          left -= 1;
          F[esp - 1] = F[esp - 1] + a * code[pc + 3];
          pc += 4;
          break;
        default:
          throw new Fault('SIGILL', 'illegal-instruction', codeAddress(pc), false);
      }
    }
    ctx.pc = pc;
    ctx.sp = sp;
    ctx.fp = fp;
    ctx.esp = esp;
    return { end: SliceEnd.Budget, steps: budget, fault: null, faultPc: 0 };
  } catch (e) {
    if (!(e instanceof Fault)) throw e;
    ctx.pc = opPc;
    ctx.sp = sp;
    ctx.fp = fp;
    ctx.esp = esp;
    return { end: SliceEnd.Fault, steps: budget - left, fault: e, faultPc: opPc };
  }
}

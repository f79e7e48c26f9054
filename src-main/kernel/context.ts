/**
 * The CPU context of a task: what a real kernel saves in `struct pt_regs` when the task leaves
 * user mode. For the lab's stack machine that is four numbers and the evaluation stack (the
 * machine's "registers"). Everything else a program has (frames, locals, return addresses, stdio
 * buffers, the malloc arena) is in its memory, so copying this context and the page table is all
 * fork needs (copy_thread in Linux).
 */
import type { ProgramImage } from '../lang/image.ts';

export const EVAL_STACK_INITIAL_SLOTS = 1024;

export interface CpuContext {
  /** the program this task runs (changes on exec) */
  image: ProgramImage;
  /** index of the next code word */
  pc: number;
  /** simulated stack pointer and frame pointer (virtual addresses) */
  sp: number;
  fp: number;
  /** number of slots in use on the evaluation stack */
  esp: number;
  /** the evaluation stack: 8-byte slots; views share one buffer */
  evalBuffer: ArrayBuffer;
  evalF64: Float64Array;
  evalI32: Int32Array;
  evalI64: BigInt64Array;
  /** argument count of the CALL being entered (read by ENTER) */
  nargs: number;
  /**
   * Cache of virtual-to-physical translations, owned by the VM (a TLB). Never copied: a new
   * task starts with an empty one, and the VM flushes it when the mm's generation changes.
   */
  tlb: unknown;
}

/** A fresh context that will start at `pc` with the given stack pointer. */
export function createContext(image: ProgramImage, pc: number, sp: number): CpuContext {
  const evalBuffer = new ArrayBuffer(EVAL_STACK_INITIAL_SLOTS * 8);
  return {
    image,
    pc,
    sp,
    fp: 0,
    esp: 0,
    evalBuffer,
    evalF64: new Float64Array(evalBuffer),
    evalI32: new Int32Array(evalBuffer),
    evalI64: new BigInt64Array(evalBuffer),
    nargs: 0,
    tlb: null,
  };
}

/** copy_thread: the child's registers are the parent's (the caller then sets the return value). */
export function copyContext(parent: CpuContext): CpuContext {
  const evalBuffer = parent.evalBuffer.slice(0);
  return {
    ...parent,
    evalBuffer,
    evalF64: new Float64Array(evalBuffer),
    evalI32: new Int32Array(evalBuffer),
    evalI64: new BigInt64Array(evalBuffer),
    tlb: null,
  };
}

/** Doubles the evaluation stack, keeping its contents. */
export function growEvalStack(ctx: CpuContext): void {
  const bigger = new ArrayBuffer(ctx.evalBuffer.byteLength * 2);
  new Uint8Array(bigger).set(new Uint8Array(ctx.evalBuffer));
  ctx.evalBuffer = bigger;
  ctx.evalF64 = new Float64Array(bigger);
  ctx.evalI32 = new Int32Array(bigger);
  ctx.evalI64 = new BigInt64Array(bigger);
}

/** Pushes an I32 value (e.g. a system call's return value) onto the evaluation stack. */
export function pushI32(ctx: CpuContext, value: number): void {
  if ((ctx.esp + 1) * 8 > ctx.evalBuffer.byteLength) growEvalStack(ctx);
  ctx.evalI32[ctx.esp * 2] = value | 0;
  ctx.evalI32[ctx.esp * 2 + 1] = value < 0 ? -1 : 0;
  ctx.esp++;
}

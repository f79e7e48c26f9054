/**
 * Library functions that call the program back (qsort calls the comparator): the native makes
 * the task call the C function itself, exactly as CALL_INDIRECT would, with the library call's
 * own instruction as the return address. When the function returns, that CALL_BUILTIN runs again
 * and finds the function's result on the evaluation stack as its first argument. Between the
 * two, everything about the call is where a CPU keeps it: the task's registers, its evaluation
 * stack and its memory (a fork or a signal in the callback needs nothing more).
 */
import { codeAddress, codeIndex } from '../../lang/isa.ts';
import type { ProgramImage } from '../../lang/image.ts';
import { growEvalStack } from '../../kernel/context.ts';
import { Fault } from '../../kernel/mmu.ts';
import { NORETURN, type NativeCall } from './native.ts';


const entryPcs = new WeakMap<ProgramImage, Set<number>>();
/** the image isFunctionEntry last looked at, and the entry it last confirmed (a sort calls one comparator) */
let lastImage: ProgramImage | null = null;
let lastEntry = -1;

/** True when code word `pc` starts a function of the image (a valid target of a call). */
function isFunctionEntry(image: ProgramImage, pc: number): boolean {
  if (image === lastImage && pc === lastEntry) return true;
  let entries = entryPcs.get(image);
  if (!entries) {
    entries = new Set(image.functions.map((f) => f.entryPc));
    entryPcs.set(image, entries);
  }
  if (!entries.has(pc)) return false;
  lastImage = image;
  lastEntry = pc;
  return true;
}

/**
 * Calls the C function at address `fn` with pointer arguments `args`, to return to the current
 * CALL_BUILTIN, whose argument 0 the function's return value replaces: the native is declared
 * `(int result, …)`, and gets the callback's result there when it runs again. Returns NORETURN
 * (the native has set the registers). A bad function pointer is a SIGSEGV, as for a C call.
 */
export function callBack(c: NativeCall, fn: number, args: readonly number[]): typeof NORETURN {
  const ctx = c.ctx;
  const entry = codeIndex(fn, ctx.image.code.length);
  if (entry < 0 || !isFunctionEntry(ctx.image, entry)) throw new Fault('SIGSEGV', 'bad-function-pointer', fn, false);
  // the frame first: a fault here (the stack ran out) leaves the registers untouched
  c.mem.pushFrame(ctx, codeAddress(ctx.pc), true);
  ctx.esp -= 1;
  if ((ctx.esp + args.length + 1) * 8 > ctx.evalBuffer.byteLength) growEvalStack(ctx);
  for (let i = args.length - 1; i >= 0; i--) ctx.evalF64[ctx.esp++] = args[i];
  ctx.sp -= 16;
  ctx.fp = ctx.sp;
  ctx.nargs = args.length;
  ctx.pc = entry;
  return NORETURN;
}


/**
 * The compiled form of a program image: for each pc that starts a basic block, the compiled
 * JavaScript function that runs from there (codegen.ts). One per image, shared by every task that
 * runs the image (fork children, exec of the same program); functions are compiled the first
 * time control reaches them. A function the compiler cannot translate stays with the interpreter.
 */
import type { ProgramImage } from '../../lang/image.ts';
import { growEvalStack } from '../../kernel/context.ts';
import { Fault } from '../tlb.ts';
import {
  ld8, ldu8, ld16, ldu16, ld32, ldf32, ldf64, ld64, ldptr,
  st8, st16, st32, stf32, stf64, st64, stptr, copyBytes, fillBytes,
} from '../memory-ops.ts';
import * as runtime from './runtime.ts';
import { functionPieces, NotCompilable, type CompiledFunction, type Piece } from './codegen.ts';

/** Everything generated code may call, by the names it uses. */
const HELPERS: Record<string, unknown> = {
  ld8, ldu8, ld16, ldu16, ld32, ldf32, ldf64, ld64, ldptr,
  st8, st16, st32, stf32, stf64, st64, stptr, copyBytes, fillBytes,
  Fault, growEvalStack,
  R: runtime.R,
  lo32: runtime.lo32,
  f64Of: runtime.f64Of,
  numberToI64: runtime.numberToI64,
  mul64: runtime.mul64,
  divI64: runtime.divI64,
  divU64: runtime.divU64,
  divI32: runtime.divI32,
  divU32: runtime.divU32,
  shift64: runtime.shift64,
  i64ToF64: runtime.i64ToF64,
  u64ToF64: runtime.u64ToF64,
  f64ToI64: runtime.f64ToI64,
  f64ToU64: runtime.f64ToU64,
  enterFix: runtime.enterFix,
  returnTarget: runtime.returnTarget,
};

export class CompiledImage {
  /** pc → the compiled function to enter there (filled as functions are compiled) */
  private readonly entries: (CompiledFunction | null)[];
  /** pc → index of its compiled function, -1 where the interpreter runs */
  private readonly within: Int32Array;
  /** pc → index of the function it belongs to, -1 outside every function */
  private readonly functionOf: Int32Array;
  /** per function: 1 once compiled (or found not compilable) */
  private readonly done: Uint8Array;
  /** per function: how often the CPU came to it while it was not compiled yet (enter) */
  private readonly heat: Int32Array;
  /** pc → the piece whose fast form is entered there (for its checked form), null elsewhere */
  private readonly pieceAt: (CheckedForm | null)[];

  /** Costs one pass over the functions' ranges: blocks are found when a function is compiled. */
  constructor(private readonly image: ProgramImage) {
    this.entries = new Array<CompiledFunction | null>(image.code.length + 1).fill(null);
    this.within = new Int32Array(image.code.length + 1).fill(-1);
    this.functionOf = new Int32Array(image.code.length + 1).fill(-1);
    this.done = new Uint8Array(image.functions.length);
    this.heat = new Int32Array(image.functions.length);
    this.pieceAt = new Array<CheckedForm | null>(image.code.length + 1).fill(null);
    image.functions.forEach((f, i) => this.functionOf.fill(i, f.entryPc, f.endPc));
  }

  /** The compiled function to run from `pc`, compiling its function now if it is not yet; null when pc starts no compiled block. */
  at(pc: number): CompiledFunction | null {
    const fn = this.entries[pc];
    const f = this.functionOf[pc];
    if (fn !== null || f < 0 || this.done[f] === 1) return fn;
    this.compile(f);
    return this.entries[pc];
  }

  /**
   * The compiled function to run from `pc` as the CPU asks for it (runSlice): a function is
   * compiled the (after + 1)-th time the CPU comes to it uncompiled, so that code that runs only
   * a few thousand steps (most of a short run, the C runtime's start and exit) never pays for
   * compiling. Null when pc starts no compiled block.
   */
  enter(pc: number, after: number): CompiledFunction | null {
    const fn = this.entries[pc];
    if (fn !== null) return fn;
    const f = this.functionOf[pc];
    if (f < 0 || this.done[f] === 1 || ++this.heat[f] <= after) return null;
    this.compile(f);
    return this.entries[pc];
  }

  /**
   * The checked form of the piece whose block starts at `pc` (see Piece in codegen.ts), made
   * the first time it is asked for; null when the host forbids generating code.
   */
  checkedAt(pc: number): CompiledFunction | null {
    const form = this.pieceAt[pc];
    if (form === null) return null;
    if (form.fn === undefined) {
      const source = form.source();
      form.fn = source === null ? null : instantiate(source, this.image.f64Consts, form.blockIndex);
    }
    return form.fn;
  }

  /**
   * How many steps the interpreter should take from `pc`, which starts no compiled block: one
   * when pc is inside compiled code (a block start is a few steps away), otherwise up to `left`
   * in chunks (code that stays interpreted gains nothing from coming back sooner).
   */
  interpreterSteps(pc: number, left: number): number {
    return (this.within[pc] ?? -1) >= 0 ? 1 : Math.min(left, 1024);
  }

  /** Compiles function `index`, piece by piece; pieces that cannot be compiled stay interpreted. */
  private compile(index: number): void {
    const f = this.image.functions[index];
    this.done[index] = 1;
    let pieces: Piece[] = [];
    try {
      pieces = functionPieces(this.image, f.entryPc, f.endPc);
    } catch (e) {
      if (!(e instanceof NotCompilable)) throw e;
    }
    this.within.fill(-1, f.entryPc, f.endPc);
    for (const p of pieces) {
      if (p.source === null) continue;
      const fn = instantiate(p.source, this.image.f64Consts, p.blockIndex);
      if (fn === null) continue;
      const checked: CheckedForm = { source: p.checkedSource, blockIndex: p.blockIndex, fn: undefined };
      for (const l of p.leaders) {
        this.entries[l] = fn;
        this.pieceAt[l] = checked;
      }
      this.within.fill(index, p.entry, p.end);
    }
  }
}

/**
 * The compiled function of a piece's source, or null where the host forbids generating code
 * (an EvalError, e.g. under a content security policy): the interpreter then runs the piece.
 */
function instantiate(source: string, consts: Float64Array, blockIndex: Int32Array): CompiledFunction | null {
  let factory: (h: unknown, c: Float64Array, bi: Int32Array) => CompiledFunction;
  try {
    // the source holds only numbers and the generator's own text (see codegen.ts)
    factory = new Function('h', 'C', 'BI', `"use strict";\nconst { ${Object.keys(HELPERS).join(', ')} } = h;\n${source}`) as typeof factory;
  } catch (e) {
    if (e instanceof EvalError) return null;
    throw e;
  }
  return factory(HELPERS, consts, blockIndex);
}

/** A piece's checked form: made from its source the first time it is needed. */
interface CheckedForm {
  source: () => string | null;
  blockIndex: Int32Array;
  /** undefined until made; null when it could not be */
  fn: CompiledFunction | null | undefined;
}

const images = new WeakMap<ProgramImage, CompiledImage>();

/** The (lazily) compiled form of `image`, shared by every task running it. */
export function compiledImage(image: ProgramImage): CompiledImage {
  let c = images.get(image);
  if (!c) {
    c = new CompiledImage(image);
    images.set(image, c);
  }
  return c;
}

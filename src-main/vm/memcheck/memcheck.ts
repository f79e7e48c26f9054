/**
 * Memcheck: teaching warnings for what gcc and Linux let pass, as valgrind's memcheck finds them.
 *
 *   use-after-free        a load or store into a block that free() gave back to malloc, before
 *                         malloc hands it out again
 *   uninitialised-value   a value read from memory nobody wrote (a fresh stack frame's slot, a
 *                         byte from malloc) that decides a branch, is printed, is passed to a
 *                         system call or a library function, or is used as a pointer. Copying
 *                         it is fine (valgrind's rule): `int y = x;` says nothing, `if (y)` does.
 *   missing-return        the value a function made up at its closing brace (it has no
 *                         `return`) used the same way
 *
 * How: a run with memcheck runs the program's tasks one instruction at a time (Machine.stepTask)
 * and shows each instruction to `before` and `after`, which follow where undefined bytes go. The
 * CPU itself (interpreter and compiled code) is not changed at all, so a run without memcheck
 * pays nothing and a run with it computes exactly what it computes without it. Definedness of
 * memory is the shadow beside each frame (kernel/mm/shadow.ts); definedness of the evaluation
 * stack's slots is a taint byte per slot, here. Whatever is not known is defined: the lab may
 * miss a mistake, it does not warn about a correct program.
 */
import { BUILTIN_NAMES } from '../../lang/builtins.ts';
import { OPERANDS as OPERAND_COUNTS, Op } from '../../lang/isa.ts';
import type { ProgramImage } from '../../lang/image.ts';
import type { CpuContext } from '../../kernel/context.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Task } from '../../kernel/task.ts';
import type { MmStruct } from '../../kernel/mm/mm.ts';
import type { WarningKind } from '../../kernel/warnings.ts';
import { userLine } from '../../kernel/inspect.ts';
import {
  DEFINED, FREED, MISSING_RETURN, UNINIT, copyShadow, enableShadows, peekPointer, peekString, setShadow, shadowOf,
} from '../../kernel/mm/shadow.ts';
import { SYSTEM_CALL_NAMES } from '../syscalls.ts';
import { SHAPE as SHAPES, SIZE as SIZES, Shape } from './ops.ts';
import { printedStrings } from './printed.ts';

/** The evaluation stack's taints of one CPU context, and where the context stood after its last step. */
interface Registers {
  taints: Uint8Array;
  pc: number;
  esp: number;
}

/** What `before` saw of the instruction about to run, for `after`. */
interface Step {
  /** the code the instruction is in (an exec replaces ctx.image) */
  code: Int32Array;
  pc: number;
  fp: number;
  sp: number;
  esp: number;
  /** the address the instruction reads or writes (loads, stores, memcpy's destination) */
  address: number;
  /** memcpy's source */
  source: number;
  /** the heap call being made (malloc, free …): its arguments and what free/realloc's block held */
  heap: HeapCall | null;
  /** memcpy's or memmove's arguments */
  copy: { dst: number; src: number; size: number } | null;
}

interface HeapCall {
  name: string;
  /** argument 0 and 1 */
  a: number;
  b: number;
  /** usable bytes of the block passed in (free, realloc), 0 when unknown */
  oldSize: number;
}

// module-level copies: read at every step, they must not cost an import binding's lookup each time
const SHAPE = SHAPES;
const SIZE = SIZES;
const PUSH = Shape.Push;
const POP = Shape.Pop;
const DUP = Shape.Dup;
const SWAP = Shape.Swap;
const OVER = Shape.Over;
const LOAD = Shape.Load;
const STORE = Shape.Store;
const STORE_KEEP = Shape.StoreKeep;
const LOAD_LOCAL = Shape.LoadLocal;
const STORE_LOCAL = Shape.StoreLocal;
const MEMCPY = Shape.Memcpy;
const MEMZERO = Shape.Memzero;
const UNARY = Shape.Unary;
const BINARY = Shape.Binary;
const BRANCH = Shape.Branch;
const CALL = Shape.Call;
const CALL_INDIRECT = Shape.CallIndirect;
const CALL_BUILTIN = Shape.CallBuiltin;
const ENTER = Shape.Enter;

const OPERANDS = OPERAND_COUNTS;
const OP_NOP = Op.NOP;
const OP_LINE = Op.LINE;
const OP_JMP = Op.JMP;
const OP_ADD_LOCAL_I32 = Op.ADD_LOCAL_I32;
/** the longest batch (Memcheck.batch) */
const MAX_BATCH = 64;

const HEAP_CALLS = new Set(['malloc', 'calloc', 'realloc', 'free']);
/** library calls whose output is text made from their arguments */
const PRINTING = new Set(['printf', 'fprintf', 'sprintf', 'snprintf', 'dprintf', 'puts', 'putchar', 'fputs', 'fputc', 'putc', 'perror']);
/** calls given a pointer they do not read or write through (or that check it themselves) */
const POINTER_NOT_ACCESSED = new Set(['free', 'realloc', 'brk', 'sbrk', 'munmap', 'mprotect', 'signal', 'sigaction']);
const TWO32 = 4294967296;

/**
 * Instructions memcheck watches in one run (over all its tasks); the rest of the run goes at full
 * speed, unchecked, after a `memcheck-limit` event says so. Watching costs far more than running
 * (README: Speed), and a teaching program makes its mistakes early.
 */
export const MEMCHECK_STEP_LIMIT = 20_000_000;

export class Memcheck {
  /** instructions watched so far */
  private watched = 0;

  private readonly registers = new WeakMap<CpuContext, Registers>();
  private readonly fallOffs = new WeakMap<ProgramImage, Map<number, string>>();
  /** per task, the function whose made-up return value it last pushed */
  private readonly fellOff = new WeakMap<Task, string>();
  private readonly step: Step = { code: new Int32Array(0), pc: 0, fp: 0, sp: 0, esp: 0, address: 0, source: 0, heap: null, copy: null };
  /** the store to a local that ends a batch (size 0: none) */
  private readonly pendingStore = { address: 0, size: 0, taint: 0 };
  /** true while a heap call runs: malloc's own writes (its lists in freed blocks) define nothing */
  private heapCallRunning = false;

  constructor(
    private readonly kernel: Kernel,
    private readonly limit = MEMCHECK_STEP_LIMIT,
  ) {
    enableShadows(kernel.memory.phys);
  }

  /** Whether `task` is checked: tasks running the student's program (not the lab's /bin), while the limit lasts. */
  watches(task: Task): boolean {
    return this.watched < this.limit && task.ctx !== null && task.mm !== null && task.ctx.image === this.kernel.userImage;
  }

  /** The UserMemory hook of `task`'s library calls: what they write is defined. */
  libraryWrote(task: Task): (address: number, length: number) => void {
    return (address, length) => {
      if (!this.heapCallRunning && task.mm) setShadow(task.mm as MmStruct, address, length, DEFINED, false);
    };
  }

  /**
   * The instructions from ctx.pc on that depend on no value but fp (constants, locals, arithmetic,
   * jumps, and a branch on a defined condition) can run together, as one slice: follows them now
   * and returns how many (at most `max`), ending after a branch or after a store to a local
   * (whose bytes `finishBatch` marks once the store made its page private). Returns 0 when the
   * instruction at pc must run alone, between `before` and `after`.
   */
  batch(task: Task, max: number): number {
    const ctx = task.ctx;
    const regs = this.registersOf(ctx);
    if (regs.pc !== ctx.pc || regs.esp !== ctx.esp) regs.taints.fill(0);
    const t = this.fit(regs, ctx);
    const code = ctx.image.code;
    const mm = task.mm as MmStruct;
    const fp = ctx.fp;
    const fallOffs = this.fallOffsOf(ctx.image);
    let pc = ctx.pc;
    let esp = ctx.esp;
    let n = 0;
    this.pendingStore.size = 0;
    if (max > MAX_BATCH) max = MAX_BATCH;
    while (n < max && esp + 2 < t.length) {
      const op = code[pc];
      switch (SHAPE[op]) {
        case PUSH: {
          const name = fallOffs.get(pc);
          if (name !== undefined) this.fellOff.set(task, name);
          t[esp++] = name === undefined ? DEFINED : MISSING_RETURN;
          break;
        }
        case POP:
          esp--;
          break;
        case DUP:
          t[esp] = t[esp - 1];
          esp++;
          break;
        case SWAP: {
          const x = t[esp - 1];
          t[esp - 1] = t[esp - 2];
          t[esp - 2] = x;
          break;
        }
        case OVER:
          t[esp] = t[esp - 2];
          esp++;
          break;
        case LOAD_LOCAL:
          t[esp++] = shadowOf(mm, fp + code[pc + 1], SIZE[op]) & (UNINIT | MISSING_RETURN);
          break;
        case STORE_LOCAL: {
          const p = this.pendingStore;
          p.address = fp + code[pc + 1];
          p.size = SIZE[op];
          p.taint = t[esp - 1];
          return n + 1;
        }
        case UNARY:
          break;
        case BINARY:
          t[esp - 2] |= t[esp - 1];
          esp--;
          break;
        case BRANCH:
          // a decision on an undefined value runs alone, so that its warning has its exact step
          return t[esp - 1] === DEFINED ? n + 1 : n;
        default:
          if (op === OP_JMP) {
            pc = code[pc + 1];
            n++;
            continue;
          }
          if (op !== OP_LINE && op !== OP_NOP && op !== OP_ADD_LOCAL_I32) return n;
      }
      pc += 1 + OPERANDS[op];
      n++;
    }
    return n;
  }

  /** The batch `batch` planned ran `steps` of its instructions: mark its store, or start over if it stopped short. */
  finishBatch(task: Task, planned: number, steps: number, faulted: boolean): void {
    const ctx = task.ctx;
    const regs = this.registersOf(ctx);
    this.count(task, steps);
    const p = this.pendingStore;
    if (faulted || steps !== planned) regs.taints.fill(0);
    else if (p.size > 0 && task.mm) setShadow(task.mm as MmStruct, p.address, p.size, p.taint, false);
    p.size = 0;
    regs.pc = ctx.pc;
    regs.esp = ctx.esp;
  }

  /** Counts watched instructions; the one that reaches the limit says so in the trace. */
  private count(task: Task, steps: number): void {
    const before = this.watched;
    this.watched += steps;
    if (before < this.limit && this.watched >= this.limit) {
      this.kernel.event(task, 'memcheck-limit', { limit: this.limit, message: `memcheck watched the first ${this.limit} instructions; the rest of the run was not checked` });
    }
  }

  /** The instruction at ctx.pc is about to run: note what `after` needs; check a library call's arguments. */
  before(task: Task): void {
    const ctx = task.ctx;
    const regs = this.registersOf(ctx);
    // the kernel moved the context (a signal handler, sigreturn, exec): start over, all defined
    if (regs.pc !== ctx.pc || regs.esp !== ctx.esp) regs.taints.fill(0);
    const s = this.step;
    s.code = ctx.image.code;
    s.pc = ctx.pc;
    s.fp = ctx.fp;
    s.sp = ctx.sp;
    s.esp = ctx.esp;
    s.heap = null;
    s.copy = null;
    const code = ctx.image.code;
    const F = ctx.evalF64;
    const esp = ctx.esp;
    switch (SHAPE[code[s.pc]]) {
      case LOAD:
        s.address = F[esp - 1];
        break;
      case STORE:
      case STORE_KEEP:
        s.address = F[esp - 2];
        break;
      case MEMCPY:
        s.address = F[esp - 2];
        s.source = F[esp - 1];
        break;
      case MEMZERO:
        s.address = F[esp - 1];
        break;
      case CALL_BUILTIN:
        this.beforeBuiltin(task, regs);
        break;
    }
  }

  /** The instruction `before` saw ran (unless it faulted): follow its data, warn about its uses. */
  after(task: Task, faulted: boolean): void {
    const ctx = task.ctx;
    const s = this.step;
    this.heapCallRunning = false;
    this.count(task, 1);
    const regs = this.registersOf(ctx);
    const mm = task.mm as MmStruct | null;
    if (faulted || !mm || task.state === 'Z' || task.state === 'X') {
      regs.pc = ctx.pc;
      regs.esp = ctx.esp;
      return;
    }
    const code = s.code;
    const op = code[s.pc];
    const t = this.fit(regs, ctx);
    const esp = s.esp;
    switch (SHAPE[op]) {
      case PUSH:
        t[esp] = DEFINED;
        this.madeUpReturn(task, s.pc, t);
        break;
      case DUP:
        t[esp] = t[esp - 1];
        break;
      case SWAP: {
        const x = t[esp - 1];
        t[esp - 1] = t[esp - 2];
        t[esp - 2] = x;
        break;
      }
      case OVER:
        t[esp] = t[esp - 2];
        break;
      case LOAD:
        this.usePointer(task, t[esp - 1]);
        t[esp - 1] = this.loaded(task, mm, s.address, SIZE[op]);
        break;
      case LOAD_LOCAL:
        t[esp] = this.loaded(task, mm, s.fp + code[s.pc + 1], SIZE[op]);
        break;
      case STORE:
        this.usePointer(task, t[esp - 2]);
        this.stored(task, mm, s.address, SIZE[op], t[esp - 1]);
        break;
      case STORE_KEEP:
        this.usePointer(task, t[esp - 2]);
        this.stored(task, mm, s.address, SIZE[op], t[esp - 1]);
        t[esp - 2] = t[esp - 1];
        break;
      case STORE_LOCAL:
        this.stored(task, mm, s.fp + code[s.pc + 1], SIZE[op], t[esp - 1]);
        break;
      case MEMCPY: {
        const size = code[s.pc + 1];
        this.usePointer(task, t[esp - 1] | t[esp - 2]);
        if (((shadowOf(mm, s.source, size) | shadowOf(mm, s.address, size)) & FREED) !== 0) this.useAfterFree(task, s.source);
        copyShadow(mm, s.address, s.source, size);
        break;
      }
      case MEMZERO:
        setShadow(mm, s.address, code[s.pc + 1], DEFINED, false);
        break;
      case UNARY:
        break;
      case BINARY:
        t[esp - 2] |= t[esp - 1];
        break;
      case BRANCH:
        if (t[esp - 1] !== DEFINED) this.uninitialisedUse(task, t[esp - 1], 'made a decision (an if, a loop condition, ?:, && or ||) on');
        break;
      case CALL:
        setShadow(mm, ctx.sp, 16, DEFINED, false);
        break;
      case CALL_INDIRECT:
        if (t[esp - 1] !== DEFINED) this.uninitialisedUse(task, t[esp - 1], 'called a function through a pointer that holds');
        setShadow(mm, ctx.sp, 16, DEFINED, false);
        break;
      case ENTER:
        // a caller that pushed another number of arguments: ENTER moved the slots
        if (ctx.esp !== esp) t.fill(0);
        // a new frame's slots hold whatever the stack held: nothing the function wrote
        setShadow(mm, ctx.sp, s.sp - ctx.sp, UNINIT, true);
        break;
      case CALL_BUILTIN:
        this.afterBuiltin(task, mm, regs, code);
        break;
    }
    regs.pc = ctx.pc;
    regs.esp = ctx.esp;
  }

  // ---- the evaluation stack

  private registersOf(ctx: CpuContext): Registers {
    let regs = this.registers.get(ctx);
    if (!regs) {
      // a new context (a new task, a thread): its slots hold what the kernel put there
      regs = { taints: new Uint8Array(ctx.evalF64.length + 16), pc: ctx.pc, esp: ctx.esp };
      this.registers.set(ctx, regs);
    }
    return regs;
  }

  /** The taints, at least as long as the evaluation stack (which CALL may have grown). */
  private fit(regs: Registers, ctx: CpuContext): Uint8Array {
    if (regs.taints.length < ctx.evalF64.length + 16) {
      const grown = new Uint8Array(ctx.evalF64.length * 2 + 16);
      grown.set(regs.taints);
      regs.taints = grown;
    }
    return regs.taints;
  }

  // ---- memory

  /** The taint of a value loaded from `size` bytes at `address`; a load from a freed block is reported. */
  private loaded(task: Task, mm: MmStruct, address: number, size: number): number {
    const state = shadowOf(mm, address, size);
    if (state === DEFINED) return DEFINED;
    if ((state & FREED) !== 0) this.useAfterFree(task, address);
    return state & (UNINIT | MISSING_RETURN);
  }

  /** A store of a value with taint `taint`: the bytes take it (a freed block stays freed, and the store is reported). */
  private stored(task: Task, mm: MmStruct, address: number, size: number, taint: number): void {
    if ((shadowOf(mm, address, size) & FREED) !== 0) {
      this.useAfterFree(task, address);
      return;
    }
    setShadow(mm, address, size, taint, false);
  }

  /** An address computed from an undefined value was used to reach memory. */
  private usePointer(task: Task, taint: number): void {
    if (taint !== DEFINED) this.uninitialisedUse(task, taint, 'read or wrote memory through a pointer made from');
  }

  // ---- functions that fall off their end

  /** When the instruction at `pc` is the made-up value of a function without `return`, the slot says so. */
  private madeUpReturn(task: Task, pc: number, t: Uint8Array): void {
    const name = this.fallOffsOf(task.ctx.image).get(pc);
    if (name === undefined) return;
    t[this.step.esp] = MISSING_RETURN;
    this.fellOff.set(task, name);
  }

  private fallOffsOf(image: ProgramImage): Map<number, string> {
    let map = this.fallOffs.get(image);
    if (!map) {
      map = new Map();
      for (const f of image.functions) if (f.fallOffPc !== undefined) map.set(f.fallOffPc, f.name);
      this.fallOffs.set(image, map);
    }
    return map;
  }

  // ---- library and system calls

  /** Checks a library or system call's arguments before it runs (it may print them, or never return). */
  private beforeBuiltin(task: Task, regs: Registers): void {
    const ctx = task.ctx;
    const code = ctx.image.code;
    const s = this.step;
    const name = BUILTIN_NAMES[code[s.pc + 1]] ?? '';
    const nargs = code[s.pc + 2];
    const kinds = code[s.pc + 3];
    const mm = task.mm as MmStruct;
    const t = this.fit(regs, ctx);
    const F = ctx.evalF64;
    const arg = (i: number) => F[s.esp - 1 - i];
    if ((name === 'memcpy' || name === 'memmove') && nargs === 3) {
      s.copy = { dst: arg(0), src: arg(1), size: this.integerArg(ctx, s.esp - 3, (kinds >> 4) & 3) };
    }
    if (HEAP_CALLS.has(name)) {
      s.heap = { name, a: this.integerArg(ctx, s.esp - 1, kinds & 3), b: nargs > 1 ? this.integerArg(ctx, s.esp - 2, (kinds >> 2) & 3) : 0, oldSize: 0 };
      if (name === 'free' || name === 'realloc') s.heap.oldSize = usableSize(mm, s.heap.a);
      this.heapCallRunning = true;
    }
    if (name.startsWith('__lab')) return;
    let taint = 0;
    for (let i = 0; i < nargs; i++) taint |= t[s.esp - 1 - i];
    const syscall = SYSTEM_CALL_NAMES.has(name);
    if (taint !== DEFINED) {
      const how = PRINTING.has(name) ? `printed (with ${name}())` : syscall ? `passed to the system call ${name}()` : `passed to ${name}()`;
      this.uninitialisedUse(task, taint, how);
    }
    if (PRINTING.has(name)) {
      for (const { address: p, max } of printedStrings(mm, name, nargs, arg, (i) => ctx.evalI32[2 * (s.esp - 1 - i)])) {
        // the bytes, and the NUL that ends them unless a precision stops first (reading it decides where the string ends)
        const length = peekString(mm, p, max).length;
        const state = shadowOf(mm, p, length < max ? length + 1 : length);
        if ((state & FREED) !== 0) this.useAfterFree(task, p);
        else if (state !== DEFINED) this.uninitialisedUse(task, state & (UNINIT | MISSING_RETURN), `printed (with ${name}()) a string whose bytes include`);
      }
      return;
    }
    if (name === 'write' && nargs === 3) {
      const state = shadowOf(mm, arg(1), Math.min(Math.max(0, this.integerArg(ctx, s.esp - 3, (kinds >> 4) & 3)), 1 << 20));
      if ((state & FREED) !== 0) this.useAfterFree(task, arg(1));
      else if (state !== DEFINED) this.uninitialisedUse(task, state & (UNINIT | MISSING_RETURN), 'passed to write() a buffer whose bytes include');
    }
    if (POINTER_NOT_ACCESSED.has(name)) return;
    for (let i = 0; i < nargs && i < 16; i++) {
      if (((kinds >> (2 * i)) & 3) !== 3 /* Kind.PTR */) continue;
      const p = arg(i);
      if (p >= 4096 && (shadowOf(mm, p, 1) & FREED) !== 0) this.useAfterFree(task, p);
    }
  }

  /** After a library or system call: its result is defined; malloc and free change what blocks hold. */
  private afterBuiltin(task: Task, mm: MmStruct, regs: Registers, code: Int32Array): void {
    const ctx = task.ctx;
    const s = this.step;
    const nargs = code[s.pc + 2];
    const t = this.fit(regs, ctx);
    // blocked (it will run again): nothing happened; the kernel moved the context (exec, a signal
    // handler given the signal's number, longjmp): start over, all defined
    if (ctx.pc !== s.pc + 4) {
      if (ctx.pc !== s.pc || ctx.esp !== s.esp || ctx.image.code !== code) t.fill(0);
      return;
    }
    for (let i = s.esp - nargs; i < ctx.esp; i++) t[i] = DEFINED;
    // memcpy copies definedness with the bytes (the library's write made them all defined)
    if (s.copy !== null) copyShadow(mm, s.copy.dst, s.copy.src, s.copy.size);
    const heap = s.heap;
    if (heap === null) return;
    const result = ctx.evalF64[ctx.esp - 1];
    switch (heap.name) {
      case 'malloc':
        if (result !== 0) setShadow(mm, result, heap.a, UNINIT, true);
        break;
      case 'calloc':
        if (result !== 0) setShadow(mm, result, heap.a * heap.b, DEFINED, false);
        break;
      case 'free':
        if (heap.a !== 0 && heap.oldSize > 0) setShadow(mm, heap.a, heap.oldSize, FREED, true);
        break;
      case 'realloc':
        this.reallocated(mm, heap, result);
        break;
    }
  }

  /** realloc moved or grew the block: the old bytes keep their state, new ones are undefined, a left block is freed. */
  private reallocated(mm: MmStruct, heap: HeapCall, result: number): void {
    const old = heap.a;
    const size = heap.b;
    if (old === 0) {
      if (result !== 0) setShadow(mm, result, size, UNINIT, true);
      return;
    }
    if (result === 0) {
      if (size === 0 && heap.oldSize > 0) setShadow(mm, old, heap.oldSize, FREED, true);
      return;
    }
    const kept = Math.min(heap.oldSize, size);
    if (result !== old) {
      copyShadow(mm, result, old, kept);
      if (heap.oldSize > 0) setShadow(mm, old, heap.oldSize, FREED, true);
    }
    if (size > kept) setShadow(mm, result + kept, size - kept, UNINIT, true);
  }

  /** An argument slot as an integer of kind `kind` (I32, I64, or a pointer/double). */
  private integerArg(ctx: CpuContext, slot: number, kind: number): number {
    if (kind === 0) return ctx.evalI32[2 * slot];
    if (kind === 1) return ctx.evalI32[2 * slot + 1] * TWO32 + (ctx.evalI32[2 * slot] >>> 0);
    return ctx.evalF64[slot];
  }

  // ---- warnings

  private warn(task: Task, kind: WarningKind, message: string): void {
    if (this.kernel.warnings.has(kind, task)) return;
    const s = this.step;
    const line = userLine(task.mm as MmStruct, task.ctx.image, s.pc, s.fp);
    this.kernel.warn(kind, task, message, line);
  }

  private useAfterFree(task: Task, address: number): void {
    this.warn(task, 'use-after-free', `process ${task.pid} used memory of a block it had already freed (address 0x${address.toString(16)}): after free(p) the block belongs to malloc again, which may hand it out for something else. Linux does not stop the program; it reads whatever is there now. Do not use p after free(p) (set it to NULL)`);
  }

  /** `taint` (UNINIT and/or MISSING_RETURN) reached a use: `what` says which, e.g. "made a decision on". */
  private uninitialisedUse(task: Task, taint: number, what: string): void {
    if ((taint & MISSING_RETURN) !== 0) {
      const fn = this.fellOff.get(task) ?? 'a function';
      const name = fn === 'a function' ? fn : `${fn}()`;
      this.warn(task, 'missing-return', `${name} reached its closing brace without a return statement, and process ${task.pid} ${what} the value it returned: on Linux that value is whatever was left in a register. Give every path of ${name} a return statement`);
      return;
    }
    this.warn(task, 'uninitialised-value', `process ${task.pid} ${what} a value that was never initialised: a local variable, and memory from malloc, hold leftover bytes until the program stores into them (calloc gives zeros). Linux runs on with whatever was there, so the result can change from run to run`);
  }
}

/** The bytes the block at `mem` (from malloc) can hold, read from its chunk header; 0 when unknown. */
function usableSize(mm: MmStruct, mem: number): number {
  if (mem < 4096) return 0;
  const header = peekPointer(mm, mem - 8);
  if (header === null || header <= 0) return 0;
  const size = header - (header % 8);
  const mmapped = (header & 2) !== 0;
  const usable = size - (mmapped ? 16 : 8);
  return usable > 0 && usable < 1 << 30 ? usable : 0;
}

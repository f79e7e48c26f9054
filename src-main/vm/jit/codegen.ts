/**
 * The block compiler: translates one function of a program image into one JavaScript function.
 *
 * The generated function runs the function's basic blocks from `ctx.pc` for as long as control
 * stays among them (loops, recursive calls, returns into the same function), then saves the
 * registers and returns to the dispatcher (dispatch.ts). It is generated once per image and shared
 * by every task running the image: all task state stays in `ctx` and in simulated memory.
 *
 * Inside a block the evaluation stack lives in JavaScript locals (an I32 as an int, an F64/PTR as a
 * double, an I64 as two int halves); it is written back to ctx's evaluation stack ("spilled") at
 * every block boundary, so between blocks the state is exactly the interpreter's. Each block
 * begins by checking that the slice has enough steps left for all of its instructions; when it
 * has not, the dispatcher lets the interpreter run the last few steps one by one, so a slice
 * stops at exactly the step the interpreter would. Loads and stores call the same TLB functions
 * as the interpreter (memory-ops.ts), in the same order, so page faults, copy on write and
 * SIGSEGV happen at the same instruction. Before every instruction that may fault the code
 * records a site number; the catch clause writes back the evaluation stack as it was before that
 * instruction, with pc on it and the steps before it counted, which is what the interpreter does.
 *
 * The JavaScript source is built only from numbers (opcodes' operands, pcs, addresses, constant
 * indices) and this file's own text; nothing the program contains (no string, no name) is ever
 * interpolated into it, so `new Function` runs no code that the program could choose.
 *
 * Known difference: the high half of a slot holding an I32 is unspecified (the interpreter leaves
 * whatever the slot held before; compiled code may leave something else). Nothing reads it.
 */
import { Op, TEXT_BASE, codeAddress } from '../../lang/isa.ts';
import type { ProgramImage } from '../../lang/image.ts';
import type { CpuContext } from '../../kernel/context.ts';
import { TLB_MASK, type Tlb } from '../tlb.ts';
import { basicBlocks, instructionLength, type Block } from './blocks.ts';

/** How a compiled function ended (in the exit record it shares with the dispatcher). */
export const enum Exit {
  /** control left the function's blocks: dispatch on ctx.pc */
  Jump = 0,
  /** too few steps left for the next block: the interpreter finishes the slice */
  Budget = 1,
  /** a fault: see `fault` and `faultPc` */
  Fault = 2,
  /** the next instruction is left to the interpreter (one step) */
  Step = 3,
  /** a library call ended the slice (the host's builtin returned false) */
  Yield = 4,
  /**
   * the fast form of a piece found its frame window not in a page cached writable (ff false):
   * the dispatcher runs the piece's checked form from ctx.pc (nothing was run since ctx was saved)
   */
  Checked = 5,
}

export interface ExitRecord {
  kind: Exit;
  fault: unknown;
  faultPc: number;
  /** what runs library calls (CpuHost.builtin), set by the dispatcher before it enters */
  host: { builtin(ctx: CpuContext, id: number, nargs: number, kinds: number): boolean };
  /** the image the dispatcher runs: a library call that changed ctx.image (exec) ends the function */
  image: ProgramImage | null;
}

/** A compiled function: runs from ctx.pc with `left` steps; returns the steps still left. */
export type CompiledFunction = (ctx: CpuContext, tlb: Tlb, left: number, exit: ExitRecord) => number;

/** The function's code cannot be compiled (an ill-typed stack or an unknown opcode). */
export class NotCompilable extends Error {}

/**
 * A value of the evaluation stack as the block computes it. `key` names how an integer or a
 * pointer was computed from locals (`i-16`: the int local at fp - 16; `p-8[i-16]`: the pointer
 * local at fp - 8 indexed by it), so that accesses through addresses computed alike share a page
 * cache (Generator.cacheFor).
 */
type Val =
  | { k: 'i32'; e: string; key?: string }
  /** a double; `frame`: it is fp + frame (FRAME_ADDR), so an access through it may use the frame's page */
  | { k: 'f64'; e: string; frame?: number; key?: string }
  | { k: 'i64'; lo: string; hi: string; key?: string }
  /** the slot at esp + pos, as the block found it (kind unknown: copied bit for bit) */
  | { k: 'raw'; pos: number };

interface Site {
  pc: number;
  stack: Val[];
  under: number;
  /** steps to give back: the block's instructions from the faulting one on, minus the faulting one */
  refund: number;
}

const TWO32 = 4294967296;
const EVAL_HEADROOM = 256;

/** How a local was read or written (a value kept in a temporary is reused only as the same kind). */
type LocalKind = 'i32' | 'i64' | 'f64' | 'ptr';
const LOCAL_SIZES: Record<LocalKind, number> = { i32: 4, i64: 8, f64: 8, ptr: 8 };

/** `esp + p` as source text. */
function at(p: number): string {
  return p === 0 ? 'esp' : p < 0 ? `esp - ${-p}` : `esp + ${p}`;
}

function lit(n: number): string {
  return n < 0 ? `(${n})` : String(n);
}

const SAVE = 'ctx.sp = sp; ctx.fp = fp; ctx.esp = esp;';

const LOADS: Record<string, [number, string, string]> = {
  ld8: [1, 'getInt8(o)', 'ld8'],
  ldu8: [1, 'getUint8(o)', 'ldu8'],
  ld16: [2, 'getInt16(o, true)', 'ld16'],
  ldu16: [2, 'getUint16(o, true)', 'ldu16'],
  ld32: [4, 'getInt32(o, true)', 'ld32'],
  ldf32: [4, 'getFloat32(o, true)', 'ldf32'],
  ldf64: [8, 'getFloat64(o, true)', 'ldf64'],
};
const STORES: Record<string, [number, string]> = {
  st8: [1, 'setInt8(o, $)'],
  st16: [2, 'setInt16(o, $, true)'],
  st32: [4, 'setInt32(o, $, true)'],
  stf32: [4, 'setFloat32(o, $, true)'],
  stf64: [8, 'setFloat64(o, $, true)'],
};

/**
 * The TLB's fast path written inline. Compiled code keeps four one-page caches in locals: the
 * page of the last access from fp (prefix f), from sp (prefix s), through the address of a local
 * (FRAME_ADDR, prefix g: a local array or struct, kept apart so that it never moves the frame's
 * cache under a block's frame window) and of the last other access (prefix d): its base
 * address, DataView and whether the TLB had it writable. An access inside
 * the cached page, not crossing its end (and, for a store, to a page cached writable) uses the
 * view directly; otherwise it probes the TLB (tag compare) and refills the cache; when the TLB
 * misses too it calls the memory-ops function, which translates, faults or splits exactly as the
 * interpreter does, and then forgets every cache (a fill may have copied a page on write).
 * Nothing else changes a page's frame while compiled code runs: fork, exec, brk and munmap are
 * library calls, which leave the compiled function.
 */
function cacheOf(addr: string): string {
  const named = /^\/\*(c\d)\*\//.exec(addr);
  if (named) return named[1];
  return /^fp\b/.test(addr) ? 'f' : /^sp\b/.test(addr) ? 's' : /^\(fp\b/.test(addr) ? 'g' : 'd';
}

/**
 * Caches for addresses computed the same way (the same pointer variable indexed by the same
 * variable: `s[i]` and `s[j]` of a loop have one each, so that two pages in turn do not refill one
 * cache at every access). An address given as `/*cN*\/expr` uses cache cN.
 */
const NAMED_CACHES = ['c0', 'c1', 'c2'];
const CACHES = ['f', 's', 'g', 'd', ...NAMED_CACHES];

function probe(addr: string, size: number, write: boolean): string {
  const c = cacheOf(addr);
  const limit = `ps - ${size}`;
  return `a = ${addr}; o = a - ${c}b; ` +
    `if (!(o >= 0 && o <= ${limit})) { q = Math.floor(a * inv); k = q & ${TLB_MASK}; ${c}b = q * ps; o = a - ${c}b; ` +
    `${c}v = tg[k] === q ? vw[k] : null; ${c}w = ${c}v === null ? 0 : wr[k]; if (${c}w !== 1) ro = true; } ` +
    `if (${c}v !== null && o <= ${limit}${write ? ` && ${c}w === 1` : ''}) `;
}

/**
 * After a slow path: forgets the caches when one of them may have gone stale. A page cached
 * writable cannot change its frame while compiled code runs (only a copy on write gives a page a
 * new frame, and a page the TLB holds writable is not copy-on-write; fork, munmap and brk are
 * library calls, after which every cache is forgotten): only a cache filled read-only, or with
 * nothing, may be stale, and `ro` says whether one was filled so since the caches were last
 * forgotten. (The frame window of the fast form, fv and fo, stays: it only ever holds a page
 * writable.)
 */
const FORGET = `if (ro) { ${CACHES.map((c) => `${c}b = NaN;`).join(' ')} ro = false; }`;
/** Forgets every cache (after a library call, which may have done anything: fork, munmap…). */
const FORGET_ALL = `${CACHES.map((c) => `${c}b = NaN;`).join(' ')} ro = false; ff = false;`;

function loadSource(dst: string, fn: string, addr: string): string {
  const [size, get, slow] = LOADS[fn];
  const c = cacheOf(addr);
  return `${probe(addr, size, false)}${dst} = ${c}v.${get}; else { ${dst} = ${slow}(t, a); ${FORGET} }`;
}

function storeSource(fn: string, addr: string, value: string): string {
  const [size, set] = STORES[fn];
  const c = cacheOf(addr);
  return `${probe(addr, size, true)}${c}v.${set.replace('$', value)}; else { ${fn}(t, a, ${value}); ${FORGET} }`;
}

function loadPairSource(lo: string, hi: string, addr: string): string {
  const c = cacheOf(addr);
  return `${probe(addr, 8, false)}{ ${lo} = ${c}v.getInt32(o, true); ${hi} = ${c}v.getInt32(o + 4, true); } ` +
    `else { ld64(t, a, R, 0); ${lo} = R[0]; ${hi} = R[1]; ${FORGET} }`;
}

function loadPointerSource(dst: string, addr: string): string {
  const c = cacheOf(addr);
  return `${probe(addr, 8, false)}${dst} = ${c}v.getInt32(o + 4, true) * 4294967296 + ${c}v.getUint32(o, true); ` +
    `else { ${dst} = ldptr(t, a); ${FORGET} }`;
}

function storePairSource(addr: string, lo: string, hi: string): string {
  const c = cacheOf(addr);
  return `${probe(addr, 8, true)}{ ${c}v.setInt32(o, ${lo}, true); ${c}v.setInt32(o + 4, ${hi}, true); } ` +
    `else { st64(t, a, ${lo}, ${hi}); ${FORGET} }`;
}

/**
 * Accesses at fp + off when the block's whole frame window is known to lie in the cached frame
 * page, held writable (see Generator.frameWindow): the view at a constant offset, no checks.
 */
function frameLoad(dst: string, fn: string, off: number): string {
  return `${dst} = fv.${LOADS[fn][1].replace('(o', `(fo + ${lit(off)}`)};`;
}
function frameStore(fn: string, off: number, value: string): string {
  return `fv.${STORES[fn][1].replace('(o', `(fo + ${lit(off)}`).replace('$', value)};`;
}
function frameLoadPair(lo: string, hi: string, off: number): string {
  return `${lo} = fv.getInt32(fo + ${lit(off)}, true); ${hi} = fv.getInt32(fo + ${lit(off + 4)}, true);`;
}
function frameLoadPointer(dst: string, off: number): string {
  return `${dst} = fv.getInt32(fo + ${lit(off + 4)}, true) * 4294967296 + fv.getUint32(fo + ${lit(off)}, true);`;
}
function frameStorePair(off: number, lo: string, hi: string): string {
  return `fv.setInt32(fo + ${lit(off)}, ${lo}, true); fv.setInt32(fo + ${lit(off + 4)}, ${hi}, true);`;
}

function storePointerSource(addr: string, p: string): string {
  // x * 2^-32 is exactly x / 2^32
  return `x = ${p}; ${storePairSource(addr, 'x >>> 0', 'Math.floor(x * 2.3283064365386963e-10) | 0')}`;
}

/** Source that stores the constant pointer `p` (its halves computed here) at `addr`. */
function storeConstantPointerSource(addr: string, p: number): string {
  return storePairSource(addr, lit(p >>> 0), lit(Math.floor(p / TWO32) | 0));
}


/**
 * Most source text one generated function may have. V8 does not optimize functions whose bytecode
 * is much beyond this (60 KB of bytecode), and unoptimized generated code is slower than the
 * interpreter; so a large C function is compiled as several pieces of consecutive blocks, and a
 * jump from one piece to another goes through the dispatcher.
 */
export const PIECE_LIMIT = 48_000;

/** Longest block copied at the end of the block that falls into it (Generator.duplicable). */
const MAX_TAIL = 8;

/** Source text a piece's handlers and declarations add per fault site (an estimate for splitting). */
const SITE_COST = 90;

/**
 * Generates the JavaScript of the function [entry, end) of `image`, as one piece or several
 * (see PIECE_LIMIT). A piece is null when its code cannot be compiled (the interpreter runs it).
 */
export function functionPieces(image: ProgramImage, entry: number, end: number): Piece[] {
  const blocks = basicBlocks(image.code, entry, end);
  if (!blocks) throw new NotCompilable('code does not decode');
  // the size of each block's code, generated alone
  const sizes = blocks.map((b) => {
    try {
      const g = new Generator(image.code, b.start, b.start + 1, new Int32Array(1), frameWindow(image.code, [b]), false);
      g.block(b, 0, null);
      return g.size();
    } catch (e) {
      if (e instanceof NotCompilable) return 0;
      throw e;
    }
  });
  const pieces: Piece[] = [];
  let first = 0;
  while (first < blocks.length) {
    let last = first + 1;
    let size = sizes[first];
    while (last < blocks.length && size + sizes[last] <= PIECE_LIMIT) size += sizes[last++];
    const pieceEnd = last < blocks.length ? blocks[last].start : end;
    pieces.push(piece(image, blocks.slice(first, last), blocks[first].start, pieceEnd));
    first = last;
  }
  return pieces;
}

function piece(image: ProgramImage, blocks: Block[], entry: number, end: number): Piece {
  const leaders = blocks.map((b) => b.start);
  const blockIndex = new Int32Array(end - entry).fill(-1);
  blocks.forEach((b, i) => (blockIndex[b.start - entry] = i));
  const window = frameWindow(image.code, blocks);
  const generate = (fast: boolean): string | null => {
    try {
      const g = new Generator(image.code, entry, end, blockIndex, window, fast);
      for (let i = 0; i < blocks.length; i++) g.block(blocks[i], i, i + 1 < blocks.length ? blocks[i + 1] : null);
      const source = g.finish(entry);
      return source.length <= PIECE_LIMIT * 1.25 ? source : null;
    } catch (e) {
      if (!(e instanceof NotCompilable)) throw e;
      return null;
    }
  };
  const source = generate(window !== null);
  // without a frame window the fast form never leaves for the checked one
  return { entry, end, leaders, blockIndex, source, checkedSource: () => (source === null || window === null ? source : generate(false)) };
}

/**
 * A piece of a function: the code words [entry, end), whose blocks start at `leaders`. Its
 * source is the body of a factory taking (h: the helpers, C: the image's f64 constants, BI:
 * `blockIndex`) and returning the compiled function, or null when the piece is left to the
 * interpreter. The function's loop switches on the number of a block (dense, so the switch is a
 * jump table); BI maps pc - entry to that number (-1 for a pc that starts no block).
 *
 * Two forms of the same code, exact alike in what they compute:
 *   - `source`, the fast form: it runs only while the piece's frame window (the locals it reads and
 *     writes, the saved fp and return address) lies in one page that the TLB holds writable (`ff`),
 *     checked where fp changes (the start, a call, a return, a library call); the locals are then
 *     read and written in that page with no check at all, and no slow path for them exists in the
 *     code, so that V8 keeps a hot loop free of calls. Where the window is not so (a fresh TLB, a
 *     frame across two pages, a TLB that holds nothing writable: a watched vfork child, the
 *     explorer's page watch, the endless-loop probe), it returns Exit.Checked;
 *   - `checkedSource()`, the checked form (made when first needed): every access from fp goes
 *     through the frame page's cache and the TLB's checks; it hands back to the fast form (Exit.Jump)
 *     where fp changes and the window holds again.
 */
export interface Piece {
  entry: number;
  end: number;
  leaders: number[];
  blockIndex: Int32Array;
  source: string | null;
  checkedSource: () => string | null;
}

class Generator {
  private readonly out: string[] = [];
  private stack: Val[] = [];
  private under = 0;
  private ints = 0;
  private doubles = 0;
  private maxInts = 0;
  private maxDoubles = 0;
  private readonly sites: Site[] = [];
  /** address keys (Val.key) → their named cache */
  private readonly named = new Map<string, string>();
  /**
   * In the fast form, the locals whose value the current block holds in a temporary (by offset
   * from fp): read or written earlier in the block, with no store since that may have changed
   * them (a store through a pointer that is not fp + offset forgets them all). A later read of
   * one uses the temporary instead of the frame's page; stores are still written to memory at
   * once, so memory is at every instruction what the interpreter makes it. Only the block's own
   * accesses count: nothing is known at a block's start.
   */
  private readonly locals = new Map<number, { kind: LocalKind; val: Val }>();
  constructor(
    private readonly code: Int32Array,
    private readonly entry: number,
    private readonly end: number,
    private readonly blockIndex: Int32Array,
    /** the bytes from fp that the piece's blocks access (null: none), see frameWindow */
    private readonly window: { lo: number; hi: number } | null,
    /** the fast form (see Piece): accesses from fp unchecked, ff established where fp changes */
    private readonly fast: boolean,
  ) {}

  /** Source that continues at the static target `pc`: the block's number, or an exit. */
  private goto(pc: number): string {
    const inside = pc >= this.entry && pc < this.end ? this.blockIndex[pc - this.entry] : -1;
    return inside >= 0 ? `b = ${inside}; continue;` : `pc = ${pc}; b = -1; continue;`;
  }

  private emit(line: string): void {
    this.out.push(line);
  }

  private int(): string {
    const n = `i${this.ints++}`;
    this.maxInts = Math.max(this.maxInts, this.ints);
    return n;
  }

  private dbl(): string {
    const n = `d${this.doubles++}`;
    this.maxDoubles = Math.max(this.maxDoubles, this.doubles);
    return n;
  }

  private pop(): Val {
    const v = this.stack.pop();
    if (v) return v;
    this.under++;
    return { k: 'raw', pos: -this.under };
  }

  private push(v: Val): void {
    this.stack.push(v);
  }

  private pushI32(expr: string): void {
    const n = this.int();
    this.emit(`${n} = ${expr};`);
    this.push({ k: 'i32', e: n });
  }

  private pushF64(expr: string, key?: string): void {
    const n = this.dbl();
    this.emit(`${n} = ${expr};`);
    this.push({ k: 'f64', e: n, key });
  }

  /** Pushes the 64-bit result of a runtime helper (low half returned, high half in R[1]). */
  private pushI64Call(expr: string): void {
    const lo = this.int();
    const hi = this.int();
    this.emit(`${lo} = ${expr}; ${hi} = R[1];`);
    this.push({ k: 'i64', lo, hi });
  }

  /** LOAD_LOCAL_I32 and LOAD_LOCAL_F64 */
  private pushLocal(fn: string, off: number): void {
    const kind = fn === 'ld32' ? 'i32' : 'f64';
    const known = this.known(off, kind);
    if (known !== null) {
      this.push(known.k === 'i32' ? { k: 'i32', e: known.e, key: `i${off}` } : known);
      return;
    }
    const n = fn === 'ld32' ? this.int() : this.dbl();
    this.emit(this.frame(frameLoad(n, fn, off), loadSource(n, fn, `fp + ${lit(off)}`)));
    const v: Val = fn === 'ld32' ? { k: 'i32', e: n, key: `i${off}` } : { k: 'f64', e: n };
    this.remember(off, kind, v);
    this.push(v);
  }

  /** LOAD_LOCAL_PTR */
  private pushLocalPointer(off: number): void {
    const known = this.known(off, 'ptr');
    if (known !== null && known.k === 'f64') {
      this.push({ k: 'f64', e: known.e, key: `p${off}` });
      return;
    }
    const n = this.dbl();
    this.emit(this.frame(frameLoadPointer(n, off), loadPointerSource(n, `fp + ${lit(off)}`)));
    const v: Val = { k: 'f64', e: n, key: `p${off}` };
    this.remember(off, 'ptr', v);
    this.push(v);
  }

  /**
   * The value the local at fp + off holds when the block already read or wrote it as `kind`
   * (the fast form keeps it: see `locals`), else null.
   */
  private known(off: number, kind: LocalKind): Val | null {
    const e = this.locals.get(off);
    return e !== undefined && e.kind === kind ? e.val : null;
  }

  /** Records that the local at fp + off holds `val` (read or written as `kind`), in the fast form. */
  private remember(off: number, kind: LocalKind, val: Val): void {
    if (!this.fast) return;
    this.forgetLocals(off, LOCAL_SIZES[kind]);
    this.locals.set(off, { kind, val });
  }

  /** Forgets the locals known to overlap the bytes [fp + off, fp + off + size) (a store there). */
  private forgetLocals(off: number, size: number): void {
    for (const [o, e] of this.locals) if (o < off + size && off < o + LOCAL_SIZES[e.kind]) this.locals.delete(o);
  }

  /**
   * After the store of `size` bytes through `v` made by the instruction at `pc` (its result
   * pushed): forgets the locals it overlaps when v is fp + offset. A store through any other
   * pointer keeps them in the fast form, with a check of its address (in `a`): when it falls in
   * the frame window, the code leaves with the state after the store (the interpreter goes on
   * from the next instruction), which never happens in a program that does not write its own
   * locals through pointers in that block. Elsewhere such a store forgets them all.
   */
  private storeThrough(v: Val, size: number, pc: number, refund: number): void {
    if (v.k === 'f64' && v.frame !== undefined) {
      this.forgetLocals(v.frame, size);
      return;
    }
    const w = this.window;
    if (!this.fast || w === null || this.locals.size === 0) {
      this.locals.clear();
      return;
    }
    const spill = this.spillSource(this.stack, this.under, () => this.int());
    const next = pc + instructionLength(this.code, pc);
    this.emit(`if (a + ${size} > fp + ${lit(w.lo)} && a < fp + ${lit(w.hi)}) { ${spill} ctx.pc = ${next}; ${SAVE} X.kind = 3; return left + ${refund}; }`);
  }

  /** an I64 from memory */
  private pushPair(addr: string): void {
    const lo = this.int();
    const hi = this.int();
    this.emit(loadPairSource(lo, hi, addr));
    this.push({ k: 'i64', lo, hi });
  }

  /** LOAD_LOCAL_I64 */
  private pushLocalPair(off: number): void {
    const known = this.known(off, 'i64');
    if (known !== null && known.k === 'i64') {
      this.push({ k: 'i64', lo: known.lo, hi: known.hi, key: `l${off}` });
      return;
    }
    const lo = this.int();
    const hi = this.int();
    this.emit(this.frame(frameLoadPair(lo, hi, off), loadPairSource(lo, hi, `fp + ${lit(off)}`)));
    const v: Val = { k: 'i64', lo, hi, key: `l${off}` };
    this.remember(off, 'i64', v);
    this.push(v);
  }

  private i32(v: Val): string {
    switch (v.k) {
      case 'i32':
        return v.e;
      case 'i64':
        return v.lo;
      case 'raw': {
        const n = this.int();
        this.emit(`${n} = I[2 * (${at(v.pos)})];`);
        return n;
      }
      case 'f64': {
        const n = this.int();
        this.emit(`${n} = lo32(${v.e});`);
        return n;
      }
    }
  }

  /**
   * A pointer used as an address: as `(fp + offset)` when it is one (fp does not change before
   * the block's last instruction), so that the access goes through the local-address page cache;
   * with its own page cache when it was computed from locals (`key`).
   */
  private address(v: Val): string {
    if (v.k === 'f64' && v.frame !== undefined) return `(fp + ${lit(v.frame)})`;
    const cache = v.k !== 'raw' && v.key !== undefined ? this.cacheFor(v.key) : null;
    return cache === null ? this.f64(v) : `/*${cache}*/${this.f64(v)}`;
  }

  /** The named cache of addresses computed as `key`, or null (the shared cache d) when all are taken. */
  private cacheFor(key: string): string | null {
    let c = this.named.get(key);
    if (c === undefined && this.named.size < NAMED_CACHES.length) {
      c = NAMED_CACHES[this.named.size];
      this.named.set(key, c);
    }
    return c ?? null;
  }

  /**
   * The offset from fp of an access of `size` bytes through `v` when the fast form may make it
   * in the frame's page with no check (v is fp + offset, inside the piece's frame window), else null.
   */
  private frameOffset(v: Val, size: number): number | null {
    const w = this.window;
    if (!this.fast || w === null || v.k !== 'f64' || v.frame === undefined) return null;
    return v.frame >= w.lo && v.frame + size <= w.hi ? v.frame : null;
  }

  private f64(v: Val): string {
    switch (v.k) {
      case 'f64':
        return v.e;
      case 'raw': {
        const n = this.dbl();
        this.emit(`${n} = F[${at(v.pos)}];`);
        return n;
      }
      case 'i64': {
        const n = this.dbl();
        this.emit(`${n} = f64Of(${v.lo}, ${v.hi});`);
        return n;
      }
      case 'i32':
        throw new NotCompilable('an I32 used as a double');
    }
  }

  private i64(v: Val): { lo: string; hi: string } {
    switch (v.k) {
      case 'i64':
        return v;
      case 'raw': {
        const lo = this.int();
        const hi = this.int();
        this.emit(`${lo} = I[2 * (${at(v.pos)})]; ${hi} = I[2 * (${at(v.pos)}) + 1];`);
        return { lo, hi };
      }
      case 'f64': {
        const lo = this.int();
        const hi = this.int();
        this.emit(`${lo} = lo32(${v.e}); ${hi} = R[1];`);
        return { lo, hi };
      }
      case 'i32':
        throw new NotCompilable('an I32 used as an I64');
    }
  }

  /** Source that writes `stack` back to the evaluation stack (slots from esp - under) and moves esp. */
  private spillSource(stack: Val[], under: number, temp: () => string): string {
    const parts: string[] = [];
    const moves: { dest: number; lo: string; hi: string }[] = [];
    stack.forEach((v, i) => {
      const dest = i - under;
      if (v.k === 'raw' && v.pos !== dest) {
        const lo = temp();
        const hi = temp();
        parts.push(`${lo} = I[2 * (${at(v.pos)})]; ${hi} = I[2 * (${at(v.pos)}) + 1];`);
        moves.push({ dest, lo, hi });
      }
    });
    for (const m of moves) parts.push(`I[2 * (${at(m.dest)})] = ${m.lo}; I[2 * (${at(m.dest)}) + 1] = ${m.hi};`);
    stack.forEach((v, i) => {
      const dest = i - under;
      if (v.k === 'i32') parts.push(`I[2 * (${at(dest)})] = ${v.e};`);
      else if (v.k === 'f64') parts.push(`F[${at(dest)}] = ${v.e};`);
      else if (v.k === 'i64') parts.push(`I[2 * (${at(dest)})] = ${v.lo}; I[2 * (${at(dest)}) + 1] = ${v.hi};`);
    });
    const depth = stack.length - under;
    if (depth !== 0) parts.push(`esp += ${lit(depth)};`);
    return parts.join(' ');
  }

  private spill(): void {
    const s = this.spillSource(this.stack, this.under, () => this.int());
    if (s) this.emit(s);
    this.stack = [];
    this.under = 0;
  }

  /** An access from fp: the unchecked form in the fast form of the piece, else the checked one. */
  private frame(fast: string, checked: string): string {
    return this.fast ? fast : checked;
  }

  /** Records that the next instruction, an access from fp, may fault (only in the checked form). */
  private frameSite(pc: number, refund: number): void {
    if (!this.fast) this.site(pc, refund);
  }

  /**
   * Source that sets `ff`: whether the piece's whole frame window [fp + lo, fp + hi) lies in the
   * cached frame page (fb, fv, fo = fp - fb), held writable, probing the TLB when it is not the
   * cached page. Run where fp changes (the function's start, a call, a return, after a library
   * call), and nowhere else: between those points ff, fv and fo do not change (FORGET keeps a
   * writable frame page), so V8 sees them as constant in a loop.
   */
  private frameCheck(base = 'fp'): string {
    const w = this.window;
    if (w === null) return '';
    const inWindow = `fo >= ${lit(-w.lo)} && fo <= ps - ${w.hi} && fw === 1 && fv !== null`;
    return `fo = ${base} - fb; ff = ${inWindow}; if (!ff) { ` +
      `a = ${base} + ${lit(w.lo)}; q = Math.floor(a * inv); k = q & ${TLB_MASK}; fb = q * ps; fv = tg[k] === q ? vw[k] : null; fw = fv === null ? 0 : wr[k]; if (fw !== 1) ro = true; fo = ${base} - fb; ff = ${inWindow}; }`;
  }

  /**
   * Source run where fp changed to a frame of this piece, with the registers and the evaluation
   * stack saved as they are at `pcExpr` (a block's start): the fast form leaves for the checked
   * one when the frame window does not hold; the checked form hands back to the fast one when it
   * holds.
   */
  private switchForm(pcExpr: string): string {
    if (this.window === null) return '';
    return this.fast
      ? `${this.frameCheck()} if (!ff) { ctx.pc = ${pcExpr}; ${SAVE} X.kind = 5; return left; }`
      : `${this.frameCheck()} if (ff) { ctx.pc = ${pcExpr}; ${SAVE} X.kind = 0; return left; }`;
  }

  /** Records that the next instruction may fault. */
  private site(pc: number, refund: number): void {
    this.sites.push({ pc, stack: this.stack.slice(), under: this.under, refund });
    this.emit(`site = ${this.sites.length - 1};`);
  }

  block(b: Block, index: number, next: Block | null): void {
    this.ints = 0;
    this.doubles = 0;
    this.locals.clear();
    this.emit(`case ${index}: {`);
    if (b.interpreted && this.code[b.start] === Op.CALL_BUILTIN) {
      this.libraryCall(b.start);
      this.emit('}');
      return;
    }
    if (b.interpreted) {
      this.emit(`ctx.pc = ${b.start}; ${SAVE} X.kind = 3; return left;`);
      this.emit('}');
      return;
    }
    // a short test-and-branch block that this one falls into (a loop's condition) is run here
    // too, as a copy: one budget check and no dispatch for the two, and the locals they share
    // are read once. A slice that has fewer steps left than both need ends at this block's start
    // instead, and the interpreter runs its last steps, as at any block.
    const tail = next !== null && this.duplicable(b, next) ? next : null;
    const pcs = tail === null ? b.pcs : [...b.pcs, ...tail.pcs];
    const n = pcs.length;
    this.emit(`if (left < ${n}) { ctx.pc = ${b.start}; ${SAVE} X.kind = 1; return left; }`);
    this.emit(`left -= ${n};`);
    let open = true;
    pcs.forEach((pc, i) => {
      open = this.instruction(pc, n - i - 1);
    });
    if (open) {
      this.spill();
      // falls through into the next block's case (past the copied one: to the block after it);
      // past the function's end, dispatch
      const last = pcs[n - 1];
      if (next === null || tail !== null) this.emit(this.goto(last + instructionLength(this.code, last)));
    }
    this.emit('}');
  }

  /**
   * Whether `next`, the block `b` falls into, is copied at b's end: a compiled block of at most
   * MAX_TAIL instructions ending in a conditional jump, after a block that ends in none.
   */
  private duplicable(b: Block, next: Block): boolean {
    if (b.interpreted || next.interpreted || next.pcs.length > MAX_TAIL) return false;
    const last = this.code[b.pcs[b.pcs.length - 1]];
    const nextLast = this.code[next.pcs[next.pcs.length - 1]];
    return last !== Op.JMP && last !== Op.JZ && last !== Op.JNZ && last !== Op.CALL && last !== Op.RET && last !== Op.RET_VOID &&
      (nextLast === Op.JZ || nextLast === Op.JNZ) && next.start === b.pcs[b.pcs.length - 1] + instructionLength(this.code, b.pcs[b.pcs.length - 1]);
  }

  /**
   * A library call (CALL_BUILTIN, a block of its own: the evaluation stack is in ctx), made as
   * the interpreter makes it: the host runs it with the registers in ctx, then the code goes on
   * from wherever it left pc (the next instruction, or a callback's entry) with the registers,
   * the evaluation stack and the page caches read again (the call may have changed any of them);
   * a call that ended the slice or changed the program (exec) returns to the dispatcher. A fault
   * in the call leaves the registers as they were before it, with the step counted.
   */
  private libraryCall(pc: number): void {
    const code = this.code;
    this.emit(`if (left < 1) { ctx.pc = ${pc}; ${SAVE} X.kind = 1; return left; }`);
    this.emit('left -= 1;');
    this.site(pc, 0);
    this.emit(`ctx.pc = ${pc}; ${SAVE}`);
    this.emit(`if (!X.host.builtin(ctx, ${code[pc + 1]}, ${code[pc + 2]}, ${code[pc + 3]})) { X.kind = 4; return left; }`);
    this.emit(`t.syncGeneration(); ${FORGET_ALL}`);
    this.emit('pc = ctx.pc; sp = ctx.sp; fp = ctx.fp; esp = ctx.esp; F = ctx.evalF64; I = ctx.evalI32;');
    this.emit('if (ctx.image !== X.image) { X.kind = 0; return left; }');
    this.emit(`b = pc - ${this.entry}; b = b >= 0 && b < ${this.end - this.entry} ? BI[b] : -1; if (b >= 0) { ${this.switchForm('pc')} } continue;`);
  }

  /** Emits one instruction. Returns false when it ended the block (a jump, call or return). */
  private instruction(pc: number, refund: number): boolean {
    const code = this.code;
    const op = code[pc];
    const o1 = code[pc + 1];
    const o2 = code[pc + 2];
    switch (op) {
      case Op.NOP:
      case Op.LINE:
        return true;
      case Op.PUSH_I32:
        this.push({ k: 'i32', e: lit(o1) });
        return true;
      case Op.PUSH_I64:
        this.push({ k: 'i64', lo: lit(o1), hi: lit(o2) });
        return true;
      case Op.PUSH_F64:
        this.pushF64(`C[${o1}]`);
        return true;
      case Op.PUSH_PTR:
        this.push({ k: 'f64', e: lit(o2 * TWO32 + (o1 >>> 0)) });
        return true;
      case Op.FRAME_ADDR: {
        const n = this.dbl();
        this.emit(`${n} = fp + ${lit(o1)};`);
        this.push({ k: 'f64', e: n, frame: o1 });
        return true;
      }
      case Op.POP:
        this.pop();
        return true;
      case Op.DUP: {
        const v = this.pop();
        this.push(v);
        this.push(v);
        return true;
      }
      case Op.SWAP: {
        const b = this.pop();
        const a = this.pop();
        this.push(b);
        this.push(a);
        return true;
      }
      case Op.OVER: {
        const b = this.pop();
        const a = this.pop();
        this.push(a);
        this.push(b);
        this.push(a);
        return true;
      }
      case Op.LOAD_I8:
      case Op.LOAD_U8:
      case Op.LOAD_I16:
      case Op.LOAD_U16:
      case Op.LOAD_I32: {
        this.site(pc, refund);
        const fn = ['ld8', 'ldu8', 'ld16', 'ldu16', 'ld32'][op - Op.LOAD_I8];
        const pv = this.pop();
        const off = this.frameOffset(pv, LOADS[fn][0]);
        const n = this.int();
        this.emit(off !== null ? frameLoad(n, fn, off) : loadSource(n, fn, this.address(pv)));
        this.push({ k: 'i32', e: n });
        return true;
      }
      case Op.LOAD_I64: {
        this.site(pc, refund);
        const pv = this.pop();
        const off = this.frameOffset(pv, 8);
        if (off === null) {
          this.pushPair(this.address(pv));
          return true;
        }
        const lo = this.int();
        const hi = this.int();
        this.emit(frameLoadPair(lo, hi, off));
        this.push({ k: 'i64', lo, hi });
        return true;
      }
      case Op.LOAD_F32:
      case Op.LOAD_F64:
      case Op.LOAD_PTR: {
        this.site(pc, refund);
        const pv = this.pop();
        const off = this.frameOffset(pv, op === Op.LOAD_F32 ? 4 : 8);
        const n = this.dbl();
        if (off !== null) this.emit(op === Op.LOAD_PTR ? frameLoadPointer(n, off) : frameLoad(n, op === Op.LOAD_F32 ? 'ldf32' : 'ldf64', off));
        else {
          const p = this.address(pv);
          this.emit(op === Op.LOAD_PTR ? loadPointerSource(n, p) : loadSource(n, op === Op.LOAD_F32 ? 'ldf32' : 'ldf64', p));
        }
        this.push({ k: 'f64', e: n });
        return true;
      }
      case Op.STORE_I8:
      case Op.STORE_I16:
      case Op.STORE_I32:
      case Op.STORE_KEEP_I8:
      case Op.STORE_KEEP_I16:
      case Op.STORE_KEEP_I32: {
        this.site(pc, refund);
        const keep = op >= Op.STORE_KEEP_I8;
        const width = keep ? op - Op.STORE_KEEP_I8 : op - Op.STORE_I8;
        let v = this.i32(this.pop());
        const pv = this.pop();
        const fn = ['st8', 'st16', 'st32'][width];
        const off = this.frameOffset(pv, STORES[fn][0]);
        const p = off === null ? this.address(pv) : '';
        if (keep && width < 2) {
          const n = this.int();
          this.emit(`${n} = (${v} << ${width === 0 ? 24 : 16}) >> ${width === 0 ? 24 : 16};`);
          v = n;
        }
        this.emit(off !== null ? frameStore(fn, off, v) : storeSource(fn, p, v));
        if (keep) this.push({ k: 'i32', e: v });
        this.storeThrough(pv, STORES[fn][0], pc, refund);
        return true;
      }
      case Op.STORE_I64:
      case Op.STORE_KEEP_I64: {
        this.site(pc, refund);
        const v = this.i64(this.pop());
        const pv = this.pop();
        const off = this.frameOffset(pv, 8);
        this.emit(off !== null ? frameStorePair(off, v.lo, v.hi) : storePairSource(this.address(pv), v.lo, v.hi));
        if (op === Op.STORE_KEEP_I64) this.push({ k: 'i64', lo: v.lo, hi: v.hi });
        this.storeThrough(pv, 8, pc, refund);
        return true;
      }
      case Op.STORE_F32:
      case Op.STORE_F64:
      case Op.STORE_PTR:
      case Op.STORE_KEEP_F32:
      case Op.STORE_KEEP_F64:
      case Op.STORE_KEEP_PTR: {
        this.site(pc, refund);
        const keep = op >= Op.STORE_KEEP_I8;
        const which = keep ? op - Op.STORE_KEEP_F32 : op - Op.STORE_F32;
        let v = this.f64(this.pop());
        const pv = this.pop();
        const off = this.frameOffset(pv, which === 0 ? 4 : 8);
        const p = off === null ? this.address(pv) : '';
        if (keep && which === 0) {
          const n = this.dbl();
          this.emit(`${n} = Math.fround(${v});`);
          v = n;
        }
        if (off !== null) {
          this.emit(which === 2
            ? `x = ${v}; ${frameStorePair(off, 'x >>> 0', 'Math.floor(x * 2.3283064365386963e-10) | 0')}`
            : frameStore(which === 0 ? 'stf32' : 'stf64', off, v));
        } else {
          this.emit(which === 2 ? storePointerSource(p, v) : storeSource(which === 0 ? 'stf32' : 'stf64', p, v));
        }
        if (keep) this.push({ k: 'f64', e: v });
        this.storeThrough(pv, which === 0 ? 4 : 8, pc, refund);
        return true;
      }
      case Op.LOAD_LOCAL_I32:
        this.frameSite(pc, refund);
        this.pushLocal('ld32', o1);
        return true;
      case Op.LOAD_LOCAL_I64:
        this.frameSite(pc, refund);
        this.pushLocalPair(o1);
        return true;
      case Op.LOAD_LOCAL_F64:
        this.frameSite(pc, refund);
        this.pushLocal('ldf64', o1);
        return true;
      case Op.LOAD_LOCAL_PTR:
        this.frameSite(pc, refund);
        this.pushLocalPointer(o1);
        return true;
      case Op.STORE_LOCAL_I32: {
        this.frameSite(pc, refund);
        const v = this.i32(this.pop());
        this.emit(this.frame(frameStore('st32', o1, v), storeSource('st32', `fp + ${lit(o1)}`, v)));
        this.remember(o1, 'i32', { k: 'i32', e: v });
        return true;
      }
      case Op.STORE_LOCAL_I64: {
        this.frameSite(pc, refund);
        const v = this.i64(this.pop());
        this.emit(this.frame(frameStorePair(o1, v.lo, v.hi), storePairSource(`fp + ${lit(o1)}`, v.lo, v.hi)));
        this.remember(o1, 'i64', { k: 'i64', lo: v.lo, hi: v.hi });
        return true;
      }
      case Op.STORE_LOCAL_F64: {
        this.frameSite(pc, refund);
        const v = this.f64(this.pop());
        this.emit(this.frame(frameStore('stf64', o1, v), storeSource('stf64', `fp + ${lit(o1)}`, v)));
        // (a double is not kept: the bits of a NaN may not survive the round trip)
        this.forgetLocals(o1, 8);
        return true;
      }
      case Op.STORE_LOCAL_PTR: {
        this.frameSite(pc, refund);
        const v = this.f64(this.pop());
        this.emit(`x = ${v}; ` + this.frame(
          frameStorePair(o1, 'x >>> 0', 'Math.floor(x * 2.3283064365386963e-10) | 0'),
          storePairSource(`fp + ${lit(o1)}`, 'x >>> 0', 'Math.floor(x * 2.3283064365386963e-10) | 0'),
        ));
        // (a pointer is not kept: memory holds it wrapped to 64 bits)
        this.forgetLocals(o1, 8);
        return true;
      }
      case Op.ADD_LOCAL_I32: {
        this.frameSite(pc, refund);
        const known = this.known(o1, 'i32');
        let n: string;
        if (known !== null && known.k === 'i32') n = known.e;
        else {
          n = this.int();
          this.emit(this.frame(frameLoad(n, 'ld32', o1), loadSource(n, 'ld32', `fp + ${lit(o1)}`)));
        }
        const sum = this.int();
        this.emit(`${sum} = (${n} + ${lit(o2)}) | 0;`);
        this.emit(this.frame(frameStore('st32', o1, sum), storeSource('st32', `fp + ${lit(o1)}`, sum)));
        this.remember(o1, 'i32', { k: 'i32', e: sum });
        return true;
      }
      case Op.MEMCPY: {
        this.site(pc, refund);
        const src = this.f64(this.pop());
        const dst = this.f64(this.pop());
        this.emit(`copyBytes(t, ${dst}, ${src}, ${o1}); ${FORGET}`);
        this.locals.clear();
        return true;
      }
      case Op.MEMZERO:
        this.site(pc, refund);
        this.emit(`fillBytes(t, ${this.f64(this.pop())}, ${o1}, null); ${FORGET}`);
        this.locals.clear();
        return true;

      case Op.ADD_I32: case Op.SUB_I32: case Op.MUL_I32: case Op.AND_I32: case Op.OR_I32: case Op.XOR_I32:
      case Op.SHL_I32: case Op.SHR_I32: case Op.SHR_U32:
      case Op.EQ_I32: case Op.NE_I32: case Op.LT_I32: case Op.LE_I32: case Op.GT_I32: case Op.GE_I32:
      case Op.LT_U32: case Op.LE_U32: case Op.GT_U32: case Op.GE_U32: {
        const b = this.i32(this.pop());
        const a = this.i32(this.pop());
        this.pushI32(binary32(op, a, b));
        return true;
      }
      case Op.DIV_I32: case Op.REM_I32: case Op.DIV_U32: case Op.REM_U32: {
        this.site(pc, refund);
        const b = this.i32(this.pop());
        const a = this.i32(this.pop());
        const fn = op === Op.DIV_I32 || op === Op.REM_I32 ? 'divI32' : 'divU32';
        this.pushI32(`${fn}(${a}, ${b}, ${op === Op.REM_I32 || op === Op.REM_U32})`);
        return true;
      }
      case Op.NEG_I32:
        this.pushI32(`-${this.i32(this.pop())} | 0`);
        return true;
      case Op.NOT_I32:
        this.pushI32(`~${this.i32(this.pop())}`);
        return true;
      case Op.LNOT_I32:
        this.pushI32(`${this.i32(this.pop())} === 0 ? 1 : 0`);
        return true;

      case Op.ADD_I64: case Op.SUB_I64: case Op.AND_I64: case Op.OR_I64: case Op.XOR_I64: {
        const b = this.i64(this.pop());
        const a = this.i64(this.pop());
        const lo = this.int();
        const hi = this.int();
        if (op === Op.ADD_I64) {
          this.emit(`a = (${a.lo} >>> 0) + (${b.lo} >>> 0); ${hi} = (${a.hi} + ${b.hi} + (a > 4294967295 ? 1 : 0)) | 0; ${lo} = a | 0;`);
        } else if (op === Op.SUB_I64) {
          this.emit(`${hi} = (${a.hi} - ${b.hi} - ((${a.lo} >>> 0) < (${b.lo} >>> 0) ? 1 : 0)) | 0; ${lo} = (${a.lo} - ${b.lo}) | 0;`);
        } else {
          const o = op === Op.AND_I64 ? '&' : op === Op.OR_I64 ? '|' : '^';
          this.emit(`${lo} = ${a.lo} ${o} ${b.lo}; ${hi} = ${a.hi} ${o} ${b.hi};`);
        }
        this.push({ k: 'i64', lo, hi });
        return true;
      }
      case Op.MUL_I64: {
        const b = this.i64(this.pop());
        const a = this.i64(this.pop());
        this.pushI64Call(`mul64(${a.lo}, ${a.hi}, ${b.lo}, ${b.hi})`);
        return true;
      }
      case Op.DIV_I64: case Op.REM_I64: case Op.DIV_U64: case Op.REM_U64: {
        this.site(pc, refund);
        const b = this.i64(this.pop());
        const a = this.i64(this.pop());
        const fn = op === Op.DIV_I64 || op === Op.REM_I64 ? 'divI64' : 'divU64';
        this.pushI64Call(`${fn}(${a.lo}, ${a.hi}, ${b.lo}, ${b.hi}, ${op === Op.REM_I64 || op === Op.REM_U64})`);
        return true;
      }
      case Op.SHL_I64: case Op.SHR_I64: case Op.SHR_U64: {
        const b = this.i64(this.pop());
        const a = this.i64(this.pop());
        this.pushI64Call(`shift64(${a.lo}, ${a.hi}, ${b.lo}, ${op - Op.SHL_I64})`);
        return true;
      }
      case Op.NEG_I64: {
        const a = this.i64(this.pop());
        const lo = this.int();
        const hi = this.int();
        this.emit(`${lo} = -${a.lo} | 0; ${hi} = (~${a.hi} + (${a.lo} === 0 ? 1 : 0)) | 0;`);
        this.push({ k: 'i64', lo, hi });
        return true;
      }
      case Op.NOT_I64: {
        const a = this.i64(this.pop());
        const lo = this.int();
        const hi = this.int();
        this.emit(`${lo} = ~${a.lo}; ${hi} = ~${a.hi};`);
        this.push({ k: 'i64', lo, hi });
        return true;
      }
      case Op.EQ_I64: case Op.NE_I64: case Op.LT_I64: case Op.LE_I64: case Op.GT_I64: case Op.GE_I64:
      case Op.LT_U64: case Op.LE_U64: case Op.GT_U64: case Op.GE_U64: {
        const b = this.i64(this.pop());
        const a = this.i64(this.pop());
        this.pushI32(compare64(op, a, b));
        return true;
      }

      case Op.ADD_F64: case Op.SUB_F64: case Op.MUL_F64: case Op.DIV_F64: {
        const b = this.f64(this.pop());
        const a = this.f64(this.pop());
        this.pushF64(`${a} ${'+-*/'[op - Op.ADD_F64]} ${b}`);
        return true;
      }
      case Op.NEG_F64:
        this.pushF64(`-${this.f64(this.pop())}`);
        return true;
      case Op.EQ_F64: case Op.NE_F64: case Op.LT_F64: case Op.LE_F64: case Op.GT_F64: case Op.GE_F64: {
        const b = this.f64(this.pop());
        const a = this.f64(this.pop());
        const o = ['===', '!==', '<', '<=', '>', '>='][op - Op.EQ_F64];
        this.pushI32(`${a} ${o} ${b} ? 1 : 0`);
        return true;
      }
      case Op.FROUND:
        this.pushF64(`Math.fround(${this.f64(this.pop())})`);
        return true;

      case Op.PTR_ADD_I32: {
        const iv = this.pop();
        const pv = this.pop();
        const i = this.i32(iv);
        const p = this.f64(pv);
        this.pushF64(`${p} + ${i} * ${lit(o1)}`, indexedKey(pv, iv));
        return true;
      }
      case Op.PTR_ADD_I64: {
        const iv = this.pop();
        const pv = this.pop();
        const i = this.i64(iv);
        const p = this.f64(pv);
        this.pushF64(`${p} + (${i.hi} * 4294967296 + (${i.lo} >>> 0)) * ${lit(o1)}`, indexedKey(pv, iv));
        return true;
      }
      case Op.PTR_DIFF: {
        const b = this.f64(this.pop());
        const a = this.f64(this.pop());
        this.pushI64Call(`numberToI64(Math.trunc((${a} - ${b}) / ${lit(o1)}))`);
        return true;
      }
      case Op.PTR_ADD_IMM: {
        const pv = this.pop();
        this.pushF64(`${this.f64(pv)} + ${lit(o1)}`, pv.k === 'f64' ? pv.key : undefined);
        return true;
      }

      case Op.I32_TO_I64: {
        const iv = this.pop();
        const v = this.i32(iv);
        const hi = this.int();
        this.emit(`${hi} = ${v} >> 31;`);
        this.push({ k: 'i64', lo: v, hi, key: iv.k === 'i32' ? iv.key : undefined });
        return true;
      }
      case Op.U32_TO_I64:
        this.push({ k: 'i64', lo: this.i32(this.pop()), hi: '0' });
        return true;
      case Op.I64_TO_I32:
        // the slot is unchanged; its users read the low half
        return true;
      case Op.TRUNC_I8:
        this.pushI32(`(${this.i32(this.pop())} << 24) >> 24`);
        return true;
      case Op.TRUNC_U8:
        this.pushI32(`${this.i32(this.pop())} & 255`);
        return true;
      case Op.TRUNC_I16:
        this.pushI32(`(${this.i32(this.pop())} << 16) >> 16`);
        return true;
      case Op.TRUNC_U16:
        this.pushI32(`${this.i32(this.pop())} & 65535`);
        return true;
      case Op.I32_TO_F64:
        this.pushF64(`+${this.i32(this.pop())}`);
        return true;
      case Op.U32_TO_F64:
        this.pushF64(`${this.i32(this.pop())} >>> 0`);
        return true;
      case Op.I64_TO_F64: {
        const v = this.i64(this.pop());
        this.pushF64(`i64ToF64(${v.lo}, ${v.hi})`);
        return true;
      }
      case Op.U64_TO_F64: {
        const v = this.i64(this.pop());
        this.pushF64(`u64ToF64(${v.lo}, ${v.hi})`);
        return true;
      }
      case Op.F64_TO_I32: {
        const v = this.f64(this.pop());
        this.emit(`x = Math.trunc(${v});`);
        this.pushI32('x >= -2147483648 && x <= 2147483647 ? x | 0 : -2147483648');
        return true;
      }
      case Op.F64_TO_U32:
        this.pushI64Call(`numberToI64(Math.trunc(${this.f64(this.pop())}))`);
        return true;
      case Op.F64_TO_I64:
        this.pushI64Call(`f64ToI64(${this.f64(this.pop())})`);
        return true;
      case Op.F64_TO_U64:
        this.pushI64Call(`f64ToU64(${this.f64(this.pop())})`);
        return true;
      case Op.PTR_TO_I64:
        this.pushI64Call(`numberToI64(${this.f64(this.pop())})`);
        return true;
      case Op.I64_TO_PTR: {
        const v = this.i64(this.pop());
        this.pushF64(`${v.hi} * 4294967296 + (${v.lo} >>> 0)`);
        return true;
      }
      case Op.BOOL_I64: {
        const v = this.i64(this.pop());
        this.pushI32(`${v.lo} !== 0 || ${v.hi} !== 0 ? 1 : 0`);
        return true;
      }
      case Op.BOOL_F64:
      case Op.BOOL_PTR:
        this.pushI32(`${this.f64(this.pop())} !== 0 ? 1 : 0`);
        return true;

      case Op.JMP:
        this.spill();
        this.emit(this.goto(o1));
        return false;
      case Op.JZ:
      case Op.JNZ: {
        const c = this.i32(this.pop());
        this.spill();
        this.emit(`if (${c} ${op === Op.JZ ? '===' : '!=='} 0) { ${this.goto(o1)} }`);
        return true; // falls through to the next block
      }
      case Op.CALL: {
        this.spill();
        this.emit(`if (esp > F.length - ${EVAL_HEADROOM}) { ctx.esp = esp; growEvalStack(ctx); F = ctx.evalF64; I = ctx.evalI32; }`);
        const inside = o1 >= this.entry && o1 < this.end && this.blockIndex[o1 - this.entry] >= 0;
        if (inside && this.fast && this.window !== null) {
          // a call within the piece (recursion): the callee's frame is this function's, at
          // fp = sp - 16; when its window holds, the return address and fp go there unchecked
          const ret = codeAddress(pc + 3);
          this.emit(`${this.frameCheck('(sp - 16)')} if (!ff) { ctx.pc = ${pc}; ${SAVE} X.kind = 5; return left + ${refund + 1}; }`);
          this.emit(`${frameStorePair(8, lit(ret >>> 0), lit(Math.floor(ret / TWO32) | 0))} x = fp; ` +
            frameStorePair(0, 'x >>> 0', 'Math.floor(x * 2.3283064365386963e-10) | 0'));
          this.emit(`sp -= 16; fp = sp; ctx.nargs = ${o2}; ${this.goto(o1)}`);
          return false;
        }
        this.site(pc, refund);
        this.emit(storeConstantPointerSource('sp - 8', codeAddress(pc + 3)));
        this.emit(storePointerSource('sp - 16', 'fp'));
        this.emit(`sp -= 16; fp = sp; ctx.nargs = ${o2}; ${inside ? this.switchForm(String(o1)) : ''} ${this.goto(o1)}`);
        return false;
      }
      case Op.ENTER:
        this.spill();
        this.emit(`if (ctx.nargs !== ${o2}) esp = enterFix(ctx, esp, ${o2}); sp -= ${o1};`);
        return true;
      case Op.RET:
      case Op.RET_VOID:
        this.spill();
        this.site(pc, refund);
        this.emit(this.frame(frameLoadPointer('y', 8), loadPointerSource('y', 'fp + 8')));
        this.emit(this.frame(frameLoadPointer('z', 0), loadPointerSource('z', 'fp')));
        // the code index of a return address, checked without a floating-point remainder
        this.emit(`x = (y - ${TEXT_BASE}) * 0.25; pc = x | 0; if (pc !== x || pc < 0 || pc >= ${code.length}) pc = returnTarget(y, ${code.length});`);
        this.emit(`sp = fp + 16; fp = z; b = pc - ${this.entry}; b = b >= 0 && b < ${this.end - this.entry} ? BI[b] : -1; if (b >= 0) { ${this.switchForm('pc')} } continue;`);
        return false;
      default:
        throw new NotCompilable(`opcode ${op}`);
    }
  }

  /** Approximate length of the source so far. */
  size(): number {
    return this.out.reduce((n, line) => n + line.length + 1, 0) + SITE_COST * this.sites.length;
  }

  /** The whole function: a loop over its blocks, the exit for other pcs and the fault handler. */
  finish(entry: number): string {
    let maxTemps = 0;
    const handlers = this.sites.map((s, i) => {
      let temps = 0;
      const spill = this.spillSource(s.stack, s.under, () => `w${temps++}`);
      maxTemps = Math.max(maxTemps, temps);
      return `case ${i}: ${spill} ctx.pc = ${s.pc}; left += ${s.refund}; break;`;
    });
    const ints = Array.from({ length: this.maxInts }, (_, i) => `i${i} = 0`);
    const doubles = Array.from({ length: this.maxDoubles }, (_, i) => `d${i} = 0.5`);
    const temps = Array.from({ length: maxTemps }, (_, i) => `w${i} = 0`);
    return [
      `return function compiled_${entry}(ctx, t, left, X) {`,
      'let pc = ctx.pc, sp = ctx.sp, fp = ctx.fp, esp = ctx.esp;',
      `let b = BI[pc - ${entry}];`,
      'let F = ctx.evalF64, I = ctx.evalI32;',
      'const tg = t.tag, vw = t.view, wr = t.writable, inv = t.invPageSize, ps = t.pageSize;',
      'let site = 0, a = 0.5, q = 0.5, k = 0, o = 0.5, x = 0.5, y = 0.5, z = 0.5;',
      `let ${CACHES.map((c) => `${c}b = NaN, ${c}w = 0, ${c}v = null`).join(', ')};`,
      'let fo = 0.5, ff = false, ro = false;',
      this.fast && this.window !== null ? `${this.frameCheck()} if (!ff) { X.kind = 5; return left; }` : '',
      ints.length ? `let ${ints.join(', ')};` : '',
      doubles.length ? `let ${doubles.join(', ')};` : '',
      'try {',
      'for (;;) {',
      'switch (b) {',
      ...this.out,
      `default: ctx.pc = pc; ${SAVE} X.kind = 0; return left;`,
      '}',
      '}',
      '} catch (e) {',
      'if (!(e instanceof Fault)) throw e;',
      temps.length ? `let ${temps.join(', ')};` : '',
      'switch (site) {',
      ...handlers,
      '}',
      `${SAVE} X.kind = 2; X.fault = e; X.faultPc = ctx.pc; return left;`,
      '}',
      '};',
    ].join('\n');
  }
}

/**
 * The bytes [fp + lo, fp + hi) that `blocks` read or write from fp (locals, a return's saved
 * registers), with the saved registers [fp, fp + 16) always in and the first 8 bytes of the locals
 * whose address they take nearby, or null when they make no access from fp.
 */
function frameWindow(code: Int32Array, blocks: Block[]): { lo: number; hi: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  const addressed: number[] = [];
  for (const b of blocks) {
    if (b.interpreted) continue;
    for (const pc of b.pcs) {
      const op = code[pc];
      let off = code[pc + 1];
      let size = 0;
      if (op === Op.FRAME_ADDR) addressed.push(off);
      if (op === Op.LOAD_LOCAL_I32 || op === Op.STORE_LOCAL_I32 || op === Op.ADD_LOCAL_I32) size = 4;
      else if (op >= Op.LOAD_LOCAL_I64 && op <= Op.STORE_LOCAL_PTR) size = 8;
      else if (op === Op.RET || op === Op.RET_VOID) {
        off = 0;
        size = 16;
      }
      if (size > 0) {
        lo = Math.min(lo, off);
        hi = Math.max(hi, off + size);
      }
    }
  }
  if (lo > hi) return null;
  lo = Math.min(lo, 0);
  hi = Math.max(hi, 16);
  // the first bytes of locals reached through their address (a char, a small struct or array)
  // when they lie near: the window stays small, so that it seldom crosses a page boundary
  const near = lo - 64;
  for (const off of addressed) {
    if (off >= near) {
      lo = Math.min(lo, off);
      hi = Math.max(hi, off + 8);
    }
  }
  return { lo, hi };
}

/** The key of pointer `p` indexed by `i` (see Val), or undefined when p was not computed from locals. */
function indexedKey(p: Val, i: Val): string | undefined {
  if (p.k !== 'f64' || p.key === undefined) return undefined;
  return `${p.key}[${i.k !== 'raw' && i.key !== undefined ? i.key : ''}]`;
}

function binary32(op: number, a: string, b: string): string {
  switch (op) {
    case Op.ADD_I32: return `(${a} + ${b}) | 0`;
    case Op.SUB_I32: return `(${a} - ${b}) | 0`;
    case Op.MUL_I32: return `Math.imul(${a}, ${b})`;
    case Op.AND_I32: return `${a} & ${b}`;
    case Op.OR_I32: return `${a} | ${b}`;
    case Op.XOR_I32: return `${a} ^ ${b}`;
    case Op.SHL_I32: return `${a} << (${b} & 31)`;
    case Op.SHR_I32: return `${a} >> (${b} & 31)`;
    case Op.SHR_U32: return `(${a} >>> (${b} & 31)) | 0`;
    case Op.EQ_I32: return `${a} === ${b} ? 1 : 0`;
    case Op.NE_I32: return `${a} !== ${b} ? 1 : 0`;
    case Op.LT_I32: return `${a} < ${b} ? 1 : 0`;
    case Op.LE_I32: return `${a} <= ${b} ? 1 : 0`;
    case Op.GT_I32: return `${a} > ${b} ? 1 : 0`;
    case Op.GE_I32: return `${a} >= ${b} ? 1 : 0`;
    case Op.LT_U32: return `(${a} >>> 0) < (${b} >>> 0) ? 1 : 0`;
    case Op.LE_U32: return `(${a} >>> 0) <= (${b} >>> 0) ? 1 : 0`;
    case Op.GT_U32: return `(${a} >>> 0) > (${b} >>> 0) ? 1 : 0`;
    default: return `(${a} >>> 0) >= (${b} >>> 0) ? 1 : 0`; // GE_U32
  }
}

function compare64(op: number, a: { lo: string; hi: string }, b: { lo: string; hi: string }): string {
  if (op === Op.EQ_I64) return `${a.lo} === ${b.lo} && ${a.hi} === ${b.hi} ? 1 : 0`;
  if (op === Op.NE_I64) return `${a.lo} !== ${b.lo} || ${a.hi} !== ${b.hi} ? 1 : 0`;
  const unsigned = op >= Op.LT_U64;
  const rel = ['<', '<=', '>', '>='][(unsigned ? op - Op.LT_U64 : op - Op.LT_I64)];
  const strict = rel[0];
  const ha = unsigned ? `(${a.hi} >>> 0)` : a.hi;
  const hb = unsigned ? `(${b.hi} >>> 0)` : b.hi;
  return `${ha} ${strict} ${hb} || (${a.hi} === ${b.hi} && (${a.lo} >>> 0) ${rel} (${b.lo} >>> 0)) ? 1 : 0`;
}

import { describe, expect, it } from 'vitest';
import { Op, OP_NAMES, OPERANDS, TEXT_BASE } from '../lang/isa.ts';
import type { FunctionInfo, ProgramImage } from '../lang/image.ts';
import { STACK_TOP } from '../lang/image.ts';
import { createContext } from '../kernel/context.ts';
import { AddressSpaces } from '../kernel/memory.ts';
import { runSlice, interpretSlice, cpuSettings, SliceEnd } from './interpreter.ts';
import { Tlb } from './tlb.ts';
import { readFileSync } from 'node:fs';
import * as fuse from './fuse.ts';
import { compiledImage } from './jit/compiled-image.ts';

/** A tiny assembler: functions as lists of [op, ...operands]; labels as strings. */
function assemble(functions: Record<string, (number | string)[][]>): ProgramImage {
  const code: number[] = [];
  const labels = new Map<string, number>();
  const fixups: { at: number; label: string }[] = [];
  const infos: FunctionInfo[] = [];
  for (const [name, body] of Object.entries(functions)) {
    const entryPc = code.length;
    labels.set(name, entryPc);
    for (const ins of body) {
      if (typeof ins[0] === 'string') {
        labels.set(ins[0], code.length);
        continue;
      }
      for (const w of ins) {
        if (typeof w === 'string') {
          fixups.push({ at: code.length, label: w });
          code.push(0);
        } else code.push(w);
      }
    }
    infos.push({ name, entryPc, endPc: code.length, frameSize: 0, file: 0, line: 1, locals: [], returnsVoid: false });
  }
  for (const f of fixups) code[f.at] = labels.get(f.label)!;
  return {
    version: 1, name: 'test', code: Int32Array.from(code), f64Consts: new Float64Array(0),
    rodataBase: 0x600000, rodata: new Uint8Array(0), dataBase: 0x601000, data: new Uint8Array(0),
    bssBase: 0x602000, bssSize: 0, entryPc: 0, symbols: [], functions: infos, lines: [], files: ['test.c'],
    builtinsUsed: [],
  };
}

/** Runs `main` of the image to its final RET (to address 0) or a fault; returns the top of stack. */
function run(image: ProgramImage, budget = 10_000_000) {
  const spaces = new AddressSpaces(4096, 4096);
  const mm = spaces.createFromImage(image)!;
  const tlb = new Tlb(spaces.mmuFor(mm));
  // a return address of 0 and saved fp 0 below the top of the stack, as exec leaves it
  const sp = STACK_TOP - 64;
  spaces.writeUser(mm, sp, new Uint8Array(16));
  const ctx = createContext(image, 0, sp);
  ctx.fp = sp;
  const r = runSlice(ctx, tlb, { builtin: () => true }, budget);
  return { r, ctx, spaces };
}

describe('the bytecode CPU', () => {
  it('every opcode has a name and an operand count', () => {
    expect(OP_NAMES.length).toBe(Op.OP_COUNT);
    expect(OPERANDS.length).toBe(Op.OP_COUNT);
  });

  it('uses the numeric case labels that match the opcode names', () => {
    const src = readFileSync(new URL('./interpreter.ts', import.meta.url), 'utf8');
    const cases = [...src.matchAll(/case (\d+) \/\* ([A-Z0-9_]+) \*\//g)];
    expect(cases.length).toBeGreaterThan(100);
    for (const [, n, name] of cases) {
      if (name.startsWith('F_')) expect((fuse as Record<string, unknown>)[name]).toBe(Number(n));
      else expect(OP_NAMES[Number(n)]).toBe(name);
    }
    for (const [, n, name] of src.matchAll(/=== (\d+) \/\* ([A-Z0-9_]+) \*\//g)) expect(OP_NAMES[Number(n)]).toBe(name);
  });

  it('runs a loop with locals in memory (sum of i & 7 for i < 1000)', () => {
    const image = assemble({
      main: [
        [Op.ENTER, 16, 0],
        [Op.PUSH_I32, 0], [Op.STORE_LOCAL_I32, -4],
        [Op.PUSH_I64, 0, 0], [Op.STORE_LOCAL_I64, -16],
        ['loop'],
        [Op.LOAD_LOCAL_I32, -4], [Op.PUSH_I32, 1000], [Op.LT_I32], [Op.JZ, 'end'],
        [Op.LOAD_LOCAL_I64, -16], [Op.LOAD_LOCAL_I32, -4], [Op.PUSH_I32, 7], [Op.AND_I32], [Op.I32_TO_I64],
        [Op.ADD_I64], [Op.STORE_LOCAL_I64, -16],
        [Op.ADD_LOCAL_I32, -4, 1], [Op.JMP, 'loop'],
        ['end'],
        [Op.LOAD_LOCAL_I64, -16], [Op.RET],
      ],
    });
    const { r, ctx } = run(image);
    expect(r.end).toBe(SliceEnd.Fault); // returning to address 0
    expect(r.fault?.reason).toBe('bad-return-address');
    expect(ctx.evalI64[ctx.esp - 1]).toBe(3500n);
  });

  it('calls recursively with frames and return addresses in memory (fib 15 = 610)', () => {
    const image = assemble({
      main: [[Op.ENTER, 0, 0], [Op.PUSH_I32, 15], [Op.CALL, 'fib', 1], [Op.RET]],
      fib: [
        [Op.ENTER, 16, 1], [Op.STORE_LOCAL_I32, -4],
        [Op.LOAD_LOCAL_I32, -4], [Op.PUSH_I32, 2], [Op.LT_I32], [Op.JZ, 'rec'],
        [Op.LOAD_LOCAL_I32, -4], [Op.RET],
        ['rec'],
        [Op.LOAD_LOCAL_I32, -4], [Op.PUSH_I32, 1], [Op.SUB_I32], [Op.CALL, 'fib', 1],
        [Op.LOAD_LOCAL_I32, -4], [Op.PUSH_I32, 2], [Op.SUB_I32], [Op.CALL, 'fib', 1],
        [Op.ADD_I32], [Op.RET],
      ],
    });
    const { ctx } = run(image);
    expect(ctx.evalI32[2 * (ctx.esp - 1)]).toBe(610);
    expect(ctx.esp).toBe(1);
  });

  it('gives the same results and step counts when run in tiny slices (superinstructions split)', () => {
    const image = assemble({
      main: [
        [Op.ENTER, 16, 0],
        [Op.PUSH_I32, 0], [Op.STORE_LOCAL_I32, -4],
        [Op.PUSH_I32, 0], [Op.STORE_LOCAL_I32, -8],
        ['loop'],
        [Op.LOAD_LOCAL_I32, -4], [Op.PUSH_I32, 300], [Op.LT_I32], [Op.JZ, 'end'],
        [Op.LOAD_LOCAL_I32, -4], [Op.LOAD_LOCAL_I32, -8], [Op.LT_I32], [Op.JNZ, 'skip'],
        [Op.LOAD_LOCAL_I32, -8], [Op.PUSH_I32, 3], [Op.MUL_I32], [Op.LOAD_LOCAL_I32, -4], [Op.XOR_I32],
        [Op.STORE_LOCAL_I32, -8],
        ['skip'],
        [Op.LOAD_LOCAL_I32, -8], [Op.LOAD_LOCAL_I32, -4], [Op.ADD_I32], [Op.STORE_LOCAL_I32, -8],
        [Op.ADD_LOCAL_I32, -4, 1], [Op.JMP, 'loop'],
        ['end'],
        [Op.LOAD_LOCAL_I32, -8], [Op.RET],
      ],
    });
    const whole = run(image);
    const spaces = new AddressSpaces(4096, 4096);
    const mm = spaces.createFromImage(image)!;
    const tlb = new Tlb(spaces.mmuFor(mm));
    const sp = STACK_TOP - 64;
    spaces.writeUser(mm, sp, new Uint8Array(16));
    const ctx = createContext(image, 0, sp);
    ctx.fp = sp;
    let steps = 0;
    let seed = 7;
    for (;;) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const r = runSlice(ctx, tlb, { builtin: () => true }, 1 + (seed % 7));
      steps += r.steps;
      if (r.end === SliceEnd.Fault) break;
    }
    expect(ctx.evalI32[2 * (ctx.esp - 1)]).toBe(whole.ctx.evalI32[2 * (whole.ctx.esp - 1)]);
    expect(steps).toBe(whole.r.steps);
  });

  it('keeps (void *)-1 exact through pointer, integer and memory round trips', () => {
    const image = assemble({
      main: [
        [Op.ENTER, 16, 0],
        [Op.PUSH_PTR, -1, -1], [Op.STORE_LOCAL_PTR, -8], [Op.LOAD_LOCAL_PTR, -8],
        [Op.PTR_TO_I64], [Op.I64_TO_PTR], [Op.PTR_TO_I64], [Op.RET],
      ],
    });
    const { ctx } = run(image);
    expect(ctx.evalI64[ctx.esp - 1]).toBe(-1n);
  });

  it('wraps 64-bit multiplication exactly', () => {
    const image = assemble({
      main: [[Op.ENTER, 0, 0], [Op.PUSH_I64, -1, 0x7fffffff], [Op.PUSH_I64, 3, 0], [Op.MUL_I64], [Op.RET]],
    });
    const { ctx } = run(image);
    expect(ctx.evalI64[ctx.esp - 1]).toBe(BigInt.asIntN(64, 0x7fffffffffffffffn * 3n));
  });

  it('turns a NULL dereference into SIGSEGV at that instruction', () => {
    const image = assemble({ main: [[Op.ENTER, 0, 0], [Op.PUSH_PTR, 0, 0], [Op.LOAD_I32], [Op.RET]] });
    const { r, ctx } = run(image);
    expect(r.end).toBe(SliceEnd.Fault);
    expect(r.fault?.signal).toBe('SIGSEGV');
    expect(r.fault?.reason).toBe('null-pointer');
    expect(ctx.pc).toBe(6); // ENTER (3 words), PUSH_PTR (3 words), then LOAD_I32
  });

  it('turns integer division by zero and INT_MIN / -1 into SIGFPE', () => {
    for (const [a, b] of [[7, 0], [-2147483648, -1]]) {
      const image = assemble({ main: [[Op.ENTER, 0, 0], [Op.PUSH_I32, a], [Op.PUSH_I32, b], [Op.DIV_I32], [Op.RET]] });
      expect(run(image).r.fault?.signal).toBe('SIGFPE');
    }
  });

  it('turns runaway recursion into SIGSEGV when the stack runs out', () => {
    const image = assemble({ main: [[Op.ENTER, 64, 0], [Op.PUSH_I32, 1], [Op.STORE_LOCAL_I32, -64], [Op.CALL, 'main', 0], [Op.RET]] });
    const { r } = run(image, 50_000_000);
    expect(r.fault?.signal).toBe('SIGSEGV');
    expect(r.fault?.reason).toBe('stack-overflow');
  });

  it('stops at the step budget with the state saved, and resumes where it stopped', () => {
    const image = assemble({ main: [[Op.ENTER, 0, 0], ['spin'], [Op.JMP, 'spin']] });
    const { r, ctx } = run(image, 1000);
    expect(r.end).toBe(SliceEnd.Budget);
    expect(r.steps).toBe(1000);
    expect(ctx.pc).toBe(3);
  });

  it('runs compiled blocks in lockstep with the interpreter, slice by slice, at every budget', () => {
    const fib = assemble({
      main: [[Op.ENTER, 0, 0], [Op.PUSH_I32, 12], [Op.CALL, 'fib', 1], [Op.RET]],
      fib: [
        [Op.ENTER, 16, 1], [Op.STORE_LOCAL_I32, -4],
        [Op.LOAD_LOCAL_I32, -4], [Op.PUSH_I32, 2], [Op.LT_I32], [Op.JZ, 'rec'],
        [Op.LOAD_LOCAL_I32, -4], [Op.I32_TO_I64], [Op.RET],
        ['rec'],
        [Op.LOAD_LOCAL_I32, -4], [Op.PUSH_I32, 1], [Op.SUB_I32], [Op.CALL, 'fib', 1],
        [Op.LOAD_LOCAL_I32, -4], [Op.PUSH_I32, 2], [Op.SUB_I32], [Op.CALL, 'fib', 1],
        [Op.SWAP], [Op.DUP], [Op.POP], [Op.ADD_I64], [Op.PUSH_I64, 3, 0], [Op.MUL_I64], [Op.PUSH_I64, 3, 0],
        [Op.DIV_I64], [Op.RET],
      ],
    });
    const start = () => {
      const spaces = new AddressSpaces(4096, 4096);
      const mm = spaces.createFromImage(fib)!;
      const tlb = new Tlb(spaces.mmuFor(mm));
      const sp = STACK_TOP - 64;
      spaces.writeUser(mm, sp, new Uint8Array(16));
      const ctx = createContext(fib, 0, sp);
      ctx.fp = sp;
      return { ctx, tlb };
    };
    // both functions compile (otherwise this would compare the interpreter with itself)
    for (const f of fib.functions) expect(compiledImage(fib).at(f.entryPc)).not.toBeNull();
    const saved = cpuSettings.compile;
    cpuSettings.compile = true;
    try {
      for (const sizes of [[1], [2, 3], [5, 1, 8], [13, 7], [1000]]) {
        const a = start();
        const b = start();
        for (let i = 0; ; i++) {
          const budget = sizes[i % sizes.length];
          const ra = interpretSlice(a.ctx, a.tlb, { builtin: () => true }, budget);
          const rb = runSlice(b.ctx, b.tlb, { builtin: () => true }, budget);
          expect([rb.end, rb.steps, rb.faultPc]).toEqual([ra.end, ra.steps, ra.faultPc]);
          expect([b.ctx.pc, b.ctx.sp, b.ctx.fp, b.ctx.esp]).toEqual([a.ctx.pc, a.ctx.sp, a.ctx.fp, a.ctx.esp]);
          if (ra.end === SliceEnd.Fault) break;
        }
        expect(b.ctx.evalI64[b.ctx.esp - 1]).toBe(144n);
        expect(a.ctx.evalI64[a.ctx.esp - 1]).toBe(144n);
      }
    } finally {
      cpuSettings.compile = saved;
    }
  });

  it('leaves the registers as they were before a faulting instruction, compiled or interpreted', () => {
    const programs = [
      // division by zero after a push: esp still counts both operands
      [[Op.ENTER, 16, 0], [Op.PUSH_I32, 9], [Op.PUSH_I32, 7], [Op.PUSH_I32, 0], [Op.DIV_I32], [Op.RET]],
      // the second of two local loads (a fused pair in the interpreter) faults above the stack top
      [[Op.ENTER, 16, 0], [Op.LOAD_LOCAL_I32, -4], [Op.LOAD_LOCAL_I32, 1 << 20], [Op.ADD_I32], [Op.RET]],
      // a store through a null pointer, with a value computed in the same block
      [[Op.ENTER, 16, 0], [Op.PUSH_PTR, 0, 0], [Op.PUSH_I32, 4], [Op.PUSH_I32, 5], [Op.MUL_I32], [Op.STORE_I32], [Op.RET]],
      // a 64-bit local stored, then a load from an unmapped page
      [[Op.ENTER, 16, 0], [Op.PUSH_I64, 1, 2], [Op.STORE_LOCAL_I64, -16], [Op.PUSH_PTR, 0, 0x100], [Op.LOAD_F64], [Op.RET]],
    ];
    const saved = cpuSettings.compile;
    try {
      for (const main of programs) {
        const image = assemble({ main });
        expect(compiledImage(image).at(0)).not.toBeNull();
        cpuSettings.compile = false;
        const a = run(image);
        cpuSettings.compile = true;
        const b = run(image);
        expect(a.r.end).toBe(SliceEnd.Fault);
        expect([b.r.end, b.r.steps, b.r.faultPc, b.r.fault?.reason]).toEqual([a.r.end, a.r.steps, a.r.faultPc, a.r.fault?.reason]);
        expect([b.ctx.pc, b.ctx.sp, b.ctx.fp, b.ctx.esp]).toEqual([a.ctx.pc, a.ctx.sp, a.ctx.fp, a.ctx.esp]);
        for (let s = 0; s < a.ctx.esp; s++) expect(b.ctx.evalI32[2 * s]).toBe(a.ctx.evalI32[2 * s]);
      }
    } finally {
      cpuSettings.compile = saved;
    }
    // the division's operands are still on the stack, under pc = DIV_I32
    const div = assemble({ main: programs[0] });
    const { ctx } = run(div);
    expect(ctx.esp).toBe(3);
    expect(ctx.pc).toBe(9);
  });

  it('gives text addresses to code', () => {
    expect(TEXT_BASE).toBe(0x401000);
  });
});

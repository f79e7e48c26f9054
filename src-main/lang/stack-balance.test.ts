/**
 * An invariant of the generated code, checked over the whole differential corpus: at every
 * instruction the evaluation stack has one depth whatever path led there, it never goes below
 * zero, every statement starts with an empty stack, and RET finds exactly the return value.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { compile } from './compile.ts';
import { CRT } from '../vm/libc/crt.ts';
import { Op, OPERANDS } from './isa.ts';
import { BUILTIN_NAMES } from './builtins.ts';
import { HEADERS } from './headers.ts';
import { DiagnosticBag } from './diagnostics.ts';
import { preprocess } from './preprocess.ts';
import { parseUnit } from './parser.ts';
import type { ProgramImage } from './image.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../tests/differential');

/** Builtins whose prototype returns void (they push nothing). */
function voidBuiltins(): Set<string> {
  const text = Object.keys(HEADERS).filter((h) => !h.startsWith('bits/')).map((h) => `#include <${h}>`).join('\n');
  const unit = parseUnit(preprocess({ name: 'all.c', text }, new DiagnosticBag()), 0, 'all.c', new DiagnosticBag());
  return new Set(unit.globals.filter((g) => g.kind === 'func' && g.type.ret!.kind === 'void').map((g) => g.name));
}

const POPS: Partial<Record<Op, [number, number]>> = {};
function effect(op: Op, pops: number, pushes: number): void {
  POPS[op] = [pops, pushes];
}
for (const op of [Op.PUSH_I32, Op.PUSH_I64, Op.PUSH_F64, Op.PUSH_PTR, Op.FRAME_ADDR,
  Op.LOAD_LOCAL_I32, Op.LOAD_LOCAL_I64, Op.LOAD_LOCAL_F64, Op.LOAD_LOCAL_PTR]) effect(op, 0, 1);
for (const op of [Op.STORE_LOCAL_I32, Op.STORE_LOCAL_I64, Op.STORE_LOCAL_F64, Op.STORE_LOCAL_PTR, Op.POP, Op.JZ, Op.JNZ, Op.MEMZERO]) effect(op, 1, 0);
effect(Op.DUP, 1, 2);
effect(Op.SWAP, 2, 2);
effect(Op.OVER, 2, 3);
for (let op = Op.LOAD_I8; op <= Op.LOAD_PTR; op++) effect(op, 1, 1);
for (let op = Op.STORE_I8; op <= Op.STORE_PTR; op++) effect(op, 2, 0);
for (let op = Op.STORE_KEEP_I8; op <= Op.STORE_KEEP_PTR; op++) effect(op, 2, 1);
effect(Op.MEMCPY, 2, 0);
effect(Op.ADD_LOCAL_I32, 0, 0);
for (let op = Op.ADD_I32; op <= Op.GE_F64; op++) effect(op, 2, 1);
for (const op of [Op.NEG_I32, Op.NOT_I32, Op.LNOT_I32, Op.NEG_I64, Op.NOT_I64, Op.NEG_F64, Op.FROUND, Op.PTR_ADD_IMM]) effect(op, 1, 1);
effect(Op.PTR_ADD_I32, 2, 1);
effect(Op.PTR_ADD_I64, 2, 1);
effect(Op.PTR_DIFF, 2, 1);
for (let op = Op.I32_TO_I64; op <= Op.BOOL_PTR; op++) effect(op, 1, 1);
effect(Op.JMP, 0, 0);
effect(Op.NOP, 0, 0);

/** Checks every function of the image; returns the problems found. */
function checkImage(image: ProgramImage, voids: Set<string>): string[] {
  const problems: string[] = [];
  const returnsVoid = new Map(image.functions.map((f) => [f.entryPc, f.returnsVoid]));
  const statementStarts = new Set(image.lines.map((l) => l.pc));
  for (const f of image.functions) {
    const code = image.code;
    if (code[f.entryPc] !== Op.ENTER) continue;
    const depth = new Map<number, number>();
    const work: [number, number][] = [[f.entryPc, code[f.entryPc + 2]]];
    let indirect = false;
    while (work.length > 0) {
      const [pc, d] = work.pop()!;
      if (pc >= f.endPc) continue;
      const seen = depth.get(pc);
      if (seen !== undefined) {
        if (seen !== d && !indirect) problems.push(`${f.name}@${pc}: depth ${seen} and ${d}`);
        continue;
      }
      depth.set(pc, d);
      const op = code[pc] as Op;
      if (statementStarts.has(pc) && pc !== f.entryPc && d !== 0 && !indirect) problems.push(`${f.name}@${pc}: statement starts at depth ${d}`);
      const next = pc + 1 + OPERANDS[op];
      let nd: number;
      if (op === Op.RET || op === Op.RET_VOID) {
        if (d !== (op === Op.RET ? 1 : 0) && !indirect) problems.push(`${f.name}@${pc}: ${op === Op.RET ? 'RET' : 'RET_VOID'} at depth ${d}`);
        continue;
      } else if (op === Op.ENTER) {
        nd = d;
      } else if (op === Op.CALL) {
        nd = d - code[pc + 2] + (returnsVoid.get(code[pc + 1]) ? 0 : 1);
      } else if (op === Op.CALL_BUILTIN) {
        nd = d - code[pc + 2] + (voids.has(BUILTIN_NAMES[code[pc + 1]]) ? 0 : 1);
      } else if (op === Op.CALL_INDIRECT) {
        indirect = true; // the callee's return kind is not in the code: stop checking depths exactly
        nd = d - code[pc + 1] - 1;
      } else {
        const e = POPS[op];
        if (!e) {
          problems.push(`${f.name}@${pc}: unexpected opcode ${op}`);
          continue;
        }
        nd = d - e[0] + e[1];
      }
      if (nd < 0 && !indirect) problems.push(`${f.name}@${pc}: stack underflow`);
      if (op === Op.JMP) work.push([code[pc + 1], nd]);
      else {
        if (op === Op.JZ || op === Op.JNZ) work.push([code[pc + 1], nd]);
        work.push([next, nd]);
      }
    }
  }
  return problems;
}

describe('generated code keeps the evaluation stack balanced', () => {
  const voids = voidBuiltins();
  for (const dir of ['single', 'multi']) {
    it(`on every program of the ${dir} corpus`, () => {
      const files = readdirSync(join(root, dir)).filter((f) => f.endsWith('.c'));
      expect(files.length).toBeGreaterThan(10);
      const problems: string[] = [];
      for (const f of files) {
        const r = compile({ files: [{ name: f, text: readFileSync(join(root, dir, f), 'utf8') }], runtime: [CRT] });
        if (!r.image) continue;
        problems.push(...checkImage(r.image, voids).map((p) => `${f}: ${p}`));
      }
      expect(problems.slice(0, 20)).toEqual([]);
    });
  }
});

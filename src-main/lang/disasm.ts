/**
 * The disassembler: a program image's code as readable text, one instruction a line, with the
 * function names and source lines interleaved. For debugging the compiler and for its tests.
 */
import { OPERANDS, OP_NAMES, Op, codeAddress } from './isa.ts';
import type { ProgramImage } from './image.ts';
import { BUILTIN_NAMES } from './builtins.ts';

/** One instruction as text: "PUSH_I32 5", "CALL_BUILTIN printf 2 0x3". */
export function formatInstruction(code: Int32Array | readonly number[], pc: number, image?: ProgramImage): string {
  const op = code[pc];
  const name = OP_NAMES[op] ?? `?${op}`;
  const n = OPERANDS[op] ?? 0;
  const args: string[] = [];
  for (let i = 1; i <= n; i++) args.push(String(code[pc + i]));
  if (op === Op.CALL_BUILTIN) args[0] = BUILTIN_NAMES[code[pc + 1]] ?? args[0];
  if (op === Op.PUSH_PTR) args.splice(0, 2, `0x${((code[pc + 2] * 4294967296) + (code[pc + 1] >>> 0)).toString(16)}`);
  if (op === Op.PUSH_I64) args.splice(0, 2, String(BigInt.asIntN(64, (BigInt(code[pc + 2]) << 32n) | BigInt(code[pc + 1] >>> 0))));
  if (op === Op.PUSH_F64 && image) args[0] = String(image.f64Consts[code[pc + 1]]);
  if (op === Op.CALL && image) {
    const f = image.functions.find((fn) => fn.entryPc === code[pc + 1]);
    if (f) args[0] = f.name;
  }
  return args.length ? `${name} ${args.join(' ')}` : name;
}

/** The instructions of code[start, end) as an array of strings, without addresses. */
export function instructions(code: Int32Array | readonly number[], start = 0, end = code.length, image?: ProgramImage): string[] {
  const out: string[] = [];
  for (let pc = start; pc < end; pc += 1 + (OPERANDS[code[pc]] ?? 0)) out.push(formatInstruction(code, pc, image));
  return out;
}

/** The body of one function of an image, as instruction strings. */
export function disassembleFunction(image: ProgramImage, name: string): string[] {
  const f = image.functions.find((fn) => fn.name === name);
  if (!f) return [];
  return instructions(image.code, f.entryPc, f.endPc, image);
}

/** The whole image as a listing with addresses, function headers and line markers. */
export function disassemble(image: ProgramImage): string {
  const lines: string[] = [];
  let li = 0;
  for (const f of image.functions) {
    lines.push(`${f.name}:  ; frame ${f.frameSize}`);
    for (let pc = f.entryPc; pc < f.endPc; pc += 1 + (OPERANDS[image.code[pc]] ?? 0)) {
      while (li < image.lines.length && image.lines[li].pc <= pc) {
        const e = image.lines[li++];
        if (e.pc === pc) lines.push(`        ; ${image.files[e.file]}:${e.line}`);
      }
      lines.push(`  ${codeAddress(pc).toString(16)}  ${formatInstruction(image.code, pc, image)}`);
    }
  }
  return lines.join('\n');
}

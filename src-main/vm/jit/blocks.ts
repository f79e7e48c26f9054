/**
 * Basic blocks of one function of a program image: the unit the block compiler translates.
 *
 * A leader (the first instruction of a block) is the function's entry, every jump target inside
 * the function, every instruction after a jump, call or return (return addresses land there), and
 * every instruction after one the compiler leaves to the interpreter, and every MAX_BLOCK-th
 * instruction of a longer straight run. Library calls, and the instructions the compiler leaves
 * to the interpreter (indirect calls, TRAP), are blocks of their own.
 */
import { Op, OPERANDS } from '../../lang/isa.ts';

/**
 * Opcodes that make blocks of their own: library calls (which compiled code makes through the
 * host, codegen.ts libraryCall), and indirect calls and traps, handed to the interpreter one
 * instruction at a time.
 */
export const INTERPRETED = new Set<number>([Op.CALL_BUILTIN, Op.CALL_INDIRECT, Op.TRAP]);

/** Opcodes after which control does not simply fall through to the next instruction. */
const ENDS_BLOCK = new Set<number>([Op.JMP, Op.JZ, Op.JNZ, Op.CALL, Op.RET, Op.RET_VOID]);

/**
 * Longest block, in instructions: a longer straight run is cut in pieces (the evaluation stack is
 * written back at the cut), so that no block alone makes a generated function too large.
 */
export const MAX_BLOCK = 64;

export interface Block {
  /** pc of the first instruction */
  start: number;
  /** pcs of the block's instructions, in order */
  pcs: number[];
  /** true when the block is one instruction left to the interpreter */
  interpreted: boolean;
}

/** Length in code words of the instruction at `pc` (-1 when the opcode is unknown). */
export function instructionLength(code: Int32Array, pc: number): number {
  const op = code[pc];
  return op >= 0 && op < Op.OP_COUNT ? 1 + OPERANDS[op] : -1;
}

/**
 * Splits the code words [entry, end) into basic blocks. Returns null when the range does not
 * decode into whole instructions (the function is then left to the interpreter).
 */
export function basicBlocks(code: Int32Array, entry: number, end: number): Block[] | null {
  const starts: number[] = [];
  const leaders = new Set<number>([entry]);
  for (let pc = entry; pc < end; ) {
    const len = instructionLength(code, pc);
    if (len < 0 || pc + len > end) return null;
    starts.push(pc);
    const op = code[pc];
    if (op === Op.JMP || op === Op.JZ || op === Op.JNZ) leaders.add(code[pc + 1]);
    if (ENDS_BLOCK.has(op) || INTERPRETED.has(op)) leaders.add(pc + len);
    if (INTERPRETED.has(op)) leaders.add(pc);
    pc += len;
  }
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const pc of starts) {
    if (current === null || leaders.has(pc) || current.pcs.length >= MAX_BLOCK) {
      current = { start: pc, pcs: [], interpreted: INTERPRETED.has(code[pc]) };
      blocks.push(current);
    }
    current.pcs.push(pc);
  }
  return blocks;
}

/**
 * The lab's bytecode: the instruction set the compiler emits and the VM runs.
 *
 * A stack machine. Code is an Int32Array: an opcode followed by its operands (each one int32 word;
 * `OPERANDS[op]` says how many). The CPU state of a task is a handful of numbers (pc, sp, fp, esp)
 * plus an *evaluation stack* of 8-byte slots that plays the part of the CPU's registers: it holds
 * the temporaries of the expression being computed and the arguments of a call being made.
 * Everything else (call frames, return addresses, saved frame pointers, locals, parameters) lives
 * in the task's simulated memory, so fork copies it with the page table and vfork shares it.
 *
 * Value kinds in a slot (the compiler knows each slot's kind statically):
 *   I32 – char, short, int, _Bool, enum and their unsigned forms, promoted to 32 bits (low half).
 *   I64 – long, long long and unsigned forms: all 8 bytes, two's complement.
 *   F64 – double; float is a double rounded to single precision (FROUND) after every operation.
 *   PTR – a virtual address stored as a JS number (an f64): the pointer's 64 bits read as a
 *         signed integer, so every user address (below 2^47) and small negative values such as
 *         (void *)-1 (sbrk's failure, SIG_ERR) are exact. Comparisons of pointers are numeric.
 *
 * Memory layout of a call (grows down, like x86-64 with frame pointers):
 *   CALL pushes the return address and the caller's fp onto the simulated stack:
 *     mem64[sp - 8]  = return address (a text address, see codeAddress)
 *     mem64[sp - 16] = caller's fp
 *     fp = sp = sp - 16
 *   Arguments are evaluated right to left (as gcc does on x86-64) and pushed as they are
 *   evaluated, so argument 0 is on top of the evaluation stack when CALL runs. (A function that
 *   returns a struct gets a hidden pointer to the caller's result buffer, pushed last: on top.)
 *   The callee begins with ENTER frameSize nparams (sp -= frameSize) and then pops its arguments
 *   from the evaluation stack into its parameter slots (STORE_LOCAL_*), parameter 0 first.
 *   When the caller pushed a different number of arguments than the callee declares (an
 *   unprototyped call, `_start` calling `int main(void)`, a cast function pointer), ENTER removes
 *   the extra (deepest) ones or inserts zeros beneath, so the evaluation stack always balances.
 *   CALL_BUILTIN follows the same order: argument i is the (i+1)-th slot from the top.
 *   Locals and parameters are at negative offsets from fp.
 *   RET pops the return value (if any), sets sp = fp + 16, reloads fp and the return address from
 *   memory, and pushes the return value back. A return address that is not the address of an
 *   instruction in this image is a SIGSEGV (that is what a clobbered vfork stack looks like).
 *
 * Addresses of code: instruction i of the image lives at TEXT_BASE + 4*i. A function pointer is
 * the address of the function's first instruction.
 */

export const TEXT_BASE = 0x401000;

/** Virtual address of code word `pc`. */
export function codeAddress(pc: number): number {
  return TEXT_BASE + pc * 4;
}

/** Code word index of a text address, or -1 when the address is not in text or not aligned. */
export function codeIndex(address: number, codeLength: number): number {
  const rel = address - TEXT_BASE;
  if (rel < 0 || rel % 4 !== 0) return -1;
  const pc = rel / 4;
  return pc < codeLength ? pc : -1;
}

/** Kinds of values on the evaluation stack (also used to describe builtin arguments). */
export const enum Kind {
  I32 = 0,
  I64 = 1,
  F64 = 2,
  PTR = 3,
}

/**
 * Opcodes. Stack effects are written (inputs → outputs), top of stack last.
 * "a, b" means b is on top. Operands follow the opcode in the code array.
 */
export const enum Op {
  // ---- constants and addresses
  NOP = 0,
  PUSH_I32, //      [imm]           ( → i32)
  PUSH_I64, //      [lo, hi]        ( → i64)
  PUSH_F64, //      [constIndex]    ( → f64)   image.f64Consts[constIndex]
  PUSH_PTR, //      [lo, hi]        ( → ptr)   value = hi * 2^32 + (lo >>> 0), hi signed
  FRAME_ADDR, //    [offset]        ( → ptr)   fp + offset

  // ---- evaluation stack shuffles
  POP, //                           (x → )
  DUP, //                           (x → x, x)
  SWAP, //                          (x, y → y, x)
  OVER, //                          (x, y → x, y, x)

  // ---- loads: (ptr → value). Narrow integers are sign- or zero-extended to I32.
  LOAD_I8,
  LOAD_U8,
  LOAD_I16,
  LOAD_U16,
  LOAD_I32,
  LOAD_I64,
  LOAD_F32, //  widened to double
  LOAD_F64,
  LOAD_PTR,

  // ---- stores: (ptr, value → ). Narrow stores keep the low bits; F32 rounds to single.
  STORE_I8,
  STORE_I16,
  STORE_I32,
  STORE_I64,
  STORE_F32,
  STORE_F64,
  STORE_PTR,

  // ---- stores that leave the stored value on the stack: (ptr, value → value)
  // (the value pushed back is the value as converted by the store, e.g. truncated to 8 bits
  //  and sign-extended for STORE_KEEP_I8 — the compiler follows with TRUNC_* where C needs it)
  STORE_KEEP_I8,
  STORE_KEEP_I16,
  STORE_KEEP_I32,
  STORE_KEEP_I64,
  STORE_KEEP_F32,
  STORE_KEEP_F64,
  STORE_KEEP_PTR,

  // ---- fast forms for locals and parameters: address fp + offset
  LOAD_LOCAL_I32, //   [offset]   ( → i32)
  LOAD_LOCAL_I64, //   [offset]   ( → i64)
  LOAD_LOCAL_F64, //   [offset]   ( → f64)
  LOAD_LOCAL_PTR, //   [offset]   ( → ptr)
  STORE_LOCAL_I32, //  [offset]   (i32 → )
  STORE_LOCAL_I64, //  [offset]   (i64 → )
  STORE_LOCAL_F64, //  [offset]   (f64 → )
  STORE_LOCAL_PTR, //  [offset]   (ptr → )
  ADD_LOCAL_I32, //    [offset, imm]  ( → )  mem32[fp+offset] += imm (wrapping): i++, i += 2

  /** (dst ptr, src ptr → ) copy [size] bytes; used for struct assignment, arguments, returns */
  MEMCPY, //           [size]
  /** (dst ptr → ) set [size] bytes to zero; used for initialisers */
  MEMZERO, //          [size]

  // ---- 32-bit integer arithmetic (i32, i32 → i32), wrapping
  ADD_I32,
  SUB_I32,
  MUL_I32,
  DIV_I32, //  SIGFPE on division by zero and on INT_MIN / -1 (as x86 does)
  DIV_U32,
  REM_I32,
  REM_U32,
  AND_I32,
  OR_I32,
  XOR_I32,
  SHL_I32, //  shift count masked to 5 bits (as x86 does)
  SHR_I32, //  arithmetic
  SHR_U32, //  logical
  NEG_I32, //  (i32 → i32)
  NOT_I32, //  (i32 → i32) bitwise ~
  LNOT_I32, // (i32 → i32) logical !, gives 0 or 1
  EQ_I32, //   comparisons give i32 0 or 1
  NE_I32,
  LT_I32,
  LE_I32,
  GT_I32,
  GE_I32,
  LT_U32,
  LE_U32,
  GT_U32,
  GE_U32,

  // ---- 64-bit integer arithmetic (i64, i64 → i64); shifts take an i64 count masked to 6 bits
  ADD_I64,
  SUB_I64,
  MUL_I64,
  DIV_I64,
  DIV_U64,
  REM_I64,
  REM_U64,
  AND_I64,
  OR_I64,
  XOR_I64,
  SHL_I64,
  SHR_I64,
  SHR_U64,
  NEG_I64,
  NOT_I64,
  EQ_I64, //   comparisons (i64, i64 → i32)
  NE_I64,
  LT_I64,
  LE_I64,
  GT_I64,
  GE_I64,
  LT_U64,
  LE_U64,
  GT_U64,
  GE_U64,

  // ---- double arithmetic (f64, f64 → f64); comparisons give i32. Pointers compare with these too.
  ADD_F64,
  SUB_F64,
  MUL_F64,
  DIV_F64,
  NEG_F64,
  EQ_F64,
  NE_F64,
  LT_F64,
  LE_F64,
  GT_F64,
  GE_F64,
  FROUND, //   (f64 → f64) round to single precision

  // ---- pointer arithmetic
  PTR_ADD_I32, //  [scale]  (ptr, i32 → ptr)  ptr + i32 * scale
  PTR_ADD_I64, //  [scale]  (ptr, i64 → ptr)  ptr + i64 * scale
  PTR_DIFF, //     [scale]  (ptr, ptr → i64)  (a - b) / scale
  PTR_ADD_IMM, //  [imm]    (ptr → ptr)       ptr + imm (struct member offsets)

  // ---- conversions
  I32_TO_I64, //   sign-extend
  U32_TO_I64, //   zero-extend
  I64_TO_I32, //   keep the low 32 bits
  TRUNC_I8, //     (i32 → i32) keep 8 bits, sign-extend
  TRUNC_U8, //     (i32 → i32) keep 8 bits, zero-extend
  TRUNC_I16,
  TRUNC_U16,
  I32_TO_F64,
  U32_TO_F64,
  I64_TO_F64,
  U64_TO_F64,
  F64_TO_I32, //   truncate toward zero; out of range gives INT_MIN (x86's "integer indefinite")
  F64_TO_U32,
  F64_TO_I64,
  F64_TO_U64,
  PTR_TO_I64,
  I64_TO_PTR,
  BOOL_I64, //     (i64 → i32) 0 or 1
  BOOL_F64, //     (f64 → i32) 0 or 1 (NaN is true)
  BOOL_PTR, //     (ptr → i32) 0 or 1

  // ---- control
  JMP, //          [target]
  JZ, //           [target]   (i32 → )  jump when zero
  JNZ, //          [target]   (i32 → )  jump when not zero
  /** [funcEntryPc, nargs]  (args… → ) pushes a frame; the callee pops the args */
  CALL,
  /** [nargs]  (args…, fnptr → ) as CALL through a function pointer; SIGSEGV unless it is a function */
  CALL_INDIRECT,
  /**
   * [builtinId, nargs, kindsMask]  (args… → result?) a library function or system call implemented
   * by the VM/kernel. kindsMask holds 2 bits per argument (Kind), argument 0 in the lowest bits,
   * for the first 16 arguments (the rest are I32). Whether a value is pushed is the builtin's own
   * signature (BUILTINS[id].returns). A builtin may block: then the pc stays on this instruction
   * and the arguments stay on the stack, and the call is made again when the task wakes.
   */
  CALL_BUILTIN,
  ENTER, //        [frameSize, nparams]  sp -= frameSize; fixes the argument count (see above).
  //               Stack overflow is a SIGSEGV at the first touch of a page below the stack limit.
  RET, //          (value → )   return with a value (any kind)
  RET_VOID, //     ( → )
  /** [line] marks the start of a statement on a source line (for the viewer's stepping) */
  LINE,
  /** stop with SIGILL: reached the end of a non-void function without return in main's callers */
  TRAP,

  OP_COUNT,
}

/** Number of operand words that follow each opcode. */
export const OPERANDS: readonly number[] = (() => {
  const n = new Array<number>(Op.OP_COUNT).fill(0);
  const set = (ops: Op[], count: number): void => {
    for (const op of ops) n[op] = count;
  };
  set([Op.PUSH_I32, Op.PUSH_F64, Op.FRAME_ADDR, Op.MEMCPY, Op.MEMZERO, Op.LINE], 1);
  set([Op.ENTER], 2);
  set([Op.PUSH_I64, Op.PUSH_PTR], 2);
  set(
    [
      Op.LOAD_LOCAL_I32, Op.LOAD_LOCAL_I64, Op.LOAD_LOCAL_F64, Op.LOAD_LOCAL_PTR,
      Op.STORE_LOCAL_I32, Op.STORE_LOCAL_I64, Op.STORE_LOCAL_F64, Op.STORE_LOCAL_PTR,
    ],
    1,
  );
  set([Op.ADD_LOCAL_I32], 2);
  set([Op.PTR_ADD_I32, Op.PTR_ADD_I64, Op.PTR_DIFF, Op.PTR_ADD_IMM], 1);
  set([Op.JMP, Op.JZ, Op.JNZ], 1);
  set([Op.CALL], 2);
  set([Op.CALL_INDIRECT], 1);
  set([Op.CALL_BUILTIN], 3);
  return n;
})();

/** Opcode names, for disassembly and error messages. */
export const OP_NAMES: readonly string[] = [
  'NOP', 'PUSH_I32', 'PUSH_I64', 'PUSH_F64', 'PUSH_PTR', 'FRAME_ADDR',
  'POP', 'DUP', 'SWAP', 'OVER',
  'LOAD_I8', 'LOAD_U8', 'LOAD_I16', 'LOAD_U16', 'LOAD_I32', 'LOAD_I64', 'LOAD_F32', 'LOAD_F64', 'LOAD_PTR',
  'STORE_I8', 'STORE_I16', 'STORE_I32', 'STORE_I64', 'STORE_F32', 'STORE_F64', 'STORE_PTR',
  'STORE_KEEP_I8', 'STORE_KEEP_I16', 'STORE_KEEP_I32', 'STORE_KEEP_I64', 'STORE_KEEP_F32',
  'STORE_KEEP_F64', 'STORE_KEEP_PTR',
  'LOAD_LOCAL_I32', 'LOAD_LOCAL_I64', 'LOAD_LOCAL_F64', 'LOAD_LOCAL_PTR',
  'STORE_LOCAL_I32', 'STORE_LOCAL_I64', 'STORE_LOCAL_F64', 'STORE_LOCAL_PTR', 'ADD_LOCAL_I32',
  'MEMCPY', 'MEMZERO',
  'ADD_I32', 'SUB_I32', 'MUL_I32', 'DIV_I32', 'DIV_U32', 'REM_I32', 'REM_U32', 'AND_I32', 'OR_I32',
  'XOR_I32', 'SHL_I32', 'SHR_I32', 'SHR_U32', 'NEG_I32', 'NOT_I32', 'LNOT_I32',
  'EQ_I32', 'NE_I32', 'LT_I32', 'LE_I32', 'GT_I32', 'GE_I32', 'LT_U32', 'LE_U32', 'GT_U32', 'GE_U32',
  'ADD_I64', 'SUB_I64', 'MUL_I64', 'DIV_I64', 'DIV_U64', 'REM_I64', 'REM_U64', 'AND_I64', 'OR_I64',
  'XOR_I64', 'SHL_I64', 'SHR_I64', 'SHR_U64', 'NEG_I64', 'NOT_I64',
  'EQ_I64', 'NE_I64', 'LT_I64', 'LE_I64', 'GT_I64', 'GE_I64', 'LT_U64', 'LE_U64', 'GT_U64', 'GE_U64',
  'ADD_F64', 'SUB_F64', 'MUL_F64', 'DIV_F64', 'NEG_F64',
  'EQ_F64', 'NE_F64', 'LT_F64', 'LE_F64', 'GT_F64', 'GE_F64', 'FROUND',
  'PTR_ADD_I32', 'PTR_ADD_I64', 'PTR_DIFF', 'PTR_ADD_IMM',
  'I32_TO_I64', 'U32_TO_I64', 'I64_TO_I32', 'TRUNC_I8', 'TRUNC_U8', 'TRUNC_I16', 'TRUNC_U16',
  'I32_TO_F64', 'U32_TO_F64', 'I64_TO_F64', 'U64_TO_F64',
  'F64_TO_I32', 'F64_TO_U32', 'F64_TO_I64', 'F64_TO_U64', 'PTR_TO_I64', 'I64_TO_PTR',
  'BOOL_I64', 'BOOL_F64', 'BOOL_PTR',
  'JMP', 'JZ', 'JNZ', 'CALL', 'CALL_INDIRECT', 'CALL_BUILTIN', 'ENTER', 'RET', 'RET_VOID', 'LINE', 'TRAP',
];

/** Packs argument kinds into CALL_BUILTIN's kindsMask operand. */
export function kindsMask(kinds: readonly Kind[]): number {
  let mask = 0;
  for (let i = 0; i < kinds.length && i < 16; i++) mask |= (kinds[i] & 3) << (2 * i);
  return mask;
}

/** Kind of argument `i` in a kindsMask. */
export function kindAt(mask: number, i: number): Kind {
  return i < 16 ? (((mask >>> (2 * i)) & 3) as Kind) : Kind.I32;
}

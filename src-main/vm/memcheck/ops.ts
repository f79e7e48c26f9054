/**
 * What memcheck needs to know of each instruction (lang/isa.ts): how many bytes a load or store
 * moves, and for the instructions that only compute, how many values they take from the
 * evaluation stack (their result, one value, is as defined as their inputs together).
 */
import { Op } from '../../lang/isa.ts';

/** The kinds of instruction memcheck tells apart (see Memcheck.after). */
export const enum Shape {
  /** changes nothing memcheck follows (NOP, LINE, JMP, RET, ADD_LOCAL_I32 …) */
  None = 0,
  /** pushes a value the program wrote in its code (constants, frame addresses): defined */
  Push,
  /** ( x → ) */
  Pop,
  Dup,
  Swap,
  Over,
  /** (ptr → value), `size` bytes */
  Load,
  /** (ptr, value → ) */
  Store,
  /** (ptr, value → value) */
  StoreKeep,
  /** ( → value) from fp + operand */
  LoadLocal,
  /** (value → ) to fp + operand */
  StoreLocal,
  Memcpy,
  Memzero,
  /** (a → r): r as defined as a */
  Unary,
  /** (a, b → r): r as defined as a and b together */
  Binary,
  /** JZ, JNZ: a decision */
  Branch,
  Call,
  CallIndirect,
  CallBuiltin,
  Enter,
}

export const SHAPE = new Uint8Array(256);
/** bytes moved by loads and stores */
export const SIZE = new Uint8Array(256);

function shape(ops: readonly number[], s: Shape, sizes?: readonly number[]): void {
  ops.forEach((op, i) => {
    SHAPE[op] = s;
    if (sizes) SIZE[op] = sizes[i];
  });
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let op = from; op <= to; op++) out.push(op);
  return out;
}

shape([Op.PUSH_I32, Op.PUSH_I64, Op.PUSH_F64, Op.PUSH_PTR, Op.FRAME_ADDR], Shape.Push);
shape([Op.POP], Shape.Pop);
shape([Op.DUP], Shape.Dup);
shape([Op.SWAP], Shape.Swap);
shape([Op.OVER], Shape.Over);
shape(range(Op.LOAD_I8, Op.LOAD_PTR), Shape.Load, [1, 1, 2, 2, 4, 8, 4, 8, 8]);
shape(range(Op.STORE_I8, Op.STORE_PTR), Shape.Store, [1, 2, 4, 8, 4, 8, 8]);
shape(range(Op.STORE_KEEP_I8, Op.STORE_KEEP_PTR), Shape.StoreKeep, [1, 2, 4, 8, 4, 8, 8]);
shape(range(Op.LOAD_LOCAL_I32, Op.LOAD_LOCAL_PTR), Shape.LoadLocal, [4, 8, 8, 8]);
shape(range(Op.STORE_LOCAL_I32, Op.STORE_LOCAL_PTR), Shape.StoreLocal, [4, 8, 8, 8]);
shape([Op.MEMCPY], Shape.Memcpy);
shape([Op.MEMZERO], Shape.Memzero);
shape(range(Op.ADD_I32, Op.SHR_U32), Shape.Binary);
shape([Op.NEG_I32, Op.NOT_I32, Op.LNOT_I32], Shape.Unary);
shape(range(Op.EQ_I32, Op.SHR_U64), Shape.Binary);
shape([Op.NEG_I64, Op.NOT_I64], Shape.Unary);
shape(range(Op.EQ_I64, Op.DIV_F64), Shape.Binary);
shape([Op.NEG_F64], Shape.Unary);
shape(range(Op.EQ_F64, Op.GE_F64), Shape.Binary);
shape([Op.FROUND], Shape.Unary);
shape([Op.PTR_ADD_I32, Op.PTR_ADD_I64, Op.PTR_DIFF], Shape.Binary);
shape([Op.PTR_ADD_IMM], Shape.Unary);
shape(range(Op.I32_TO_I64, Op.BOOL_PTR), Shape.Unary);
shape([Op.JZ, Op.JNZ], Shape.Branch);
shape([Op.CALL], Shape.Call);
shape([Op.CALL_INDIRECT], Shape.CallIndirect);
shape([Op.CALL_BUILTIN], Shape.CallBuiltin);
shape([Op.ENTER], Shape.Enter);

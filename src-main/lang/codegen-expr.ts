/**
 * Code generation for expressions: each C expression becomes stack-machine code that leaves its
 * value on the evaluation stack (a struct leaves its address). Conversions follow C exactly
 * (narrow integers are re-truncated, float results are rounded to single precision), calls push
 * their arguments right to left, and comparisons feed conditional jumps directly.
 */
import { Op, Kind, kindsMask } from './isa.ts';
import type { BinaryOp, Expr, ExprOf, InitPiece, Pos, Sym } from './ast.ts';
import type { Assembly, RelocTarget } from './assembly.ts';
import type { DiagnosticBag } from './diagnostics.ts';
import { type CType, isRecord, isInteger, sizeOf, kindOf, alignTo } from './types.ts';
import { constValue } from './consteval.ts';
import { builtinId } from './builtins.ts';
import { foldedLibraryCall, rewrittenOutputCall } from './gcc-folding.ts';

export interface GenContext {
  asm: Assembly;
  unit: number;
  diags: DiagnosticBag;
  /** true when some translation unit defines this function (by link name) */
  isDefinedFunction(linkName: string): boolean;
  /**
   * The link name of a small function that calls library function `sym`, so that its address
   * can be taken; undefined when that is not possible (variadic functions such as printf).
   */
  builtinAddress(sym: Sym): string | undefined;
}

/** A jump target: its pc once placed, and the operand words waiting for it. */
export class Label {
  pc = -1;
  readonly fixups: number[] = [];
}

const TWO32 = 4294967296;

export abstract class ExprGen {
  protected readonly asm: Assembly;
  private frameSize = 0;
  private scratch = 0;

  constructor(protected readonly ctx: GenContext, protected readonly functionName: string) {
    this.asm = ctx.asm;
  }

  protected abstract initializeLocal(offset: number, type: CType, pieces: InitPiece[]): void;

  // ---------------------------------------------------------------- emission

  protected emit(op: Op, ...operands: number[]): void {
    this.asm.code.push(op, ...operands);
  }

  protected jump(op: Op.JMP | Op.JZ | Op.JNZ, label: Label): void {
    this.asm.code.push(op, label.pc);
    if (label.pc < 0) label.fixups.push(this.asm.code.length - 1);
  }

  protected place(label: Label): void {
    label.pc = this.asm.code.length;
    for (const at of label.fixups) this.asm.code[at] = label.pc;
  }

  protected line(pos: Pos): void {
    this.asm.line(this.asm.code.length, pos.file, pos.line);
  }

  /** Reserves `size` bytes in the frame; returns the (negative) fp offset. */
  protected allocate(size: number, align: number): number {
    this.frameSize = alignTo(this.frameSize + size, Math.max(1, align));
    return -this.frameSize;
  }

  protected frameAlignedSize(): number {
    return alignTo(this.frameSize, 16);
  }

  private scratchSlot(): number {
    if (this.scratch === 0) this.scratch = this.allocate(8, 8);
    return this.scratch;
  }

  protected pushI64(v: bigint): void {
    const u = BigInt.asUintN(64, v);
    this.emit(Op.PUSH_I64, Number(BigInt.asIntN(32, u & 0xffffffffn)), Number(BigInt.asIntN(32, u >> 32n)));
  }

  private pushPtrReloc(target: RelocTarget, addend: number, pos: Pos): void {
    this.emit(Op.PUSH_PTR, 0, 0);
    this.asm.codeRelocs.push({ at: this.asm.code.length - 2, kind: 'addr', target, addend, pos, unit: this.ctx.unit });
  }

  protected pushString(bytes: Uint8Array, _length: number, pos?: Pos): void {
    this.pushPtrReloc({ str: this.asm.string(bytes) }, 0, pos ?? { file: '', line: 0, column: 0 });
  }

  private pushConstant(v: bigint | number, t: CType): void {
    const k = kindOf(t);
    if (k === Kind.F64) {
      this.emit(Op.PUSH_F64, this.asm.f64(typeof v === 'number' ? v : Number(v)));
    } else if (k === Kind.I64) {
      this.pushI64(typeof v === 'bigint' ? v : BigInt(Math.trunc(v)));
    } else if (k === Kind.PTR) {
      const n = Number(BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(v)));
      this.emit(Op.PUSH_PTR, n % TWO32 | 0, Math.floor(n / TWO32) | 0);
    } else {
      this.emit(Op.PUSH_I32, Number(BigInt.asIntN(32, typeof v === 'bigint' ? v : BigInt(Math.trunc(v)))));
    }
  }

  // ---------------------------------------------------------------- loads and stores

  /** (address → value) for a value of type t; aggregates stay as their address. */
  protected load(t: CType): void {
    switch (t.kind) {
      case 'bool': return this.emit(Op.LOAD_U8);
      case 'char': return this.emit(t.unsigned ? Op.LOAD_U8 : Op.LOAD_I8);
      case 'short': return this.emit(t.unsigned ? Op.LOAD_U16 : Op.LOAD_I16);
      case 'int': return this.emit(Op.LOAD_I32);
      case 'long':
      case 'llong': return this.emit(Op.LOAD_I64);
      case 'float': return this.emit(Op.LOAD_F32);
      case 'double': return this.emit(Op.LOAD_F64);
      case 'ptr': return this.emit(Op.LOAD_PTR);
      default: return;
    }
  }

  /** (address, value → [value]) stores; with keep the stored value (as C sees it) stays. */
  protected store(t: CType, keep: boolean): void {
    if (isRecord(t)) {
      this.emit(Op.MEMCPY, sizeOf(t));
      return;
    }
    const plain: Record<string, [Op, Op]> = {
      bool: [Op.STORE_I8, Op.STORE_KEEP_I8], char: [Op.STORE_I8, Op.STORE_KEEP_I8],
      short: [Op.STORE_I16, Op.STORE_KEEP_I16], int: [Op.STORE_I32, Op.STORE_KEEP_I32],
      long: [Op.STORE_I64, Op.STORE_KEEP_I64], llong: [Op.STORE_I64, Op.STORE_KEEP_I64],
      float: [Op.STORE_F32, Op.STORE_KEEP_F32], double: [Op.STORE_F64, Op.STORE_KEEP_F64],
      ptr: [Op.STORE_PTR, Op.STORE_KEEP_PTR],
    };
    const ops = plain[t.kind];
    if (!ops) return;
    this.emit(keep ? ops[1] : ops[0]);
    if (keep && t.unsigned && t.kind === 'char') this.emit(Op.TRUNC_U8);
    if (keep && t.unsigned && t.kind === 'short') this.emit(Op.TRUNC_U16);
  }

  /** The LOAD_LOCAL_* form for a scalar of this type, when there is one. */
  private localLoadOp(t: CType): Op | undefined {
    switch (t.kind) {
      case 'int': return Op.LOAD_LOCAL_I32;
      case 'long':
      case 'llong': return Op.LOAD_LOCAL_I64;
      case 'double': return Op.LOAD_LOCAL_F64;
      case 'ptr': return Op.LOAD_LOCAL_PTR;
      default: return undefined;
    }
  }

  private localStoreOp(t: CType): Op | undefined {
    switch (t.kind) {
      case 'int': return Op.STORE_LOCAL_I32;
      case 'long':
      case 'llong': return Op.STORE_LOCAL_I64;
      case 'double': return Op.STORE_LOCAL_F64;
      case 'ptr': return Op.STORE_LOCAL_PTR;
      default: return undefined;
    }
  }

  /** (value → ) into a local of type t at `offset`. */
  protected storeLocal(offset: number, t: CType, keep: boolean): void {
    const op = this.localStoreOp(t);
    if (op !== undefined) {
      if (keep) this.emit(Op.DUP);
      this.emit(op, offset);
      return;
    }
    this.emit(Op.FRAME_ADDR, offset);
    this.emit(Op.SWAP);
    this.store(t, keep);
  }

  private isFrameVar(e: Expr): boolean {
    return e.k === 'var' && (e.sym.storage === 'local' || e.sym.storage === 'param') && e.sym.kind === 'var';
  }

  // ---------------------------------------------------------------- values

  /** Pushes the value of e (structs and arrays: their address). */
  protected gen(e: Expr): void {
    if (e.type.kind !== 'void' && e.k !== 'int' && e.k !== 'float' && e.k !== 'string') {
      const c = isInteger(e.type) || e.type.kind === 'float' || e.type.kind === 'double' ? constValue(e) : undefined;
      if (c && c.k !== 'addr') {
        this.pushConstant(c.value, e.type);
        return;
      }
    }
    switch (e.k) {
      case 'int':
        return this.pushConstant(e.value, e.type);
      case 'float':
        return this.pushConstant(e.value, e.type);
      case 'string':
        return this.pushString(e.bytes, e.bytes.length + 1, e.pos);
      case 'var':
        return this.genVar(e);
      case 'compound':
        this.genAddr(e);
        return this.load(e.type);
      case 'call':
        return this.genCall(e, true);
      case 'binary':
        return this.genBinary(e);
      case 'logand':
      case 'logor':
      case 'not': {
        const f = new Label();
        const end = new Label();
        this.branch(e, f, false);
        this.emit(Op.PUSH_I32, 1);
        this.jump(Op.JMP, end);
        this.place(f);
        this.emit(Op.PUSH_I32, 0);
        this.place(end);
        return;
      }
      case 'assign':
        return this.genAssign(e, true);
      case 'opassign':
        return this.genOpAssign(e, true);
      case 'incdec':
        return this.genIncDec(e, true);
      case 'cond': {
        const f = new Label();
        const end = new Label();
        this.branch(e.test, f, false);
        this.gen(e.then);
        this.jump(Op.JMP, end);
        this.place(f);
        this.gen(e.else);
        this.place(end);
        return;
      }
      case 'comma':
        this.genVoid(e.left);
        return this.gen(e.right);
      case 'cast':
        if (e.type.kind === 'void') return this.genVoid(e.expr);
        this.gen(e.expr);
        return this.convert(e.expr.type, e.type);
      case 'member':
      case 'deref':
        this.genAddr(e);
        return this.load(e.type);
      case 'addr':
        return this.genAddr(e.expr);
      case 'neg': {
        this.gen(e.expr);
        const k = kindOf(e.type);
        return this.emit(k === Kind.I64 ? Op.NEG_I64 : k === Kind.F64 ? Op.NEG_F64 : Op.NEG_I32);
      }
      case 'bitnot':
        this.gen(e.expr);
        return this.emit(kindOf(e.type) === Kind.I64 ? Op.NOT_I64 : Op.NOT_I32);
      case 'plus':
        return this.gen(e.expr);
      case 'error':
        return this.emit(Op.PUSH_I32, 0);
    }
  }

  /**
   * Evaluates e for its side effects only. `statement` says that gcc, too, sees e as a statement
   * whose value nobody reads (an expression statement, a for loop's step, a comma's left side, a
   * cast to void), where it rewrites printf into puts and putchar (gcc-folding.ts); the branches
   * of a ?: that has a value, and the right side of && and ||, are values to gcc even there.
   */
  protected genVoid(e: Expr, statement = true): void {
    switch (e.k) {
      case 'assign':
        return this.genAssign(e, false);
      case 'opassign':
        return this.genOpAssign(e, false);
      case 'incdec':
        return this.genIncDec(e, false);
      case 'call':
        return this.genCall(e, false, statement);
      case 'comma':
        this.genVoid(e.left);
        return this.genVoid(e.right, statement);
      case 'cast':
        return this.genVoid(e.expr, statement || e.type.kind === 'void');
      case 'cond': {
        const f = new Label();
        const end = new Label();
        const branchesAreStatements = statement && e.type.kind === 'void';
        this.branch(e.test, f, false);
        this.genVoid(e.then, branchesAreStatements);
        this.jump(Op.JMP, end);
        this.place(f);
        this.genVoid(e.else, branchesAreStatements);
        this.place(end);
        return;
      }
      case 'logand':
      case 'logor': {
        const end = new Label();
        this.branch(e.left, end, e.k === 'logor');
        this.genVoid(e.right, false);
        this.place(end);
        return;
      }
      case 'int':
      case 'float':
      case 'string':
      case 'var':
      case 'error':
        return;
      default:
        if (e.type.kind === 'void') return;
        this.gen(e);
        this.emit(Op.POP);
    }
  }

  /** Calls library function `name` with arguments of `kinds` already on the stack. */
  protected emitBuiltin(name: string, kinds: Kind[]): void {
    this.asm.builtinsUsed.add(name);
    this.emit(Op.CALL_BUILTIN, builtinId(name), kinds.length, kindsMask(kinds));
  }

  private genVar(e: ExprOf<'var'>): void {
    const sym = e.sym;
    if (sym.kind === 'func') return this.functionAddress(sym, e.pos);
    // a variable-length array's frame slot holds its address
    if (sym.type.vla) return this.emit(Op.LOAD_LOCAL_PTR, sym.frameOffset!);
    if (this.isFrameVar(e)) {
      const op = this.localLoadOp(e.type);
      if (op !== undefined) return this.emit(op, sym.frameOffset!);
      this.emit(Op.FRAME_ADDR, sym.frameOffset!);
      return this.load(e.type);
    }
    this.pushPtrReloc({ sym: sym.linkName }, 0, e.pos);
    this.load(e.type);
  }

  private functionAddress(sym: Sym, pos: Pos): void {
    if (!this.ctx.isDefinedFunction(sym.linkName) && builtinId(sym.name) >= 0) {
      const wrapper = this.ctx.builtinAddress(sym);
      if (wrapper !== undefined) return this.pushPtrReloc({ sym: wrapper }, 0, pos);
      this.ctx.diags.error(pos.file, pos.line, pos.column, pos.length ?? sym.name.length,
        `taking the address of library function '${sym.name}' is not supported in the lab`,
        `call '${sym.name}' from a small function of your own and use that function's address`);
      this.emit(Op.PUSH_PTR, 0, 0);
      return;
    }
    this.pushPtrReloc({ sym: sym.linkName }, 0, pos);
  }

  /** Pushes the address of an lvalue (or of a struct-valued expression). */
  protected genAddr(e: Expr): void {
    switch (e.k) {
      case 'var':
        if (e.sym.kind === 'func') return this.functionAddress(e.sym, e.pos);
        if (e.sym.type.vla) return this.emit(Op.LOAD_LOCAL_PTR, e.sym.frameOffset!);
        if (this.isFrameVar(e)) return this.emit(Op.FRAME_ADDR, e.sym.frameOffset!);
        return this.pushPtrReloc({ sym: e.sym.linkName }, 0, e.pos);
      case 'deref':
        return this.genPointer(e.expr);
      case 'member':
        this.genAddr(e.object);
        if (e.offset) this.emit(Op.PTR_ADD_IMM, e.offset);
        return;
      case 'string':
        return this.pushString(e.bytes, e.bytes.length + 1, e.pos);
      case 'compound': {
        const sym = e.sym;
        if (sym.storage === 'static') return this.pushPtrReloc({ sym: sym.linkName }, 0, e.pos);
        if (sym.frameOffset === undefined) sym.frameOffset = this.allocate(Math.max(1, sizeOf(sym.type)), Math.max(8, 1));
        this.initializeLocal(sym.frameOffset, sym.type, sym.pieces ?? []);
        return this.emit(Op.FRAME_ADDR, sym.frameOffset);
      }
      default:
        // struct values (calls, assignments, conditionals) are already addresses
        return this.gen(e);
    }
  }

  /** Pushes a pointer value, folding `p + constant` into PTR_ADD_IMM. */
  private genPointer(e: Expr): void {
    if (e.k === 'binary' && (e.op === '+' || e.op === '-') && e.type.kind === 'ptr' && e.left.type.kind === 'ptr') {
      const c = constValue(e.right);
      if (c && c.k === 'int') {
        const scale = pointerScale(e.type);
        this.gen(e.left);
        const off = Number(c.value) * scale * (e.op === '-' ? -1 : 1);
        if (off !== 0) this.emit(Op.PTR_ADD_IMM, off);
        return;
      }
    }
    this.gen(e);
  }

  // ---------------------------------------------------------------- conversions

  /** Converts the value on top of the stack from type `from` to type `to`. */
  protected convert(from0: CType, to: CType): void {
    const from = from0.kind === 'array' || from0.kind === 'func' ? ({ kind: 'ptr' } as CType) : from0;
    if (to.kind === 'void' || isRecord(to)) return;
    const fk = kindOf(from);
    const tk = kindOf(to);
    if (to.kind === 'bool') {
      if (from.kind === 'bool') return;
      if (fk === Kind.I32) {
        this.emit(Op.PUSH_I32, 0);
        return this.emit(Op.NE_I32);
      }
      return this.emit(fk === Kind.I64 ? Op.BOOL_I64 : fk === Kind.F64 ? Op.BOOL_F64 : Op.BOOL_PTR);
    }
    switch (tk) {
      case Kind.I32:
        if (fk === Kind.I64) this.emit(Op.I64_TO_I32);
        else if (fk === Kind.F64) this.emit(to.kind === 'int' && to.unsigned ? Op.F64_TO_U32 : Op.F64_TO_I32);
        else if (fk === Kind.PTR) {
          this.emit(Op.PTR_TO_I64);
          this.emit(Op.I64_TO_I32);
        } else if (!needsTruncation(from, to)) return;
        return this.truncate(to);
      case Kind.I64:
        if (fk === Kind.I32) return this.emit(from.kind === 'int' && from.unsigned ? Op.U32_TO_I64 : Op.I32_TO_I64);
        if (fk === Kind.F64) return this.emit(to.unsigned ? Op.F64_TO_U64 : Op.F64_TO_I64);
        if (fk === Kind.PTR) return this.emit(Op.PTR_TO_I64);
        return;
      case Kind.F64:
        if (fk === Kind.I32) this.emit(from.kind === 'int' && from.unsigned ? Op.U32_TO_F64 : Op.I32_TO_F64);
        else if (fk === Kind.I64) this.emit(from.unsigned ? Op.U64_TO_F64 : Op.I64_TO_F64);
        else if (fk === Kind.F64 && !(to.kind === 'float' && from.kind === 'double')) return;
        if (to.kind === 'float') this.emit(Op.FROUND);
        return;
      case Kind.PTR:
        if (fk === Kind.I32) {
          this.emit(from.kind === 'int' && from.unsigned ? Op.U32_TO_I64 : Op.I32_TO_I64);
          this.emit(Op.I64_TO_PTR);
        } else if (fk === Kind.I64) this.emit(Op.I64_TO_PTR);
        return;
    }
  }

  private truncate(to: CType): void {
    if (to.kind === 'char') this.emit(to.unsigned ? Op.TRUNC_U8 : Op.TRUNC_I8);
    else if (to.kind === 'short') this.emit(to.unsigned ? Op.TRUNC_U16 : Op.TRUNC_I16);
  }

  // ---------------------------------------------------------------- operators

  private genBinary(e: ExprOf<'binary'>): void {
    const opType = e.opType ?? e.type;
    if (opType.kind === 'ptr') return this.genPointerBinary(e, opType);
    this.gen(e.left);
    this.gen(e.right);
    this.arith(e.op, opType);
  }

  /** (a, b → a op b) for arithmetic operands of type t (already converted). */
  private arith(op: BinaryOp, t: CType): void {
    const k = kindOf(t);
    const u = !!t.unsigned;
    if (k === Kind.F64) {
      const ops: Partial<Record<BinaryOp, Op>> = {
        '+': Op.ADD_F64, '-': Op.SUB_F64, '*': Op.MUL_F64, '/': Op.DIV_F64,
        '==': Op.EQ_F64, '!=': Op.NE_F64, '<': Op.LT_F64, '<=': Op.LE_F64, '>': Op.GT_F64, '>=': Op.GE_F64,
      };
      this.emit(ops[op]!);
      if (t.kind === 'float' && (op === '+' || op === '-' || op === '*' || op === '/')) this.emit(Op.FROUND);
      return;
    }
    const wide = k === Kind.I64;
    const table: Record<BinaryOp, [Op, Op, Op, Op]> = {
      // [i32 signed, i32 unsigned, i64 signed, i64 unsigned]
      '+': [Op.ADD_I32, Op.ADD_I32, Op.ADD_I64, Op.ADD_I64],
      '-': [Op.SUB_I32, Op.SUB_I32, Op.SUB_I64, Op.SUB_I64],
      '*': [Op.MUL_I32, Op.MUL_I32, Op.MUL_I64, Op.MUL_I64],
      '/': [Op.DIV_I32, Op.DIV_U32, Op.DIV_I64, Op.DIV_U64],
      '%': [Op.REM_I32, Op.REM_U32, Op.REM_I64, Op.REM_U64],
      '&': [Op.AND_I32, Op.AND_I32, Op.AND_I64, Op.AND_I64],
      '|': [Op.OR_I32, Op.OR_I32, Op.OR_I64, Op.OR_I64],
      '^': [Op.XOR_I32, Op.XOR_I32, Op.XOR_I64, Op.XOR_I64],
      '<<': [Op.SHL_I32, Op.SHL_I32, Op.SHL_I64, Op.SHL_I64],
      '>>': [Op.SHR_I32, Op.SHR_U32, Op.SHR_I64, Op.SHR_U64],
      '==': [Op.EQ_I32, Op.EQ_I32, Op.EQ_I64, Op.EQ_I64],
      '!=': [Op.NE_I32, Op.NE_I32, Op.NE_I64, Op.NE_I64],
      '<': [Op.LT_I32, Op.LT_U32, Op.LT_I64, Op.LT_U64],
      '<=': [Op.LE_I32, Op.LE_U32, Op.LE_I64, Op.LE_U64],
      '>': [Op.GT_I32, Op.GT_U32, Op.GT_I64, Op.GT_U64],
      '>=': [Op.GE_I32, Op.GE_U32, Op.GE_I64, Op.GE_U64],
    };
    this.emit(table[op][(wide ? 2 : 0) + (u ? 1 : 0)]);
  }

  private genPointerBinary(e: ExprOf<'binary'>, ptrType: CType): void {
    const scale = pointerScale(ptrType);
    const lp = e.left.type.kind === 'ptr';
    const rp = e.right.type.kind === 'ptr';
    if (lp && rp) {
      this.gen(e.left);
      this.gen(e.right);
      if (e.op === '-') return this.emit(Op.PTR_DIFF, scale);
      const cmp: Partial<Record<BinaryOp, Op>> = { '==': Op.EQ_F64, '!=': Op.NE_F64, '<': Op.LT_F64, '<=': Op.LE_F64, '>': Op.GT_F64, '>=': Op.GE_F64 };
      return this.emit(cmp[e.op]!);
    }
    // pointer ± integer
    const c = constValue(lp ? e.right : e.left);
    if (c && c.k === 'int') {
      this.gen(lp ? e.left : e.right);
      const off = Number(c.value) * scale * (e.op === '-' ? -1 : 1);
      if (off !== 0) this.emit(Op.PTR_ADD_IMM, off);
      return;
    }
    const intSide = lp ? e.right : e.left;
    this.gen(e.left);
    this.gen(e.right);
    if (!lp) this.emit(Op.SWAP);
    const wide = kindOf(intSide.type) === Kind.I64;
    if (e.op === '-') this.emit(wide ? Op.NEG_I64 : Op.NEG_I32);
    this.addToPointer(intSide.type, scale);
  }

  /** (ptr, int → ptr) for an integer index of type t. */
  private addToPointer(t: CType, scale: number): void {
    if (kindOf(t) === Kind.I64) return this.emit(Op.PTR_ADD_I64, scale);
    if (t.kind === 'int' && t.unsigned) {
      this.emit(Op.U32_TO_I64);
      return this.emit(Op.PTR_ADD_I64, scale);
    }
    this.emit(Op.PTR_ADD_I32, scale);
  }

  // ---------------------------------------------------------------- assignment

  private genAssign(e: ExprOf<'assign'>, keep: boolean): void {
    const t = e.target.type;
    if (isRecord(t)) {
      this.genAddr(e.target);
      if (keep) this.emit(Op.DUP);
      this.gen(e.value);
      this.emit(Op.MEMCPY, sizeOf(t));
      return;
    }
    if (!keep && this.isFrameVar(e.target) && t.kind === 'int' && this.addLocalImmediate(e.target as ExprOf<'var'>, e.value)) return;
    if (this.isFrameVar(e.target) && this.localStoreOp(t) !== undefined) {
      this.gen(e.value);
      this.storeLocal((e.target as ExprOf<"var">).sym.frameOffset!, t, keep);
      return;
    }
    this.genAddr(e.target);
    this.gen(e.value);
    this.store(t, keep);
  }

  /** `i = i + k` / `i = i - k` on an int local, value unused: one ADD_LOCAL_I32. */
  private addLocalImmediate(target: ExprOf<'var'>, value: Expr): boolean {
    if (value.k !== 'binary' || (value.op !== '+' && value.op !== '-') || value.type.kind !== 'int') return false;
    const left = value.left;
    if (left.k !== 'var' || left.sym !== target.sym) return false;
    const c = constValue(value.right);
    if (!c || c.k !== 'int') return false;
    const imm = Number(BigInt.asIntN(32, value.op === '+' ? c.value : -c.value));
    this.emit(Op.ADD_LOCAL_I32, target.sym.frameOffset!, imm);
    return true;
  }

  private genOpAssign(e: ExprOf<'opassign'>, keep: boolean): void {
    const t = e.target.type;
    const opType = e.opType ?? t;
    // i += k on an int local: one instruction
    if (!keep && this.isFrameVar(e.target) && t.kind === 'int' && opType.kind === 'int' && (e.op === '+' || e.op === '-')) {
      const c = constValue(e.value);
      if (c && c.k === 'int') {
        const imm = Number(BigInt.asIntN(32, e.op === '+' ? c.value : -c.value));
        this.emit(Op.ADD_LOCAL_I32, (e.target as ExprOf<"var">).sym.frameOffset!, imm);
        return;
      }
    }
    const local = this.isFrameVar(e.target) && this.localLoadOp(t) !== undefined;
    if (local) {
      this.emit(this.localLoadOp(t)!, (e.target as ExprOf<'var'>).sym.frameOffset!);
    } else {
      this.genAddr(e.target);
      this.emit(Op.DUP);
      this.load(t);
    }
    if (t.kind === 'ptr') {
      this.gen(e.value);
      if (e.op === '-') this.emit(kindOf(e.value.type) === Kind.I64 ? Op.NEG_I64 : Op.NEG_I32);
      this.addToPointer(e.value.type, pointerScale(t));
    } else {
      this.convert(t, opType);
      this.gen(e.value);
      this.arith(e.op, opType);
      this.convert(opType, t);
    }
    if (local) this.storeLocal((e.target as ExprOf<'var'>).sym.frameOffset!, t, keep);
    else this.store(t, keep);
  }

  private genIncDec(e: ExprOf<'incdec'>, keep: boolean): void {
    const t = e.target.type;
    const frame = this.isFrameVar(e.target);
    if (frame && t.kind === 'int' && (!keep || e.prefix)) {
      const off = (e.target as ExprOf<'var'>).sym.frameOffset!;
      this.emit(Op.ADD_LOCAL_I32, off, e.delta);
      if (keep) this.emit(Op.LOAD_LOCAL_I32, off);
      return;
    }
    const loadOp = frame ? this.localLoadOp(t) : undefined;
    if (loadOp !== undefined) {
      const off = (e.target as ExprOf<'var'>).sym.frameOffset!;
      this.emit(loadOp, off);
      if (keep && !e.prefix) this.emit(Op.DUP);
      this.addOne(t, e.delta);
      if (keep && e.prefix) this.emit(Op.DUP);
      this.emit(this.localStoreOp(t)!, off);
      return;
    }
    this.genAddr(e.target);
    this.emit(Op.DUP);
    this.load(t);
    if (keep && !e.prefix) {
      this.emit(Op.DUP);
      this.emit(this.scratchStoreOp(t), this.scratchSlot());
    }
    this.addOne(t, e.delta);
    this.store(t, keep && e.prefix);
    if (keep && !e.prefix) this.emit(this.scratchLoadOp(t), this.scratchSlot());
  }

  private scratchStoreOp(t: CType): Op {
    const k = kindOf(t);
    return k === Kind.I64 ? Op.STORE_LOCAL_I64 : k === Kind.F64 ? Op.STORE_LOCAL_F64 : k === Kind.PTR ? Op.STORE_LOCAL_PTR : Op.STORE_LOCAL_I32;
  }

  private scratchLoadOp(t: CType): Op {
    const k = kindOf(t);
    return k === Kind.I64 ? Op.LOAD_LOCAL_I64 : k === Kind.F64 ? Op.LOAD_LOCAL_F64 : k === Kind.PTR ? Op.LOAD_LOCAL_PTR : Op.LOAD_LOCAL_I32;
  }

  /** (x → x ± 1) in type t, converted back to t. */
  private addOne(t: CType, delta: 1 | -1): void {
    if (t.kind === 'ptr') return this.emit(Op.PTR_ADD_IMM, delta * pointerScale(t));
    if (t.kind === 'bool') {
      // ++b sets it to 1; --b flips it
      if (delta > 0) {
        this.emit(Op.POP);
        return this.emit(Op.PUSH_I32, 1);
      }
      this.emit(Op.PUSH_I32, 1);
      return this.emit(Op.XOR_I32);
    }
    const k = kindOf(t);
    if (k === Kind.F64) {
      this.emit(Op.PUSH_F64, this.asm.f64(delta));
      this.emit(Op.ADD_F64);
      if (t.kind === 'float') this.emit(Op.FROUND);
      return;
    }
    if (k === Kind.I64) {
      this.pushI64(BigInt(delta));
      return this.emit(Op.ADD_I64);
    }
    this.emit(Op.PUSH_I32, delta);
    this.emit(Op.ADD_I32);
    this.truncate(t);
  }

  // ---------------------------------------------------------------- calls

  /** A call; `keep` leaves its value on the stack; `statement`: see genVoid. */
  private genCall(e: ExprOf<'call'>, keep: boolean, statement = false): void {
    const calleeType = e.callee.type.kind === 'ptr' ? e.callee.type.base! : e.callee.type;
    const ret = calleeType.ret!;
    const direct = directCallee(e.callee);
    const builtin = direct !== undefined && !this.ctx.isDefinedFunction(direct.linkName) && builtinId(direct.name) >= 0;
    if (builtin && this.genAsGccDoes(e, direct.name, keep, statement)) return;
    let nargs = e.args.length;
    if (calleeType.variadic && !builtin) {
      // a function of the program with '...': the extra arguments go to an area, its address is the last parameter
      const named = calleeType.params!.length;
      this.genVariableArguments(e.args.slice(named));
      for (let i = named - 1; i >= 0; i--) this.gen(e.args[i]);
      nargs = named + 1;
    } else {
      for (let i = e.args.length - 1; i >= 0; i--) this.gen(e.args[i]);
    }
    if (isRecord(ret)) {
      const tmp = this.allocate(Math.max(1, sizeOf(ret)), 16);
      this.emit(Op.FRAME_ADDR, tmp);
      nargs++;
    }
    if (direct) {
      if (!builtin) {
        this.emit(Op.CALL, 0, nargs);
        this.asm.codeRelocs.push({ at: this.asm.code.length - 2, kind: 'call', target: { sym: direct.linkName }, addend: 0, pos: e.pos, unit: this.ctx.unit });
      } else {
        this.asm.builtinsUsed.add(direct.name);
        const kinds = e.args.map((a) => kindOf(a.type));
        if (kinds.slice(16).some((k) => k !== Kind.I32)) {
          const p = e.args[16].pos;
          this.ctx.diags.error(p.file, p.line, p.column, p.length ?? 1,
            `the lab passes at most 16 arguments of this kind to library function '${direct.name}'`, 'split the call into two calls');
        }
        this.emit(Op.CALL_BUILTIN, builtinId(direct.name), nargs, kindsMask(kinds));
      }
    } else {
      this.gen(e.callee);
      this.emit(Op.CALL_INDIRECT, nargs);
    }
    if (!keep && ret.kind !== 'void') this.emit(Op.POP);
  }

  /**
   * A library call that gcc -O0 computes at compile time or turns into a simpler call
   * (gcc-folding.ts): emits that instead and returns true; false when the call stays as written.
   * The replacement is remembered with the name the student wrote (image.callsAsWritten).
   */
  private genAsGccDoes(e: ExprOf<'call'>, name: string, keep: boolean, statement: boolean): boolean {
    const folded = foldedLibraryCall(name, e.args);
    if (folded !== undefined) {
      this.asm.callsAsWritten.push({ pc: this.asm.code.length, name });
      if (keep) this.pushConstant(folded, e.type);
      return true;
    }
    if (keep || !statement) return false;
    const rewrite = rewrittenOutputCall(name, e.args);
    if (!rewrite) return false;
    if (rewrite.k === 'nothing') {
      this.asm.callsAsWritten.push({ pc: this.asm.code.length, name });
      return true;
    }
    for (let i = rewrite.args.length - 1; i >= 0; i--) this.gen(rewrite.args[i]);
    if (this.ctx.isDefinedFunction(rewrite.name)) {
      // the program defines its own puts: gcc's call goes to it, as the linker resolves the name
      this.emit(Op.CALL, 0, rewrite.args.length);
      this.asm.codeRelocs.push({ at: this.asm.code.length - 2, kind: 'call', target: { sym: rewrite.name }, addend: 0, pos: e.pos, unit: this.ctx.unit });
    } else {
      this.asm.callsAsWritten.push({ pc: this.asm.code.length, name, compiledAs: rewrite.name });
      this.emitBuiltin(rewrite.name, rewrite.args.map((a) => kindOf(a.type)));
    }
    this.emit(Op.POP);
    return true;
  }

  /**
   * Stores the arguments that match a variadic function's `...` in a new area of this frame,
   * right to left as gcc evaluates arguments, each in a slot of 8 bytes (a struct: its size
   * rounded up to 8), integers widened to 8 bytes; then pushes the area's address, which is the
   * callee's hidden last parameter (headers/stdarg.ts).
   */
  private genVariableArguments(args: Expr[]): void {
    const slots = args.map((a) => Math.max(8, alignTo(sizeOf(a.type), 8)));
    const total = slots.reduce((sum, n) => sum + n, 0);
    const area = this.allocate(Math.max(8, total), 16);
    let offset = total;
    for (let i = args.length - 1; i >= 0; i--) {
      offset -= slots[i];
      const a = args[i];
      this.emit(Op.FRAME_ADDR, area + offset);
      this.gen(a);
      if (isInteger(a.type) && kindOf(a.type) === Kind.I32) {
        this.emit(a.type.unsigned ? Op.U32_TO_I64 : Op.I32_TO_I64);
        this.emit(Op.STORE_I64);
      } else {
        this.store(a.type, false);
      }
    }
    this.emit(Op.FRAME_ADDR, area);
  }

  // ---------------------------------------------------------------- branches

  /** Jumps to `label` when e is true (jumpIf) or false (!jumpIf); falls through otherwise. */
  protected branch(e: Expr, label: Label, jumpIf: boolean): void {
    const c = constValue(e);
    if (c && (c.k === 'int' || c.k === 'float')) {
      const truth = c.k === 'int' ? c.value !== 0n : c.value !== 0;
      if (truth === jumpIf) this.jump(Op.JMP, label);
      return;
    }
    switch (e.k) {
      case 'not':
        return this.branch(e.expr, label, !jumpIf);
      case 'logand':
      case 'logor': {
        const isAnd = e.k === 'logand';
        if (isAnd !== jumpIf) {
          // and-false / or-true: either side decides
          this.branch(e.left, label, jumpIf);
          this.branch(e.right, label, jumpIf);
        } else {
          const skip = new Label();
          this.branch(e.left, skip, !jumpIf);
          this.branch(e.right, label, jumpIf);
          this.place(skip);
        }
        return;
      }
      case 'binary':
        if (['==', '!=', '<', '<=', '>', '>='].includes(e.op)) {
          this.gen(e);
          this.jump(jumpIf ? Op.JNZ : Op.JZ, label);
          return;
        }
        break;
    }
    this.gen(e);
    const k = kindOf(e.type);
    if (k === Kind.I64) this.emit(Op.BOOL_I64);
    else if (k === Kind.F64) this.emit(Op.BOOL_F64);
    else if (k === Kind.PTR) this.emit(Op.BOOL_PTR);
    this.jump(jumpIf ? Op.JNZ : Op.JZ, label);
  }
}

/** The function a call names directly (`f(x)`), or undefined for calls through pointers. */
function directCallee(callee: Expr): Sym | undefined {
  let c = callee;
  if (c.k === 'cast' && c.implicit) c = c.expr;
  if (c.k === 'var' && c.sym.kind === 'func') return c.sym;
  if (c.k === 'addr' && c.expr.k === 'var' && c.expr.sym.kind === 'func') return c.expr.sym;
  return undefined;
}

function pointerScale(t: CType): number {
  const b = t.base!;
  if (b.kind === 'void' || b.kind === 'func') return 1;
  return Math.max(1, sizeOf(b));
}

/** Whether an I32-kind value of type `from` must be re-truncated to become a `to`. */
function needsTruncation(from: CType, to: CType): boolean {
  if (to.kind !== 'char' && to.kind !== 'short') return false;
  if (from.kind === 'bool') return false;
  const fs = sizeOf(from);
  const ts = sizeOf(to);
  if (fs < ts) return !(!to.unsigned || from.unsigned) ;
  if (fs === ts) return !!from.unsigned !== !!to.unsigned;
  return true;
}


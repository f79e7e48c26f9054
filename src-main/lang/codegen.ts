/**
 * Code generation for one function: statements and control flow. Expressions are in
 * codegen-expr.ts (the ExprGen base class); this file adds frames, statements, loops, switch,
 * goto and the function prologue and epilogue, as gcc -O0 lays them out: every local and
 * parameter lives in the frame at a negative offset from fp.
 */
import { Op, Kind } from './isa.ts';
import type { Block, CaseStmt, Expr, FunctionDef, InitPiece, Pos, Stmt, Sym } from './ast.ts';
import { type CType, isRecord, sizeOf, alignOf, typeToString, scalarName, kindOf, pointerTo } from './types.ts';
import type { LocalSymbol } from './image.ts';
import { ExprGen, Label, type GenContext } from './codegen-expr.ts';
import { symbolInfo } from './assembly.ts';
import { compileTick } from './limits.ts';

interface LoopTargets {
  breakLabel: Label;
  continueLabel?: Label;
  /** blocks with variable-length arrays open around the loop (a jump out restores those inside) */
  vlaBlocks: number;
}

/** True when the block itself (not a nested one) declares a variable-length array. */
function declaresVla(b: Block): boolean {
  return b.body.some((s) => s.k === 'decl' && s.vars.some((v) => v.sym.type.vla !== undefined));
}

/** Generates one function's code into the assembly. */
export function generateFunction(fn: FunctionDef, ctx: GenContext): void {
  new FunctionGen(fn, ctx).run();
}

class FunctionGen extends ExprGen {
  private readonly targets: LoopTargets[] = [];
  private readonly switchLabels: { cases: Map<CaseStmt, Label>; defaultLabel: Label }[] = [];
  private readonly gotoLabels = new Map<string, Label>();
  private readonly locals: LocalSymbol[] = [];
  private readonly openLocals: LocalSymbol[][] = [];
  private returnSlot = 0;
  /** frame slots holding the stack pointer saved at the start of each open block that declares a VLA */
  private readonly vlaSaves: number[] = [];

  constructor(private readonly fn: FunctionDef, ctx: GenContext) {
    super(ctx, fn.sym.name);
  }

  run(): void {
    const a = this.asm;
    const entryPc = a.code.length;
    const ret = this.fn.sym.type.ret!;
    const structReturn = isRecord(ret);
    this.line(this.fn.pos);
    const nparams = this.fn.params.length + (structReturn ? 1 : 0);
    this.emit(Op.ENTER, 0, nparams);
    const enterAt = a.code.length - 2;
    this.openLocals.push([]);
    if (structReturn) {
      this.returnSlot = this.allocate(8, 8);
      this.emit(Op.STORE_LOCAL_PTR, this.returnSlot);
    }
    for (const p of this.fn.params) this.storeParameter(p);
    this.block(this.fn.body, false);
    this.line(this.fn.body.end);
    const fallOffPc = this.fallOffEnd(ret);
    this.closeScope(this.openLocals.pop()!);
    a.code[enterAt] = this.frameAlignedSize();
    const endPc = a.code.length;
    const info = {
      symbol: symbolInfo(this.fn.sym), linkName: this.fn.sym.linkName, unit: this.ctx.unit, entryPc, endPc,
      frameSize: this.frameAlignedSize(), locals: this.locals, file: this.fn.pos.file, line: this.fn.pos.line,
      returnsVoid: ret.kind === 'void', ...(fallOffPc !== null ? { fallOffPc } : {}),
    };
    a.functions.set(this.fn.sym.linkName, info);
    a.functionOrder.push(info);
  }

  /** Pops the next argument into the parameter's frame slot (param 0 is on top). */
  private storeParameter(p: Sym): void {
    const t = p.type;
    const size = isRecord(t) ? sizeOf(t) : Math.max(4, sizeOf(t));
    p.frameOffset = this.allocate(size, Math.max(4, alignOf(t)));
    if (p !== this.fn.vaArea) this.declareLocal(p);
    if (isRecord(t)) {
      // (src) → copy the caller's struct into the slot
      this.emit(Op.FRAME_ADDR, p.frameOffset);
      this.emit(Op.SWAP);
      this.emit(Op.MEMCPY, sizeOf(t));
      return;
    }
    switch (t.kind) {
      case 'float':
        this.emit(Op.FRAME_ADDR, p.frameOffset);
        this.emit(Op.SWAP);
        this.emit(Op.STORE_F32);
        return;
      case 'double':
        this.emit(Op.STORE_LOCAL_F64, p.frameOffset);
        return;
      case 'long':
      case 'llong':
        this.emit(Op.STORE_LOCAL_I64, p.frameOffset);
        return;
      case 'ptr':
        this.emit(Op.STORE_LOCAL_PTR, p.frameOffset);
        return;
      default:
        // char, short, int, _Bool: a 4-byte slot; the low bytes are the narrow value
        this.emit(Op.STORE_LOCAL_I32, p.frameOffset);
    }
  }

  /** `void main(void)`: still hands _start a status (0), so the caller's stack stays balanced. */
  private get voidMain(): boolean {
    return this.fn.sym.name === 'main' && this.fn.sym.type.ret!.kind === 'void';
  }

  /**
   * The code for reaching the closing brace. Returns the pc of the made-up value a function that
   * must return one pushes there (FunctionInfo.fallOffPc, for memcheck), or null (void
   * functions, struct returns, and main, which returns 0 there as C99 says).
   */
  private fallOffEnd(ret: CType): number | null {
    if (this.voidMain) {
      this.emit(Op.PUSH_I32, 0);
      this.emit(Op.RET);
      return null;
    }
    if (ret.kind === 'void') {
      this.emit(Op.RET_VOID);
      return null;
    }
    if (isRecord(ret)) {
      this.emit(Op.LOAD_LOCAL_PTR, this.returnSlot);
      this.emit(Op.RET);
      return null;
    }
    const pc = this.asm.code.length;
    this.pushZero(kindOf(ret));
    this.emit(Op.RET);
    return this.fn.sym.name === 'main' ? null : pc;
  }

  private pushZero(k: Kind): void {
    if (k === Kind.I32) this.emit(Op.PUSH_I32, 0);
    else if (k === Kind.I64) this.emit(Op.PUSH_I64, 0, 0);
    else if (k === Kind.F64) this.emit(Op.PUSH_F64, this.asm.f64(0));
    else this.emit(Op.PUSH_PTR, 0, 0);
  }

  // ---------------------------------------------------------------- locals

  private declareLocal(sym: Sym): void {
    const info: LocalSymbol = {
      name: sym.name, type: typeToString(sym.type), size: sizeOf(sym.type), scalar: scalarName(sym.type),
      frameOffset: sym.frameOffset!, startPc: this.asm.code.length, endPc: this.asm.code.length,
    };
    if (info.scalar === undefined) delete info.scalar;
    this.locals.push(info);
    this.openLocals[this.openLocals.length - 1].push(info);
  }

  private closeScope(list: LocalSymbol[]): void {
    for (const l of list) l.endPc = this.asm.code.length;
  }

  // ---------------------------------------------------------------- statements

  private block(b: Block, scope = true): void {
    if (scope) this.openLocals.push([]);
    // a block that declares a variable-length array gives its stack back when it ends
    const save = scope && declaresVla(b) ? this.allocate(8, 8) : 0;
    if (save) {
      this.emitBuiltin('__lab_stack_save', []);
      this.emit(Op.STORE_LOCAL_PTR, save);
      this.vlaSaves.push(save);
    }
    for (const s of b.body) this.statement(s);
    if (save) {
      this.vlaSaves.pop();
      this.restoreStack(save);
    }
    if (scope) this.closeScope(this.openLocals.pop()!);
  }

  /** Puts the stack pointer back to what the block that saved it in `slot` started with. */
  private restoreStack(slot: number): void {
    this.emit(Op.LOAD_LOCAL_PTR, slot);
    this.emitBuiltin('__lab_stack_restore', [Kind.PTR]);
  }

  /** break / continue leave the blocks opened inside the loop: their VLAs' stack is given back. */
  private leaveVlaBlocks(target: LoopTargets): void {
    if (this.vlaSaves.length > target.vlaBlocks) this.restoreStack(this.vlaSaves[target.vlaBlocks]);
  }

  /**
   * `T a[n];`: computes the size (n * sizeof(T)) into the hidden size local, takes that many
   * bytes of stack (rounded up to 16) and keeps their address in a's frame slot.
   */
  private variableLengthArray(sym: Sym, pos: Pos): void {
    const vla = sym.type.vla!;
    const size = vla.size!;
    size.frameOffset = this.allocate(8, 8);
    sym.frameOffset = this.allocate(8, 8);
    this.line(pos);
    this.gen(vla.length);
    this.pushI64(BigInt(sizeOf(sym.type.base!)));
    this.emit(Op.MUL_I64);
    this.emit(Op.DUP);
    this.emit(Op.STORE_LOCAL_I64, size.frameOffset);
    this.emitBuiltin('alloca', [Kind.I64]);
    this.emit(Op.STORE_LOCAL_PTR, sym.frameOffset);
    const info: LocalSymbol = {
      name: sym.name, type: typeToString(pointerTo(sym.type.base!)), size: 8, scalar: 'ptr',
      frameOffset: sym.frameOffset, startPc: this.asm.code.length, endPc: this.asm.code.length,
    };
    this.locals.push(info);
    this.openLocals[this.openLocals.length - 1].push(info);
  }

  private statement(s: Stmt): void {
    compileTick(s.pos);
    switch (s.k) {
      case 'block':
        return this.block(s);
      case 'empty':
        return;
      case 'expr':
        this.line(s.pos);
        this.genVoid(s.expr);
        return;
      case 'decl':
        for (const v of s.vars) this.localVariable(v.sym, v.pieces, v.pos);
        return;
      case 'if':
        return this.ifStatement(s);
      case 'while': {
        this.line(s.pos);
        const body = new Label();
        const test = new Label();
        const end = new Label();
        this.jump(Op.JMP, test);
        this.place(body);
        this.loop(s.body, end, test);
        this.place(test);
        this.line(s.pos);
        this.branch(s.test, body, true);
        this.place(end);
        return;
      }
      case 'do': {
        const top = new Label();
        const test = new Label();
        const end = new Label();
        this.place(top);
        this.loop(s.body, end, test);
        this.place(test);
        this.line(s.test.pos);
        this.branch(s.test, top, true);
        this.place(end);
        return;
      }
      case 'for':
        return this.forStatement(s);
      case 'switch':
        return this.switchStatement(s);
      case 'case': {
        const sw = this.switchLabels[this.switchLabels.length - 1];
        if (sw) this.place(sw.cases.get(s)!);
        return this.statement(s.body);
      }
      case 'default': {
        const sw = this.switchLabels[this.switchLabels.length - 1];
        if (sw) this.place(sw.defaultLabel);
        return this.statement(s.body);
      }
      case 'break': {
        this.line(s.pos);
        const t = this.targets[this.targets.length - 1];
        if (t) {
          this.leaveVlaBlocks(t);
          this.jump(Op.JMP, t.breakLabel);
        }
        return;
      }
      case 'continue': {
        this.line(s.pos);
        for (let i = this.targets.length - 1; i >= 0; i--) {
          const c = this.targets[i].continueLabel;
          if (c) {
            this.leaveVlaBlocks(this.targets[i]);
            this.jump(Op.JMP, c);
            break;
          }
        }
        return;
      }
      case 'return':
        this.line(s.pos);
        return this.returnStatement(s.value);
      case 'goto':
        this.line(s.pos);
        this.jump(Op.JMP, this.gotoLabel(s.label));
        return;
      case 'label':
        this.place(this.gotoLabel(s.label));
        return this.statement(s.body);
    }
  }

  private gotoLabel(name: string): Label {
    let l = this.gotoLabels.get(name);
    if (!l) {
      l = new Label();
      this.gotoLabels.set(name, l);
    }
    return l;
  }

  private loop(body: Stmt, breakLabel: Label, continueLabel: Label): void {
    this.targets.push({ breakLabel, continueLabel, vlaBlocks: this.vlaSaves.length });
    this.openLocals.push([]);
    this.statement(body);
    this.closeScope(this.openLocals.pop()!);
    this.targets.pop();
  }

  private ifStatement(s: Extract<Stmt, { k: 'if' }>): void {
    this.line(s.pos);
    const elseLabel = new Label();
    this.branch(s.test, elseLabel, false);
    this.openLocals.push([]);
    this.statement(s.then);
    this.closeScope(this.openLocals.pop()!);
    if (s.else) {
      const end = new Label();
      this.jump(Op.JMP, end);
      this.place(elseLabel);
      this.openLocals.push([]);
      this.statement(s.else);
      this.closeScope(this.openLocals.pop()!);
      this.place(end);
    } else {
      this.place(elseLabel);
    }
  }

  /** for (init; test; step) body, rotated so each iteration ends in one conditional jump. */
  private forStatement(s: Extract<Stmt, { k: 'for' }>): void {
    this.openLocals.push([]);
    if (s.init) this.statement(s.init);
    this.line(s.pos);
    const body = new Label();
    const step = new Label();
    const test = new Label();
    const end = new Label();
    this.jump(Op.JMP, test);
    this.place(body);
    this.loop(s.body, end, step);
    this.place(step);
    if (s.step) {
      this.line(s.pos);
      this.genVoid(s.step);
    }
    this.place(test);
    if (s.test) {
      this.line(s.pos);
      this.branch(s.test, body, true);
    } else {
      this.jump(Op.JMP, body);
    }
    this.place(end);
    this.closeScope(this.openLocals.pop()!);
  }

  private switchStatement(s: Extract<Stmt, { k: 'switch' }>): void {
    this.line(s.pos);
    const wide = kindOf(s.test.type) === Kind.I64;
    const slot = this.allocate(8, 8);
    this.gen(s.test);
    this.emit(wide ? Op.STORE_LOCAL_I64 : Op.STORE_LOCAL_I32, slot);
    const cases = new Map<CaseStmt, Label>();
    for (const c of s.cases) {
      const l = new Label();
      cases.set(c, l);
      this.emit(wide ? Op.LOAD_LOCAL_I64 : Op.LOAD_LOCAL_I32, slot);
      if (wide) this.pushI64(c.value);
      else this.emit(Op.PUSH_I32, Number(BigInt.asIntN(32, c.value)));
      this.emit(wide ? Op.EQ_I64 : Op.EQ_I32);
      this.jump(Op.JNZ, l);
    }
    const end = new Label();
    const defaultLabel = new Label();
    this.jump(Op.JMP, s.hasDefault ? defaultLabel : end);
    this.switchLabels.push({ cases, defaultLabel });
    this.targets.push({ breakLabel: end, vlaBlocks: this.vlaSaves.length });
    this.openLocals.push([]);
    this.statement(s.body);
    this.closeScope(this.openLocals.pop()!);
    this.targets.pop();
    this.switchLabels.pop();
    this.place(end);
  }

  private returnStatement(value: Expr | undefined): void {
    const ret = this.fn.sym.type.ret!;
    if (ret.kind === 'void') {
      if (value) this.genVoid(value);
      this.fallOffEnd(ret);
      return;
    }
    if (!value) {
      this.fallOffEnd(ret);
      return;
    }
    if (isRecord(ret)) {
      this.emit(Op.LOAD_LOCAL_PTR, this.returnSlot);
      this.gen(value);
      this.emit(Op.MEMCPY, sizeOf(ret));
      this.emit(Op.LOAD_LOCAL_PTR, this.returnSlot);
      this.emit(Op.RET);
      return;
    }
    if (value.k === 'cond') {
      // return t ? a : b;  →  each arm returns directly (no jump to a shared RET)
      const other = new Label();
      this.branch(value.test, other, false);
      this.gen(value.then);
      this.emit(Op.RET);
      this.place(other);
      this.gen(value.else);
      this.emit(Op.RET);
      return;
    }
    this.gen(value);
    this.emit(Op.RET);
  }

  /** A local variable: its frame slot, and its initialiser (zero the rest, then the pieces). */
  private localVariable(sym: Sym, pieces: InitPiece[] | undefined, pos: Pos): void {
    if (sym.type.vla) return this.variableLengthArray(sym, pos);
    const size = Math.max(1, sizeOf(sym.type));
    sym.frameOffset = this.allocate(size, Math.max(alignOf(sym.type), size >= 16 ? 16 : 1));
    if (pieces) {
      this.line(pos);
      this.initializeLocal(sym.frameOffset, sym.type, pieces);
    }
    this.declareLocal(sym);
    const info = this.locals[this.locals.length - 1];
    if (pieces) info.startPc = this.asm.code.length;
  }

  protected override initializeLocal(offset: number, type: CType, pieces: InitPiece[]): void {
    const whole = pieces.length === 1 && pieces[0].k === 'scalar' && pieces[0].offset === 0 && !isRecord(type) && type.kind !== 'array';
    if (whole) {
      const p = pieces[0] as Extract<InitPiece, { k: 'scalar' }>;
      this.gen(p.expr);
      this.storeLocal(offset, type, false);
      return;
    }
    const coversAll = pieces.length === 1 && pieces[0].k === 'scalar' && isRecord(type) && pieces[0].offset === 0;
    if (!coversAll) {
      this.emit(Op.FRAME_ADDR, offset);
      this.emit(Op.MEMZERO, sizeOf(type));
    }
    for (const p of pieces) {
      this.emit(Op.FRAME_ADDR, offset + p.offset);
      if (p.k === 'bytes') {
        this.pushString(p.bytes, p.bytes.length);
        this.emit(Op.MEMCPY, p.bytes.length);
      } else {
        this.gen(p.expr);
        this.store(p.type, false);
      }
    }
  }
}

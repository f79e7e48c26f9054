/**
 * The type checker. The parser calls it for every expression node it builds; it computes the
 * node's C type, inserts the implicit conversions C prescribes (integer promotions, usual
 * arithmetic conversions, array and function decay, conversion on assignment), and reports
 * errors and warnings as gcc words them.
 */
import type { DiagnosticBag } from './diagnostics.ts';
import type { BinaryOp, Expr, FunctionDef, Pos, StringSpelling, Sym } from './ast.ts';
import {
  type CType, INT, UINT, LONG, ULONG, LLONG, ULLONG, FLOAT, DOUBLE, CHAR, VOID, pointerTo, arrayOf, commonType, promote,
  isArithmetic, isInteger, isFloating, isScalar, isRecord, sizeOf, alignOf, isComplete, sameType, typeToString,
  unqualified, findMember, qualified,
} from './types.ts';
import { headerDeclaring } from './headers.ts';
import { glibcHeadersDeclaring, glibcHomeHeader } from './headers/glibc-functions.ts';
import { constValue, type ConstValue } from './consteval.ts';
import { checkFormatArguments } from './format-check.ts';
import { decodeEscapes } from './escapes.ts';

export type ConvContext =
  | { what: 'assignment' }
  | { what: 'initialization' }
  | { what: 'argument'; index: number; fn: string }
  | { what: 'return' };

const ERROR_TYPE: CType = { kind: 'int' };

/**
 * Library functions students reach for that the lab does not provide, with what to use instead
 * (each note names only functions the lab has; tests/lang/unsupported.test.ts checks that).
 */
export const NOT_IN_THE_LAB: Readonly<Record<string, string>> = (() => {
  const table: Record<string, string> = {};
  const shm = 'the lab has no shared memory objects; share memory between parent and child with mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0) before fork';
  for (const n of ['shm_open', 'shm_unlink']) table[n] = shm;
  const wait = 'the lab has no sigwait; block the signal with sigprocmask and wait for it with sigsuspend';
  for (const n of ['sigwait', 'sigwaitinfo', 'sigtimedwait']) table[n] = wait;
  table.waitid = 'the lab has no waitid; use waitpid (with WNOHANG, WUNTRACED or WCONTINUED)';
  table.mkfifo = 'the lab has no named pipes; make a pipe with pipe() before fork';
  return table;
})();

/** The type checker, shared by one translation unit's parser. */
export class Sema {
  constructor(
    private readonly diags: DiagnosticBag,
    private readonly currentFunction: () => FunctionDef | undefined,
    /** the system headers the translation unit includes ('stdio.h'…) */
    private readonly includedHeaders: ReadonlySet<string> = new Set(),
  ) {}

  // ---------------------------------------------------------------- reporting

  error(pos: Pos, message: string, hint?: string): void {
    this.diags.error(pos.file, pos.line, pos.column, pos.length ?? 1, message, hint);
  }

  warn(pos: Pos, message: string, hint?: string): void {
    this.diags.warning(pos.file, pos.line, pos.column, pos.length ?? 1, message, hint);
  }

  errorExpr(pos: Pos): Expr {
    return { k: 'error', pos, type: ERROR_TYPE };
  }

  private fail(pos: Pos, message: string): Expr {
    this.error(pos, message);
    return this.errorExpr(pos);
  }

  // ---------------------------------------------------------------- leaves

  ident(sym: Sym, pos: Pos): Expr {
    if (sym.poisoned) return this.errorExpr(pos);
    if (sym.kind === 'enumconst') return { k: 'int', value: sym.value!, pos, type: INT };
    return { k: 'var', sym, pos, type: sym.type };
  }

  /**
   * Reports a name used without a declaration and returns a symbol that stands for it from now
   * on (so each name is reported once): an implicit `int name()` for a call, else a poisoned name.
   */
  undeclaredSymbol(name: string, pos: Pos, isCall: boolean, inFunction: boolean, unit: number): Sym {
    const header = headerDeclaring(name);
    const hint = header ? `'${name}' is declared in <${header}>; add '#include <${header}>'` : undefined;
    if (isCall) {
      const missing = Object.hasOwn(NOT_IN_THE_LAB, name) ? NOT_IN_THE_LAB[name] : undefined;
      const glibcHeaders = header ? [] : glibcHeadersDeclaring(name);
      const included = glibcHeaders.find((h) => this.includedHeaders.has(h));
      const home = glibcHomeHeader(name);
      if (included) {
        // glibc declares it in a header the program includes: it would compile on Linux
        const where = home === included ? `<${included}> declares '${name}' on Linux` : `'${name}' is declared in <${home}> on Linux (which <${included}> includes)`;
        this.error(pos, `'${name}' is not supported in the lab`, `${where}, but the lab's C library does not provide it${missing ? `: ${missing}` : ''}`);
      } else {
        const elsewhere = home ? `'${name}' is declared in <${home}> on Linux, but the lab does not support it` : undefined;
        this.error(pos, `implicit declaration of function '${name}'`, hint ?? missing ?? elsewhere ?? 'declare the function (or put its definition) above this use');
      }
      return {
        name, kind: 'func', type: { kind: 'func', ret: INT, params: [], prototyped: false }, storage: 'global', pos, tu: unit,
        linkName: name,
      };
    }
    this.error(pos, inFunction ? `'${name}' undeclared (first use in this function)` : `'${name}' undeclared here (not in a function)`, hint);
    return { name, kind: 'var', type: INT, storage: 'local', pos, tu: unit, linkName: name, poisoned: true };
  }

  intLiteral(text: string, pos: Pos): Expr {
    const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)([uUlL]*)$/.exec(text);
    if (!m) return this.fail(pos, `invalid integer constant '${text}'`);
    const digits = m[1];
    const suffix = m[2].toLowerCase();
    let value: bigint;
    let decimal = false;
    if (/^0[xX]/.test(digits) || /^0[bB]/.test(digits)) value = BigInt(digits.toLowerCase());
    else if (digits.length > 1 && digits.startsWith('0')) value = BigInt('0o' + digits.slice(1));
    else {
      value = BigInt(digits);
      decimal = true;
    }
    const u = suffix.includes('u');
    const l = suffix.includes('ll') ? 2 : suffix.includes('l') ? 1 : 0;
    const candidates: CType[] = [];
    if (l === 0) candidates.push(...(u ? [UINT, ULONG] : decimal ? [INT, LONG] : [INT, UINT, LONG, ULONG]));
    else if (l === 1) candidates.push(...(u ? [ULONG] : decimal ? [LONG] : [LONG, ULONG]));
    else candidates.push(...(u ? [ULLONG] : decimal ? [LLONG] : [LLONG, ULLONG]));
    for (const t of candidates) if (value <= maxOf(t)) return { k: 'int', value, pos, type: t };
    if (value > 0xffffffffffffffffn) {
      this.error(pos, 'integer constant is too large for its type');
      value &= 0xffffffffffffffffn;
    } else if (decimal && !u) {
      this.warn(pos, 'integer constant is so large that it is unsigned');
    }
    return { k: 'int', value, pos, type: l === 2 ? ULLONG : ULONG };
  }

  floatLiteral(text: string, pos: Pos): Expr {
    const isFloat = /[fF]$/.test(text);
    const body = text.replace(/[fFlL]$/, '');
    const value = /^0[xX]/.test(body) ? parseHexFloat(body) : Number(body);
    return isFloat ? { k: 'float', value: Math.fround(value), pos, type: FLOAT } : { k: 'float', value, pos, type: DOUBLE };
  }

  /** A floating constant given by its value (special values from builtins). */
  floatConstant(value: number, isFloat: boolean, pos: Pos): Expr {
    return { k: 'float', value, pos, type: isFloat ? FLOAT : DOUBLE };
  }

  charLiteral(text: string, pos: Pos): Expr {
    const bytes = decodeEscapes(text.slice(1, -1));
    let v = 0;
    for (const b of bytes) v = ((v << 8) | b) >>> 0;
    let value = bytes.length === 1 ? (bytes[0] >= 128 ? bytes[0] - 256 : bytes[0]) : v | 0;
    if (bytes.length === 0) value = 0;
    return { k: 'int', value: BigInt(value), pos, type: INT };
  }

  stringLiteral(parts: string[], pos: Pos, spelling?: StringSpelling[]): Expr {
    const chunks = parts.map((p) => decodeEscapes(p.slice(1, -1)));
    const n = chunks.reduce((a, c) => a + c.length, 0);
    const bytes = new Uint8Array(n);
    let o = 0;
    for (const c of chunks) {
      bytes.set(c, o);
      o += c.length;
    }
    return { k: 'string', bytes, pos, type: arrayOf(CHAR, n + 1), spelling };
  }

  sizeConstant(value: bigint, pos: Pos): Expr {
    return { k: 'int', value, pos, type: ULONG };
  }

  compoundLiteral(sym: Sym, pos: Pos): Expr {
    return { k: 'compound', sym, pos, type: sym.type };
  }

  // ---------------------------------------------------------------- conversions

  /** Array → pointer to first element, function → pointer to function (lvalue conversion). */
  rvalue(e: Expr): Expr {
    if (e.type.kind === 'array') return { k: 'cast', expr: e, implicit: true, pos: e.pos, type: pointerTo(e.type.base!) };
    if (e.type.kind === 'func') return { k: 'cast', expr: e, implicit: true, pos: e.pos, type: pointerTo(e.type) };
    return e;
  }

  /** Wraps `e` in a conversion to `t` unless it already has that type. */
  convert(e: Expr, t: CType): Expr {
    if (e.k === 'error') return e;
    const from = unqualified(e.type);
    const to = unqualified(t);
    if (sameType(from, to, true) && from.kind !== 'array' && from.kind !== 'func') return e.type === to ? e : { ...e, type: to } as Expr;
    return { k: 'cast', expr: e, implicit: true, pos: e.pos, type: to };
  }

  private isVoidValue(e: Expr): boolean {
    return e.type.kind === 'void';
  }

  /** Checks a value used where its value matters (not void). */
  private value(e: Expr): Expr {
    if (e.k === 'error') return e;
    if (this.isVoidValue(e)) return this.fail(e.pos, 'void value not ignored as it ought to be');
    return this.rvalue(e);
  }

  isNullPointerConstant(e: Expr): boolean {
    let x = e;
    while (x.k === 'cast' && (isInteger(x.type) || (x.type.kind === 'ptr' && x.type.base!.kind === 'void' && !x.type.base!.isConst))) x = x.expr;
    if (!isInteger(x.type) && !(x.type.kind === 'ptr')) return false;
    if (x.type.kind === 'ptr') return false;
    const v = this.constInt(e);
    return v === 0n;
  }

  /** The conversion as if by assignment (C11 6.5.16.1), with gcc's messages for each context. */
  convertAssign(e: Expr, to: CType, ctx: ConvContext): Expr {
    if (e.k === 'error') return e;
    if (this.isVoidValue(e)) return this.fail(e.pos, 'void value not ignored as it ought to be');
    const v = this.rvalue(e);
    const from = v.type;
    const target = unqualified(to);
    if (isArithmetic(target) && isArithmetic(from)) return this.convert(v, target);
    if (target.kind === 'bool' && from.kind === 'ptr') return this.convert(v, target);
    if (isRecord(target) || isRecord(from)) {
      if (isRecord(target) && isRecord(from) && target.record === from.record) return v;
      return this.fail(e.pos, incompatibleMessage(ctx, target, from));
    }
    if (target.kind === 'ptr') {
      if (from.kind === 'ptr') {
        this.checkPointerAssign(target, from, ctx, e.pos);
        return this.convert(v, target);
      }
      if (isInteger(from)) {
        if (!this.isNullPointerConstant(v)) this.warn(e.pos, `${ctxPrefix(ctx, target, from)} makes pointer from integer without a cast`);
        return this.convert(v, target);
      }
      return this.fail(e.pos, incompatibleMessage(ctx, target, from));
    }
    if (isInteger(target) && from.kind === 'ptr') {
      this.warn(e.pos, `${ctxPrefix(ctx, target, from)} makes integer from pointer without a cast`);
      return this.convert(v, target);
    }
    return this.fail(e.pos, incompatibleMessage(ctx, target, from));
  }

  private checkPointerAssign(to: CType, from: CType, ctx: ConvContext, pos: Pos): void {
    const tb = to.base!;
    const fb = from.base!;
    if ((fb.isConst && !tb.isConst) || (fb.isVolatile && !tb.isVolatile)) {
      const q = fb.isConst && !tb.isConst ? 'const' : 'volatile';
      this.warn(pos, `${ctxShort(ctx)} discards '${q}' qualifier from pointer target type`);
      return;
    }
    if (tb.kind === 'void' || fb.kind === 'void') return;
    if (!sameType(unqualified(tb), unqualified(fb), true) || !sameDeep(tb, fb)) {
      // char * ↔ unsigned char *: gcc warns only with -Wpointer-sign (-Wall), so the lab is quiet
      const signOnly = isInteger(tb) && isInteger(fb) && sizeOf(tb) === sizeOf(fb) && tb.kind === fb.kind;
      if (!signOnly) this.warn(pos, incompatiblePointerMessage(ctx, to, from));
    }
  }

  /** Default argument promotions (variadic and unprototyped calls). */
  private promoteArgument(e: Expr): Expr {
    const v = this.value(e);
    if (v.k === 'error') return v;
    if (v.type.kind === 'float') return this.convert(v, DOUBLE);
    if (isInteger(v.type)) return this.convert(v, promote(v.type));
    return v;
  }

  /** A controlling expression (if, while, for, ?:, !, &&, ||): must be scalar. */
  condition(e: Expr): Expr {
    const v = this.value(e);
    if (v.k === 'error') return v;
    if (!isScalar(v.type)) return this.fail(e.pos, `used ${typeDescription(v.type)} value where scalar is required`);
    return v;
  }

  switchValue(e: Expr): Expr {
    const v = this.value(e);
    if (v.k === 'error') return v;
    if (!isInteger(v.type)) return this.fail(e.pos, 'switch quantity not an integer');
    return this.convert(v, promote(v.type));
  }

  returnValue(value: Expr | undefined, pos: Pos): Expr | undefined {
    const fn = this.currentFunction();
    if (!fn) return value;
    const ret = fn.sym.type.ret!;
    if (ret.kind === 'void') {
      if (value && value.type.kind !== 'void' && value.k !== 'error') this.warn(value.pos, "'return' with a value, in function returning void");
      return value;
    }
    if (!value) {
      this.warn(pos, "'return' with no value, in function returning non-void");
      return undefined;
    }
    return this.convertAssign(value, ret, { what: 'return' });
  }

  // ---------------------------------------------------------------- operators

  binary(op: BinaryOp, l0: Expr, r0: Expr, pos: Pos): Expr {
    const l = this.value(l0);
    const r = this.value(r0);
    if (l.k === 'error' || r.k === 'error') return this.errorExpr(pos);
    const lt = l.type;
    const rt = r.type;
    const mk = (opType: CType, type: CType, left: Expr, right: Expr): Expr => ({ k: 'binary', op, left, right, opType, pos, type });
    const invalid = (): Expr => this.fail(pos, `invalid operands to binary ${op} (have '${typeToString(lt)}' and '${typeToString(rt)}')`);
    switch (op) {
      case '+':
      case '-': {
        if (isArithmetic(lt) && isArithmetic(rt)) {
          const c = commonType(lt, rt);
          return mk(c, c, this.convert(l, c), this.convert(r, c));
        }
        if (lt.kind === 'ptr' && isInteger(rt)) {
          this.checkPointerArith(lt, pos);
          return mk(unqualified(lt), unqualified(lt), l, this.convert(r, promoteIndex(rt)));
        }
        if (op === '+' && isInteger(lt) && rt.kind === 'ptr') {
          this.checkPointerArith(rt, pos);
          return mk(unqualified(rt), unqualified(rt), this.convert(l, promoteIndex(lt)), r);
        }
        if (op === '-' && lt.kind === 'ptr' && rt.kind === 'ptr') {
          if (!sameType(unqualified(lt.base!), unqualified(rt.base!), true)) {
            return this.fail(pos, `invalid operands to binary - (have '${typeToString(lt)}' and '${typeToString(rt)}')`);
          }
          this.checkPointerArith(lt, pos);
          return mk(unqualified(lt), LONG, l, r);
        }
        return invalid();
      }
      case '*':
      case '/': {
        if (!isArithmetic(lt) || !isArithmetic(rt)) return invalid();
        const c = commonType(lt, rt);
        if (op === '/' && isInteger(c) && this.constInt(r) === 0n) this.warn(pos, 'division by zero');
        return mk(c, c, this.convert(l, c), this.convert(r, c));
      }
      case '%':
      case '&':
      case '|':
      case '^': {
        if (!isInteger(lt) || !isInteger(rt)) return invalid();
        const c = commonType(lt, rt);
        if (op === '%' && this.constInt(r) === 0n) this.warn(pos, 'division by zero');
        return mk(c, c, this.convert(l, c), this.convert(r, c));
      }
      case '<<':
      case '>>': {
        if (!isInteger(lt) || !isInteger(rt)) return invalid();
        const t = promote(lt);
        const count = this.constInt(r);
        if (count !== undefined && count < 0n) this.warn(pos, `${op === '<<' ? 'left' : 'right'} shift count is negative`);
        else if (count !== undefined && count >= BigInt(sizeOf(t) * 8)) this.warn(pos, `${op === '<<' ? 'left' : 'right'} shift count >= width of type`);
        const countType = sizeOf(t) === 8 ? LONG : INT;
        return mk(t, t, this.convert(l, t), this.convert(r, countType));
      }
      default: {
        // comparisons
        if (isArithmetic(lt) && isArithmetic(rt)) {
          const c = commonType(lt, rt);
          return mk(c, INT, this.convert(l, c), this.convert(r, c));
        }
        if (lt.kind === 'ptr' && rt.kind === 'ptr') {
          const lb = lt.base!;
          const rb = rt.base!;
          if (lb.kind !== 'void' && rb.kind !== 'void' && !sameType(unqualified(lb), unqualified(rb), true)) {
            this.warn(pos, 'comparison of distinct pointer types lacks a cast');
          }
          return mk(unqualified(lt), INT, l, r);
        }
        if (lt.kind === 'ptr' && isInteger(rt)) {
          if (!this.isNullPointerConstant(r)) this.warn(pos, 'comparison between pointer and integer');
          return mk(unqualified(lt), INT, l, this.convert(r, lt));
        }
        if (isInteger(lt) && rt.kind === 'ptr') {
          if (!this.isNullPointerConstant(l)) this.warn(pos, 'comparison between pointer and integer');
          return mk(unqualified(rt), INT, this.convert(l, rt), r);
        }
        return invalid();
      }
    }
  }

  private checkPointerArith(t: CType, pos: Pos): void {
    const b = t.base!;
    if (b.kind !== 'void' && b.kind !== 'func' && !isComplete(b)) this.error(pos, `arithmetic on pointer to an incomplete type`);
  }

  logical(k: 'logand' | 'logor', l0: Expr, r0: Expr, pos: Pos): Expr {
    const l = this.condition(l0);
    const r = this.condition(r0);
    if (l.k === 'error' || r.k === 'error') return this.errorExpr(pos);
    return { k, left: l, right: r, pos, type: INT };
  }

  unary(k: 'neg' | 'bitnot' | 'not' | 'plus', e0: Expr, pos: Pos): Expr {
    if (k === 'not') {
      const e = this.condition(e0);
      if (e.k === 'error') return e;
      return { k, expr: e, pos, type: INT };
    }
    const e = this.value(e0);
    if (e.k === 'error') return e;
    const ok = k === 'bitnot' ? isInteger(e.type) : isArithmetic(e.type);
    if (!ok) {
      const name = k === 'bitnot' ? 'bit-complement' : k === 'neg' ? 'unary minus' : 'unary plus';
      return this.fail(pos, `wrong type argument to ${name}`);
    }
    const t = promote(e.type);
    return { k, expr: this.convert(e, t), pos, type: t };
  }

  isLvalue(e: Expr): boolean {
    switch (e.k) {
      case 'var':
        return e.sym.kind === 'var';
      case 'deref':
      case 'compound':
      case 'string':
        return true;
      case 'member':
        return this.isLvalue(e.object);
      default:
        return false;
    }
  }

  /** Reports assignment to something that cannot be assigned; true when it is fine. */
  private checkModifiable(e: Expr, verb: string, pos: Pos): boolean {
    if (e.k === 'error') return false;
    if (!this.isLvalue(e)) {
      const what = verb === 'assignment' ? 'left operand of assignment' : `${verb} operand`;
      this.error(pos, `lvalue required as ${what}`);
      return false;
    }
    if (e.type.kind === 'array') {
      this.error(pos, verb === 'assignment' ? 'assignment to expression with array type' : `lvalue required as ${verb} operand`);
      return false;
    }
    if (e.type.isConst || (isRecord(e.type) && hasConstMember(e.type))) {
      this.error(pos, `${verb} of read-only ${describeLvalue(e)}`);
      return false;
    }
    return true;
  }

  assign(target: Expr, value: Expr, pos: Pos): Expr {
    if (target.k === 'error' || value.k === 'error') return this.errorExpr(pos);
    if (!this.checkModifiable(target, 'assignment', pos)) return this.errorExpr(pos);
    const v = this.convertAssign(value, target.type, { what: 'assignment' });
    if (v.k === 'error') return v;
    return { k: 'assign', target, value: v, pos, type: unqualified(target.type) };
  }

  opAssign(op: BinaryOp, target: Expr, value0: Expr, pos: Pos): Expr {
    if (target.k === 'error' || value0.k === 'error') return this.errorExpr(pos);
    if (!this.checkModifiable(target, 'assignment', pos)) return this.errorExpr(pos);
    const value = this.value(value0);
    if (value.k === 'error') return value;
    const tt = unqualified(target.type);
    const vt = value.type;
    const invalid = (): Expr => this.fail(pos, `invalid operands to binary ${op} (have '${typeToString(tt)}' and '${typeToString(vt)}')`);
    if (tt.kind === 'ptr') {
      if ((op === '+' || op === '-') && isInteger(vt)) {
        return { k: 'opassign', op, target, value: this.convert(value, promoteIndex(vt)), opType: tt, pos, type: tt };
      }
      return invalid();
    }
    if (!isArithmetic(tt) || !isArithmetic(vt)) return invalid();
    if (op === '<<' || op === '>>') {
      if (!isInteger(tt) || !isInteger(vt)) return invalid();
      const t = promote(tt);
      return { k: 'opassign', op, target, value: this.convert(value, sizeOf(t) === 8 ? LONG : INT), opType: t, pos, type: tt };
    }
    if ((op === '%' || op === '&' || op === '|' || op === '^') && (!isInteger(tt) || !isInteger(vt))) return invalid();
    const c = commonType(tt, vt);
    return { k: 'opassign', op, target, value: this.convert(value, c), opType: c, pos, type: tt };
  }

  incdec(prefix: boolean, delta: 1 | -1, target: Expr, pos: Pos): Expr {
    if (target.k === 'error') return target;
    const verb = delta > 0 ? 'increment' : 'decrement';
    if (!this.checkModifiable(target, verb, pos)) return this.errorExpr(pos);
    if (!isScalar(target.type)) return this.fail(pos, `wrong type argument to ${verb}`);
    if (target.type.kind === 'ptr') this.checkPointerArith(target.type, pos);
    return { k: 'incdec', prefix, delta, target, pos, type: unqualified(target.type) };
  }

  cond(test0: Expr, a0: Expr, b0: Expr, pos: Pos): Expr {
    const test = this.condition(test0);
    if (test.k === 'error' || a0.k === 'error' || b0.k === 'error') return this.errorExpr(pos);
    const a = this.rvalue(a0);
    const b = this.rvalue(b0);
    const at = a.type;
    const bt = b.type;
    const mk = (t: CType, x: Expr, y: Expr): Expr => ({ k: 'cond', test, then: x, else: y, pos, type: t });
    if (isArithmetic(at) && isArithmetic(bt)) {
      const c = commonType(at, bt);
      return mk(c, this.convert(a, c), this.convert(b, c));
    }
    if (at.kind === 'void' || bt.kind === 'void') return mk(VOID, a, b);
    if (isRecord(at) && isRecord(bt) && at.record === bt.record) return mk(unqualified(at), a, b);
    if (at.kind === 'ptr' && bt.kind === 'ptr') {
      let t = unqualified(at);
      if (at.base!.kind === 'void') t = unqualified(at);
      else if (bt.base!.kind === 'void') t = unqualified(bt);
      else if (!sameType(unqualified(at.base!), unqualified(bt.base!), true)) this.warn(pos, 'pointer type mismatch in conditional expression');
      return mk(t, this.convert(a, t), this.convert(b, t));
    }
    if (at.kind === 'ptr' && isInteger(bt)) {
      if (!this.isNullPointerConstant(b)) this.warn(pos, 'pointer/integer type mismatch in conditional expression');
      return mk(unqualified(at), a, this.convert(b, at));
    }
    if (bt.kind === 'ptr' && isInteger(at)) {
      if (!this.isNullPointerConstant(a)) this.warn(pos, 'pointer/integer type mismatch in conditional expression');
      return mk(unqualified(bt), this.convert(a, bt), b);
    }
    return this.fail(pos, 'type mismatch in conditional expression');
  }

  comma(l: Expr, r0: Expr, pos: Pos): Expr {
    if (l.k === 'error' || r0.k === 'error') return this.errorExpr(pos);
    const r = this.rvalue(r0);
    return { k: 'comma', left: l, right: r, pos, type: r.type };
  }

  cast(type: CType, e0: Expr, pos: Pos): Expr {
    if (e0.k === 'error') return e0;
    const to = unqualified(type);
    if (to.kind === 'void') return { k: 'cast', expr: e0, pos, type: VOID };
    const e = this.value(e0);
    if (e.k === 'error') return e;
    const from = e.type;
    if (!isScalar(to)) {
      if (isRecord(to) && isRecord(from) && to.record === from.record) return e;
      return this.fail(pos, 'conversion to non-scalar type requested');
    }
    if (!isScalar(from)) return this.fail(pos, `aggregate value used where ${isFloating(to) ? 'a floating-point' : to.kind === 'ptr' ? 'a pointer' : 'an integer'} was expected`);
    if (to.kind === 'ptr' && isFloating(from)) return this.fail(pos, 'cannot convert to a pointer type');
    if (isFloating(to) && from.kind === 'ptr') return this.fail(pos, 'pointer value used where a floating-point was expected');
    if (to.kind === 'ptr' && isInteger(from) && sizeOf(from) < 8 && this.constInt(e) === undefined) {
      this.warn(pos, 'cast to pointer from integer of different size');
    }
    if (isInteger(to) && to.kind !== 'bool' && from.kind === 'ptr' && sizeOf(to) < 8) this.warn(pos, 'cast from pointer to integer of different size');
    return { k: 'cast', expr: e, pos, type: to };
  }

  deref(e0: Expr, pos: Pos): Expr {
    const e = this.value(e0);
    if (e.k === 'error') return e;
    if (e.type.kind !== 'ptr') return this.fail(pos, `invalid type argument of unary '*' (have '${typeToString(e.type)}')`);
    const base = e.type.base!;
    if (base.kind === 'void') this.warn(pos, "dereferencing 'void *' pointer");
    return { k: 'deref', expr: e, pos, type: base };
  }

  addr(e: Expr, pos: Pos): Expr {
    if (e.k === 'error') return e;
    if (e.k === 'var' && e.sym.kind === 'func') return { k: 'addr', expr: e, pos, type: pointerTo(e.type) };
    if (e.k === 'deref' && e.type.kind === 'func') return { ...e.expr, pos };
    if (!this.isLvalue(e)) return this.fail(pos, 'lvalue required as unary \'&\' operand');
    return { k: 'addr', expr: e, pos, type: pointerTo(e.type) };
  }

  index(a0: Expr, i0: Expr, pos: Pos): Expr {
    const a = this.value(a0);
    const i = this.value(i0);
    if (a.k === 'error' || i.k === 'error') return this.errorExpr(pos);
    let ptr = a;
    let idx = i;
    if (a.type.kind !== 'ptr' && i.type.kind === 'ptr') {
      ptr = i;
      idx = a;
    }
    if (ptr.type.kind !== 'ptr') return this.fail(pos, 'subscripted value is neither array nor pointer nor vector');
    if (!isInteger(idx.type)) return this.fail(i0.pos, 'array subscript is not an integer');
    const sum = this.binary('+', ptr, idx, pos);
    if (sum.k === 'error') return sum;
    return { k: 'deref', expr: sum, pos, type: ptr.type.base! };
  }

  member(obj0: Expr, name: string, arrow: boolean, namePos: Pos, pos: Pos): Expr {
    if (obj0.k === 'error') return obj0;
    let obj = obj0;
    if (arrow) {
      const p = this.value(obj0);
      if (p.k === 'error') return p;
      if (p.type.kind !== 'ptr' || !isRecord(p.type.base!)) {
        if (isRecord(p.type)) return this.fail(pos, `invalid type argument of '->' (have '${typeToString(p.type)}'); use '.' for a structure`);
        return this.fail(pos, `invalid type argument of '->' (have '${typeToString(p.type)}')`);
      }
      obj = { k: 'deref', expr: p, pos, type: p.type.base! };
    } else if (!isRecord(obj.type)) {
      if (obj.type.kind === 'ptr' && isRecord(obj.type.base!)) {
        return this.fail(pos, `'${name}' is a member of a pointer to a structure: use '->' instead of '.'`);
      }
      return this.fail(namePos, `request for member '${name}' in something not a structure or union`);
    }
    const rec = obj.type.record!;
    if (!rec.complete) return this.fail(pos, `invalid use of undefined type '${typeToString(unqualified(obj.type))}'`);
    const m = findMember(rec, name);
    if (!m) return this.fail(namePos, `'${typeToString(unqualified(obj.type))}' has no member named '${name}'`);
    const type = qualified(m.type, !!obj.type.isConst, !!obj.type.isVolatile);
    return { k: 'member', object: obj, name, offset: m.offset, pos, type };
  }

  memberOffset(t: CType, name: string, pos: Pos): { offset: number; type: CType } {
    if (!isRecord(t) || !t.record!.complete) {
      this.error(pos, `request for member '${name}' in something not a structure or union`);
      return { offset: 0, type: INT };
    }
    const m = findMember(t.record!, name);
    if (!m) {
      this.error(pos, `'${typeToString(t)}' has no member named '${name}'`);
      return { offset: 0, type: INT };
    }
    return { offset: m.offset, type: m.type };
  }

  call(callee0: Expr, args0: Expr[], pos: Pos): Expr {
    if (callee0.k === 'error') {
      for (const a of args0) void a;
      return callee0;
    }
    const callee = this.rvalue(callee0);
    const ft = callee.type.kind === 'ptr' && callee.type.base!.kind === 'func' ? callee.type.base! : undefined;
    if (!ft) {
      const name = callee0.k === 'var' ? `'${callee0.sym.name}' ` : '';
      return this.fail(pos, `called object ${name}is not a function or function pointer`);
    }
    const fname = callee0.k === 'var' ? callee0.sym.name : '(function pointer)';
    const params = ft.params!;
    const args: Expr[] = [];
    if (ft.prototyped) {
      if (args0.length < params.length) {
        this.error(pos, `too few arguments to function '${fname}'`, `'${fname}' takes ${params.length} argument${params.length === 1 ? '' : 's'}: ${typeToString(ft, fname)}`);
      } else if (args0.length > params.length && !ft.variadic) {
        this.error(pos, `too many arguments to function '${fname}'`, `'${fname}' takes ${params.length} argument${params.length === 1 ? '' : 's'}: ${typeToString(ft, fname)}`);
      }
    }
    for (let i = 0; i < args0.length; i++) {
      const a = args0[i];
      if (ft.prototyped && i < params.length) args.push(this.convertAssign(a, params[i].type, { what: 'argument', index: i + 1, fn: fname }));
      else args.push(this.promoteArgument(a));
    }
    if (args.some((a) => a.k === 'error')) return this.errorExpr(pos);
    if (callee0.k === 'var' && ft.variadic) checkFormatArguments(fname, args, (at, message, hint) => this.warn(at, message, hint));
    const ret = unqualified(ft.ret!);
    if (isRecord(ret) && !isComplete(ret)) return this.fail(pos, `invalid use of undefined type '${typeToString(ret)}'`);
    return { k: 'call', callee, args, pos, type: ret };
  }

  // ---------------------------------------------------------------- <stdarg.h>

  /** va_start(ap, last): ap points at the caller's area of variable arguments (headers/stdarg.ts). */
  vaStart(ap: Expr, last: Expr, pos: Pos): Expr {
    const fn = this.currentFunction();
    if (!fn?.vaArea) return this.fail(pos, "'va_start' used in function with fixed arguments");
    const named = fn.params.filter((p) => p !== fn.vaArea);
    const lastNamed = named[named.length - 1];
    if (last.k !== 'error' && !(last.k === 'var' && last.sym === lastNamed)) {
      this.warn(last.pos, "second parameter of 'va_start' not last named argument");
    }
    if (!this.isVaList(ap)) return this.fail(ap.pos, "first argument to 'va_start' must be a 'va_list'");
    const area: Expr = { k: 'var', sym: fn.vaArea, pos, type: fn.vaArea.type };
    return this.discard(this.assign(ap, area, pos), pos);
  }

  /**
   * va_arg(ap, type): the next variable argument, read as `type`, and ap moved past it:
   * `*(type *)((ap += size) - size)` with size the argument's slot (its size rounded up to 8).
   */
  vaArg(ap: Expr, type: CType, pos: Pos): Expr {
    if (ap.k === 'error') return ap;
    if (!this.isVaList(ap)) return this.fail(ap.pos, "first argument to 'va_arg' not of type 'va_list'");
    if (type.kind === 'void' || type.kind === 'func' || type.kind === 'array' || !isComplete(type)) {
      return this.fail(pos, `second argument to 'va_arg' is of incomplete type '${typeToString(type)}'`);
    }
    const promoted = type.kind === 'float' ? DOUBLE : isInteger(type) && sizeOf(type) < 4 ? INT : type;
    if (promoted !== type) {
      this.warn(pos, `'${typeToString(type)}' is promoted to '${typeToString(promoted)}' when passed through '...'`);
    }
    const size = BigInt(Math.ceil(sizeOf(promoted) / 8) * 8);
    const step: Expr = { k: 'int', value: size, pos, type: INT };
    const advanced = this.opAssign('+', ap, step, pos);
    const current = this.binary('-', advanced, step, pos);
    const value = this.deref(this.cast(pointerTo(promoted), current, pos), pos);
    return promoted === type ? value : this.convert(value, type);
  }

  /** va_end(ap): nothing to release in the lab. */
  vaEnd(ap: Expr, pos: Pos): Expr {
    if (ap.k === 'error') return ap;
    if (!this.isVaList(ap)) return this.fail(ap.pos, "first argument to 'va_end' must be a 'va_list'");
    return this.discard(ap, pos);
  }

  /** va_copy(dst, src): a va_list is a pointer, so a copy is an assignment. */
  vaCopy(dst: Expr, src: Expr, pos: Pos): Expr {
    if (dst.k === 'error' || src.k === 'error') return this.errorExpr(pos);
    if (!this.isVaList(dst) || !this.isVaList(src)) return this.fail(pos, "the arguments of 'va_copy' must be 'va_list's");
    return this.discard(this.assign(dst, src, pos), pos);
  }

  private isVaList(e: Expr): boolean {
    const t = e.type;
    return t.kind === 'ptr' && t.base!.kind === 'char' && !t.base!.unsigned;
  }

  /** The expression evaluated for its effects only (a void value). */
  private discard(e: Expr, pos: Pos): Expr {
    if (e.k === 'error') return e;
    return { k: 'cast', expr: e, pos, type: VOID };
  }

  sizeofExpr(e: Expr, pos: Pos): Expr {
    if (e.k === 'error') return this.sizeConstant(1n, pos);
    // a variable-length array: the size its declaration computed, kept in a hidden local
    const size = e.type.vla?.size;
    if (size) return { k: 'var', sym: size, pos, type: ULONG };
    return this.sizeofType(e.type, pos);
  }

  /** The length of a variable-length array, as a size_t (it must be an integer). */
  vlaLength(e: Expr): Expr {
    const v = this.value(e);
    if (v.k === 'error') return v;
    if (!isInteger(v.type)) return this.fail(e.pos, 'size of array has non-integer type');
    return this.convert(v, ULONG);
  }

  sizeofType(t: CType, pos: Pos): Expr {
    if (t.kind === 'func') {
      this.warn(pos, "invalid application of 'sizeof' to a function type");
      return this.sizeConstant(1n, pos);
    }
    if (t.kind === 'void') return this.sizeConstant(1n, pos);
    if (!isComplete(t)) {
      this.error(pos, `invalid application of 'sizeof' to incomplete type '${typeToString(t)}'`);
      return this.sizeConstant(1n, pos);
    }
    return this.sizeConstant(BigInt(sizeOf(t)), pos);
  }

  alignofType(t: CType, pos: Pos): Expr {
    return this.sizeConstant(BigInt(alignOf(t)), pos);
  }

  // ---------------------------------------------------------------- constants

  /** The value of an integer constant expression, or undefined when it is not one. */
  constInt(e: Expr): bigint | undefined {
    const v = constValue(e);
    return v && v.k === 'int' && isInteger(e.type) ? v.value : undefined;
  }

  constValue(e: Expr): ConstValue | undefined {
    return constValue(e);
  }

  /** A value converted to an integer type (wrapping). */
  truncateTo(v: bigint, t: CType): bigint {
    const bits = BigInt(sizeOf(t) * 8);
    return t.unsigned ? BigInt.asUintN(Number(bits), v) : BigInt.asIntN(Number(bits), v);
  }
}

// ---------------------------------------------------------------- helpers

function maxOf(t: CType): bigint {
  const bits = sizeOf(t) * 8;
  return t.unsigned ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits - 1)) - 1n;
}

function promoteIndex(t: CType): CType {
  return promote(t);
}

function sameDeep(a: CType, b: CType): boolean {
  if (a.kind === 'ptr' && b.kind === 'ptr') return sameType(a.base!, b.base!, false) || sameType(unqualified(a.base!), unqualified(b.base!), true);
  return true;
}

function hasConstMember(t: CType): boolean {
  return t.record!.members.some((m) => m.type.isConst || (isRecord(m.type) && hasConstMember(m.type)));
}

function describeLvalue(e: Expr): string {
  if (e.k === 'var') return `variable '${e.sym.name}'`;
  if (e.k === 'member') return `member '${e.name}'`;
  return 'location';
}

function typeDescription(t: CType): string {
  if (t.kind === 'struct') return 'struct type';
  if (t.kind === 'union') return 'union type';
  if (t.kind === 'array') return 'array type';
  return `'${typeToString(t)}'`;
}

function ctxPrefix(ctx: ConvContext, to: CType, from: CType): string {
  switch (ctx.what) {
    case 'assignment': return `assignment to '${typeToString(to)}' from '${typeToString(from)}'`;
    case 'initialization': return `initialization of '${typeToString(to)}' from '${typeToString(from)}'`;
    case 'argument': return `passing argument ${ctx.index} of '${ctx.fn}'`;
    case 'return': return `returning '${typeToString(from)}' from a function with return type '${typeToString(to)}'`;
  }
}

function ctxShort(ctx: ConvContext): string {
  switch (ctx.what) {
    case 'assignment': return 'assignment';
    case 'initialization': return 'initialization';
    case 'argument': return `passing argument ${ctx.index} of '${ctx.fn}'`;
    case 'return': return 'return';
  }
}

function incompatiblePointerMessage(ctx: ConvContext, to: CType, from: CType): string {
  switch (ctx.what) {
    case 'assignment': return `assignment to '${typeToString(to)}' from incompatible pointer type '${typeToString(from)}'`;
    case 'initialization': return `initialization of '${typeToString(to)}' from incompatible pointer type '${typeToString(from)}'`;
    case 'argument': return `passing argument ${ctx.index} of '${ctx.fn}' from incompatible pointer type (expected '${typeToString(to)}' but argument is of type '${typeToString(from)}')`;
    case 'return': return `returning '${typeToString(from)}' from a function with incompatible return type '${typeToString(to)}'`;
  }
}

function incompatibleMessage(ctx: ConvContext, to: CType, from: CType): string {
  switch (ctx.what) {
    case 'assignment': return `incompatible types when assigning to type '${typeToString(to)}' from type '${typeToString(from)}'`;
    case 'initialization': return `incompatible types when initializing type '${typeToString(to)}' using type '${typeToString(from)}'`;
    case 'argument': return `incompatible type for argument ${ctx.index} of '${ctx.fn}' (expected '${typeToString(to)}' but argument is of type '${typeToString(from)}')`;
    case 'return': return `incompatible types when returning type '${typeToString(from)}' but '${typeToString(to)}' was expected`;
  }
}

/** Decodes the escapes of a string or character literal body into bytes (UTF-8 for other text). */

function parseHexFloat(text: string): number {
  const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(text);
  if (!m) return NaN;
  const int = m[1] || '0';
  const frac = m[2] ?? '';
  let v = parseInt(int, 16);
  for (let i = 0; i < frac.length; i++) v += parseInt(frac[i], 16) / 16 ** (i + 1);
  return v * 2 ** Number(m[3]);
}

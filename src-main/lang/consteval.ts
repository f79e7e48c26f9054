/**
 * Constant expressions: integer constants (array sizes, case labels, enum values), arithmetic
 * constants, and address constants for static initialisers (&x, "str", arr + 3, &s.f, function
 * names). Evaluated on the typed tree, with C's wrapping at each type's width.
 */
import type { Expr, Sym } from './ast.ts';
import { type CType, isInteger, isFloating, sizeOf } from './types.ts';

export type ConstValue =
  | { k: 'int'; value: bigint }
  | { k: 'float'; value: number }
  /** an address: of a symbol, or of a string literal (bytes), plus a byte offset */
  | { k: 'addr'; sym?: Sym; str?: Uint8Array; offset: number };

/** Wraps an integer to the width and signedness of `t`. */
export function wrapTo(v: bigint, t: CType): bigint {
  if (t.kind === 'bool') return v === 0n ? 0n : 1n;
  const bits = t.kind === 'ptr' ? 64 : sizeOf(t) * 8;
  return t.unsigned || t.kind === 'ptr' ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
}

const memo = new WeakMap<Expr, ConstValue | null>();

/** The constant value of `e`, or undefined when it is not a constant expression. */
export function constValue(e: Expr): ConstValue | undefined {
  const known = memo.get(e);
  if (known !== undefined) return known ?? undefined;
  const v = evaluate(e);
  memo.set(e, v ?? null);
  return v;
}

function evaluate(e: Expr): ConstValue | undefined {
  switch (e.k) {
    case 'int':
      return { k: 'int', value: e.value };
    case 'float':
      return { k: 'float', value: e.value };
    case 'string':
      return { k: 'addr', str: e.bytes, offset: 0 };
    case 'cast':
      return castConst(e.expr, e.type);
    case 'var':
      // an array or function designator stands for its address (decayed by the cast around it)
      if ((e.sym.storage === 'global' || e.sym.storage === 'static' || e.sym.storage === 'extern') &&
        (e.type.kind === 'array' || e.type.kind === 'func')) return { k: 'addr', sym: e.sym, offset: 0 };
      return undefined;
    case 'compound':
      if (e.sym.storage === 'static' && e.type.kind === 'array') return { k: 'addr', sym: e.sym, offset: 0 };
      return undefined;
    case 'addr':
      return addressOf(e.expr);
    case 'neg':
    case 'bitnot':
    case 'plus':
    case 'not':
      return unaryConst(e.k, e.expr, e.type);
    case 'binary':
      return binaryConst(e.op, e.left, e.right, e.type, e.opType ?? e.type);
    case 'logand':
    case 'logor': {
      const l = truth(constValue(e.left));
      if (l === undefined) return undefined;
      if (e.k === 'logand' && !l) return { k: 'int', value: 0n };
      if (e.k === 'logor' && l) return { k: 'int', value: 1n };
      const r = truth(constValue(e.right));
      return r === undefined ? undefined : { k: 'int', value: r ? 1n : 0n };
    }
    case 'cond': {
      const t = truth(constValue(e.test));
      if (t === undefined) return undefined;
      return constValue(t ? e.then : e.else);
    }
    case 'comma':
      return undefined;
    default:
      return undefined;
  }
}

function truth(v: ConstValue | undefined): boolean | undefined {
  if (!v) return undefined;
  if (v.k === 'int') return v.value !== 0n;
  if (v.k === 'float') return v.value !== 0;
  return true;
}

/** The address of an lvalue with static storage, as a constant. */
function addressOf(e: Expr): ConstValue | undefined {
  switch (e.k) {
    case 'var':
      if (e.sym.storage === 'global' || e.sym.storage === 'static' || e.sym.storage === 'extern' || e.sym.kind === 'func') {
        return { k: 'addr', sym: e.sym, offset: 0 };
      }
      return undefined;
    case 'string':
      return { k: 'addr', str: e.bytes, offset: 0 };
    case 'compound':
      return e.sym.storage === 'static' ? { k: 'addr', sym: e.sym, offset: 0 } : undefined;
    case 'member': {
      const base = addressOf(e.object);
      return base && base.k === 'addr' ? { ...base, offset: base.offset + (e.offset ?? 0) } : undefined;
    }
    case 'deref': {
      // &*p and &a[i]: the pointer expression itself
      const v = constValue(e.expr);
      return v && v.k === 'addr' ? v : v && v.k === 'int' ? v : undefined;
    }
    default:
      return undefined;
  }
}

function castConst(inner: Expr, to: CType): ConstValue | undefined {
  const v = constValue(inner);
  if (!v) return undefined;
  if (to.kind === 'void') return undefined;
  if (v.k === 'addr') {
    if (to.kind === 'ptr' || ((to.kind === 'long' || to.kind === 'llong') && sizeOf(to) === 8)) return v;
    if (to.kind === 'bool') return { k: 'int', value: 1n };
    return undefined;
  }
  if (isFloating(to)) {
    const x = v.k === 'int' ? Number(v.value) : v.value;
    return { k: 'float', value: to.kind === 'float' ? Math.fround(x) : x };
  }
  if (v.k === 'float') {
    if (to.kind === 'bool') return { k: 'int', value: v.value !== 0 ? 1n : 0n };
    if (!Number.isFinite(v.value)) return undefined;
    return { k: 'int', value: wrapTo(BigInt(Math.trunc(v.value)), to) };
  }
  if (isInteger(to) || to.kind === 'ptr') return { k: 'int', value: wrapTo(v.value, to) };
  return undefined;
}

function unaryConst(k: 'neg' | 'bitnot' | 'plus' | 'not', inner: Expr, t: CType): ConstValue | undefined {
  const v = constValue(inner);
  if (!v || v.k === 'addr') return k === 'not' && v ? { k: 'int', value: 0n } : undefined;
  if (k === 'not') return { k: 'int', value: (v.k === 'int' ? v.value === 0n : v.value === 0) ? 1n : 0n };
  if (v.k === 'float') {
    if (k === 'neg') return { k: 'float', value: -v.value };
    return k === 'plus' ? v : undefined;
  }
  if (k === 'neg') return { k: 'int', value: wrapTo(-v.value, t) };
  if (k === 'bitnot') return { k: 'int', value: wrapTo(~v.value, t) };
  return v;
}

function binaryConst(op: string, l: Expr, r: Expr, t: CType, opType: CType): ConstValue | undefined {
  const a = constValue(l);
  if (!a) return undefined;
  const b = constValue(r);
  if (!b) return undefined;
  if (a.k === 'addr' || b.k === 'addr') return addressArith(op, a, b, opType);
  if (isFloating(opType)) {
    const x = a.k === 'int' ? Number(a.value) : a.value;
    const y = b.k === 'int' ? Number(b.value) : b.value;
    const round = (v: number): number => (opType.kind === 'float' ? Math.fround(v) : v);
    switch (op) {
      case '+': return { k: 'float', value: round(x + y) };
      case '-': return { k: 'float', value: round(x - y) };
      case '*': return { k: 'float', value: round(x * y) };
      case '/': return { k: 'float', value: round(x / y) };
      case '==': return bool(x === y);
      case '!=': return bool(x !== y);
      case '<': return bool(x < y);
      case '<=': return bool(x <= y);
      case '>': return bool(x > y);
      case '>=': return bool(x >= y);
      default: return undefined;
    }
  }
  if (a.k !== 'int' || b.k !== 'int') return undefined;
  const x = a.value;
  const y = b.value;
  if (opType.kind === 'ptr') {
    // integer constants used as pointers: (char *)0 + 4 and friends
    return undefined;
  }
  const w = (v: bigint): ConstValue => ({ k: 'int', value: wrapTo(v, t) });
  switch (op) {
    case '+': return w(x + y);
    case '-': return w(x - y);
    case '*': return w(x * y);
    case '/': return y === 0n ? undefined : w(x / y);
    case '%': return y === 0n ? undefined : w(x % y);
    case '&': return w(x & y);
    case '|': return w(x | y);
    case '^': return w(x ^ y);
    case '<<': return y < 0n || y > 63n ? undefined : w(x << y);
    case '>>': return y < 0n || y > 63n ? undefined : w(x >> y);
    case '==': return bool(x === y);
    case '!=': return bool(x !== y);
    case '<': return bool(x < y);
    case '<=': return bool(x <= y);
    case '>': return bool(x > y);
    case '>=': return bool(x >= y);
    default: return undefined;
  }
}

function addressArith(op: string, a: ConstValue, b: ConstValue, ptrType: CType): ConstValue | undefined {
  const scale = ptrType.kind === 'ptr' ? Math.max(1, sizeOf(ptrType.base!)) : 1;
  if (op === '+' && a.k === 'addr' && b.k === 'int') return { ...a, offset: a.offset + Number(b.value) * scale };
  if (op === '+' && b.k === 'addr' && a.k === 'int') return { ...b, offset: b.offset + Number(a.value) * scale };
  if (op === '-' && a.k === 'addr' && b.k === 'int') return { ...a, offset: a.offset - Number(b.value) * scale };
  return undefined;
}

function bool(b: boolean): ConstValue {
  return { k: 'int', value: b ? 1n : 0n };
}

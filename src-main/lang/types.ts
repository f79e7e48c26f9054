/**
 * C types with gcc's LP64 layout (x86-64 Linux): sizes, alignments, struct padding, the integer
 * promotions and usual arithmetic conversions, and how a type is written for messages.
 */
import { Kind } from './isa.ts';
import type { Expr, Sym } from './ast.ts';

export type TypeKind =
  | 'void' | 'bool' | 'char' | 'short' | 'int' | 'long' | 'llong'
  | 'float' | 'double' | 'ptr' | 'array' | 'func' | 'struct' | 'union';

/** A struct or union: shared by every type that names it, completed when its body is seen. */
export interface RecordInfo {
  tag: string | undefined;
  isUnion: boolean;
  members: Member[];
  size: number;
  align: number;
  complete: boolean;
}

export interface Member {
  name: string | undefined;
  type: CType;
  offset: number;
}

export interface Param {
  name: string | undefined;
  type: CType;
}

/** A C type. Fields beyond `kind` apply to some kinds only. Never mutated once built. */
export interface CType {
  kind: TypeKind;
  unsigned?: boolean;
  isConst?: boolean;
  isVolatile?: boolean;
  /** 'signed char' written explicitly (for messages) */
  explicitSigned?: boolean;
  /** enum tag when this int type is an enum */
  enumTag?: string;
  /** pointer target or array element */
  base?: CType;
  /** array length; undefined for `int a[]` and for a variable-length array */
  length?: number;
  /**
   * a variable-length array (`int a[n]`, a local only): the length expression, evaluated at the
   * declaration, and the hidden local that keeps the array's size in bytes for sizeof
   */
  vla?: { length: Expr; size?: Sym };
  /** function */
  ret?: CType;
  params?: Param[];
  variadic?: boolean;
  /** false for `int f()` (no prototype) */
  prototyped?: boolean;
  record?: RecordInfo;
}

export const VOID: CType = { kind: 'void' };
export const BOOL: CType = { kind: 'bool', unsigned: true };
export const CHAR: CType = { kind: 'char' };
export const SCHAR: CType = { kind: 'char', explicitSigned: true };
export const UCHAR: CType = { kind: 'char', unsigned: true };
export const SHORT: CType = { kind: 'short' };
export const USHORT: CType = { kind: 'short', unsigned: true };
export const INT: CType = { kind: 'int' };
export const UINT: CType = { kind: 'int', unsigned: true };
export const LONG: CType = { kind: 'long' };
export const ULONG: CType = { kind: 'long', unsigned: true };
export const LLONG: CType = { kind: 'llong' };
export const ULLONG: CType = { kind: 'llong', unsigned: true };
export const FLOAT: CType = { kind: 'float' };
export const DOUBLE: CType = { kind: 'double' };

export function pointerTo(base: CType): CType {
  return { kind: 'ptr', base };
}

export function arrayOf(base: CType, length: number | undefined): CType {
  return { kind: 'array', base, length };
}

export function qualified(t: CType, isConst: boolean, isVolatile = false): CType {
  if (!isConst && !isVolatile) return t;
  return { ...t, isConst: t.isConst || isConst, isVolatile: t.isVolatile || isVolatile };
}

export function unqualified(t: CType): CType {
  if (!t.isConst && !t.isVolatile) return t;
  const { isConst: _c, isVolatile: _v, ...rest } = t;
  return rest;
}

const SCALAR_SIZE: Partial<Record<TypeKind, number>> = {
  bool: 1, char: 1, short: 2, int: 4, long: 8, llong: 8, float: 4, double: 8, ptr: 8,
};

/** sizeof; 0 for void and incomplete types, 1 for functions (gcc's extension for arithmetic). */
export function sizeOf(t: CType): number {
  const s = SCALAR_SIZE[t.kind];
  if (s !== undefined) return s;
  if (t.kind === 'array') return (t.length ?? 0) * sizeOf(t.base!);
  if (t.kind === 'struct' || t.kind === 'union') return t.record!.complete ? t.record!.size : 0;
  if (t.kind === 'void' || t.kind === 'func') return 1;
  return 0;
}

/** _Alignof, as gcc on x86-64. */
export function alignOf(t: CType): number {
  const s = SCALAR_SIZE[t.kind];
  if (s !== undefined) return s;
  if (t.kind === 'array') return alignOf(t.base!);
  if (t.kind === 'struct' || t.kind === 'union') return t.record!.complete ? t.record!.align : 1;
  return 1;
}

export function isComplete(t: CType): boolean {
  if (t.kind === 'void') return false;
  if (t.kind === 'struct' || t.kind === 'union') return t.record!.complete;
  if (t.kind === 'array') return t.length !== undefined && isComplete(t.base!);
  return true;
}

/** Lays out a struct or union body (gcc's natural alignment) and marks it complete. */
export function layoutRecord(rec: RecordInfo, members: { name: string | undefined; type: CType }[]): void {
  let offset = 0;
  let align = 1;
  let size = 0;
  rec.members = [];
  for (const m of members) {
    const a = alignOf(m.type);
    align = Math.max(align, a);
    const sz = sizeOf(m.type);
    if (rec.isUnion) {
      rec.members.push({ name: m.name, type: m.type, offset: 0 });
      size = Math.max(size, sz);
    } else {
      offset = alignTo(offset, a);
      rec.members.push({ name: m.name, type: m.type, offset });
      offset += sz;
      size = offset;
    }
  }
  rec.align = align;
  rec.size = alignTo(size, align);
  rec.complete = true;
}

export function alignTo(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/** Finds a member by name, looking inside anonymous struct/union members; offset is cumulative. */
export function findMember(rec: RecordInfo, name: string): Member | undefined {
  for (const m of rec.members) {
    if (m.name === name) return m;
    if (m.name === undefined && (m.type.kind === 'struct' || m.type.kind === 'union')) {
      const inner = findMember(m.type.record!, name);
      if (inner) return { name, type: inner.type, offset: m.offset + inner.offset };
    }
  }
  return undefined;
}

// ---- classification

export function isInteger(t: CType): boolean {
  return t.kind === 'bool' || t.kind === 'char' || t.kind === 'short' || t.kind === 'int' || t.kind === 'long' || t.kind === 'llong';
}
export function isFloating(t: CType): boolean {
  return t.kind === 'float' || t.kind === 'double';
}
export function isArithmetic(t: CType): boolean {
  return isInteger(t) || isFloating(t);
}
export function isPointer(t: CType): boolean {
  return t.kind === 'ptr';
}
export function isScalar(t: CType): boolean {
  return isArithmetic(t) || t.kind === 'ptr';
}
export function isRecord(t: CType): boolean {
  return t.kind === 'struct' || t.kind === 'union';
}
export function isVoid(t: CType): boolean {
  return t.kind === 'void';
}
export function isFunction(t: CType): boolean {
  return t.kind === 'func';
}

/** The value kind of a scalar on the evaluation stack (structs travel as their address: PTR). */
export function kindOf(t: CType): Kind {
  switch (t.kind) {
    case 'long':
    case 'llong':
      return Kind.I64;
    case 'float':
    case 'double':
      return Kind.F64;
    case 'ptr':
    case 'array':
    case 'func':
    case 'struct':
    case 'union':
      return Kind.PTR;
    default:
      return Kind.I32;
  }
}

/** Integer conversion rank (C11 6.3.1.1). */
function rank(t: CType): number {
  switch (t.kind) {
    case 'bool': return 1;
    case 'char': return 2;
    case 'short': return 3;
    case 'int': return 4;
    case 'long': return 5;
    case 'llong': return 6;
    default: return 0;
  }
}

/** Integer promotions: anything narrower than int becomes int. */
export function promote(t: CType): CType {
  if (t.kind === 'bool' || t.kind === 'char' || t.kind === 'short') return INT;
  if (t.kind === 'int') return t.unsigned ? UINT : INT;
  return unqualified(t);
}

/** The usual arithmetic conversions: the common type of a binary arithmetic operator. */
export function commonType(a: CType, b: CType): CType {
  if (a.kind === 'double' || b.kind === 'double') return DOUBLE;
  if (a.kind === 'float' || b.kind === 'float') return FLOAT;
  const x = promote(a);
  const y = promote(b);
  if (x.kind === y.kind && !!x.unsigned === !!y.unsigned) return x;
  if (!!x.unsigned === !!y.unsigned) return rank(x) >= rank(y) ? x : y;
  const [u, s] = x.unsigned ? [x, y] : [y, x];
  if (rank(u) >= rank(s)) return u;
  if (sizeOf(s) > sizeOf(u)) return s;
  return { kind: s.kind, unsigned: true };
}

/** Array and function types decay to pointers when used as values. */
export function decay(t: CType): CType {
  if (t.kind === 'array') return pointerTo(t.base!);
  if (t.kind === 'func') return pointerTo(t);
  return t;
}

// ---- compatibility (for warnings about pointer assignments and redeclarations)

export function sameType(a: CType, b: CType, ignoreQualifiers = false): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  if (!ignoreQualifiers && (!!a.isConst !== !!b.isConst || !!a.isVolatile !== !!b.isVolatile)) return false;
  switch (a.kind) {
    case 'ptr':
      return sameType(a.base!, b.base!);
    case 'array':
      return (a.length === undefined || b.length === undefined || a.length === b.length) && sameType(a.base!, b.base!);
    case 'func': {
      if (!sameType(a.ret!, b.ret!)) return false;
      if (!a.prototyped || !b.prototyped) return true;
      if (a.params!.length !== b.params!.length || !!a.variadic !== !!b.variadic) return false;
      return a.params!.every((p, i) => sameType(unqualified(p.type), unqualified(b.params![i].type), true));
    }
    case 'struct':
    case 'union':
      return a.record === b.record;
    default:
      return !!a.unsigned === !!b.unsigned && !!a.explicitSigned === !!b.explicitSigned;
  }
}

// ---- how a type is written (gcc style): "int", "char *", "int [10]", "int (*)(int)"

function baseName(t: CType): string {
  const q = (t.isConst ? 'const ' : '') + (t.isVolatile ? 'volatile ' : '');
  if (t.enumTag !== undefined) return `${q}enum ${t.enumTag}`;
  switch (t.kind) {
    case 'void': return `${q}void`;
    case 'bool': return `${q}_Bool`;
    case 'char': return `${q}${t.unsigned ? 'unsigned char' : t.explicitSigned ? 'signed char' : 'char'}`;
    case 'short': return `${q}${t.unsigned ? 'short unsigned int' : 'short int'}`;
    case 'int': return `${q}${t.unsigned ? 'unsigned int' : 'int'}`;
    case 'long': return `${q}${t.unsigned ? 'long unsigned int' : 'long int'}`;
    case 'llong': return `${q}${t.unsigned ? 'long long unsigned int' : 'long long int'}`;
    case 'float': return `${q}float`;
    case 'double': return `${q}double`;
    case 'struct':
    case 'union':
      return `${q}${t.kind} ${t.record!.tag ?? '<anonymous>'}`;
    default:
      return q + t.kind;
  }
}

/** Writes a type as C (and gcc's messages) would, optionally declaring `name`. */
export function typeToString(t: CType, name = ''): string {
  let inner = name;
  let cur = t;
  for (;;) {
    if (cur.kind === 'ptr') {
      const q = (cur.isConst ? ' const' : '') + (cur.isVolatile ? ' volatile' : '');
      inner = `*${q}${q && inner ? ' ' : ''}${inner}`;
      cur = cur.base!;
    } else if (cur.kind === 'array') {
      if (inner.startsWith('*')) inner = `(${inner})`;
      inner = `${inner}${inner && !inner.endsWith(')') && !inner.endsWith(']') ? ' ' : inner ? '' : ''}[${cur.length ?? ''}]`;
      cur = cur.base!;
    } else if (cur.kind === 'func') {
      if (inner.startsWith('*')) inner = `(${inner})`;
      const ps = cur.params!.map((p) => typeToString(p.type));
      if (cur.variadic) ps.push('...');
      const plist = cur.prototyped ? (ps.length ? ps.join(', ') : 'void') : '';
      inner = `${inner}(${plist})`;
      cur = cur.ret!;
    } else {
      break;
    }
  }
  const base = baseName(cur);
  if (!inner) return base;
  if (inner.startsWith('*')) return `${base} ${inner}`;
  if (inner.startsWith('[') || inner.startsWith('(')) return `${base} ${inner}`;
  return `${base} ${inner}`;
}

/** The viewer's scalar kind name ('i32', 'u8', 'f64', 'ptr'…) or undefined for aggregates. */
export function scalarName(t: CType): string | undefined {
  switch (t.kind) {
    case 'bool': return 'u8';
    case 'char': return t.unsigned ? 'u8' : 'i8';
    case 'short': return t.unsigned ? 'u16' : 'i16';
    case 'int': return t.unsigned ? 'u32' : 'i32';
    case 'long':
    case 'llong':
      return t.unsigned ? 'u64' : 'i64';
    case 'float': return 'f32';
    case 'double': return 'f64';
    case 'ptr': return 'ptr';
    default: return undefined;
  }
}

/**
 * Initialisers: a brace list (with designators and brace elision) or an expression, flattened
 * against the object's type into stores at byte offsets. Everything not mentioned is zero, so
 * code generation clears the object first and then stores the pieces in order (a later
 * initialiser for the same place wins, as in C).
 */
import type { Expr, Init, InitItem, InitPiece, Pos } from './ast.ts';
import type { Sema } from './sema.ts';
import { type CType, isRecord, isScalar, sizeOf, findMember, typeToString } from './types.ts';

/**
 * Flattens `init` for an object of type `type`. With `isStatic`, every scalar must be a
 * constant expression (an error names the first that is not).
 */
export function flattenInit(sema: Sema, type: CType, init: Init, isStatic: boolean): InitPiece[] {
  return flattenInitMeasured(sema, type, init, isStatic).pieces;
}

/**
 * As flattenInit, and also says how many elements the initialiser gives an array of unknown
 * length (`int a[] = { 1, 2, 3 }` → 3, `char s[] = "hi"` → 3), counting elided braces as C does.
 */
export function flattenInitMeasured(sema: Sema, type: CType, init: Init, isStatic: boolean): { pieces: InitPiece[]; length: number } {
  const f = new Flattener(sema, isStatic, type);
  f.object(type, init, 0);
  return { pieces: f.pieces, length: f.topLength };
}

class Flattener {
  readonly pieces: InitPiece[] = [];
  /** elements given to the outermost array */
  topLength = 0;

  constructor(private readonly sema: Sema, private readonly isStatic: boolean, private readonly top: CType) {}

  /** Initialises one object (or sub-object) from a complete initialiser. */
  object(type: CType, init: Init, offset: number): void {
    if (init.k === 'expr') return this.fromExpr(type, init.expr, offset, init.pos);
    if (isScalar(type)) {
      if (init.items.length === 0) return;
      const first = init.items[0];
      if (init.items.length > 1) this.sema.warn(init.items[1].init.pos, 'excess elements in scalar initializer');
      return this.object(type, first.init, offset);
    }
    if (type.kind === 'array' && type.base!.kind === 'char' && init.items.length >= 1 && init.items[0].designators.length === 0) {
      const only = init.items[0].init;
      if (only.k === 'expr' && only.expr.k === 'string') {
        this.fromExpr(type, only.expr, offset, only.pos);
        if (init.items.length > 1) this.sema.warn(init.items[1].init.pos, 'excess elements in char array initializer');
        return;
      }
    }
    const next = this.aggregate(type, init.items, 0, offset, true);
    if (next < init.items.length) {
      const what = type.kind === 'array' ? 'array' : type.kind === 'union' ? 'union' : 'struct';
      this.sema.warn(init.items[next].init.pos, `excess elements in ${what} initializer`);
    }
  }

  private fromExpr(type: CType, expr: Expr, offset: number, pos: Pos): void {
    if (expr.k === 'error') return;
    if (type.kind === 'array') {
      if (expr.k === 'string' && (type.base!.kind === 'char')) {
        const len = type.length ?? expr.bytes.length + 1;
        if (expr.bytes.length > len) this.sema.warn(pos, "initializer-string for array of 'char' is too long");
        const bytes = new Uint8Array(Math.min(len, expr.bytes.length + 1));
        bytes.set(expr.bytes.subarray(0, bytes.length));
        if (type === this.top) this.topLength = Math.max(this.topLength, len);
        this.pieces.push({ k: 'bytes', offset, bytes });
        return;
      }
      this.sema.error(pos, 'invalid initializer');
      return;
    }
    if (isRecord(type) && !(isRecord(expr.type) && expr.type.record === type.record)) {
      this.sema.error(pos, `invalid initializer: '${typeToString(type)}' needs a brace-enclosed list`);
      return;
    }
    const converted = this.sema.convertAssign(expr, type, { what: 'initialization' });
    if (converted.k === 'error') return;
    if (this.isStatic && (isRecord(type) || !this.sema.constValue(converted))) {
      this.sema.error(expr.pos, 'initializer element is not constant');
      return;
    }
    this.pieces.push({ k: 'scalar', offset, type, expr: converted });
  }

  /**
   * Fills an array, struct or union from items[index…]. `braced`: the items are this object's
   * own brace list (else brace elision: stop when the object is full or at a designator).
   * Returns the index of the first item not used.
   */
  private aggregate(type: CType, items: InitItem[], index: number, offset: number, braced: boolean): number {
    if (type.kind === 'array') return this.array(type, items, index, offset, braced);
    return this.record(type, items, index, offset, braced);
  }

  private array(type: CType, items: InitItem[], index: number, offset: number, braced: boolean): number {
    const elem = type.base!;
    const esize = sizeOf(elem);
    let i = 0;
    while (index < items.length) {
      const item = items[index];
      if (item.designators.length > 0) {
        if (!braced) return index;
        const d = item.designators[0];
        if (d.k !== 'index') {
          this.sema.error(d.pos, `field name not in record or union initializer`);
          index++;
          continue;
        }
        const v = this.sema.constInt(d.index);
        if (v === undefined) {
          this.sema.error(d.pos, 'array index in initializer is not an integer constant');
          index++;
          continue;
        }
        i = Number(v);
        if (type.length !== undefined && (i < 0 || i >= type.length)) {
          this.sema.error(d.pos, 'array index in initializer exceeds array bounds');
          index++;
          continue;
        }
        this.designated(elem, item.designators.slice(1), item.init, offset + i * esize);
        index++;
        i++;
        if (type === this.top) this.topLength = Math.max(this.topLength, i);
        continue;
      }
      if (type.length !== undefined && i >= type.length) return index;
      index = this.element(elem, items, index, offset + i * esize);
      i++;
      if (type === this.top) this.topLength = Math.max(this.topLength, i);
    }
    return index;
  }

  private record(type: CType, items: InitItem[], index: number, offset: number, braced: boolean): number {
    const rec = type.record!;
    const members = rec.members;
    let m = 0;
    while (index < items.length) {
      const item = items[index];
      if (item.designators.length > 0) {
        if (!braced) return index;
        const d = item.designators[0];
        if (d.k !== 'field') {
          this.sema.error(d.pos, 'array index in non-array initializer');
          index++;
          continue;
        }
        const found = findMember(rec, d.name);
        if (!found) {
          this.sema.error(d.pos, `'${typeToString(type)}' has no member named '${d.name}'`);
          index++;
          continue;
        }
        this.designated(found.type, item.designators.slice(1), item.init, offset + found.offset);
        const direct = members.findIndex((x) => x.name === d.name);
        m = direct >= 0 ? direct + 1 : m + 1;
        index++;
        if (rec.isUnion && !braced) return index;
        continue;
      }
      if (m >= members.length || (rec.isUnion && m >= 1)) return index;
      const member = members[m];
      index = this.element(member.type, items, index, offset + member.offset);
      m++;
    }
    return index;
  }

  /** One element or member from items[index]: a nested list, an expression, or elided braces. */
  private element(type: CType, items: InitItem[], index: number, offset: number): number {
    const item = items[index];
    if (item.init.k === 'list') {
      this.object(type, item.init, offset);
      return index + 1;
    }
    const e = item.init.expr;
    const isStringForChars = type.kind === 'array' && type.base!.kind === 'char' && e.k === 'string';
    const isSameRecord = isRecord(type) && isRecord(e.type) && e.type.record === type.record;
    if ((type.kind === 'array' || isRecord(type)) && !isStringForChars && !isSameRecord) {
      return this.aggregate(type, items, index, offset, false);
    }
    this.object(type, item.init, offset);
    return index + 1;
  }

  /** `.a.b = x` and `[2].y = x`: walks the remaining designators, then initialises there. */
  private designated(type: CType, rest: InitItem['designators'], init: Init, offset: number): void {
    if (rest.length === 0) return this.object(type, init, offset);
    const d = rest[0];
    if (d.k === 'field') {
      if (!isRecord(type)) {
        this.sema.error(d.pos, `field name not in record or union initializer`);
        return;
      }
      const m = findMember(type.record!, d.name);
      if (!m) {
        this.sema.error(d.pos, `'${typeToString(type)}' has no member named '${d.name}'`);
        return;
      }
      return this.designated(m.type, rest.slice(1), init, offset + m.offset);
    }
    if (type.kind !== 'array') {
      this.sema.error(d.pos, 'array index in non-array initializer');
      return;
    }
    const v = Number(this.sema.constInt(d.index) ?? 0n);
    this.designated(type.base!, rest.slice(1), init, offset + v * sizeOf(type.base!));
  }
}

/**
 * The parser's foundation: the token cursor, error reporting and recovery, scopes (C needs them
 * to tell typedef names from variables), and the declaration syntax: specifiers, declarators
 * (pointers to functions, arrays of pointers, abstract declarators), struct/union/enum bodies and
 * initialiser lists. parser.ts builds translation units, statements and expressions on top.
 */
import type { DiagnosticBag } from './diagnostics.ts';
import { type Token, KEYWORDS } from './token.ts';
import type { Expr, FunctionDef, Init, InitItem, Pos, Sym, Unit, Designator } from './ast.ts';
import {
  type CType, type Param, type RecordInfo, VOID, BOOL, CHAR, SCHAR, UCHAR, SHORT, USHORT, INT, UINT, LONG, ULONG,
  LLONG, ULLONG, FLOAT, DOUBLE, pointerTo, arrayOf, qualified, layoutRecord, isComplete,
} from './types.ts';
import { Sema } from './sema.ts';
import { headerDeclaring } from './headers.ts';

/** A syntax error already reported: the parser resynchronises and goes on. */
export class ParseError extends Error {}
/** A construct already reported and skipped whole: resume right here, without resynchronising. */
export class SkippedDefinition extends ParseError {}

export interface Specs {
  type: CType;
  storage?: 'typedef' | 'static' | 'extern' | 'auto' | 'register';
  pos: Pos;
  /** a struct/union/enum was defined or declared (so `struct s;` alone is fine) */
  declaredTag: boolean;
  isThreadLocal?: boolean;
}

export interface Declarator {
  name: string | undefined;
  type: CType;
  pos: Pos;
  /** parameter symbols of the outermost function declarator (for definitions) */
  params?: { name: string | undefined; type: CType; pos: Pos }[];
}

type TagEntry = { kind: 'struct' | 'union'; record: RecordInfo } | { kind: 'enum' };

export const TYPE_KEYWORDS = new Set([
  'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', '_Bool', 'struct',
  'union', 'enum', 'const', 'volatile', 'restrict', '__restrict', '__restrict__', '__const', 'typedef',
  'extern', 'static', 'auto', 'register', 'inline', '__inline', '__inline__', '_Noreturn', '_Atomic',
  '_Thread_local', '__thread', '_Complex', '__attribute__', '_Alignas', '__extension__', 'typeof', '__typeof__',
  '__volatile__', '_Imaginary',
]);

/** The system headers whose tokens appear in a translation unit: 'stdio.h' for '<stdio.h>'. */
function includedHeaders(toks: Token[]): Set<string> {
  const files = new Set<string>();
  for (const t of toks) files.add(t.file);
  const headers = new Set<string>();
  for (const f of files) if (f.startsWith('<') && f.endsWith('>')) headers.add(f.slice(1, -1));
  return headers;
}

export abstract class ParserBase {
  protected pos = 0;
  protected scopes: Map<string, Sym>[] = [new Map()];
  protected tagScopes: Map<string, TagEntry>[] = [new Map()];
  protected readonly unit: Unit;
  readonly sema: Sema;
  protected fn: FunctionDef | undefined;
  protected staticCounter = 0;
  protected lastErrorPos = -1;
  protected lastDeclaratorName: string | undefined;
  /** parsing a parameter's outermost array dimension, which may be any expression */
  protected parameterArrayOk = false;
  /** parsing the declarator of a local automatic variable, whose outermost dimension may vary */
  protected vlaAllowed = false;

  constructor(
    protected readonly toks: Token[],
    protected readonly unitIndex: number,
    fileName: string,
    protected readonly diags: DiagnosticBag,
  ) {
    this.unit = { file: fileName, index: unitIndex, functions: [], globals: [], statics: [] };
    this.sema = new Sema(diags, () => this.fn, includedHeaders(toks));
    // gcc's built-in type behind <stdarg.h>'s va_list: in the lab, a pointer into the caller's
    // area of variable arguments (see headers/stdarg.ts)
    this.scopes[0].set('__builtin_va_list', {
      name: '__builtin_va_list', kind: 'typedef', type: pointerTo(CHAR), storage: 'global',
      pos: { file: fileName, line: 0, column: 0 }, tu: unitIndex, linkName: '__builtin_va_list',
    });
  }

  abstract expression(): Expr;
  abstract assignment(): Expr;
  abstract conditional(): Expr;
  protected abstract declareFunction(d: Declarator, isStatic: boolean, defining: boolean): Sym;
  protected abstract staticAssert(): void;

  // ---------------------------------------------------------------- tokens

  protected peek(n = 0): Token {
    return this.toks[Math.min(this.pos + n, this.toks.length - 1)];
  }

  protected next(): Token {
    const t = this.peek();
    if (this.pos < this.toks.length - 1) this.pos++;
    return t;
  }

  protected is(text: string, n = 0): boolean {
    const t = this.peek(n);
    return (t.kind === 'punct' || t.kind === 'ident') && t.text === text;
  }

  protected accept(text: string): boolean {
    if (this.is(text)) {
      this.next();
      return true;
    }
    return false;
  }

  protected posOf(t: Token): Pos {
    const at = t.expandedFrom ?? t;
    return { file: at.file, line: at.line, column: at.column, length: t.expandedFrom ? t.expandedFrom.macro.length : t.text.length };
  }

  protected here(): Pos {
    return this.posOf(this.peek());
  }

  /** Position just after the previous token (where gcc puts "expected ';'"). */
  protected afterPrevious(): Pos {
    if (this.pos === 0) return this.here();
    const p = this.toks[this.pos - 1];
    const at = p.expandedFrom ?? p;
    const len = p.expandedFrom ? p.expandedFrom.macro.length : p.text.length;
    return { file: at.file, line: at.line, column: at.column + len, length: 1 };
  }

  protected describe(t: Token): string {
    switch (t.kind) {
      case 'eof': return 'end of input';
      case 'int':
      case 'float': return 'numeric constant';
      case 'string': return 'string constant';
      case 'char': return 'character constant';
      case 'ident': return `'${t.text}'`;
      default: return `'${t.text}' token`;
    }
  }

  protected error(pos: Pos, message: string, hint?: string): void {
    this.diags.error(pos.file, pos.line, pos.column, pos.length ?? 1, message, hint);
  }

  protected warn(pos: Pos, message: string): void {
    this.diags.warning(pos.file, pos.line, pos.column, pos.length ?? 1, message);
  }

  /** Reports "expected X before Y" and abandons the current construct. */
  protected fail(what: string): never {
    const t = this.peek();
    if (this.lastErrorPos !== this.pos) {
      this.lastErrorPos = this.pos;
      const usePrev = what === "';'" || what === "')'" || what === "']'";
      const at = t.kind === 'eof' ? this.afterPrevious() : usePrev ? this.afterPrevious() : this.here();
      if (t.kind === 'eof') this.error(at, `expected ${what} at end of input`);
      else this.error(at, `expected ${what} before ${this.describe(t)}`);
    }
    throw new ParseError(what);
  }

  protected expect(text: string): Token {
    if (this.is(text)) return this.next();
    if (text === ';' && this.pos > 0 && this.peek().kind !== 'eof' && this.startsNewLine()) {
      // a ';' forgotten at the end of a line: report it and carry on as if it were there
      const at = this.afterPrevious();
      this.error(at, `expected ';' before ${this.describe(this.peek())}`);
      this.lastErrorPos = this.pos;
      return this.toks[this.pos - 1];
    }
    return this.fail(`'${text}'`);
  }

  /** The current token is the first on its line. */
  protected startsNewLine(): boolean {
    const a = this.toks[this.pos - 1];
    const b = this.peek();
    const la = (a.expandedFrom ?? a).line;
    const lb = (b.expandedFrom ?? b).line;
    return lb > la && (b.expandedFrom ?? b).file === (a.expandedFrom ?? a).file;
  }

  protected expectIdent(): Token {
    const t = this.peek();
    if (t.kind === 'ident') return this.next();
    return this.fail('identifier');
  }

  /** Skips to a point where parsing can resume: after ';' or before '}' at this depth. */
  protected synchronize(): void {
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') return;
      if (t.kind === 'punct') {
        if (t.text === ';' && depth === 0) {
          this.next();
          return;
        }
        if (t.text === '{') depth++;
        if (t.text === '}') {
          if (depth === 0) return;
          depth--;
          if (depth === 0) {
            this.next();
            if (!this.fn) return;
            return;
          }
        }
      }
      this.next();
    }
  }

  // ---------------------------------------------------------------- scopes

  protected pushScope(): void {
    this.scopes.push(new Map());
    this.tagScopes.push(new Map());
  }

  protected popScope(): void {
    this.scopes.pop();
    this.tagScopes.pop();
  }

  lookup(name: string): Sym | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i].get(name);
      if (s) return s;
    }
    return undefined;
  }

  protected lookupTag(name: string): TagEntry | undefined {
    for (let i = this.tagScopes.length - 1; i >= 0; i--) {
      const s = this.tagScopes[i].get(name);
      if (s) return s;
    }
    return undefined;
  }

  protected isTypedefName(t: Token): boolean {
    if (t.kind !== 'ident') return false;
    const s = this.lookup(t.text);
    return s !== undefined && s.kind === 'typedef';
  }

  protected isTypeStart(n = 0): boolean {
    const t = this.peek(n);
    if (t.kind !== 'ident') return false;
    return TYPE_KEYWORDS.has(t.text) || this.isTypedefName(t);
  }

  /** `pid_t p;` without the header: an unknown name followed by a declarator. */
  protected isUnknownTypeName(): boolean {
    const t = this.peek();
    if (t.kind !== 'ident' || KEYWORDS.has(t.text) || this.lookup(t.text)) return false;
    const n = this.peek(1);
    if (n.kind === 'ident' && !KEYWORDS.has(n.text)) return true;
    return n.kind === 'punct' && n.text === '*' && this.peek(2).kind === 'ident' && (this.is('=', 3) || this.is(';', 3) || this.is(',', 3));
  }

  /** Reports an unknown type name once, then treats it as int so parsing goes on. */
  protected reportUnknownType(): void {
    const t = this.peek();
    const header = headerDeclaring(t.text);
    this.error(this.here(), `unknown type name '${t.text}'`, header ? `'${t.text}' is declared in <${header}>; add '#include <${header}>'` : undefined);
    this.scopes[0].set(t.text, { name: t.text, kind: 'typedef', type: INT, storage: 'global', pos: this.here(), tu: this.unitIndex, linkName: t.text });
  }

  protected atFileScope(): boolean {
    return this.scopes.length === 1;
  }


  // ---------------------------------------------------------------- declaration specifiers

  protected skipAttributes(): void {
    while (this.is('__attribute__') || this.is('__extension__')) {
      if (this.next().text === '__extension__') continue;
      this.expect('(');
      let depth = 1;
      while (depth > 0 && this.peek().kind !== 'eof') {
        const t = this.next();
        if (t.text === '(' && t.kind === 'punct') depth++;
        if (t.text === ')' && t.kind === 'punct') depth--;
      }
    }
  }

  protected declSpecifiers(): Specs {
    const pos = this.here();
    let storage: Specs['storage'];
    let isConst = false;
    let isVolatile = false;
    let base: CType | undefined;
    let declaredTag = false;
    let threadLocal = false;
    const counts: Record<string, number> = {};
    let sawAny = false;
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'ident') break;
      const w = t.text;
      if (w === 'typedef' || w === 'static' || w === 'extern' || w === 'auto' || w === 'register') {
        if (storage && storage !== w) this.error(this.here(), 'multiple storage classes in declaration specifiers');
        storage = w;
        this.next();
      } else if (w === 'const' || w === '__const') {
        isConst = true;
        this.next();
      } else if (w === 'volatile' || w === '__volatile__') {
        isVolatile = true;
        this.next();
      } else if (w === 'restrict' || w === '__restrict' || w === '__restrict__' || w === 'inline' || w === '__inline' || w === '__inline__' || w === '_Noreturn') {
        this.next();
      } else if (w === '__attribute__' || w === '__extension__') {
        this.skipAttributes();
      } else if (w === '_Thread_local' || w === '__thread') {
        this.error(this.here(), '_Thread_local (thread-local storage) is not supported in the lab');
        threadLocal = true;
        this.next();
      } else if (w === '_Atomic') {
        this.error(this.here(), '_Atomic types are not supported in the lab; use a pthread mutex');
        this.next();
        if (this.is('(')) {
          this.next();
          base = this.typeName();
          this.expect(')');
        }
      } else if (w === '_Complex' || w === '_Imaginary') {
        this.error(this.here(), `${w} (complex numbers) is not supported in the lab`);
        this.next();
      } else if (w === '_Alignas') {
        this.next();
        this.expect('(');
        if (this.isTypeStart()) this.typeName();
        else this.conditional();
        this.expect(')');
      } else if (['void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', '_Bool'].includes(w)) {
        if (base) {
          this.error(this.here(), `two or more data types in declaration specifiers`);
          this.next();
          continue;
        }
        counts[w] = (counts[w] ?? 0) + 1;
        this.next();
        sawAny = true;
      } else if (w === 'struct' || w === 'union') {
        if (sawAny || base) this.error(this.here(), 'two or more data types in declaration specifiers');
        const r = this.structOrUnion();
        base = r.type;
        declaredTag = r.declared;
      } else if (w === 'enum') {
        if (sawAny || base) this.error(this.here(), 'two or more data types in declaration specifiers');
        const r = this.enumSpecifier();
        base = r.type;
        declaredTag = r.declared;
      } else if (w === 'typeof' || w === '__typeof__') {
        this.next();
        this.expect('(');
        base = this.isTypeStart() ? this.typeName() : this.expression().type;
        this.expect(')');
      } else if (!base && !sawAny && this.isTypedefName(t)) {
        base = this.lookup(w)!.type;
        this.next();
      } else {
        break;
      }
    }
    let type = base ?? this.basicType(counts, pos);
    type = qualified(type, isConst, isVolatile);
    return { type, storage, pos, declaredTag, isThreadLocal: threadLocal };
  }

  protected basicType(c: Record<string, number>, pos: Pos): CType {
    const has = (w: string): number => c[w] ?? 0;
    const u = has('unsigned') > 0;
    if (has('unsigned') && has('signed')) this.error(pos, "both 'signed' and 'unsigned' in declaration specifiers");
    if (has('void')) return VOID;
    if (has('_Bool')) return BOOL;
    if (has('char')) return u ? UCHAR : has('signed') ? SCHAR : CHAR;
    if (has('float')) return FLOAT;
    if (has('double')) {
      if (has('long')) this.error(pos, "'long double' is not supported in the lab; use double");
      return DOUBLE;
    }
    if (has('short')) return u ? USHORT : SHORT;
    if (has('long') >= 2) return u ? ULLONG : LLONG;
    if (has('long') === 1) return u ? ULONG : LONG;
    if (!has('int') && !has('signed') && !u) {
      this.warn(pos, "type defaults to 'int' in declaration");
    }
    return u ? UINT : INT;
  }

  protected structOrUnion(): { type: CType; declared: boolean } {
    const kw = this.next().text as 'struct' | 'union';
    this.skipAttributes();
    let tag: string | undefined;
    const tagPos = this.here();
    if (this.peek().kind === 'ident' && !this.is('{')) tag = this.next().text;
    this.skipAttributes();
    if (!this.is('{')) {
      if (tag === undefined) this.fail("'{'");
      const found = this.lookupTag(tag);
      const forwardOnly = this.is(';');
      if (found && !(forwardOnly && !this.tagScopes[this.tagScopes.length - 1].has(tag))) {
        if (found.kind !== kw) this.error(tagPos, `'${tag}' defined as wrong kind of tag`);
        if (found.kind === 'enum') return { type: INT, declared: true };
        return { type: { kind: kw, record: found.record }, declared: forwardOnly };
      }
      const rec: RecordInfo = { tag, isUnion: kw === 'union', members: [], size: 0, align: 1, complete: false };
      this.tagScopes[forwardOnly ? this.tagScopes.length - 1 : this.tagScopes.length - 1].set(tag, { kind: kw, record: rec });
      return { type: { kind: kw, record: rec }, declared: true };
    }
    // a body
    let rec: RecordInfo;
    const scope = this.tagScopes[this.tagScopes.length - 1];
    const existing = tag !== undefined ? scope.get(tag) : undefined;
    if (existing && existing.kind !== 'enum' && !existing.record.complete && existing.kind === kw) {
      rec = existing.record;
    } else {
      if (existing && existing.kind !== 'enum' && existing.record.complete) this.error(tagPos, `redefinition of '${kw} ${tag}'`);
      rec = { tag, isUnion: kw === 'union', members: [], size: 0, align: 1, complete: false };
      if (tag !== undefined) scope.set(tag, { kind: kw, record: rec });
    }
    this.next(); // {
    const members: { name: string | undefined; type: CType }[] = [];
    const names = new Set<string>();
    while (!this.is('}') && this.peek().kind !== 'eof') {
      try {
        this.structMember(members, names, kw);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.synchronizeMember();
      }
    }
    this.expect('}');
    this.skipAttributes();
    layoutRecord(rec, members);
    return { type: { kind: kw, record: rec }, declared: true };
  }

  protected synchronizeMember(): void {
    while (this.peek().kind !== 'eof' && !this.is('}')) {
      if (this.next().text === ';') return;
    }
  }

  protected structMember(members: { name: string | undefined; type: CType }[], names: Set<string>, kw: string): void {
    if (this.is('_Static_assert')) return this.staticAssert();
    if (!this.isTypeStart()) {
      const t = this.peek();
      if (t.kind === 'ident') this.error(this.here(), `unknown type name '${t.text}'`);
      else this.fail('specifier-qualifier-list');
      throw new ParseError('member');
    }
    const specs = this.declSpecifiers();
    if (this.accept(';')) {
      // anonymous struct/union member
      if (specs.type.kind === 'struct' || specs.type.kind === 'union') members.push({ name: undefined, type: specs.type });
      else this.warn(specs.pos, 'declaration does not declare anything');
      return;
    }
    for (;;) {
      const d = this.declarator(specs.type, false);
      if (this.is(':')) {
        this.error(this.here(), 'bit-fields are not supported in the lab; use a whole integer member and masks');
        this.next();
        this.conditional();
      }
      this.skipAttributes();
      if (d.name !== undefined) {
        if (names.has(d.name)) this.error(d.pos, `duplicate member '${d.name}'`);
        names.add(d.name);
      }
      if (d.type.kind === 'func') this.error(d.pos, `field '${d.name}' declared as a function`);
      else if (!isComplete(d.type) && !(d.type.kind === 'array' && d.type.length === undefined)) {
        this.error(d.pos, `field '${d.name}' has incomplete type`);
      }
      let type = d.type;
      if (type.kind === 'array' && type.length === undefined) type = { ...type, length: 0 }; // flexible array member
      members.push({ name: d.name, type });
      if (!this.accept(',')) break;
    }
    void kw;
    this.expect(';');
  }

  protected enumSpecifier(): { type: CType; declared: boolean } {
    this.next();
    this.skipAttributes();
    let tag: string | undefined;
    if (this.peek().kind === 'ident') tag = this.next().text;
    const type: CType = { kind: 'int', enumTag: tag ?? '<anonymous>' };
    if (!this.is('{')) {
      if (tag === undefined) this.fail("'{'");
      if (!this.lookupTag(tag)) this.tagScopes[this.tagScopes.length - 1].set(tag, { kind: 'enum' });
      return { type, declared: true };
    }
    if (tag !== undefined) this.tagScopes[this.tagScopes.length - 1].set(tag, { kind: 'enum' });
    this.next();
    let value = 0n;
    while (!this.is('}')) {
      const nameTok = this.expectIdent();
      const pos = this.posOf(nameTok);
      this.skipAttributes();
      if (this.accept('=')) {
        const e = this.conditional();
        const v = this.sema.constInt(e);
        if (v === undefined) this.error(e.pos, `enumerator value for '${nameTok.text}' is not an integer constant`);
        else value = v;
      }
      const scope = this.scopes[this.scopes.length - 1];
      if (scope.has(nameTok.text)) this.error(pos, `redeclaration of enumerator '${nameTok.text}'`);
      scope.set(nameTok.text, { name: nameTok.text, kind: 'enumconst', type: INT, storage: 'local', pos, tu: this.unitIndex, linkName: nameTok.text, value });
      value++;
      if (!this.accept(',')) break;
    }
    this.expect('}');
    this.skipAttributes();
    return { type, declared: true };
  }

  // ---------------------------------------------------------------- declarators

  /**
   * Parses a declarator around `base`. With `abstract`, the name is optional (type names,
   * parameters); returns the declared name (if any), its type and the parameters of the
   * outermost function declarator.
   */
  protected declarator(base: CType, abstract: boolean | 'maybe'): Declarator {
    let type = base;
    while (this.is('*')) {
      this.next();
      let c = false;
      let v = false;
      for (;;) {
        if (this.is('const') || this.is('__const')) c = true;
        else if (this.is('volatile') || this.is('__volatile__')) v = true;
        else if (this.is('restrict') || this.is('__restrict') || this.is('__restrict__')) { /* ignored */ }
        else if (this.is('__attribute__')) { this.skipAttributes(); continue; }
        else if (this.is('_Atomic')) this.error(this.here(), '_Atomic types are not supported in the lab; use a pthread mutex');
        else break;
        this.next();
      }
      type = qualified(pointerTo(type), c, v);
    }
    this.skipAttributes();
    if (this.is('(') && this.isNestedDeclarator(abstract)) {
      // int (*fp)(int): parse the suffixes first, then the inner declarator around them
      const open = this.pos;
      this.next();
      this.skipBalanced();
      const outer = this.declaratorSuffixes(type, abstract);
      const end = this.pos;
      this.pos = open + 1;
      const inner = this.declarator(outer.type, abstract);
      this.expect(')');
      this.pos = end;
      return inner.params ? inner : { ...inner, params: inner.params };
    }
    let name: string | undefined;
    let pos = this.here();
    if (this.peek().kind === 'ident' && !TYPE_KEYWORDS.has(this.peek().text) && (abstract !== true)) {
      const t = this.next();
      name = t.text;
      pos = this.posOf(t);
      this.lastDeclaratorName = name;
    } else if (!abstract) {
      this.fail("identifier or '('");
    }
    const r = this.declaratorSuffixes(type, abstract);
    return { name, type: r.type, pos, params: r.params };
  }

  protected isNestedDeclarator(abstract: boolean | 'maybe'): boolean {
    if (!abstract) return true;
    const n = this.peek(1);
    if (n.kind === 'punct') return n.text === '*' || n.text === '(' || n.text === '[' || n.text === '^';
    if (n.kind === 'ident') return abstract === 'maybe' && !this.isTypeStart(1) && !TYPE_KEYWORDS.has(n.text);
    return false;
  }

  /**
   * After a K&R parameter list: skips the parameter declarations and the body, declares the
   * function as `int name()` so that calls to it are not reported again, and abandons it.
   */
  protected skipOldStyleDefinition(): never {
    while (!this.is('{') && this.peek().kind !== 'eof') this.next();
    this.skipBalancedBraces();
    const name = this.lastDeclaratorName;
    if (name && this.atFileScope() && !this.lookup(name)) {
      const type: CType = { kind: 'func', ret: INT, params: [], prototyped: false };
      this.declareFunction({ name, type, pos: this.here() }, false, false).defined = true;
    }
    throw new SkippedDefinition('knr');
  }

  /** At '{': skips to after its matching '}'. */
  protected skipBalancedBraces(): void {
    if (!this.accept('{')) return;
    let depth = 1;
    while (depth > 0 && this.peek().kind !== 'eof') {
      const t = this.next();
      if (t.kind === 'punct' && t.text === '{') depth++;
      if (t.kind === 'punct' && t.text === '}') depth--;
    }
  }

  /** Skips from after an opening '(' to after its matching ')'. */
  protected skipBalanced(): void {
    let depth = 1;
    while (depth > 0 && this.peek().kind !== 'eof') {
      const t = this.next();
      if (t.kind === 'punct' && (t.text === '(' || t.text === '[')) depth++;
      if (t.kind === 'punct' && (t.text === ')' || t.text === ']')) depth--;
    }
  }

  protected declaratorSuffixes(base: CType, abstract: boolean | 'maybe'): { type: CType; params?: Declarator['params'] } {
    if (this.is('[')) {
      const bracket = this.here();
      this.next();
      while (this.is('static') || this.is('const') || this.is('restrict') || this.is('volatile')) this.next();
      let length: number | undefined;
      let vlaLength: Expr | undefined;
      if (!this.is(']')) {
        if (this.is('*')) {
          this.error(this.here(), 'variable-length arrays are not supported in the lab; give the array a constant size or use malloc');
          this.next();
        } else {
          const e = this.assignment();
          const v = this.sema.constInt(e);
          if (v === undefined && this.parameterArrayOk) {
            // `int a[n]` as a parameter is a pointer: the size does not matter
            length = undefined;
          } else if (v === undefined && this.vlaAllowed && e.k !== 'error') {
            // `int a[n]` as a local: its size is computed where it is declared
            vlaLength = this.sema.vlaLength(e);
          } else if (v === undefined) {
            if (e.k !== 'error') this.error(e.pos, this.fn ? 'variable-length arrays are supported only as local variables of one variable dimension (int a[n]); give this array a constant size or use malloc' : 'variable-length arrays are not supported outside functions; give the array a constant size');
            length = 1;
          } else if (v < 0n) {
            this.error(e.pos, 'size of array is negative');
            length = 1;
          } else {
            length = Number(v);
          }
        }
      }
      this.expect(']');
      this.parameterArrayOk = false;
      this.vlaAllowed = false;
      const inner = this.declaratorSuffixes(base, abstract);
      if (inner.type.kind === 'func') this.error(bracket, 'declaration of array of functions');
      if (inner.type.kind === 'void') this.error(bracket, 'declaration of array of voids');
      if (vlaLength) return { type: { kind: 'array', base: inner.type, vla: { length: vlaLength } } };
      return { type: arrayOf(inner.type, length) };
    }
    if (this.is('(')) {
      this.next();
      const { params, variadic, prototyped } = this.parameterList();
      const inner = this.declaratorSuffixes(base, abstract);
      if (inner.type.kind === 'func') this.error(this.here(), 'function returning a function');
      if (inner.type.kind === 'array') this.error(this.here(), 'function returning an array');
      const type: CType = {
        kind: 'func', ret: inner.type, params: params.map((p) => ({ name: p.name, type: p.type }) as Param),
        variadic, prototyped,
      };
      return { type, params };
    }
    return { type: base };
  }

  protected parameterList(): { params: NonNullable<Declarator['params']>; variadic: boolean; prototyped: boolean } {
    const params: NonNullable<Declarator['params']> = [];
    if (this.accept(')')) return { params, variadic: false, prototyped: false };
    if (this.is('void') && this.is(')', 1)) {
      this.next();
      this.next();
      return { params, variadic: false, prototyped: true };
    }
    let variadic = false;
    if (this.peek().kind === 'ident' && !this.isTypeStart() && (this.is(',', 1) || this.is(')', 1))) {
      // K&R identifier list: f(a, b)
      const pos = this.here();
      while (!this.is(')') && this.peek().kind !== 'eof') this.next();
      this.next();
      if (this.isTypeStart() || this.is('{')) {
        this.error(pos, 'K&R-style function definitions (parameter types declared after the parentheses) are not supported in the lab; write the types inside the parentheses');
        this.skipOldStyleDefinition();
      }
      this.error(pos, 'expected declaration specifiers or \'...\' before identifier');
      return { params, variadic: false, prototyped: false };
    }
    // the parameters are in scope for the rest of the list: int sum(int n, int a[n])
    this.pushScope();
    const vlaAllowed = this.vlaAllowed;
    this.vlaAllowed = false;
    try {
      variadic = this.parameterDeclarations(params);
    } finally {
      this.popScope();
      this.vlaAllowed = vlaAllowed;
    }
    this.expect(')');
    return { params, variadic, prototyped: true };
  }

  /** `int a, char *b, ...`: fills params; returns true when the list ends with '...'. */
  private parameterDeclarations(params: NonNullable<Declarator['params']>): boolean {
    let variadic = false;
    for (;;) {
      if (this.is('...')) {
        this.next();
        variadic = true;
        break;
      }
      if (!this.isTypeStart()) {
        const t = this.peek();
        if (t.kind === 'ident') {
          this.error(this.here(), `unknown type name '${t.text}'`);
          this.next();
          params.push({ name: undefined, type: INT, pos: this.here() });
          if (this.accept(',')) continue;
          break;
        }
        this.fail("declaration specifiers or '...'");
      }
      const specs = this.declSpecifiers();
      this.parameterArrayOk = true;
      const d = this.declarator(specs.type, 'maybe');
      this.parameterArrayOk = false;
      let type = d.type;
      if (type.kind === 'array') type = qualified(pointerTo(type.base!), false);
      else if (type.kind === 'func') type = pointerTo(type);
      this.skipAttributes();
      params.push({ name: d.name, type, pos: d.name ? d.pos : specs.pos });
      if (d.name !== undefined) {
        this.scopes[this.scopes.length - 1].set(d.name, {
          name: d.name, kind: 'var', type, storage: 'param', pos: d.pos, tu: this.unitIndex, linkName: d.name,
        });
      }
      if (!this.accept(',')) break;
    }
    return variadic;
  }

  /** A type name, as in casts and sizeof: specifiers and an abstract declarator. */
  typeName(): CType {
    const specs = this.declSpecifiers();
    if (specs.storage) this.error(specs.pos, `storage class specified for type name`);
    return this.declarator(specs.type, true).type;
  }

  // ---------------------------------------------------------------- initialisers

  protected initializer(): Init {
    const pos = this.here();
    if (!this.is('{')) return { k: 'expr', expr: this.assignment(), pos };
    this.next();
    const items: InitItem[] = [];
    while (!this.is('}')) {
      const designators: Designator[] = [];
      for (;;) {
        if (this.is('.')) {
          const dpos = this.here();
          this.next();
          designators.push({ k: 'field', name: this.expectIdent().text, pos: dpos });
        } else if (this.is('[')) {
          const dpos = this.here();
          this.next();
          const index = this.conditional();
          if (this.is('...')) {
            this.error(this.here(), "range designators ('[a ... b]') are not supported in the lab");
            this.next();
            this.conditional();
          }
          this.expect(']');
          designators.push({ k: 'index', index, pos: dpos });
        } else break;
      }
      if (designators.length > 0) this.expect('=');
      items.push({ designators, init: this.initializer() });
      if (!this.accept(',')) break;
    }
    this.expect('}');
    return { k: 'list', items, pos };
  }
}

/**
 * The parser: tokens → a typed syntax tree, by recursive descent over C11's grammar.
 *
 * It keeps the scopes (C needs them to tell a typedef name from a variable), resolves every
 * identifier to its symbol, and hands each expression node to the type checker (sema.ts) as it
 * builds it, so errors come out in source order. A syntax error is reported and the parser
 * resynchronises at the next ';' or '}' so that every error in the file is reported in one pass.
 */
import type { DiagnosticBag } from './diagnostics.ts';
import { type Token, KEYWORDS } from './token.ts';
import type { Block, CaseStmt, Expr, FunctionDef, Init, InitItem, Pos, Stmt, Sym, Unit, Designator } from './ast.ts';
import {
  type CType, type Param, type RecordInfo, VOID, BOOL, CHAR, SCHAR, UCHAR, SHORT, USHORT, INT, UINT, LONG, ULONG,
  LLONG, ULLONG, FLOAT, DOUBLE, pointerTo, arrayOf, qualified, layoutRecord, isComplete, sameType, typeToString,
  sizeOf, unqualified,
} from './types.ts';
import { Sema } from './sema.ts';
import { flattenInit } from './initializers.ts';
import { headerDeclaring } from './headers.ts';

class ParseError extends Error {}
/** A construct already reported and skipped whole: resume right here, without resynchronising. */
class SkippedDefinition extends ParseError {}

interface Specs {
  type: CType;
  storage?: 'typedef' | 'static' | 'extern' | 'auto' | 'register';
  pos: Pos;
  /** a struct/union/enum was defined or declared (so `struct s;` alone is fine) */
  declaredTag: boolean;
  isThreadLocal?: boolean;
}

interface Declarator {
  name: string | undefined;
  type: CType;
  pos: Pos;
  /** parameter symbols of the outermost function declarator (for definitions) */
  params?: { name: string | undefined; type: CType; pos: Pos }[];
}

type TagEntry = { kind: 'struct' | 'union'; record: RecordInfo } | { kind: 'enum' };

const TYPE_KEYWORDS = new Set([
  'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', '_Bool', 'struct',
  'union', 'enum', 'const', 'volatile', 'restrict', '__restrict', '__restrict__', '__const', 'typedef',
  'extern', 'static', 'auto', 'register', 'inline', '__inline', '__inline__', '_Noreturn', '_Atomic',
  '_Thread_local', '__thread', '_Complex', '__attribute__', '_Alignas', '__extension__', 'typeof', '__typeof__',
  '__volatile__', '_Imaginary',
]);

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^=']);

const BINARY_PREC: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};

/** Parses one preprocessed translation unit. Never throws; problems go to `diags`. */
export function parseUnit(tokens: Token[], unitIndex: number, fileName: string, diags: DiagnosticBag): Unit {
  return new Parser(tokens, unitIndex, fileName, diags).parseUnit();
}

export class Parser {
  private pos = 0;
  private scopes: Map<string, Sym>[] = [new Map()];
  private tagScopes: Map<string, TagEntry>[] = [new Map()];
  private readonly unit: Unit;
  readonly sema: Sema;
  private fn: FunctionDef | undefined;
  private labelsDefined = new Map<string, Pos>();
  private labelsUsed: { name: string; pos: Pos }[] = [];
  private loopDepth = 0;
  private switches: { cases: CaseStmt[]; hasDefault: boolean; type: CType }[] = [];
  private staticCounter = 0;
  private lastErrorPos = -1;
  private lastDeclaratorName: string | undefined;

  constructor(
    private readonly toks: Token[],
    private readonly unitIndex: number,
    fileName: string,
    private readonly diags: DiagnosticBag,
  ) {
    this.unit = { file: fileName, index: unitIndex, functions: [], globals: [], statics: [] };
    this.sema = new Sema(diags, () => this.fn);
  }

  // ---------------------------------------------------------------- tokens

  private peek(n = 0): Token {
    return this.toks[Math.min(this.pos + n, this.toks.length - 1)];
  }

  private next(): Token {
    const t = this.peek();
    if (this.pos < this.toks.length - 1) this.pos++;
    return t;
  }

  private is(text: string, n = 0): boolean {
    const t = this.peek(n);
    return (t.kind === 'punct' || t.kind === 'ident') && t.text === text;
  }

  private accept(text: string): boolean {
    if (this.is(text)) {
      this.next();
      return true;
    }
    return false;
  }

  private posOf(t: Token): Pos {
    const at = t.expandedFrom ?? t;
    return { file: at.file, line: at.line, column: at.column, length: t.expandedFrom ? t.expandedFrom.macro.length : t.text.length };
  }

  private here(): Pos {
    return this.posOf(this.peek());
  }

  /** Position just after the previous token (where gcc puts "expected ';'"). */
  private afterPrevious(): Pos {
    if (this.pos === 0) return this.here();
    const p = this.toks[this.pos - 1];
    const at = p.expandedFrom ?? p;
    const len = p.expandedFrom ? p.expandedFrom.macro.length : p.text.length;
    return { file: at.file, line: at.line, column: at.column + len, length: 1 };
  }

  private describe(t: Token): string {
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

  private error(pos: Pos, message: string, hint?: string): void {
    this.diags.error(pos.file, pos.line, pos.column, pos.length ?? 1, message, hint);
  }

  private warn(pos: Pos, message: string): void {
    this.diags.warning(pos.file, pos.line, pos.column, pos.length ?? 1, message);
  }

  /** Reports "expected X before Y" and abandons the current construct. */
  private fail(what: string): never {
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

  private expect(text: string): Token {
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
  private startsNewLine(): boolean {
    const a = this.toks[this.pos - 1];
    const b = this.peek();
    const la = (a.expandedFrom ?? a).line;
    const lb = (b.expandedFrom ?? b).line;
    return lb > la && (b.expandedFrom ?? b).file === (a.expandedFrom ?? a).file;
  }

  private expectIdent(): Token {
    const t = this.peek();
    if (t.kind === 'ident') return this.next();
    return this.fail('identifier');
  }

  /** Skips to a point where parsing can resume: after ';' or before '}' at this depth. */
  private synchronize(): void {
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

  private pushScope(): void {
    this.scopes.push(new Map());
    this.tagScopes.push(new Map());
  }

  private popScope(): void {
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

  private lookupTag(name: string): TagEntry | undefined {
    for (let i = this.tagScopes.length - 1; i >= 0; i--) {
      const s = this.tagScopes[i].get(name);
      if (s) return s;
    }
    return undefined;
  }

  private isTypedefName(t: Token): boolean {
    if (t.kind !== 'ident') return false;
    const s = this.lookup(t.text);
    return s !== undefined && s.kind === 'typedef';
  }

  private isTypeStart(n = 0): boolean {
    const t = this.peek(n);
    if (t.kind !== 'ident') return false;
    return TYPE_KEYWORDS.has(t.text) || this.isTypedefName(t);
  }

  /** `pid_t p;` without the header: an unknown name followed by a declarator. */
  private isUnknownTypeName(): boolean {
    const t = this.peek();
    if (t.kind !== 'ident' || KEYWORDS.has(t.text) || this.lookup(t.text)) return false;
    const n = this.peek(1);
    if (n.kind === 'ident' && !KEYWORDS.has(n.text)) return true;
    return n.kind === 'punct' && n.text === '*' && this.peek(2).kind === 'ident' && (this.is('=', 3) || this.is(';', 3) || this.is(',', 3));
  }

  /** Reports an unknown type name once, then treats it as int so parsing goes on. */
  private reportUnknownType(): void {
    const t = this.peek();
    const header = headerDeclaring(t.text);
    this.error(this.here(), `unknown type name '${t.text}'`, header ? `'${t.text}' is declared in <${header}>; add '#include <${header}>'` : undefined);
    this.scopes[0].set(t.text, { name: t.text, kind: 'typedef', type: INT, storage: 'global', pos: this.here(), tu: this.unitIndex, linkName: t.text });
  }

  private atFileScope(): boolean {
    return this.scopes.length === 1;
  }

  // ---------------------------------------------------------------- translation unit

  parseUnit(): Unit {
    while (this.peek().kind !== 'eof') {
      const start = this.pos;
      try {
        this.externalDeclaration();
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.fn = undefined;
        while (this.scopes.length > 1) this.popScope();
        if (!(e instanceof SkippedDefinition)) this.synchronize();
      }
      if (this.pos === start) this.next();
    }
    return this.unit;
  }

  private externalDeclaration(): void {
    if (this.accept(';')) return;
    if (this.is('_Static_assert')) return this.staticAssert();
    if (this.is('asm') || this.is('__asm__')) {
      this.error(this.here(), 'inline assembly (asm) is not supported in the lab');
      throw new ParseError('asm');
    }
    const startTok = this.peek();
    const implicitInt = !this.isTypeStart();
    if (implicitInt && startTok.kind === 'ident' && this.peek(1).text === '(' ) {
      // `main() { … }`: gcc accepts with a warning; treat as int
      this.warn(this.here(), "return type defaults to 'int'");
    } else if (implicitInt) {
      if (this.isUnknownTypeName()) {
        this.reportUnknownType();
        return this.externalDeclaration();
      }
      if (startTok.kind === 'ident' && !this.lookup(startTok.text)) {
        this.error(this.here(), `unknown type name '${startTok.text}'`);
      } else {
        this.fail('identifier or \'(\'');
      }
      throw new ParseError('type');
    }
    const specs = implicitInt ? { type: INT, pos: this.here(), declaredTag: false } : this.declSpecifiers();
    if (this.accept(';')) {
      if (!specs.declaredTag) this.warn(specs.pos, 'useless type name in empty declaration');
      return;
    }
    let first = true;
    for (;;) {
      const d = this.declarator(specs.type, false);
      if (first && d.type.kind === 'func' && (this.is('{') || (this.peek().kind === 'ident' && this.isTypeStart() && d.params))) {
        if (!this.is('{')) {
          this.error(this.here(), 'K&R-style function definitions (parameter types declared after the parentheses) are not supported in the lab; write the types inside the parentheses');
          throw new ParseError('knr');
        }
        this.functionDefinition(specs, d);
        return;
      }
      first = false;
      this.skipAttributes();
      this.fileScopeDeclarator(specs, d);
      if (this.accept(',')) continue;
      this.expect(';');
      return;
    }
  }

  private staticAssert(): void {
    const pos = this.here();
    this.next();
    this.expect('(');
    const e = this.assignment();
    let msg = '';
    if (this.accept(',')) {
      while (this.peek().kind === 'string') msg += this.next().text.slice(1, -1);
    }
    this.expect(')');
    this.expect(';');
    const v = this.sema.constInt(e);
    if (v === undefined) this.error(pos, 'expression in static assertion is not constant');
    else if (v === 0n) this.error(pos, `static assertion failed: "${msg}"`);
  }

  private fileScopeDeclarator(specs: Specs, d: Declarator): void {
    if (d.name === undefined) {
      this.error(d.pos, 'expected identifier or \'(\'');
      return;
    }
    if (specs.storage === 'typedef') return this.declareTypedef(d);
    if (d.type.kind === 'func') {
      this.declareFunction(d, specs.storage === 'static', false);
      if (this.is('=')) {
        this.error(this.here(), `function '${d.name}' is initialized like a variable`);
        throw new ParseError('init');
      }
      return;
    }
    const sym = this.declareGlobal(d, specs);
    if (this.accept('=')) {
      const init = this.initializer();
      if (specs.storage === 'extern') this.warn(d.pos, `'${d.name}' initialized and declared 'extern'`);
      if (sym.defined && sym.init) {
        this.error(d.pos, `redefinition of '${d.name}'`);
        return;
      }
      sym.defined = true;
      sym.tentative = false;
      sym.init = init;
      this.completeFromInit(sym, init);
      sym.pieces = flattenInit(this.sema, sym.type, init, true);
    } else if (specs.storage !== 'extern') {
      sym.tentative = !sym.defined;
      sym.defined = true;
    }
    if (sym.defined && !isComplete(sym.type) && !(sym.type.kind === 'array' && sym.tentative)) {
      if (sym.type.kind !== 'array') this.error(d.pos, `storage size of '${d.name}' isn't known`);
    }
  }

  /** `int a[] = {1, 2, 3}` and `char s[] = "hi"`: the initialiser gives the length. */
  private completeFromInit(sym: Sym, init: Init): void {
    const t = sym.type;
    if (t.kind !== 'array' || t.length !== undefined) return;
    let length = 0;
    if (init.k === 'expr' && init.expr.k === 'string') length = init.expr.bytes.length + 1;
    else if (init.k === 'list' && init.items.length === 1 && init.items[0].init.k === 'expr' && init.items[0].init.expr.k === 'string' && (t.base!.kind === 'char') && init.items[0].designators.length === 0) {
      length = init.items[0].init.expr.bytes.length + 1;
    } else if (init.k === 'list') {
      let index = 0;
      for (const item of init.items) {
        const d = item.designators[0];
        if (d && d.k === 'index') index = Number(this.sema.constInt(d.index) ?? 0n);
        index++;
        length = Math.max(length, index);
      }
    }
    sym.type = { ...t, length };
  }

  private declareTypedef(d: Declarator): void {
    const scope = this.scopes[this.scopes.length - 1];
    const old = scope.get(d.name!);
    if (old) {
      if (old.kind !== 'typedef' || !sameType(old.type, d.type)) {
        this.error(d.pos, old.kind === 'typedef' ? `conflicting types for '${d.name}'` : `'${d.name}' redeclared as different kind of symbol`);
      }
      return;
    }
    scope.set(d.name!, { name: d.name!, kind: 'typedef', type: d.type, storage: 'local', pos: d.pos, tu: this.unitIndex, linkName: d.name! });
  }

  private declareFunction(d: Declarator, isStatic: boolean, defining: boolean): Sym {
    const name = d.name!;
    const fileScope = this.scopes[0];
    const existing = this.lookup(name);
    if (existing && existing.kind === 'func') {
      if (!sameType(existing.type, d.type)) {
        this.error(d.pos, `conflicting types for '${name}'; have '${typeToString(d.type)}'`);
      } else if (!existing.type.prototyped && d.type.prototyped) {
        existing.type = d.type;
      }
      if (defining) {
        if (existing.defined) this.error(d.pos, `redefinition of '${name}'`);
        existing.pos = d.pos;
      }
      if (!this.atFileScope()) this.scopes[this.scopes.length - 1].set(name, existing);
      return existing;
    }
    if (existing && (this.atFileScope() ? fileScope.has(name) : this.scopes[this.scopes.length - 1].has(name))) {
      this.error(d.pos, `'${name}' redeclared as different kind of symbol`);
    }
    const prior = fileScope.get(name);
    if (prior && prior.kind === 'func') return prior;
    const sym: Sym = {
      name, kind: 'func', type: d.type, storage: isStatic ? 'static' : 'global', pos: d.pos, tu: this.unitIndex,
      linkName: isStatic ? `${name}@${this.unitIndex}` : name,
    };
    fileScope.set(name, sym);
    if (!this.atFileScope()) this.scopes[this.scopes.length - 1].set(name, sym);
    this.unit.globals.push(sym);
    return sym;
  }

  private declareGlobal(d: Declarator, specs: Specs): Sym {
    const name = d.name!;
    const scope = this.scopes[0];
    const old = scope.get(name);
    const isStatic = specs.storage === 'static';
    if (old) {
      if (old.kind !== 'var') {
        this.error(d.pos, `'${name}' redeclared as different kind of symbol`);
      } else if (!sameType(old.type, d.type)) {
        if (old.type.kind === 'array' && d.type.kind === 'array' && sameType(old.type.base!, d.type.base!)) {
          if (old.type.length === undefined) old.type = d.type;
        } else {
          this.error(d.pos, `conflicting types for '${name}'; have '${typeToString(d.type)}'`);
        }
      }
      if (old.kind === 'var') return old;
    }
    const sym: Sym = {
      name, kind: 'var', type: d.type, storage: isStatic ? 'static' : specs.storage === 'extern' ? 'extern' : 'global',
      pos: d.pos, tu: this.unitIndex, linkName: isStatic ? `${name}@${this.unitIndex}` : name,
    };
    scope.set(name, sym);
    this.unit.globals.push(sym);
    return sym;
  }

  private functionDefinition(specs: Specs, d: Declarator): void {
    const sym = this.declareFunction(d, specs.storage === 'static', true);
    if (d.type.variadic) {
      this.error(d.pos, "variadic functions (defining a function with '...') are not supported in the lab");
    }
    sym.defined = true;
    sym.type = d.type;
    const fn: FunctionDef = { sym, params: [], body: undefined as unknown as Block, pos: d.pos, statics: [] };
    this.fn = fn;
    this.labelsDefined = new Map();
    this.labelsUsed = [];
    this.pushScope();
    for (const p of d.params ?? []) {
      if (p.name === undefined) {
        if (p.type.kind !== 'void') this.error(p.pos, 'parameter name omitted');
        continue;
      }
      const ps: Sym = { name: p.name, kind: 'var', type: p.type, storage: 'param', pos: p.pos, tu: this.unitIndex, linkName: p.name };
      if (this.scopes[this.scopes.length - 1].has(p.name)) this.error(p.pos, `redefinition of parameter '${p.name}'`);
      this.scopes[this.scopes.length - 1].set(p.name, ps);
      fn.params.push(ps);
    }
    const funcNameSym = this.funcNameSymbol(sym.name);
    this.scopes[this.scopes.length - 1].set('__func__', funcNameSym);
    this.scopes[this.scopes.length - 1].set('__FUNCTION__', funcNameSym);
    fn.body = this.block(false);
    this.popScope();
    for (const u of this.labelsUsed) {
      if (!this.labelsDefined.has(u.name)) this.error(u.pos, `label '${u.name}' used but not defined`);
    }
    this.unit.functions.push(fn);
    this.fn = undefined;
  }

  /** `__func__`: a static const char array holding the function's name. */
  private funcNameSymbol(name: string): Sym {
    const bytes = new TextEncoder().encode(name);
    const type = arrayOf(qualified(CHAR, true), bytes.length + 1);
    const sym: Sym = {
      name: '__func__', kind: 'var', type, storage: 'static', pos: this.here(), tu: this.unitIndex,
      linkName: `__func__.${name}@${this.unitIndex}`, defined: true,
    };
    sym.pieces = [{ k: 'bytes', offset: 0, bytes }];
    sym.scopeFunction = name;
    this.fn!.statics.push(sym);
    return sym;
  }

  // ---------------------------------------------------------------- declaration specifiers

  private skipAttributes(): void {
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

  private declSpecifiers(): Specs {
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

  private basicType(c: Record<string, number>, pos: Pos): CType {
    const has = (w: string): number => c[w] ?? 0;
    const u = has('unsigned') > 0;
    if (has('unsigned') && has('signed')) this.error(pos, "both 'signed' and 'unsigned' in declaration specifiers");
    if (has('void')) return VOID;
    if (has('_Bool')) return BOOL;
    if (has('char')) return u ? UCHAR : has('signed') ? SCHAR : CHAR;
    if (has('float')) return FLOAT;
    if (has('double')) return DOUBLE;
    if (has('short')) return u ? USHORT : SHORT;
    if (has('long') >= 2) return u ? ULLONG : LLONG;
    if (has('long') === 1) return u ? ULONG : LONG;
    if (!has('int') && !has('signed') && !u) {
      this.warn(pos, "type defaults to 'int' in declaration");
    }
    return u ? UINT : INT;
  }

  private structOrUnion(): { type: CType; declared: boolean } {
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

  private synchronizeMember(): void {
    while (this.peek().kind !== 'eof' && !this.is('}')) {
      if (this.next().text === ';') return;
    }
  }

  private structMember(members: { name: string | undefined; type: CType }[], names: Set<string>, kw: string): void {
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

  private enumSpecifier(): { type: CType; declared: boolean } {
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
  private declarator(base: CType, abstract: boolean | 'maybe'): Declarator {
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

  private isNestedDeclarator(abstract: boolean | 'maybe'): boolean {
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
  private skipOldStyleDefinition(): never {
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
  private skipBalancedBraces(): void {
    if (!this.accept('{')) return;
    let depth = 1;
    while (depth > 0 && this.peek().kind !== 'eof') {
      const t = this.next();
      if (t.kind === 'punct' && t.text === '{') depth++;
      if (t.kind === 'punct' && t.text === '}') depth--;
    }
  }

  /** Skips from after an opening '(' to after its matching ')'. */
  private skipBalanced(): void {
    let depth = 1;
    while (depth > 0 && this.peek().kind !== 'eof') {
      const t = this.next();
      if (t.kind === 'punct' && (t.text === '(' || t.text === '[')) depth++;
      if (t.kind === 'punct' && (t.text === ')' || t.text === ']')) depth--;
    }
  }

  private declaratorSuffixes(base: CType, abstract: boolean | 'maybe'): { type: CType; params?: Declarator['params'] } {
    if (this.is('[')) {
      const bracket = this.here();
      this.next();
      while (this.is('static') || this.is('const') || this.is('restrict') || this.is('volatile')) this.next();
      let length: number | undefined;
      if (!this.is(']')) {
        if (this.is('*')) {
          this.error(this.here(), 'variable-length arrays are not supported in the lab; give the array a constant size or use malloc');
          this.next();
        } else {
          const e = this.assignment();
          const v = this.sema.constInt(e);
          if (v === undefined) {
            if (e.k !== 'error') this.error(e.pos, 'variable-length arrays are not supported in the lab; give the array a constant size or use malloc');
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
      const inner = this.declaratorSuffixes(base, abstract);
      if (inner.type.kind === 'func') this.error(bracket, 'declaration of array of functions');
      if (inner.type.kind === 'void') this.error(bracket, 'declaration of array of voids');
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

  private parameterList(): { params: NonNullable<Declarator['params']>; variadic: boolean; prototyped: boolean } {
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
      const d = this.declarator(specs.type, 'maybe');
      let type = d.type;
      if (type.kind === 'array') type = qualified(pointerTo(type.base!), false);
      else if (type.kind === 'func') type = pointerTo(type);
      this.skipAttributes();
      params.push({ name: d.name, type, pos: d.name ? d.pos : specs.pos });
      if (!this.accept(',')) break;
    }
    this.expect(')');
    return { params, variadic, prototyped: true };
  }

  /** A type name, as in casts and sizeof: specifiers and an abstract declarator. */
  typeName(): CType {
    const specs = this.declSpecifiers();
    if (specs.storage) this.error(specs.pos, `storage class specified for type name`);
    return this.declarator(specs.type, true).type;
  }

  // ---------------------------------------------------------------- initialisers

  private initializer(): Init {
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

  // ---------------------------------------------------------------- statements

  private block(newScope = true): Block {
    const pos = this.here();
    this.expect('{');
    if (newScope) this.pushScope();
    const body: Stmt[] = [];
    while (!this.is('}') && this.peek().kind !== 'eof') {
      const start = this.pos;
      try {
        if (this.isDeclarationStart()) body.push(this.localDeclaration());
        else body.push(this.statement());
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        if (!(e instanceof SkippedDefinition)) this.synchronize();
      }
      if (this.pos === start) this.next();
    }
    const end = this.here();
    if (this.peek().kind === 'eof') {
      this.error(this.afterPrevious(), "expected declaration or statement at end of input");
    } else this.next();
    if (newScope) this.popScope();
    return { k: 'block', pos, body, end };
  }

  private isDeclarationStart(): boolean {
    if (this.is('_Static_assert')) return true;
    if (this.isUnknownTypeName()) {
      this.reportUnknownType();
      return true;
    }
    if (!this.isTypeStart()) return false;
    // `T:` is a label even when T is a typedef name
    if (this.isTypedefName(this.peek()) && this.is(':', 1)) return false;
    return true;
  }

  private localDeclaration(): Stmt {
    const pos = this.here();
    if (this.is('_Static_assert')) {
      this.staticAssert();
      return { k: 'empty', pos };
    }
    const specs = this.declSpecifiers();
    const vars: { sym: Sym; pieces?: import('./ast.ts').InitPiece[]; pos: Pos }[] = [];
    if (this.accept(';')) return { k: 'decl', pos, vars };
    for (;;) {
      const d = this.declarator(specs.type, false);
      this.skipAttributes();
      const v = this.localDeclarator(specs, d);
      if (v) vars.push(v);
      if (!this.accept(',')) break;
    }
    this.expect(';');
    return { k: 'decl', pos, vars };
  }

  private localDeclarator(specs: Specs, d: Declarator): { sym: Sym; pieces?: import('./ast.ts').InitPiece[]; pos: Pos } | undefined {
    const name = d.name!;
    if (specs.storage === 'typedef') {
      this.declareTypedef(d);
      return undefined;
    }
    if (d.type.kind === 'func') {
      if (this.is('{')) {
        this.declareFunction(d, false, false).defined = true;
        this.error(d.pos, `nested functions (defining '${name}' inside another function) are not supported in the lab; define it at file scope`);
        this.skipBalancedBraces();
        throw new SkippedDefinition('nested');
      }
      this.declareFunction(d, false, false);
      return undefined;
    }
    const scope = this.scopes[this.scopes.length - 1];
    const old = scope.get(name);
    if (specs.storage === 'extern') {
      const g = this.declareGlobal(d, specs);
      scope.set(name, g);
      return undefined;
    }
    if (old) {
      if (old.kind === 'var' && old.storage !== 'extern') this.error(d.pos, `redefinition of '${name}'`);
      else if (old.kind !== 'var') this.error(d.pos, `'${name}' redeclared as different kind of symbol`);
    }
    const isStatic = specs.storage === 'static';
    const sym: Sym = {
      name, kind: 'var', type: d.type, storage: isStatic ? 'static' : 'local', pos: d.pos, tu: this.unitIndex,
      linkName: isStatic ? `${name}.${++this.staticCounter}@${this.unitIndex}` : name,
    };
    // the name is in scope from the end of its declarator (so `int x = x;` sees the new x)
    scope.set(name, sym);
    let pieces: import('./ast.ts').InitPiece[] | undefined;
    if (this.accept('=')) {
      const init = this.initializer();
      this.completeFromInit(sym, init);
      if (!isComplete(sym.type)) this.error(d.pos, `variable '${name}' has initializer but incomplete type`);
      else pieces = flattenInit(this.sema, sym.type, init, isStatic);
    } else if (!isComplete(sym.type)) {
      if (sym.type.kind === 'array' && sym.type.length === undefined) this.error(d.pos, `array size missing in '${name}'`);
      else this.error(d.pos, `storage size of '${name}' isn't known`);
    }
    if (isStatic) {
      sym.defined = true;
      sym.pieces = pieces;
      sym.scopeFunction = this.fn?.sym.name;
      this.fn?.statics.push(sym);
      return undefined;
    }
    if (sizeOf(sym.type) > 4 * 1024 * 1024) this.warn(d.pos, `'${name}' is very large for the stack (${sizeOf(sym.type)} bytes)`);
    return { sym, pieces, pos: d.pos };
  }

  private statement(): Stmt {
    const t = this.peek();
    const pos = this.here();
    if (t.kind === 'punct') {
      if (t.text === '{') return this.block();
      if (t.text === ';') {
        this.next();
        return { k: 'empty', pos };
      }
    }
    if (t.kind === 'ident') {
      if (this.is(':', 1) && !TYPE_KEYWORDS.has(t.text) && !['default', 'case'].includes(t.text)) {
        this.next();
        this.next();
        if (this.labelsDefined.has(t.text)) this.error(pos, `duplicate label '${t.text}'`);
        this.labelsDefined.set(t.text, pos);
        const body = this.is('}') ? ({ k: 'empty', pos } as Stmt) : this.isDeclarationStart() ? this.localDeclaration() : this.statement();
        return { k: 'label', pos, label: t.text, body };
      }
      switch (t.text) {
        case 'if': return this.ifStatement();
        case 'while': return this.whileStatement();
        case 'do': return this.doStatement();
        case 'for': return this.forStatement();
        case 'switch': return this.switchStatement();
        case 'case': return this.caseStatement();
        case 'default': return this.defaultStatement();
        case 'break':
        case 'continue': {
          this.next();
          if (t.text === 'break' && this.loopDepth === 0 && this.switches.length === 0) this.error(pos, 'break statement not within loop or switch');
          if (t.text === 'continue' && this.loopDepth === 0) this.error(pos, 'continue statement not within a loop');
          this.expect(';');
          return { k: t.text, pos };
        }
        case 'return': return this.returnStatement();
        case 'goto': {
          this.next();
          if (this.is('*')) {
            this.error(this.here(), "computed goto ('goto *') is not supported in the lab");
            throw new ParseError('goto');
          }
          const label = this.expectIdent();
          this.labelsUsed.push({ name: label.text, pos: this.posOf(label) });
          this.expect(';');
          return { k: 'goto', pos, label: label.text };
        }
        case 'asm':
        case '__asm__':
          this.error(pos, 'inline assembly (asm) is not supported in the lab');
          throw new ParseError('asm');
        case 'else':
          this.error(pos, "'else' without a previous 'if'");
          this.next();
          return { k: 'empty', pos };
      }
    }
    const expr = this.expression();
    this.expect(';');
    return { k: 'expr', pos, expr };
  }

  private parenCondition(): Expr {
    this.expect('(');
    const e = this.expression();
    this.expect(')');
    return this.sema.condition(e);
  }

  private ifStatement(): Stmt {
    const pos = this.here();
    this.next();
    const test = this.parenCondition();
    const then = this.substatement();
    let els: Stmt | undefined;
    if (this.accept('else')) els = this.substatement();
    return { k: 'if', pos, test, then, else: els };
  }

  /** The body of if/while/for: a statement in its own scope. */
  private substatement(): Stmt {
    this.pushScope();
    try {
      if (this.isDeclarationStart()) {
        this.error(this.here(), 'a label can only be part of a statement and a declaration is not a statement');
        return this.localDeclaration();
      }
      return this.statement();
    } finally {
      this.popScope();
    }
  }

  private loopBody(): Stmt {
    this.loopDepth++;
    try {
      return this.substatement();
    } finally {
      this.loopDepth--;
    }
  }

  private whileStatement(): Stmt {
    const pos = this.here();
    this.next();
    const test = this.parenCondition();
    const body = this.loopBody();
    return { k: 'while', pos, test, body };
  }

  private doStatement(): Stmt {
    const pos = this.here();
    this.next();
    const body = this.loopBody();
    this.expect('while');
    const test = this.parenCondition();
    this.expect(';');
    return { k: 'do', pos, body, test };
  }

  private forStatement(): Stmt {
    const pos = this.here();
    this.next();
    this.expect('(');
    this.pushScope();
    try {
      let init: Stmt | undefined;
      if (this.isDeclarationStart()) init = this.localDeclaration();
      else if (!this.accept(';')) {
        const ipos = this.here();
        init = { k: 'expr', pos: ipos, expr: this.expression() };
        this.expect(';');
      }
      let test: Expr | undefined;
      if (!this.is(';')) test = this.sema.condition(this.expression());
      this.expect(';');
      let step: Expr | undefined;
      if (!this.is(')')) step = this.expression();
      this.expect(')');
      const body = this.loopBody();
      return { k: 'for', pos, init, test, step, body };
    } finally {
      this.popScope();
    }
  }

  private switchStatement(): Stmt {
    const pos = this.here();
    this.next();
    this.expect('(');
    let test = this.expression();
    this.expect(')');
    test = this.sema.switchValue(test);
    const sw = { cases: [] as CaseStmt[], hasDefault: false, type: test.type };
    this.switches.push(sw);
    try {
      const body = this.substatement();
      return { k: 'switch', pos, test, body, cases: sw.cases, hasDefault: sw.hasDefault };
    } finally {
      this.switches.pop();
    }
  }

  private caseStatement(): Stmt {
    const pos = this.here();
    this.next();
    const e = this.conditional();
    let v = this.sema.constInt(e);
    if (this.is('...')) {
      this.error(this.here(), "case ranges ('case a ... b') are not supported in the lab");
      this.next();
      this.conditional();
    }
    this.expect(':');
    const sw = this.switches[this.switches.length - 1];
    if (v === undefined && e.k !== 'error') this.error(e.pos, 'case label does not reduce to an integer constant');
    if (!sw) this.error(pos, "case label not within a switch statement");
    v ??= 0n;
    if (sw) {
      v = this.sema.truncateTo(v, sw.type);
      if (sw.cases.some((c) => c.value === v)) this.error(e.pos, 'duplicate case value');
    }
    const body = this.caseBody(pos);
    const c: CaseStmt = { k: 'case', pos, value: v, body };
    sw?.cases.push(c);
    return c;
  }

  private caseBody(pos: Pos): Stmt {
    if (this.is('}')) {
      this.error(pos, 'label at end of compound statement');
      return { k: 'empty', pos };
    }
    if (this.isDeclarationStart()) {
      this.error(this.here(), 'a label can only be part of a statement and a declaration is not a statement');
      return this.localDeclaration();
    }
    return this.statement();
  }

  private defaultStatement(): Stmt {
    const pos = this.here();
    this.next();
    this.expect(':');
    const sw = this.switches[this.switches.length - 1];
    if (!sw) this.error(pos, "'default' label not within a switch statement");
    else if (sw.hasDefault) this.error(pos, "multiple default labels in one switch");
    if (sw) sw.hasDefault = true;
    return { k: 'default', pos, body: this.caseBody(pos) };
  }

  private returnStatement(): Stmt {
    const pos = this.here();
    this.next();
    let value: Expr | undefined;
    if (!this.is(';')) value = this.expression();
    this.expect(';');
    value = this.sema.returnValue(value, pos);
    return { k: 'return', pos, value };
  }

  // ---------------------------------------------------------------- expressions

  expression(): Expr {
    let e = this.assignment();
    while (this.is(',')) {
      const pos = this.here();
      this.next();
      const r = this.assignment();
      e = this.sema.comma(e, r, pos);
    }
    return e;
  }

  assignment(): Expr {
    const left = this.conditional();
    const t = this.peek();
    if (t.kind === 'punct' && ASSIGN_OPS.has(t.text)) {
      const pos = this.here();
      this.next();
      const right = this.assignment();
      if (t.text === '=') return this.sema.assign(left, right, pos);
      return this.sema.opAssign(t.text.slice(0, -1) as import('./ast.ts').BinaryOp, left, right, pos);
    }
    return left;
  }

  conditional(): Expr {
    const test = this.binary(1);
    if (!this.is('?')) return test;
    const pos = this.here();
    this.next();
    const then = this.is(':') ? test : this.expression();
    this.expect(':');
    const els = this.conditional();
    return this.sema.cond(test, then, els, pos);
  }

  private binary(minPrec: number): Expr {
    let left = this.castExpr();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct') return left;
      const prec = BINARY_PREC[t.text];
      if (prec === undefined || prec < minPrec) return left;
      const pos = this.here();
      this.next();
      const right = this.binary(prec + 1);
      if (t.text === '&&' || t.text === '||') left = this.sema.logical(t.text === '&&' ? 'logand' : 'logor', left, right, pos);
      else left = this.sema.binary(t.text as import('./ast.ts').BinaryOp, left, right, pos);
    }
  }

  private castExpr(): Expr {
    if (this.is('(') && this.isTypeStart(1)) {
      const pos = this.here();
      this.next();
      const type = this.typeName();
      this.expect(')');
      if (this.is('{')) return this.postfixOps(this.compoundLiteral(type, pos));
      const e = this.castExpr();
      return this.sema.cast(type, e, pos);
    }
    return this.unary();
  }

  private compoundLiteral(type: CType, pos: Pos): Expr {
    const init = this.initializer();
    const sym: Sym = {
      name: '(compound literal)', kind: 'var', type, storage: this.fn ? 'local' : 'static', pos, tu: this.unitIndex,
      linkName: `.compound.${++this.staticCounter}@${this.unitIndex}`,
    };
    this.completeFromInit(sym, init);
    sym.pieces = flattenInit(this.sema, sym.type, init, !this.fn);
    if (!this.fn) {
      sym.defined = true;
      this.unit.statics.push(sym);
    }
    return this.sema.compoundLiteral(sym, pos);
  }

  private unary(): Expr {
    const t = this.peek();
    const pos = this.here();
    if (t.kind === 'punct') {
      switch (t.text) {
        case '++':
        case '--': {
          this.next();
          const e = this.unary();
          return this.sema.incdec(true, t.text === '++' ? 1 : -1, e, pos);
        }
        case '&': {
          this.next();
          return this.sema.addr(this.castExpr(), pos);
        }
        case '&&':
          this.error(pos, "taking the address of a label ('&&label') is not supported in the lab");
          throw new ParseError('label address');
        case '*':
          this.next();
          return this.sema.deref(this.castExpr(), pos);
        case '+':
        case '-':
        case '~':
        case '!': {
          this.next();
          const e = this.castExpr();
          const k = t.text === '+' ? 'plus' : t.text === '-' ? 'neg' : t.text === '~' ? 'bitnot' : 'not';
          return this.sema.unary(k, e, pos);
        }
      }
    }
    if (t.kind === 'ident') {
      if (t.text === 'sizeof') {
        this.next();
        if (this.is('(') && this.isTypeStart(1)) {
          this.next();
          const type = this.typeName();
          this.expect(')');
          if (this.is('{')) return this.sema.sizeofExpr(this.postfixOps(this.compoundLiteral(type, pos)), pos);
          return this.sema.sizeofType(type, pos);
        }
        return this.sema.sizeofExpr(this.unary(), pos);
      }
      if (t.text === '_Alignof' || t.text === '__alignof__') {
        this.next();
        this.expect('(');
        const type = this.isTypeStart() ? this.typeName() : this.expression().type;
        this.expect(')');
        return this.sema.alignofType(type, pos);
      }
      if (t.text === '_Generic') {
        this.error(pos, '_Generic selections are not supported in the lab');
        throw new ParseError('generic');
      }
      if (t.text === '__extension__') {
        this.next();
        return this.castExpr();
      }
    }
    return this.postfix();
  }

  private postfix(): Expr {
    return this.postfixOps(this.primary());
  }

  private postfixOps(start: Expr): Expr {
    let e = start;
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct') return e;
      const pos = this.here();
      switch (t.text) {
        case '[': {
          this.next();
          const index = this.expression();
          this.expect(']');
          e = this.sema.index(e, index, pos);
          break;
        }
        case '(': {
          this.next();
          const args: Expr[] = [];
          if (!this.is(')')) {
            for (;;) {
              args.push(this.assignment());
              if (!this.accept(',')) break;
            }
          }
          this.expect(')');
          e = this.sema.call(e, args, e.pos);
          break;
        }
        case '.':
        case '->': {
          this.next();
          const nameTok = this.expectIdent();
          e = this.sema.member(e, nameTok.text, t.text === '->', this.posOf(nameTok), pos);
          break;
        }
        case '++':
        case '--':
          this.next();
          e = this.sema.incdec(false, t.text === '++' ? 1 : -1, e, pos);
          break;
        default:
          return e;
      }
    }
  }

  private primary(): Expr {
    const t = this.peek();
    const pos = this.here();
    switch (t.kind) {
      case 'int':
        this.next();
        return this.sema.intLiteral(t.text, pos);
      case 'float':
        this.next();
        return this.sema.floatLiteral(t.text, pos);
      case 'char':
        this.next();
        return this.sema.charLiteral(t.text, pos);
      case 'string': {
        const parts: string[] = [];
        while (this.peek().kind === 'string') parts.push(this.next().text);
        return this.sema.stringLiteral(parts, pos);
      }
      case 'ident': {
        if (t.text === '__builtin_offsetof' || t.text === 'offsetof') {
          if (t.text === '__builtin_offsetof' || this.is('(', 1)) return this.offsetof();
        }
        if (t.text === '__builtin_expect') {
          this.next();
          this.expect('(');
          const e = this.assignment();
          this.expect(',');
          this.assignment();
          this.expect(')');
          return e;
        }
        if (TYPE_KEYWORDS.has(t.text) || ['if', 'else', 'while', 'for', 'do', 'return', 'switch', 'case', 'default', 'break', 'continue', 'goto', 'sizeof'].includes(t.text)) {
          this.fail('expression');
        }
        this.next();
        const sym = this.lookup(t.text);
        if (!sym) return this.sema.ident(this.declareUndeclared(t.text, pos), pos);
        if (sym.kind === 'typedef') {
          this.error(pos, `expected expression before '${t.text}'`);
          throw new ParseError('typedef');
        }
        return this.sema.ident(sym, pos);
      }
      case 'punct':
        if (t.text === '(') {
          this.next();
          if (this.is('{')) {
            this.error(pos, "statement expressions ('({ … })') are not supported in the lab");
            throw new ParseError('stmt-expr');
          }
          const e = this.expression();
          this.expect(')');
          return e;
        }
        return this.fail('expression');
      default:
        return this.fail('expression');
    }
  }

  /** Reports an undeclared name once and records what it stands for from now on. */
  private declareUndeclared(name: string, pos: Pos): Sym {
    const sym = this.sema.undeclaredSymbol(name, pos, this.is('('), this.fn !== undefined, this.unitIndex);
    if (sym.kind === 'func') {
      this.scopes[0].set(name, sym);
      this.unit.globals.push(sym);
    } else {
      this.scopes[Math.min(1, this.scopes.length - 1)].set(name, sym);
    }
    return sym;
  }

  private offsetof(): Expr {
    const pos = this.here();
    this.next();
    this.expect('(');
    const type = this.typeName();
    this.expect(',');
    let offset = 0;
    let cur = type;
    let first = true;
    for (;;) {
      if (first || this.accept('.')) {
        first = false;
        const nameTok = this.expectIdent();
        const r = this.sema.memberOffset(cur, nameTok.text, this.posOf(nameTok));
        offset += r.offset;
        cur = r.type;
      } else if (this.accept('[')) {
        const e = this.expression();
        this.expect(']');
        const v = this.sema.constInt(e) ?? 0n;
        if (cur.kind === 'array') {
          cur = cur.base!;
          offset += Number(v) * sizeOf(cur);
        }
      } else break;
    }
    this.expect(')');
    return this.sema.sizeConstant(BigInt(offset), pos);
  }

  /** For sema's use: the type of an unqualified copy (kept here to avoid a cycle). */
  static plain(t: CType): CType {
    return unqualified(t);
  }
}

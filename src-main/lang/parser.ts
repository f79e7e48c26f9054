/**
 * The parser: tokens → a typed syntax tree, by recursive descent over C11's grammar.
 *
 * It resolves every identifier to its symbol and hands each expression node to the type checker
 * (sema.ts) as it builds it, so errors come out in source order. A syntax error is reported and
 * the parser resynchronises at the next ';' or '}' so that every error in the file is reported in
 * one pass. Tokens, scopes and declaration syntax are in parse-base.ts.
 */
import type { DiagnosticBag } from './diagnostics.ts';
import { type Token } from './token.ts';
import type { Block, CaseStmt, Expr, FunctionDef, Init, InitPiece, Pos, Stmt, Sym, Unit, BinaryOp } from './ast.ts';
import { type CType, INT, CHAR, ULONG, arrayOf, pointerTo, qualified, isComplete, sameType, typeToString, sizeOf } from './types.ts';
import { flattenInitMeasured } from './initializers.ts';
import { CompileLimitError, MAX_EXPRESSION_NESTING, compileTick } from './limits.ts';
import { ParserBase, ParseError, SkippedDefinition, TYPE_KEYWORDS, type Declarator, type Specs } from './parse-base.ts';

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^=']);

const BINARY_PREC: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};

const QUIET_NAN = new Float64Array(new BigUint64Array([0x7ff8000000000000n]).buffer)[0];

/** gcc's builtins for special floating values: a positive quiet NaN (as gcc's NAN), infinity. */
const SPECIAL_FLOATS: Record<string, { value: number; float: boolean }> = {
  __builtin_nan: { value: QUIET_NAN, float: false },
  __builtin_nanf: { value: QUIET_NAN, float: true },
  __builtin_inf: { value: Infinity, float: false },
  __builtin_inff: { value: Infinity, float: true },
  __builtin_huge_val: { value: Infinity, float: false },
  __builtin_huge_valf: { value: Infinity, float: true },
};

/** True when `t` is, or points to or holds, a variable-length array. */
function hasVariableLength(t: CType): boolean {
  for (let x: CType | undefined = t; x; x = x.kind === 'func' ? x.ret : x.base) if (x.vla) return true;
  return false;
}

/** Parses one preprocessed translation unit. Never throws; problems go to `diags`. */
export function parseUnit(tokens: Token[], unitIndex: number, fileName: string, diags: DiagnosticBag): Unit {
  return new Parser(tokens, unitIndex, fileName, diags).parseUnit();
}

export class Parser extends ParserBase {
  private labelsDefined = new Map<string, Pos>();
  private labelsUsed: { name: string; pos: Pos }[] = [];
  private loopDepth = 0;
  /** expressions being parsed inside each other (MAX_EXPRESSION_NESTING) */
  private nesting = 0;
  /** the switches being parsed, innermost last; `values` holds their cases' values (a duplicate is an error) */
  private switches: { cases: CaseStmt[]; values: Set<bigint>; hasDefault: boolean; type: CType }[] = [];

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

  protected staticAssert(): void {
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
      sym.pieces = this.initialize(sym, init, true);
    } else if (specs.storage !== 'extern') {
      sym.tentative = !sym.defined;
      sym.defined = true;
    }
    if (sym.defined && !isComplete(sym.type) && !(sym.type.kind === 'array' && sym.tentative)) {
      if (sym.type.kind !== 'array') this.error(d.pos, `storage size of '${d.name}' isn't known`);
    }
  }

  /**
   * Flattens an object's initialiser; `int a[] = {1, 2, 3}` and `char s[] = "hi"` take their
   * length from it.
   */
  private initialize(sym: Sym, init: Init, isStatic: boolean): InitPiece[] {
    const r = flattenInitMeasured(this.sema, sym.type, init, isStatic);
    if (sym.type.kind === 'array' && sym.type.length === undefined) sym.type = { ...sym.type, length: r.length };
    return r.pieces;
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

  protected declareFunction(d: Declarator, isStatic: boolean, defining: boolean): Sym {
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
    if (d.type.variadic) {
      // not in any scope: only va_start reaches it
      fn.vaArea = { name: '(variable arguments)', kind: 'var', type: pointerTo(CHAR), storage: 'param', pos: d.pos, tu: this.unitIndex, linkName: '' };
      fn.params.push(fn.vaArea);
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
    const vars: { sym: Sym; pieces?: InitPiece[]; pos: Pos }[] = [];
    if (this.accept(';')) return { k: 'decl', pos, vars };
    for (;;) {
      this.vlaAllowed = specs.storage === undefined || specs.storage === 'auto' || specs.storage === 'register';
      let d: Declarator;
      try {
        d = this.declarator(specs.type, false);
      } finally {
        this.vlaAllowed = false;
      }
      this.skipAttributes();
      const v = this.localDeclarator(specs, d);
      if (v) vars.push(v);
      if (!this.accept(',')) break;
    }
    this.expect(';');
    return { k: 'decl', pos, vars };
  }

  private localDeclarator(specs: Specs, d: Declarator): { sym: Sym; pieces?: InitPiece[]; pos: Pos } | undefined {
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
    if (hasVariableLength(d.type)) return this.variableLengthArray(sym, d);
    // the name is in scope from the end of its declarator (so `int x = x;` sees the new x)
    scope.set(name, sym);
    let pieces: InitPiece[] | undefined;
    if (this.accept('=')) {
      const init = this.initializer();
      if (!isComplete(sym.type) && sym.type.kind !== 'array') this.error(d.pos, `variable '${name}' has initializer but incomplete type`);
      else pieces = this.initialize(sym, init, isStatic);
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

  /**
   * `T name[n];` inside a function: the array gets its storage on the stack when the declaration
   * runs (codegen.ts). Its size in bytes is kept in a hidden local for sizeof. Only the outermost
   * dimension may vary, and such an array cannot be initialised (as in C).
   */
  private variableLengthArray(sym: Sym, d: Declarator): { sym: Sym; pos: Pos } | undefined {
    const t = sym.type;
    if (!t.vla || hasVariableLength(t.base!)) {
      this.error(d.pos, `'${sym.name}' has a variable size inside another type; the lab supports only arrays like 'int a[n];' whose first dimension varies`);
      return undefined;
    }
    if (!isComplete(t.base!)) {
      this.error(d.pos, `array type has incomplete element type '${typeToString(t.base!)}'`);
      return undefined;
    }
    const size: Sym = {
      name: `sizeof ${sym.name}`, kind: 'var', type: ULONG, storage: 'local', pos: d.pos, tu: this.unitIndex, linkName: '',
    };
    sym.type = { ...t, vla: { length: t.vla.length, size } };
    this.scopes[this.scopes.length - 1].set(sym.name, sym);
    if (this.is('=')) {
      this.error(this.here(), 'variable-sized object may not be initialized');
      this.next();
      this.initializer();
    }
    return { sym, pos: d.pos };
  }

  private statement(): Stmt {
    const t = this.peek();
    compileTick(t);
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
    const sw = { cases: [] as CaseStmt[], values: new Set<bigint>(), hasDefault: false, type: test.type };
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
      if (sw.values.has(v)) this.error(e.pos, 'duplicate case value');
      sw.values.add(v);
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
    compileTick(this.peek());
    if (++this.nesting > MAX_EXPRESSION_NESTING) {
      const t = this.peek();
      throw new CompileLimitError(t, `expressions are nested more than ${MAX_EXPRESSION_NESTING.toLocaleString('en-US')} levels deep here, the most the lab compiles`);
    }
    try {
      return this.assignmentBody();
    } finally {
      this.nesting--;
    }
  }

  /** assignment() within the nesting budget. */
  private assignmentBody(): Expr {
    const left = this.conditional();
    const t = this.peek();
    if (t.kind === 'punct' && ASSIGN_OPS.has(t.text)) {
      const pos = this.here();
      this.next();
      const right = this.assignment();
      if (t.text === '=') return this.sema.assign(left, right, pos);
      return this.sema.opAssign(t.text.slice(0, -1) as BinaryOp, left, right, pos);
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
      else left = this.sema.binary(t.text as BinaryOp, left, right, pos);
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
    sym.pieces = this.initialize(sym, init, !this.fn);
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
        const parts: Token[] = [];
        while (this.peek().kind === 'string') parts.push(this.next());
        // inside a macro's expansion the tokens' places are in the macro: no spelling to point into
        const spelling = parts.some((p) => p.expandedFrom) ? undefined : parts.map((p) => ({ text: p.text, file: p.file, line: p.line, column: p.column }));
        return this.sema.stringLiteral(parts.map((p) => p.text), pos, spelling);
      }
      case 'ident': {
        if (t.text === '__builtin_offsetof' || t.text === 'offsetof') {
          if (t.text === '__builtin_offsetof' || this.is('(', 1)) return this.offsetof();
        }
        if (t.text.startsWith('__builtin_va_') && this.is('(', 1)) {
          const va = this.variableArguments(t.text, pos);
          if (va) return va;
        }
        const special = Object.hasOwn(SPECIAL_FLOATS, t.text) ? SPECIAL_FLOATS[t.text] : undefined;
        if (special && this.is('(', 1)) {
          // gcc's builtin constants behind <math.h>'s NAN, INFINITY and HUGE_VAL
          this.next();
          this.expect('(');
          if (!this.is(')')) this.assignment();
          this.expect(')');
          return this.sema.floatConstant(special.value, special.float, pos);
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

  /**
   * <stdarg.h>'s forms: __builtin_va_start(ap, last), __builtin_va_arg(ap, type),
   * __builtin_va_end(ap) and __builtin_va_copy(dst, src). Undefined for another __builtin_va_ name.
   */
  private variableArguments(name: string, pos: Pos): Expr | undefined {
    if (!['__builtin_va_start', '__builtin_va_arg', '__builtin_va_end', '__builtin_va_copy'].includes(name)) return undefined;
    this.next();
    this.expect('(');
    const ap = this.assignment();
    let result: Expr;
    if (name === '__builtin_va_arg') {
      this.expect(',');
      const type = this.typeName();
      result = this.sema.vaArg(ap, type, pos);
    } else if (name === '__builtin_va_end') {
      result = this.sema.vaEnd(ap, pos);
    } else {
      this.expect(',');
      const other = this.assignment();
      result = name === '__builtin_va_start' ? this.sema.vaStart(ap, other, pos) : this.sema.vaCopy(ap, other, pos);
    }
    this.expect(')');
    return result;
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
}

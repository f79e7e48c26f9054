/**
 * The preprocessor: one translation unit's text → the tokens the parser reads.
 *
 * It reads the lexer's tokens, carries out the directives (#include of the lab's headers,
 * #define, conditionals, #error…), expands macros (pp-macros.ts) and hands on every token of the
 * program with the position where it was written. Bad input is reported into the DiagnosticBag
 * and the preprocessor carries on; it never throws.
 */
import type { DiagnosticBag } from './diagnostics.ts';
import type { SourceFile } from './image.ts';
import type { Token } from './token.ts';
import { lex, type PPToken } from './lexer.ts';
import { Macros, TokenStream, quoteString, type Macro } from './pp-macros.ts';
import { evaluateCondition, PPExprError } from './pp-expr.ts';
import { HEADERS, headerText } from './headers.ts';
import { compileTick } from './limits.ts';

export interface PreprocessOptions {
  /** extra -D macros: name → replacement text */
  predefined?: Record<string, string>;
}

/** Macros every translation unit starts with (gcc 12 on x86-64 Linux, -std=gnu11). */
const PREDEFINED = `
#define __STDC__ 1
#define __STDC_VERSION__ 201112L
#define __STDC_HOSTED__ 1
#define __GNUC__ 12
#define __GNUC_MINOR__ 2
#define __GNUC_PATCHLEVEL__ 0
#define __VERSION__ "12.2.0 (ForkLab)"
#define __x86_64__ 1
#define __x86_64 1
#define __amd64__ 1
#define __amd64 1
#define __linux__ 1
#define __linux 1
#define linux 1
#define __unix__ 1
#define __unix 1
#define unix 1
#define __gnu_linux__ 1
#define __ELF__ 1
#define __LP64__ 1
#define _LP64 1
#define __CHAR_BIT__ 8
#define __SIZEOF_SHORT__ 2
#define __SIZEOF_INT__ 4
#define __SIZEOF_LONG__ 8
#define __SIZEOF_LONG_LONG__ 8
#define __SIZEOF_POINTER__ 8
#define __SIZEOF_FLOAT__ 4
#define __SIZEOF_DOUBLE__ 8
#define __SIZEOF_SIZE_T__ 8
#define __SCHAR_MAX__ 0x7f
#define __SHRT_MAX__ 0x7fff
#define __INT_MAX__ 0x7fffffff
#define __LONG_MAX__ 0x7fffffffffffffffL
#define __LONG_LONG_MAX__ 0x7fffffffffffffffLL
#define __SIZE_TYPE__ long unsigned int
#define __PTRDIFF_TYPE__ long int
#define __ORDER_LITTLE_ENDIAN__ 1234
#define __ORDER_BIG_ENDIAN__ 4321
#define __BYTE_ORDER__ __ORDER_LITTLE_ENDIAN__
#define __DATE__ "Jan  1 2025"
#define __TIME__ "00:00:00"
`;

/** How deep #include may nest (gcc's limit). */
const MAX_INCLUDE_DEPTH = 200;

/** One open #if / #ifdef / #ifndef group. */
interface Conditional {
  /** the directive name token ("if", "ifdef", "ifndef"), for "unterminated #if" */
  opener: PPToken;
  /** the enclosing code is compiled */
  parentActive: boolean;
  /** some group of this chain was already taken */
  taken: boolean;
  /** the current group is compiled */
  active: boolean;
  sawElse: boolean;
}

/** A file being read: its name and how many conditionals were open when it started. */
interface OpenFile {
  name: string;
  conditionalsAtStart: number;
}

/** Lexed headers, shared by every translation unit (tokens are never mutated). */
const headerTokens = new Map<string, PPToken[]>();

/**
 * Preprocesses one translation unit. Returns its tokens, ending with one 'eof' token. Reports
 * every problem into diags and carries on (never throws on bad input).
 */
export function preprocess(file: SourceFile, diags: DiagnosticBag, options?: PreprocessOptions): Token[] {
  return new Preprocessor(diags).run(file, options?.predefined ?? {});
}

class Preprocessor {
  private readonly macros: Macros;
  private readonly input = new TokenStream();
  private readonly out: Token[] = [];
  private readonly conditionals: Conditional[] = [];
  private readonly files: OpenFile[] = [];
  private readonly onceOnly = new Set<string>();
  private counter = 0;

  constructor(private readonly diags: DiagnosticBag) {
    this.macros = new Macros(diags, (hash) => {
      this.directive(hash);
      return this.active();
    });
  }

  run(file: SourceFile, predefined: Record<string, string>): Token[] {
    this.definePredefined(predefined);
    this.pushFile(file.name, lex(file, this.diags), endOf(file));
    for (;;) {
      const tok = this.input.next()!;
      compileTick(tok);
      if (tok.kind === 'eof') {
        if (this.endFile(tok)) return this.out;
      } else if (tok.bol && tok.kind === 'punct' && tok.text === '#' && !tok.expandedFrom) {
        this.directive(tok);
      } else if (this.active() && !this.macros.expand(tok, this.input) && !this.pragmaOperator(tok)) {
        this.emit(tok);
      }
    }
  }

  private definePredefined(user: Record<string, string>): void {
    let text = PREDEFINED;
    for (const [name, value] of Object.entries(user)) text += `#define ${name} ${value}\n`;
    this.pushFile('<command-line>', lex({ name: '<command-line>', text }, this.diags), { line: 1, column: 1 });
    while (this.input.peek()!.kind !== 'eof') this.directive(this.input.next()!);
    this.input.next();
    this.files.pop();
    const dynamic = (name: string, value: Macro['dynamic']): void => {
      this.macros.table.set(name, { name, variadic: false, body: [], dynamic: value });
    };
    dynamic('__FILE__', (o) => quoteString(o.file));
    dynamic('__BASE_FILE__', () => quoteString(this.files[0]?.name ?? ''));
    dynamic('__LINE__', (o) => String(o.line));
    dynamic('__COUNTER__', () => String(this.counter++));
  }

  /** Pushes a file's tokens and its end marker onto the input. */
  private pushFile(name: string, tokens: PPToken[], end: { line: number; column: number }): void {
    const eof: PPToken = { kind: 'eof', text: '', file: name, line: end.line, column: end.column, bol: true, space: false };
    this.input.unshift([...tokens, eof]);
    this.files.push({ name, conditionalsAtStart: this.conditionals.length });
  }

  /** Closes the file that just ended; returns true when it was the main file. */
  private endFile(eof: PPToken): boolean {
    const f = this.files.pop()!;
    while (this.conditionals.length > f.conditionalsAtStart) {
      const c = this.conditionals.pop()!;
      this.error(c.opener, `unterminated #${c.opener.text}`, `the '#${c.opener.text}' on line ${c.opener.line} has no matching '#endif'`);
    }
    if (this.files.length > 0) return false;
    this.out.push({ kind: 'eof', text: '', file: eof.file, line: eof.line, column: eof.column });
    return true;
  }

  private active(): boolean {
    const n = this.conditionals.length;
    return n === 0 || this.conditionals[n - 1].active;
  }

  private error(at: PPToken, message: string, hint?: string): void {
    this.diags.error(at.file, at.line, at.column, at.text.length, message, hint);
  }

  private warning(at: PPToken, message: string, hint?: string): void {
    this.diags.warning(at.file, at.line, at.column, at.text.length, message, hint);
  }

  /** Hands one token to the parser, reporting the lexical problems it carries. */
  private emit(t: PPToken): void {
    let text = t.text;
    if (t.error) {
      const at = t.expandedFrom ?? t;
      this.diags.error(at.file, at.line, at.column, t.expandedFrom ? t.expandedFrom.macro.length : t.text.length, t.error, t.hint);
      if (t.kind === 'punct') return; // a stray character: drop it
      text = replacementFor(t);
    } else if (t.warning) {
      this.warning(t, t.warning);
    }
    const tok: Token = { kind: t.kind, text, file: t.file, line: t.line, column: t.column };
    if (t.expandedFrom) tok.expandedFrom = t.expandedFrom;
    this.out.push(tok);
  }

  /** Skips `_Pragma("…")` (pragmas are ignored); returns whether `tok` began one. */
  private pragmaOperator(tok: PPToken): boolean {
    if (tok.kind !== 'ident' || tok.text !== '_Pragma' || this.input.peek()?.text !== '(') return false;
    this.input.next();
    const str = this.input.next();
    const close = this.input.peek();
    if (str?.kind !== 'string' || close?.text !== ')') {
      this.error(str ?? tok, '_Pragma takes a parenthesized string literal');
      return true;
    }
    this.input.next();
    return true;
  }

  /** Reads the rest of a directive's line. */
  private restOfLine(): PPToken[] {
    const line: PPToken[] = [];
    for (let t = this.input.peek(); t && !t.bol && t.kind !== 'eof'; t = this.input.peek()) line.push(this.input.next()!);
    return line;
  }

  /** Carries out the directive whose '#' is `hash`. */
  private directive(hash: PPToken): void {
    const line = this.restOfLine();
    const name = line.shift();
    if (!name) return; // the null directive
    const args = line;
    switch (name.text) {
      case 'if': return this.openConditional(name, () => this.condition(name, args));
      case 'ifdef':
      case 'ifndef': return this.openConditional(name, () => this.definedTest(name, args));
      case 'elif': return this.elif(name, args);
      case 'else': return this.elseGroup(name, args);
      case 'endif': return this.endif(name, args);
    }
    if (!this.active()) return;
    switch (name.text) {
      case 'include':
      case 'include_next': return this.include(name, args);
      case 'define': return this.define(name, args);
      case 'undef': return this.undef(name, args);
      case 'error': return this.error(name, `#error ${spell(args)}`);
      case 'warning': return this.warning(name, `#warning ${spell(args)}`);
      case 'pragma':
        if (args[0]?.text === 'once') this.onceOnly.add(hash.file);
        return;
      case 'line':
      case 'ident':
      case 'sccs':
        return;
    }
    if (name.kind === 'int') return; // a line marker (# 33 "file")
    this.error(name, `invalid preprocessing directive #${name.text}`);
  }

  private openConditional(name: PPToken, test: () => boolean): void {
    const parentActive = this.active();
    const value = parentActive ? test() : false;
    this.conditionals.push({ opener: name, parentActive, taken: value, active: value, sawElse: false });
  }

  private definedTest(name: PPToken, args: PPToken[]): boolean {
    const id = args[0];
    if (!id) {
      this.error(name, `no macro name given in #${name.text} directive`);
      return false;
    }
    if (id.kind !== 'ident') {
      this.error(id, 'macro names must be identifiers');
      return false;
    }
    if (args.length > 1) this.warning(args[1], `extra tokens at end of #${name.text} directive`);
    return this.macros.table.has(id.text) === (name.text === 'ifdef');
  }

  /** Evaluates an #if / #elif expression; a bad expression is reported and counts as false. */
  private condition(name: PPToken, args: PPToken[]): boolean {
    const expanded = this.macros.expandAll(args, (t, input) => this.replaceDefined(t, input));
    try {
      return evaluateCondition(expanded, name);
    } catch (e) {
      if (!(e instanceof PPExprError)) throw e;
      this.error(e.at ?? name, e.message);
      return false;
    }
  }

  /** `defined X` and `defined(X)` in an #if line become 1 or 0 before macros expand. */
  private replaceDefined(t: PPToken, input: TokenStream): PPToken | undefined {
    if (t.kind !== 'ident' || t.text !== 'defined') return undefined;
    const paren = input.peek()?.text === '(';
    if (paren) input.next();
    const id = input.next();
    if (!id || id.kind !== 'ident') {
      this.error(id ?? t, 'operator "defined" requires an identifier');
      return { ...t, kind: 'int', text: '0' };
    }
    if (paren) {
      if (input.peek()?.text === ')') input.next();
      else this.error(id, 'missing \')\' after "defined"');
    }
    return { ...t, kind: 'int', text: this.macros.table.has(id.text) ? '1' : '0' };
  }

  private elif(name: PPToken, args: PPToken[]): void {
    const c = this.conditionals[this.conditionals.length - 1];
    if (!c) return this.error(name, '#elif without #if');
    if (c.sawElse) this.error(name, '#elif after #else');
    if (!c.parentActive || c.taken) {
      c.active = false;
      return;
    }
    c.active = this.condition(name, args);
    c.taken = c.active;
  }

  private elseGroup(name: PPToken, args: PPToken[]): void {
    const c = this.conditionals[this.conditionals.length - 1];
    if (!c) return this.error(name, '#else without #if');
    if (c.sawElse) this.error(name, '#else after #else');
    if (args.length > 0 && c.parentActive) this.warning(args[0], 'extra tokens at end of #else directive');
    c.sawElse = true;
    c.active = c.parentActive && !c.taken;
    c.taken = true;
  }

  private endif(name: PPToken, args: PPToken[]): void {
    const c = this.conditionals[this.conditionals.length - 1];
    if (!c || this.conditionals.length <= this.files[this.files.length - 1].conditionalsAtStart) {
      return this.error(name, '#endif without #if');
    }
    if (args.length > 0 && c.parentActive) this.warning(args[0], 'extra tokens at end of #endif directive');
    this.conditionals.pop();
  }

  /** #include <name> of a lab header; anything else is reported. */
  private include(name: PPToken, args: PPToken[]): void {
    let target = headerName(args);
    if (!target && args.length > 0) target = headerName(this.macros.expandAll(args));
    if (!target) return this.error(name, '#include expects "FILENAME" or <FILENAME>');
    const { header, quoted, at } = target;
    const text = headerText(header);
    if (text === undefined) {
      if (quoted) {
        return this.error(at, `cannot include "${header}": the lab compiles single files; put the code in this file`);
      }
      return this.error(at, `${header}: No such file or directory`, unknownHeaderHint(header));
    }
    if (this.files.length >= MAX_INCLUDE_DEPTH) return this.error(at, `#include nested depth ${this.files.length} exceeds maximum of ${MAX_INCLUDE_DEPTH}`);
    const fileName = `<${header}>`;
    if (this.onceOnly.has(fileName)) return;
    let tokens = headerTokens.get(header);
    if (!tokens) {
      tokens = lex({ name: fileName, text }, this.diags);
      headerTokens.set(header, tokens);
    }
    this.pushFile(fileName, tokens, endOf({ name: fileName, text }));
  }

  /** #define: records an object-like or function-like macro. */
  private define(directive: PPToken, args: PPToken[]): void {
    const name = args[0];
    if (!name) return this.error(directive, 'no macro name given in #define directive');
    if (name.kind !== 'ident') return this.error(name, 'macro names must be identifiers');
    if (name.text === 'defined') return this.error(name, '"defined" cannot be used as a macro name');
    let body = args.slice(1);
    let params: string[] | undefined;
    let variadic = false;
    if (body[0] && body[0].text === '(' && !body[0].space) {
      const parsed = this.parameters(body);
      if (!parsed) return;
      ({ params, variadic } = parsed);
      body = body.slice(parsed.length);
    }
    if (body.length > 0) body = [{ ...body[0], space: false }, ...body.slice(1)];
    if (!this.checkBody(body, params)) return;
    const macro: Macro = { name: name.text, params, variadic, body, defined: name };
    const old = this.macros.table.get(name.text);
    if (old && !sameDefinition(old, macro)) {
      this.warning(name, `"${name.text}" redefined`, old.defined ? `previous definition at ${old.defined.file}:${old.defined.line}` : undefined);
    }
    this.macros.table.set(name.text, macro);
  }

  /** Parses `(a, b, ...)` at the start of `toks`; returns the names and how many tokens it used. */
  private parameters(toks: PPToken[]): { params: string[]; variadic: boolean; length: number } | null {
    const params: string[] = [];
    let i = 1;
    if (toks[i]?.text === ')') return { params, variadic: false, length: 2 };
    for (;;) {
      const t = toks[i];
      if (!t) return this.error(toks[0], "missing ')' in macro parameter list"), null;
      if (t.text === '...') {
        params.push('__VA_ARGS__');
        if (toks[i + 1]?.text !== ')') return this.error(toks[i + 1] ?? t, "missing ')' in macro parameter list"), null;
        return { params, variadic: true, length: i + 2 };
      }
      if (t.kind !== 'ident') return this.error(t, `expected parameter name, found "${t.text}"`), null;
      if (params.includes(t.text)) return this.error(t, `duplicate macro parameter "${t.text}"`), null;
      params.push(t.text);
      const sep = toks[i + 1];
      if (sep?.text === '...' && toks[i + 2]?.text === ')') return { params, variadic: true, length: i + 3 };
      if (sep?.text === ')') return { params, variadic: false, length: i + 2 };
      if (sep?.text !== ',') return this.error(sep ?? t, "expected ',' or ')' in macro parameter list"), null;
      i += 2;
    }
  }

  /** Checks the rules for # and ## in a macro body. */
  private checkBody(body: PPToken[], params: string[] | undefined): boolean {
    const isOp = (t: PPToken | undefined, op: string): boolean => t?.kind === 'punct' && t.text === op;
    if (isOp(body[0], '##') || isOp(body[body.length - 1], '##')) {
      this.error(isOp(body[0], '##') ? body[0] : body[body.length - 1], "'##' cannot appear at either end of a macro expansion");
      return false;
    }
    if (!params) return true;
    for (let i = 0; i < body.length; i++) {
      if (isOp(body[i], '#') && !(body[i + 1]?.kind === 'ident' && params.includes(body[i + 1].text))) {
        this.error(body[i], "'#' is not followed by a macro parameter");
        return false;
      }
    }
    return true;
  }

  private undef(directive: PPToken, args: PPToken[]): void {
    const name = args[0];
    if (!name) return this.error(directive, 'no macro name given in #undef directive');
    if (name.kind !== 'ident') return this.error(name, 'macro names must be identifiers');
    if (args.length > 1) this.warning(args[1], 'extra tokens at end of #undef directive');
    this.macros.table.delete(name.text);
  }
}

/** The header named by an #include line, or null if the line is not `<…>` or `"…"`. */
function headerName(args: PPToken[]): { header: string; quoted: boolean; at: PPToken } | null {
  const first = args[0];
  if (!first) return null;
  if (first.kind === 'string' && first.text.startsWith('"') && first.text.endsWith('"') && first.text.length > 2) {
    return { header: first.text.slice(1, -1), quoted: true, at: first };
  }
  if (first.kind !== 'punct' || first.text !== '<') return null;
  let header = '';
  for (let i = 1; i < args.length; i++) {
    if (args[i].text === '>') return { header, quoted: false, at: { ...first, text: `<${header}>` } };
    header += (args[i].space && i > 1 ? ' ' : '') + args[i].text;
  }
  return null;
}

/** Advice for an unknown header: the nearest name, then the whole list. */
function unknownHeaderHint(header: string): string {
  const names = Object.keys(HEADERS).filter((n) => !n.startsWith('bits/')).sort();
  const near = names.find((n) => editDistance(n, header) <= 2);
  const list = `the lab provides ${names.map((n) => `<${n}>`).join(' ')}`;
  return near ? `did you mean <${near}>? ${list}` : list;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

/** Two definitions are the same when parameters and body spelling (and spacing) agree. */
function sameDefinition(a: Macro, b: Macro): boolean {
  if (a.dynamic || (a.params === undefined) !== (b.params === undefined)) return false;
  if (a.params && a.params.join(',') !== b.params!.join(',')) return false;
  return a.body.length === b.body.length && a.body.every((t, i) => t.text === b.body[i].text && (i === 0 || t.space === b.body[i].space));
}

/** A line's tokens written back as text, one space where there was whitespace. */
function spell(toks: PPToken[]): string {
  return toks.map((t, i) => (i > 0 && t.space ? ' ' : '') + t.text).join('');
}

/** What the parser gets in place of a token that had an error (so it does not report it again). */
function replacementFor(t: PPToken): string {
  if (t.kind === 'int') return '0';
  if (t.kind === 'float') return '0.0';
  if (t.kind === 'char') return "'\\0'";
  if (t.kind === 'string') return '""';
  return t.text;
}

/** Position just after the last line of a file, where the 'eof' token goes. */
function endOf(file: SourceFile): { line: number; column: number } {
  const lines = file.text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

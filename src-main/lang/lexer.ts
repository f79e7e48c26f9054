/**
 * The lexer: C source text → preprocessing tokens.
 *
 * It works on the text after line splicing (backslash-newline removed, \r\n read as \n) but
 * every token keeps the line and column where its first character was written in the file.
 * Comments become whitespace. Problems that only matter when a token is really used (a stray
 * '@', an unterminated string, a bad number) are attached to the token, so that the
 * preprocessor reports them for code it compiles and stays quiet inside `#if 0`. Problems that
 * always matter (an unterminated comment) go straight to the DiagnosticBag.
 */
import type { DiagnosticBag } from './diagnostics.ts';
import type { SourceFile } from './image.ts';
import type { TokenKind } from './token.ts';

/** A token as the preprocessor sees it: a Token plus layout and macro bookkeeping. */
export interface PPToken {
  kind: TokenKind;
  text: string;
  file: string;
  line: number;
  column: number;
  /** first token of a line (a '#' here starts a directive) */
  bol: boolean;
  /** whitespace (or a comment) before the token */
  space: boolean;
  /** error to report if the token reaches the compiler (or an active directive) */
  error?: string;
  /** warning to report if the token reaches the compiler */
  warning?: string;
  /** advice attached to the error */
  hint?: string;
  /** macros that must not be expanded again in this token (the "hide set") */
  hide?: ReadonlySet<string>;
  /** use site of the outermost macro this token was produced by */
  expandedFrom?: { file: string; line: number; column: number; macro: string };
}

/** A copy of a token with the given fields changed (one object shape for every token, which keeps V8 fast). */
export function cloneToken(t: PPToken, changes?: Partial<PPToken>): PPToken {
  const c: PPToken = {
    kind: t.kind, text: t.text, file: t.file, line: t.line, column: t.column, bol: t.bol, space: t.space,
    error: t.error, warning: t.warning, hint: t.hint, hide: t.hide, expandedFrom: t.expandedFrom,
  };
  return changes ? Object.assign(c, changes) : c;
}

/** The file's text with line splices removed, and where each remaining character was written. */
interface Spliced {
  chars: string;
  lines: Uint32Array;
  cols: Uint32Array;
}

/** Removes backslash-newlines and turns \r\n (and a lone \r) into \n, remembering positions. */
function splice(text: string): Spliced {
  if (!text.includes('\r') && !/\\\n/.test(text)) return positionsOf(text);
  const n = text.length;
  const out: string[] = [];
  const lines = new Uint32Array(n + 1);
  const cols = new Uint32Array(n + 1);
  let line = 1;
  let col = 1;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
      line++;
      col = 1;
      continue;
    }
    lines[out.length] = line;
    cols[out.length] = col;
    if (c === '\r' || c === '\n') {
      out.push('\n');
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      col = 1;
      continue;
    }
    out.push(c);
    i++;
    col++;
  }
  lines[out.length] = line;
  cols[out.length] = col;
  return { chars: out.join(''), lines, cols };
}

/** Positions of a text that needs no splicing (the common case, done without copying). */
function positionsOf(text: string): Spliced {
  const n = text.length;
  const lines = new Uint32Array(n + 1);
  const cols = new Uint32Array(n + 1);
  let line = 1;
  let col = 1;
  for (let i = 0; i < n; i++) {
    lines[i] = line;
    cols[i] = col;
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else {
      col++;
    }
  }
  lines[n] = line;
  cols[n] = col;
  return { chars: text, lines, cols };
}

/** Punctuators, longest first so that the first match is the longest one. */
const PUNCTUATORS = [
  '%:%:', '...', '<<=', '>>=',
  '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '*=', '/=', '%=', '+=', '-=',
  '&=', '^=', '|=', '##', '<:', ':>', '<%', '%>', '%:',
  '[', ']', '(', ')', '{', '}', '.', '&', '*', '+', '-', '~', '!', '/', '%', '<', '>', '^', '|',
  '?', ':', ';', '=', ',', '#',
];

/** The punctuators that start with each character, longest first. */
const PUNCTUATORS_BY_FIRST = new Map<string, string[]>();
for (const p of PUNCTUATORS) PUNCTUATORS_BY_FIRST.set(p[0], [...(PUNCTUATORS_BY_FIRST.get(p[0]) ?? []), p]);

/** Digraphs are handed on as the punctuator they stand for. */
const DIGRAPHS: Record<string, string> = { '<:': '[', ':>': ']', '<%': '{', '%>': '}', '%:': '#', '%:%:': '##' };

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isIdentStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$');
const isIdentChar = (c: string | undefined): boolean => isIdentStart(c) || isDigit(c);

/** Advice for characters that students paste from word processors. */
function strayHint(c: string): string | undefined {
  if ('\u201c\u201d\u201e'.includes(c)) return 'this is a typographic quote; use a plain " instead';
  if ('\u2018\u2019'.includes(c)) return "this is a typographic quote; use a plain ' instead";
  if ('\u2013\u2014\u2212'.includes(c)) return 'this is a dash; use a plain - instead';
  if (c === '\u00a0') return 'this is a non-breaking space; use a plain space instead';
  return undefined;
}

/** Scans one file. Construct, then call run(). */
class Scanner {
  private readonly s: Spliced;
  private readonly src: string;
  private pos = 0;
  private bol = true;
  private space = false;
  readonly tokens: PPToken[] = [];

  constructor(
    private readonly file: SourceFile,
    private readonly diags: DiagnosticBag,
  ) {
    this.s = splice(file.text);
    this.src = this.s.chars;
  }

  run(): PPToken[] {
    while (this.pos < this.src.length) {
      if (this.skipBlank()) continue;
      this.scanToken();
    }
    return this.tokens;
  }

  /** Skips one run of whitespace, a newline or a comment; returns whether it skipped anything. */
  private skipBlank(): boolean {
    const src = this.src;
    const c = src[this.pos];
    if (c === '\n') {
      this.pos++;
      this.bol = true;
      this.space = false;
      return true;
    }
    if (c === ' ' || c === '\t' || c === '\f' || c === '\v') {
      this.pos++;
      this.space = true;
      return true;
    }
    if (c === '/' && src[this.pos + 1] === '/') {
      while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
      this.space = true;
      return true;
    }
    if (c === '/' && src[this.pos + 1] === '*') {
      const end = src.indexOf('*/', this.pos + 2);
      if (end < 0) {
        this.diags.error(this.file.name, this.s.lines[this.pos], this.s.cols[this.pos], 2, 'unterminated comment',
          "a comment that starts with '/*' must end with '*/'");
        this.pos = src.length;
      } else {
        this.pos = end + 2;
      }
      this.space = true;
      return true;
    }
    return false;
  }

  private push(kind: TokenKind, start: number, text: string, problem?: Partial<PPToken>): PPToken {
    const tok: PPToken = {
      kind, text, file: this.file.name, line: this.s.lines[start], column: this.s.cols[start],
      bol: this.bol, space: this.space, error: undefined, warning: undefined, hint: undefined, hide: undefined, expandedFrom: undefined,
    };
    if (problem) Object.assign(tok, problem);
    this.tokens.push(tok);
    this.bol = false;
    this.space = false;
    return tok;
  }

  private scanToken(): void {
    const src = this.src;
    const start = this.pos;
    const c = src[start];
    if ('"\'LuU'.includes(c)) {
      const quoteAt = this.literalPrefixLength();
      if (quoteAt >= 0) return this.scanQuoted(start, quoteAt);
    }
    if (isIdentStart(c)) {
      let end = start + 1;
      while (isIdentChar(src[end])) end++;
      this.pos = end;
      this.push('ident', start, src.slice(start, end));
      return;
    }
    if (isDigit(c) || (c === '.' && isDigit(src[start + 1]))) return this.scanNumber(start);
    for (const p of PUNCTUATORS_BY_FIRST.get(c) ?? []) {
      if (src.startsWith(p, start)) {
        this.pos = start + p.length;
        this.push('punct', start, DIGRAPHS[p] ?? p);
        return;
      }
    }
    const ch = String.fromCodePoint(src.codePointAt(start)!);
    this.pos = start + ch.length;
    this.push('punct', start, ch, { error: `stray '${ch}' in program`, hint: strayHint(ch) });
  }

  /** Length of an encoding prefix (L, u, U, u8) before a quote here, or -1 if no literal starts. */
  private literalPrefixLength(): number {
    const src = this.src;
    const at = this.pos;
    for (const p of ['', 'L', 'u', 'U', 'u8']) {
      const q = src[at + p.length];
      if (src.startsWith(p, at) && (q === '"' || (q === "'" && p !== 'u8'))) return p.length;
    }
    return -1;
  }

  /** Scans a character constant or string literal whose quote is at start + prefixLength. */
  private scanQuoted(start: number, prefixLength: number): void {
    const src = this.src;
    const quote = src[start + prefixLength];
    let end = start + prefixLength + 1;
    while (end < src.length && src[end] !== quote && src[end] !== '\n') end += src[end] === '\\' && src[end + 1] !== '\n' ? 2 : 1;
    const kind: TokenKind = quote === '"' ? 'string' : 'char';
    if (src[end] !== quote) {
      this.pos = end;
      this.push(kind, start, src.slice(start, end), { error: `missing terminating ${quote} character` });
      return;
    }
    this.pos = end + 1;
    const text = src.slice(start, end + 1);
    const problem = literalProblem(text, prefixLength, kind);
    this.push(kind, start, text, problem);
  }

  private scanNumber(start: number): void {
    const src = this.src;
    let end = start + 1;
    for (;;) {
      const ch = src[end];
      if ((ch === '+' || ch === '-') && 'eEpP'.includes(src[end - 1])) end++;
      else if (isIdentChar(ch) || ch === '.') end++;
      else break;
    }
    this.pos = end;
    const text = src.slice(start, end);
    const { kind, error } = classifyNumber(text);
    this.push(kind, start, text, error ? { error } : undefined);
  }
}

/** Lexes one file into preprocessing tokens (no 'eof' token). Never throws. */
export function lex(file: SourceFile, diags: DiagnosticBag): PPToken[] {
  return new Scanner(file, diags).run();
}

const INT_SUFFIX = /^(?:[uU](?:l|L|ll|LL)?|(?:l|L|ll|LL)[uU]?)?$/;

/**
 * Decides whether a preprocessing number is an integer or a floating constant and checks it:
 * returns the kind and, for an invalid number, gcc's message.
 */
export function classifyNumber(text: string): { kind: 'int' | 'float'; error?: string } {
  const hex = /^0[xX]/.test(text);
  const isFloat = hex ? /[.pP]/.test(text) : /[.eE]/.test(text);
  return isFloat ? { kind: 'float', error: floatError(text, hex) } : { kind: 'int', error: intError(text) };
}

function intError(text: string): string | undefined {
  const m = /^(0[xX][0-9a-fA-F]*|0[bB][0-9]*|[0-9]+)(.*)$/.exec(text)!;
  const [, digits, suffix] = m;
  if (/^0[xX]$/.test(digits)) return `invalid suffix "${text.slice(1)}" on integer constant`;
  if (/^0[bB]/.test(digits)) {
    if (digits.length === 2) return `invalid suffix "${text.slice(1)}" on integer constant`;
    const bad = /[2-9]/.exec(digits.slice(2));
    if (bad) return `invalid digit "${bad[0]}" in binary constant`;
  } else if (/^0[0-9]/.test(digits)) {
    const bad = /[89]/.exec(digits);
    if (bad) return `invalid digit "${bad[0]}" in octal constant`;
  }
  if (!INT_SUFFIX.test(suffix)) return `invalid suffix "${suffix}" on integer constant`;
  return undefined;
}

function floatError(text: string, hex: boolean): string | undefined {
  const m = hex
    ? /^0[xX]([0-9a-fA-F]*\.?[0-9a-fA-F]*)([pP][+-]?[0-9]*)?(.*)$/.exec(text)
    : /^([0-9]*\.?[0-9]*)([eE][+-]?[0-9]*)?(.*)$/.exec(text);
  if (!m) return `invalid suffix on floating constant`;
  const [, mantissa, exponent, suffix] = m;
  if (mantissa === '.' || mantissa === '') return `invalid suffix "${text}" on floating constant`;
  if (exponent !== undefined && !/[0-9]$/.test(exponent)) return 'exponent has no digits';
  if (hex && exponent === undefined) return 'hexadecimal floating constants require an exponent';
  if (!/^[fFlL]?$/.test(suffix)) return `invalid suffix "${suffix}" on floating constant`;
  return undefined;
}

/** Checks the escapes and length of a complete literal; returns the problems to attach. */
function literalProblem(text: string, prefixLength: number, kind: TokenKind): Partial<PPToken> | undefined {
  if (prefixLength > 0) {
    const what = kind === 'char' ? 'character constants' : 'string literals';
    return { error: `wide and Unicode ${what} (${text.slice(0, prefixLength)}${text[prefixLength]}…) are not supported in the lab` };
  }
  const body = text.slice(1, -1);
  let count = 0;
  let warning: string | undefined;
  for (let i = 0; i < body.length; count++) {
    if (body[i] !== '\\') {
      i += body.codePointAt(i)! > 0xffff ? 2 : 1;
      continue;
    }
    const e = body[i + 1];
    if (e === 'x') {
      let j = i + 2;
      while (/[0-9a-fA-F]/.test(body[j] ?? '')) j++;
      if (j === i + 2) return { error: '\\x used with no following hex digits' };
      i = j;
    } else if (e >= '0' && e <= '7') {
      let j = i + 1;
      while (j < i + 4 && body[j] >= '0' && body[j] <= '7') j++;
      i = j;
    } else {
      if (!"ntr0abfv\\'\"?e".includes(e)) warning ??= `unknown escape sequence: '\\${e}'`;
      i += 2;
    }
  }
  if (kind === 'char' && count === 0) return { error: 'empty character constant' };
  if (kind === 'char' && count > 1) warning ??= 'multi-character character constant';
  return warning ? { warning } : undefined;
}

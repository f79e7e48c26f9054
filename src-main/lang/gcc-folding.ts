/**
 * What gcc does to some library calls even at -O0, where students see it (measured with gcc 12
 * on x86-64 Debian by reading `gcc -O0 -S`; docs/c.md lists the cases):
 *
 *   - It computes strcmp, strncmp, memcmp and strlen of string literals at compile time.
 *     strcmp and memcmp then give -1, 0 or 1, where glibc's functions give the difference of the
 *     first differing bytes: `strcmp("a", "e")` is -1 on Linux, `strcmp(s, "e")` with s = "a" -4.
 *   - When the value of printf or fprintf is not used, it calls a simpler function instead:
 *     `printf("%s\n", s)` becomes `puts(s)` (so a NULL s crashes with SIGSEGV where printf would
 *     print "(null)"), `printf("x\n")` `puts("x")`, `printf("%c", c)` and `printf("x")`
 *     `putchar`, `printf("")` nothing; `fprintf(f, "%s", s)` `fputs(s, f)`, and fputs of a
 *     literal `fputc` or `fwrite`.
 *
 * The functions here only decide; codegen emits what they return.
 */
import type { Expr } from './ast.ts';
import { CHAR, INT, ULONG, arrayOf, pointerTo } from './types.ts';
import { constValue } from './consteval.ts';

/** What a call whose value is not used becomes. */
export type OutputRewrite =
  /** the call does nothing (`printf("")`) */
  | { k: 'nothing' }
  /** a call of another library function, with these arguments (already converted) */
  | { k: 'call'; name: 'puts' | 'putchar' | 'fputs' | 'fputc' | 'fwrite'; args: Expr[] };

/**
 * The value gcc computes at compile time for a call of library function `name` with these
 * (converted) arguments, or undefined when gcc makes the call at run time.
 */
export function foldedLibraryCall(name: string, args: readonly Expr[]): bigint | undefined {
  switch (name) {
    case 'strlen': {
      const s = args.length === 1 ? literalBytes(args[0]) : undefined;
      return s === undefined ? undefined : BigInt(cStringLength(s));
    }
    case 'strcmp': {
      const [a, b] = literalPair(args, 2);
      return a && b ? BigInt(Math.sign(compareStrings(a, b, Infinity))) : undefined;
    }
    case 'strncmp': {
      // gcc folds strncmp with its host's strncmp, which is glibc's: the byte difference
      const [a, b] = literalPair(args, 3);
      const n = integerConstant(args[2]);
      if (n === undefined) return undefined;
      if (n === 0n) return zeroLengthCompare(args);
      return a && b ? BigInt(compareStrings(a, b, Number(n))) : undefined;
    }
    case 'memcmp': {
      const [a, b] = literalPair(args, 3);
      const n = integerConstant(args[2]);
      if (n === undefined) return undefined;
      if (n === 0n) return zeroLengthCompare(args);
      // only within both arrays (the literal's NUL included)
      if (!a || !b || n > BigInt(a.length + 1) || n > BigInt(b.length + 1)) return undefined;
      return BigInt(Math.sign(compareBytes(a, b, Number(n))));
    }
    default:
      return undefined;
  }
}

/**
 * strncmp or memcmp of 0 bytes: 0. When an argument does something (`p++`), gcc evaluates it and
 * still gives 0; the lab keeps the call then, which gives 0 too.
 */
function zeroLengthCompare(args: readonly Expr[]): bigint | undefined {
  return args.some(hasSideEffects) ? undefined : 0n;
}

/**
 * What gcc calls instead of printf, fprintf or fputs when the call's value is not used, or
 * undefined when it keeps the call (gcc's gimple_fold_builtin_printf, _fprintf and _fputs).
 */
export function rewrittenOutputCall(name: string, args: readonly Expr[]): OutputRewrite | undefined {
  switch (name) {
    case 'printf':
      return rewrittenPrintf(args);
    case 'fprintf':
      return rewrittenFprintf(args);
    case 'fputs':
      return rewrittenFputs(args);
    default:
      return undefined;
  }
}

function rewrittenPrintf(args: readonly Expr[]): OutputRewrite | undefined {
  if (args.length > 2) return undefined;
  const format = plainLiteral(args[0]);
  if (format === undefined) return undefined;
  const fmt = cString(format);
  const arg = args[1];
  let text: Uint8Array;
  if (!fmt.includes(PERCENT)) {
    if (arg) return undefined;
    text = fmt;
  } else if (sameText(fmt, '%s')) {
    const s = arg && arg.type.kind === 'ptr' ? literalBytes(arg) : undefined;
    if (s === undefined) return undefined;
    text = cString(s);
  } else if (sameText(fmt, '%s\n')) {
    return arg && arg.type.kind === 'ptr' ? { k: 'call', name: 'puts', args: [arg] } : undefined;
  } else if (sameText(fmt, '%c')) {
    return arg && isPlainInt(arg) ? { k: 'call', name: 'putchar', args: [arg] } : undefined;
  } else {
    return undefined;
  }
  if (text.length === 0) return { k: 'nothing' };
  if (text.length === 1) return { k: 'call', name: 'putchar', args: [intConstant(signedChar(text[0]), args[0])] };
  if (text[text.length - 1] === NEWLINE) return { k: 'call', name: 'puts', args: [stringLiteral(text.subarray(0, -1), args[0])] };
  return undefined; // gcc would want fputs(text, stdout), but it does not know stdout
}

function rewrittenFprintf(args: readonly Expr[]): OutputRewrite | undefined {
  if (args.length < 2 || args.length > 3) return undefined;
  const [stream, formatArg, arg] = args;
  const format = plainLiteral(formatArg);
  if (format === undefined) return undefined;
  const fmt = cString(format);
  if (!fmt.includes(PERCENT)) {
    if (arg) return undefined;
    if (fmt.length === 0) return hasSideEffects(stream) ? undefined : { k: 'nothing' };
    return rewrittenFputs([formatArg, stream]) ?? { k: 'call', name: 'fputs', args: [formatArg, stream] };
  }
  if (sameText(fmt, '%s')) {
    if (!arg || arg.type.kind !== 'ptr') return undefined;
    return rewrittenFputs([arg, stream]) ?? { k: 'call', name: 'fputs', args: [arg, stream] };
  }
  if (sameText(fmt, '%c')) return arg && isPlainInt(arg) ? { k: 'call', name: 'fputc', args: [arg, stream] } : undefined;
  return undefined;
}

/** fputs of a literal: nothing, fputc of its one character, or fwrite of its bytes. */
function rewrittenFputs(args: readonly Expr[]): OutputRewrite | undefined {
  if (args.length !== 2) return undefined;
  const [str, stream] = args;
  const bytes = literalBytes(str);
  if (bytes === undefined) return undefined;
  const text = cString(bytes);
  if (text.length === 0) return hasSideEffects(stream) ? undefined : { k: 'nothing' };
  if (text.length === 1) return { k: 'call', name: 'fputc', args: [intConstant(signedChar(text[0]), str), stream] };
  const size = (n: number): Expr => ({ k: 'int', value: BigInt(n), pos: str.pos, type: ULONG });
  return { k: 'call', name: 'fwrite', args: [str, size(1), size(text.length), stream] };
}

// ---------------------------------------------------------------- reading the arguments

const PERCENT = 0x25;
const NEWLINE = 0x0a;

/**
 * The bytes of the string literal the argument points into, from where it points, without the
 * literal's NUL (gcc's c_getstr: a literal, through casts, plus a constant offset within it).
 */
function literalBytes(e: Expr): Uint8Array | undefined {
  if (e.type.kind !== 'ptr') return undefined;
  const c = constValue(e);
  if (c?.k !== 'addr' || !c.str || c.offset < 0 || c.offset > c.str.length) return undefined;
  return c.str.subarray(c.offset);
}

/** A format argument that is a string literal as written (only the implicit conversions around it). */
function plainLiteral(e: Expr | undefined): Uint8Array | undefined {
  let x = e;
  while (x && x.k === 'cast' && x.implicit) x = x.expr;
  return x && x.k === 'string' ? x.bytes : undefined;
}

function literalPair(args: readonly Expr[], count: number): [Uint8Array | undefined, Uint8Array | undefined] {
  if (args.length !== count) return [undefined, undefined];
  return [literalBytes(args[0]), literalBytes(args[1])];
}

/** A length argument that is an integer constant expression (as a size_t), or undefined. */
function integerConstant(e: Expr | undefined): bigint | undefined {
  const c = e ? constValue(e) : undefined;
  return c?.k === 'int' ? BigInt.asUintN(64, c.value) : undefined;
}

/** Whether the argument, as passed, is a (signed) int: gcc's putchar rewrite wants exactly that. */
function isPlainInt(e: Expr): boolean {
  return e.type.kind === 'int' && !e.type.unsigned;
}

/** Whether evaluating e could change anything (a call, an assignment, an increment, a volatile read). */
function hasSideEffects(e: Expr): boolean {
  switch (e.k) {
    case 'call':
    case 'assign':
    case 'opassign':
    case 'incdec':
      return true;
    case 'var':
      return !!e.type.isVolatile;
    case 'int':
    case 'float':
    case 'string':
    case 'compound':
    case 'error':
      return false;
    case 'binary':
    case 'logand':
    case 'logor':
    case 'comma':
      return hasSideEffects(e.left) || hasSideEffects(e.right);
    case 'cond':
      return hasSideEffects(e.test) || hasSideEffects(e.then) || hasSideEffects(e.else);
    case 'member':
      return hasSideEffects(e.object);
    default:
      return hasSideEffects(e.expr);
  }
}

/** The bytes up to the first NUL (what a C function sees of the literal). */
function cString(bytes: Uint8Array): Uint8Array {
  const nul = bytes.indexOf(0);
  return nul < 0 ? bytes : bytes.subarray(0, nul);
}

function cStringLength(bytes: Uint8Array): number {
  return cString(bytes).length;
}

function sameText(bytes: Uint8Array, text: string): boolean {
  return bytes.length === text.length && [...text].every((c, i) => bytes[i] === c.charCodeAt(0));
}

/** strncmp as glibc computes it: the difference of the first differing bytes (as unsigned chars). */
function compareStrings(a: Uint8Array, b: Uint8Array, n: number): number {
  for (let i = 0; i < n; i++) {
    const x = i < a.length ? a[i] : 0;
    const y = i < b.length ? b[i] : 0;
    if (x !== y || x === 0) return x - y;
  }
  return 0;
}

/** memcmp over n bytes of two literals (each followed by its NUL). */
function compareBytes(a: Uint8Array, b: Uint8Array, n: number): number {
  for (let i = 0; i < n; i++) {
    const x = i < a.length ? a[i] : 0;
    const y = i < b.length ? b[i] : 0;
    if (x !== y) return x - y;
  }
  return 0;
}

/** gcc passes a format's one character to putchar as a (signed) char converted to int. */
function signedChar(byte: number): number {
  return byte >= 128 ? byte - 256 : byte;
}

function intConstant(value: number, at: Expr): Expr {
  return { k: 'int', value: BigInt(value), pos: at.pos, type: INT };
}

/** A new string literal (a `char *` argument) with these bytes. */
function stringLiteral(bytes: Uint8Array, at: Expr): Expr {
  const literal: Expr = { k: 'string', bytes: bytes.slice(), pos: at.pos, type: arrayOf(CHAR, bytes.length + 1) };
  return { k: 'cast', expr: literal, implicit: true, pos: at.pos, type: pointerTo(CHAR) };
}

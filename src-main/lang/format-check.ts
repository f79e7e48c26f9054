/**
 * printf and scanf formats against their arguments, as gcc -Wall checks them (-Wformat): a
 * conversion given an argument of the wrong type, a conversion without an argument, arguments
 * left over, scanf given a value instead of an address. The messages are gcc 12's, and they
 * point where gcc points: at the conversion's letter inside the format string (the format's
 * opening quote for "too many arguments").
 *
 * Like gcc with -Wall, it accepts a signed type where the unsigned one is expected and the other
 * way round (`%u` with an int), any object pointer for `%p`, and any char pointer for `%s`. It
 * checks only formats written as string literals, and says nothing about formats with `n$`
 * positions, `L` (long double) or wide characters.
 */
import type { Expr, ExprOf, Pos } from './ast.ts';
import { type CType, typeToString } from './types.ts';
import { decodeEscapes } from './escapes.ts';

/** The library functions with a format: where the format is among the arguments, and its kind. */
const FORMAT_FUNCTIONS: Record<string, { format: number; kind: 'printf' | 'scanf' }> = {
  printf: { format: 0, kind: 'printf' },
  fprintf: { format: 1, kind: 'printf' },
  sprintf: { format: 1, kind: 'printf' },
  snprintf: { format: 2, kind: 'printf' },
  dprintf: { format: 1, kind: 'printf' },
  scanf: { format: 0, kind: 'scanf' },
  fscanf: { format: 1, kind: 'scanf' },
  sscanf: { format: 1, kind: 'scanf' },
};

/** What a conversion expects: the type's name in messages, and which argument types match it. */
interface Expected {
  name: string;
  matches: (t: CType) => boolean;
}

type Warn = (pos: Pos, message: string, hint?: string) => void;

/**
 * Warns about each mismatch between the format of a call of library function `name` and the
 * call's arguments (converted and promoted as the call passes them).
 */
export function checkFormatArguments(name: string, args: readonly Expr[], warn: Warn): void {
  const fn = Object.hasOwn(FORMAT_FUNCTIONS, name) ? FORMAT_FUNCTIONS[name] : undefined;
  if (!fn || args.length <= fn.format) return;
  const literal = formatLiteral(args[fn.format]);
  if (!literal) return;
  const checker = new FormatChecker(literal, args, fn.format, warn);
  if (fn.kind === 'printf') checker.checkPrintf();
  else checker.checkScanf();
}

/** Whether a warning message is one of this file's (the corpus test keeps correct programs free of them). */
export function isFormatWarning(message: string): boolean {
  return /^(format '|too many arguments for format|field (width|precision) specifier|spurious trailing '%'|unknown conversion type character)/.test(message);
}

/** The string literal a format argument is, through the conversions around it. */
function formatLiteral(e: Expr): ExprOf<'string'> | undefined {
  let x = e;
  while (x.k === 'cast') x = x.expr;
  return x.k === 'string' ? x : undefined;
}

class FormatChecker {
  private readonly fmt: Uint8Array;
  /** the next argument a conversion takes */
  private next: number;

  constructor(
    private readonly literal: ExprOf<'string'>,
    private readonly args: readonly Expr[],
    private readonly formatIndex: number,
    private readonly warn: Warn,
  ) {
    const nul = literal.bytes.indexOf(0);
    this.fmt = nul < 0 ? literal.bytes : literal.bytes.subarray(0, nul);
    this.next = formatIndex + 1;
  }

  checkPrintf(): void {
    const f = this.fmt;
    for (let i = 0; i < f.length; i++) {
      if (f[i] !== PERCENT) continue;
      let j = i + 1;
      if (j >= f.length) return this.warn(this.at(i), "spurious trailing '%' in format");
      if (f[j] === PERCENT) {
        i = j;
        continue;
      }
      if (isPositional(f, j)) return; // %1$d: not checked
      while (j < f.length && PRINTF_FLAGS.includes(f[j])) j++;
      if (f[j] === STAR) this.takeInt(j++, "field width specifier '*'");
      else while (isDigit(f[j])) j++;
      if (f[j] === DOT) {
        j++;
        if (f[j] === STAR) this.takeInt(j++, "field precision specifier '.*'");
        else while (isDigit(f[j])) j++;
      }
      const [length, afterLength] = lengthModifier(f, j);
      j = afterLength;
      if (j >= f.length) return; // a conversion without its letter: gcc's wording varies, say nothing
      const conv = String.fromCharCode(f[j]);
      const expected = printfExpectation(conv, length);
      if (expected === 'unknown') {
        this.warn(this.at(j), `unknown conversion type character '${printable(f[j])}' in format`);
        return this.tooMany();
      }
      if (expected !== 'none') this.take(j, `%${length}${conv}`, expected, (arg) => printfAdvice(conv, arg.type));
      i = j;
    }
    this.tooMany();
  }

  checkScanf(): void {
    const f = this.fmt;
    for (let i = 0; i < f.length; i++) {
      if (f[i] !== PERCENT) continue;
      let j = i + 1;
      if (j >= f.length) return this.warn(this.at(i), "spurious trailing '%' in format");
      if (f[j] === PERCENT) {
        i = j;
        continue;
      }
      if (isPositional(f, j)) return;
      const suppressed = f[j] === STAR;
      if (suppressed) j++;
      while (isDigit(f[j])) j++;
      // %ms, %mc, %m[…]: glibc allocates the string and stores its address (a char **)
      const allocating = f[j] === 0x6d && [0x73, 0x63, 0x5b].includes(f[j + 1]);
      if (allocating) j++;
      const [length, afterLength] = lengthModifier(f, j);
      j = afterLength;
      if (j >= f.length) return;
      const conv = String.fromCharCode(f[j]);
      const target = allocating ? { name: 'char *', matches: (t: CType) => t.kind === 'ptr' && t.base!.kind === 'char' } : scanfTarget(conv, length);
      if (target === 'unknown') {
        this.warn(this.at(j), `unknown conversion type character '${printable(f[j])}' in format`);
        return this.tooMany();
      }
      if (!suppressed && target !== 'none') {
        const name = target.name.endsWith('*') ? `${target.name}*` : `${target.name} *`;
        this.take(j, `%${allocating ? 'm' : ''}${length}${conv}`, { name, matches: (t) => t.kind === 'ptr' && target.matches(t.base!) }, scanfAdvice);
      }
      i = conv === '[' ? scansetEnd(f, j) : j;
    }
    this.tooMany();
  }

  /** The next argument, for the conversion whose letter is at byte `at`. */
  /** The next argument, for the conversion whose letter is at byte `at`; `advice` says what to write instead. */
  private take(at: number, directive: string, expected: Expected, advice: (arg: Expr) => string | undefined): void {
    const arg = this.args[this.next];
    if (!arg) {
      this.warn(this.at(at), `format '${directive}' expects a matching '${expected.name}' argument`);
      return;
    }
    if (!expected.matches(arg.type)) {
      this.warn(this.at(at), `format '${directive}' expects argument of type '${expected.name}', but argument ${this.next + 1} has type '${typeToString(arg.type)}'`, advice(arg));
    }
    this.next++;
  }

  /** A `*` width or precision: an int argument. */
  private takeInt(at: number, what: string): void {
    const arg = this.args[this.next];
    if (!arg) {
      this.warn(this.at(at), `${what} expects a matching 'int' argument`);
      return;
    }
    if (!INT.matches(arg.type)) this.warn(this.at(at), `${what} expects argument of type 'int', but argument ${this.next + 1} has type '${typeToString(arg.type)}'`);
    this.next++;
  }

  private tooMany(): void {
    if (this.next < this.args.length) this.warn(this.at(-1), 'too many arguments for format');
  }

  /**
   * Where byte `index` of the format was written (-1: the format's opening quote); the literal's
   * own position when its spelling is not known (a format that comes from a macro).
   */
  private at(index: number): Pos {
    const spelling = this.literal.spelling;
    const whole = this.literal.pos;
    if (!spelling || spelling.length === 0) return whole;
    if (index < 0) return { file: spelling[0].file, line: spelling[0].line, column: spelling[0].column, length: 1 };
    let base = 0;
    for (const piece of spelling) {
      const offsets: number[] = [];
      const bytes = decodeEscapes(piece.text.slice(1, -1), offsets);
      if (index < base + bytes.length) {
        return { file: piece.file, line: piece.line, column: piece.column + 1 + offsets[index - base], length: 1 };
      }
      base += bytes.length;
    }
    return whole;
  }
}

// ---------------------------------------------------------------- advice

/** The conversion that prints a value of type t ("to print a 'long int', write '%ld'"), keeping the letter when it fits. */
function printfAdvice(conv: string, t: CType): string | undefined {
  let directive: string | undefined;
  if (t.kind === 'int' || t.kind === 'long' || t.kind === 'llong') {
    const length = t.kind === 'long' ? 'l' : t.kind === 'llong' ? 'll' : '';
    directive = length + ('oxX'.includes(conv) ? conv : t.unsigned ? 'u' : 'd');
  } else if (t.kind === 'double') {
    directive = 'fFeEgGaA'.includes(conv) ? conv : 'f';
  } else if (t.kind === 'ptr') {
    directive = t.base!.kind === 'char' ? 's' : 'p';
  }
  return directive ? `to print ${withArticle(typeToString(t))}, write '%${directive}'` : undefined;
}

/** What to pass to scanf instead: the variable's address, or the conversion for what it points to. */
function scanfAdvice(arg: Expr): string | undefined {
  if (arg.type.kind !== 'ptr') {
    let x = arg;
    while (x.k === 'cast' && x.implicit) x = x.expr;
    const what = x.k === 'var' ? `'&${x.sym.name}'` : "the address of the variable, with '&'";
    return `scanf stores what it reads at an address: pass ${what}`;
  }
  const target = arg.type.base!;
  let x = arg;
  while (x.k === 'cast' && x.implicit) x = x.expr;
  // &c reads one character; a char array (or pointer into one) a word
  const directive: Partial<Record<CType['kind'], string>> = { int: 'd', short: 'hd', long: 'ld', llong: 'lld', float: 'f', double: 'lf', char: x.k === 'addr' ? 'c' : 's' };
  const d = directive[target.kind];
  if (!d) return undefined;
  const unsignedForm = target.unsigned && target.kind !== 'char' ? d.replace('d', 'u') : d;
  return `to read into ${withArticle(typeToString(target))}, write '%${unsignedForm}'`;
}

/** "an 'int'", "a 'long int'" */
function withArticle(typeName: string): string {
  return `${/^[aeiou]/.test(typeName) ? 'an' : 'a'} '${typeName}'`;
}

// ---------------------------------------------------------------- what conversions expect

const PERCENT = 0x25;
const STAR = 0x2a;
const DOT = 0x2e;
const DOLLAR = 0x24;
const PRINTF_FLAGS = [0x2d, 0x2b, 0x20, 0x23, 0x30, 0x27, 0x49]; // - + space # 0 ' I

const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;

/** `%N$…`: a positional argument. */
function isPositional(f: Uint8Array, j: number): boolean {
  let k = j;
  while (isDigit(f[k])) k++;
  return k > j && f[k] === DOLLAR;
}

/** The length modifier at j (hh h l ll L q j z Z t, or ''), and where the letter after it is. */
function lengthModifier(f: Uint8Array, j: number): [string, number] {
  const two = String.fromCharCode(f[j] ?? 0, f[j + 1] ?? 0);
  if (two === 'hh' || two === 'll') return [two, j + 2];
  const one = String.fromCharCode(f[j] ?? 0);
  if ('hlLqjzZt'.includes(one) && one !== '\0') return [one, j + 1];
  return ['', j];
}

/** The index of the `]` that closes the scanset opened at j (or the format's last byte). */
function scansetEnd(f: Uint8Array, j: number): number {
  let k = j + 1;
  if (f[k] === 0x5e) k++; // ^
  if (f[k] === 0x5d) k++; // ] first is part of the set
  while (k < f.length && f[k] !== 0x5d) k++;
  return Math.min(k, f.length - 1);
}

function printable(b: number): string {
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
}

const kindIs = (...kinds: CType['kind'][]) => (t: CType): boolean => kinds.includes(t.kind);

const INT: Expected = { name: 'int', matches: kindIs('int') };
const DOUBLE_ARG: Expected = { name: 'double', matches: kindIs('double') };

/** The integer type of a length modifier that printf and scanf read alike (l, ll, q, j, z, Z, t). */
function wideInteger(length: string, signed: boolean): Expected {
  switch (length) {
    case 'l':
      return { name: signed ? 'long int' : 'long unsigned int', matches: kindIs('long') };
    case 'll':
    case 'q':
      return { name: signed ? 'long long int' : 'long long unsigned int', matches: kindIs('llong') };
    case 'j':
      return { name: signed ? 'intmax_t' : 'uintmax_t', matches: kindIs('long') };
    case 'z':
    case 'Z':
      return { name: signed ? 'signed size_t' : 'size_t', matches: kindIs('long') };
    case 't':
      return { name: 'ptrdiff_t', matches: kindIs('long') };
    default:
      return unchecked('int');
  }
}

/** The promoted integer type a printf %d-like (signed) or %u-like conversion of this length takes. */
function printfInteger(length: string, signed: boolean): Expected {
  switch (length) {
    case '':
      return signed ? INT : { name: 'unsigned int', matches: kindIs('int') };
    case 'hh':
    case 'h':
      return INT;
    default:
      return wideInteger(length, signed);
  }
}

/** What a printf conversion takes: a type, 'none' (no argument, or one not checked), or 'unknown'. */
function printfExpectation(conv: string, length: string): Expected | 'none' | 'unknown' {
  switch (conv) {
    case 'd':
    case 'i':
      return printfInteger(length, true);
    case 'o':
    case 'u':
    case 'x':
    case 'X':
    case 'b':
    case 'B':
      return printfInteger(length, false);
    case 'c':
      return length === '' ? INT : unchecked('wint_t');
    case 's':
      return length === '' ? { name: 'char *', matches: (t) => t.kind === 'ptr' && t.base!.kind === 'char' } : unchecked('wchar_t *');
    case 'p':
      return { name: 'void *', matches: kindIs('ptr') };
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
    case 'a':
    case 'A':
      return length === '' || length === 'l' ? DOUBLE_ARG : unchecked('long double');
    case 'n':
      return unchecked('int *');
    case 'C':
      return unchecked('wint_t');
    case 'S':
      return unchecked('wchar_t *');
    case 'm':
    case '%': // "%5%": glibc prints a '%'
      return 'none';
    default:
      return 'unknown';
  }
}

/** An argument taken but not checked (its type is named when it is missing). */
function unchecked(name: string): Expected {
  return { name, matches: () => true };
}

/** What a scanf conversion stores into (the pointer's target), 'none', or 'unknown'. */
function scanfTarget(conv: string, length: string): Expected | 'none' | 'unknown' {
  switch (conv) {
    case 'd':
    case 'i':
    case 'n':
      return scanfInteger(length, true);
    case 'o':
    case 'u':
    case 'x':
    case 'X':
      return scanfInteger(length, false);
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
    case 'a':
    case 'A':
      if (length === '') return { name: 'float', matches: kindIs('float') };
      if (length === 'l') return { name: 'double', matches: kindIs('double') };
      return unchecked('long double');
    case 's':
    case 'c':
    case '[':
      return length === '' ? { name: 'char', matches: kindIs('char') } : unchecked('wchar_t');
    case 'p':
      return { name: 'void *', matches: kindIs('ptr') };
    case 'm':
      return 'none';
    default:
      return 'unknown';
  }
}

function scanfInteger(length: string, signed: boolean): Expected {
  switch (length) {
    case '':
      return { name: signed ? 'int' : 'unsigned int', matches: kindIs('int') };
    case 'hh':
      return { name: signed ? 'signed char' : 'unsigned char', matches: kindIs('char') };
    case 'h':
      return { name: signed ? 'short int' : 'short unsigned int', matches: kindIs('short') };
    default:
      return wideInteger(length, signed);
  }
}

/**
 * Parsing one printf conversion specification, the way glibc's __parse_one_specmb reads it:
 *   %[argument$][flags][width][.precision][length]conversion
 * flags: - + space # 0 ' I;  width and precision: digits, or * (optionally *m$);
 * length: hh h l ll q L j z Z t.
 */

/** The size of the argument a length modifier asks for. */
export const enum Length {
  None = 0,
  Char = 1, // hh
  Short = 2, // h
  Long = 3, // l, and ll q L j z Z t (all 64-bit on x86-64)
}

/** Where a width or precision comes from: a literal number, or an int argument (`*`). */
export type Amount = { kind: 'literal'; value: number } | { kind: 'argument'; index: number };

export interface ConversionSpec {
  /** 1-based argument number from `%m$`, or 0 for "the next argument". */
  argIndex: number;
  left: boolean; // -
  plus: boolean; // +
  space: boolean; // ' '
  alt: boolean; // #
  zero: boolean; // 0
  group: boolean; // '
  i18n: boolean; // I
  /** null when absent. */
  width: Amount | null;
  /** null when absent; `.` alone is a literal 0. */
  precision: Amount | null;
  length: Length;
  /** `l` alone: %lc and %ls take wide characters. */
  wide: boolean;
  /** `L`, `ll` or `q`: glibc reads a long double for the float conversions. */
  longDouble: boolean;
  /** The conversion character's byte, 0 when the format ended before it. */
  conversion: number;
  /** Index just past the specification in the format. */
  end: number;
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

function isDigit(b: number): boolean {
  return b >= DIGIT_0 && b <= DIGIT_9;
}

/** Reads a decimal number at fmt[i]; returns its value (saturating) and the index after it. */
function readNumber(fmt: Uint8Array, i: number): { value: number; next: number } {
  let value = 0;
  while (i < fmt.length && isDigit(fmt[i])) {
    value = Math.min(value * 10 + (fmt[i] - DIGIT_0), 0x7fffffff);
    i++;
  }
  return { value, next: i };
}

/** Reads `m$` at fmt[i] if present: returns m (> 0) and the index after '$', or null. */
function readPositional(fmt: Uint8Array, i: number): { value: number; next: number } | null {
  if (i >= fmt.length || !isDigit(fmt[i])) return null;
  const n = readNumber(fmt, i);
  if (n.next < fmt.length && fmt[n.next] === 0x24 /* $ */ && n.value > 0) return { value: n.value, next: n.next + 1 };
  return null;
}

/** Reads a width or precision amount at fmt[i] (after the '.' for a precision). */
function readAmount(fmt: Uint8Array, i: number): { amount: Amount | null; next: number } {
  if (i < fmt.length && fmt[i] === 0x2a /* * */) {
    const positional = readPositional(fmt, i + 1);
    if (positional) return { amount: { kind: 'argument', index: positional.value }, next: positional.next };
    return { amount: { kind: 'argument', index: 0 }, next: i + 1 };
  }
  if (i < fmt.length && isDigit(fmt[i])) {
    const n = readNumber(fmt, i);
    return { amount: { kind: 'literal', value: n.value }, next: n.next };
  }
  return { amount: null, next: i };
}

/** Reads the length modifier at fmt[i]. */
function readLength(fmt: Uint8Array, i: number): { length: Length; wide: boolean; longDouble: boolean; next: number } {
  const c = i < fmt.length ? fmt[i] : 0;
  const d = i + 1 < fmt.length ? fmt[i + 1] : 0;
  switch (c) {
    case 0x68: // h
      if (d === 0x68) return { length: Length.Char, wide: false, longDouble: false, next: i + 2 };
      return { length: Length.Short, wide: false, longDouble: false, next: i + 1 };
    case 0x6c: // l
      if (d === 0x6c) return { length: Length.Long, wide: false, longDouble: true, next: i + 2 };
      return { length: Length.Long, wide: true, longDouble: false, next: i + 1 };
    case 0x4c: // L
    case 0x71: // q
      return { length: Length.Long, wide: false, longDouble: true, next: i + 1 };
    case 0x6a: // j
    case 0x7a: // z
    case 0x5a: // Z
    case 0x74: // t
      return { length: Length.Long, wide: false, longDouble: false, next: i + 1 };
    default:
      return { length: Length.None, wide: false, longDouble: false, next: i };
  }
}

/**
 * Parses the specification whose '%' is at fmt[percent]. Never throws; when the format ends
 * before the conversion character, `conversion` is 0 and `end` is fmt.length.
 */
export function parseSpec(fmt: Uint8Array, percent: number): ConversionSpec {
  const spec: ConversionSpec = {
    argIndex: 0, left: false, plus: false, space: false, alt: false, zero: false, group: false, i18n: false,
    width: null, precision: null, length: Length.None, wide: false, longDouble: false, conversion: 0, end: fmt.length,
  };
  let i = percent + 1;
  const positional = readPositional(fmt, i);
  if (positional) {
    spec.argIndex = positional.value;
    i = positional.next;
  }
  i = readFlags(fmt, i, spec);
  const width = readAmount(fmt, i);
  spec.width = width.amount;
  i = width.next;
  if (i < fmt.length && fmt[i] === 0x2e /* . */) {
    const precision = readAmount(fmt, i + 1);
    spec.precision = precision.amount ?? { kind: 'literal', value: 0 };
    i = precision.next;
  }
  const length = readLength(fmt, i);
  spec.length = length.length;
  spec.wide = length.wide;
  spec.longDouble = length.longDouble;
  i = length.next;
  if (i < fmt.length) {
    spec.conversion = fmt[i];
    spec.end = i + 1;
  }
  return spec;
}

/** Reads the flag characters at fmt[i] into spec; returns the index after them. */
function readFlags(fmt: Uint8Array, i: number, spec: ConversionSpec): number {
  for (; i < fmt.length; i++) {
    switch (fmt[i]) {
      case 0x2d: spec.left = true; break; // -
      case 0x2b: spec.plus = true; break; // +
      case 0x20: spec.space = true; break; // space
      case 0x23: spec.alt = true; break; // #
      case 0x30: spec.zero = true; break; // 0
      case 0x27: spec.group = true; break; // '
      case 0x49: spec.i18n = true; break; // I
      default: return i;
    }
  }
  return i;
}

/** Whether the format uses numbered arguments (`%m$`), judged by its first specification. */
export function usesPositionalArguments(fmt: Uint8Array): boolean {
  let i = fmt.indexOf(0x25);
  while (i >= 0 && i + 1 < fmt.length) {
    if (fmt[i + 1] !== 0x25) return readPositional(fmt, i + 1) !== null;
    i = fmt.indexOf(0x25, i + 2); // skip %%
  }
  return false;
}

/** A specification with `*` amounts already read: what the conversion writers work from. */
export interface ResolvedSpec {
  left: boolean;
  plus: boolean;
  space: boolean;
  alt: boolean;
  /** the 0 flag, already cancelled by `-` */
  zero: boolean;
  group: boolean;
  i18n: boolean;
  /** >= 0 */
  width: number;
  /** -1 when absent (or a negative `*` precision) */
  precision: number;
  length: Length;
  wide: boolean;
  longDouble: boolean;
  conversion: number;
}

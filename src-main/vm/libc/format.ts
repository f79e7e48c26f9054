/**
 * printf formatting, byte for byte as glibc (x86-64 Linux, C locale) prints it.
 *
 * formatPrintf walks the format: literal bytes are copied, each `%` specification is parsed
 * (printf-spec.ts), its `*` amounts are read, and the conversion is written by the integer,
 * float or string writer. Arguments come from a PrintfArgs the VM provides.
 */
import { ByteWriter } from './byte-writer.ts';
import { writeFloat } from './format-float.ts';
import { writeInteger } from './format-integer.ts';
import { type ArgumentSource, positionalSource, sequentialSource } from './printf-args.ts';
import { type ConversionSpec, Length, type ResolvedSpec, parseSpec, usesPositionalArguments } from './printf-spec.ts';

/** Where printf's variadic arguments come from. The VM implements it over the evaluation stack:
 *  each reader converts the next argument to what the conversion expects (as the x86-64 ABI
 *  would hand it over). */
export interface PrintfArgs {
  /** next argument as a signed 32-bit int (%d %c, %*, hh/h after conversion) */
  int32(): number;
  /** next argument as a signed 64-bit int (%ld %lld %zd %jd %td, also read for unsigned) */
  int64(): bigint;
  /** next argument as a double (%f %e %g %a) */
  double(): number;
  /** next argument as an address (%p %s %n) */
  pointer(): number;
  /** Bytes of the NUL-terminated string at address (at most maxLen bytes, -1 = no limit);
   *  throws whatever the VM throws for a bad address (the VM turns it into SIGSEGV). */
  cString(address: number, maxLen: number): Uint8Array;
  /** For %n: store the count at address with the given byte width (1,2,4,8). */
  storeCount?(address: number, count: number, width: number): void;
}

const PERCENT = 0x25;
const SPACE = 0x20;
const NULL_STRING = new Uint8Array([0x28, 0x6e, 0x75, 0x6c, 0x6c, 0x29]); // "(null)"
const NIL_POINTER = new Uint8Array([0x28, 0x6e, 0x69, 0x6c, 0x29]); // "(nil)"
const EMPTY = new Uint8Array(0);
/**
 * Widths (and digit-making precisions) above this stop printf with a failure. glibc only fails
 * (EOVERFLOW) past INT_MAX bytes; the lab stops at 1 MiB so that a stray %*d cannot take
 * gigabytes of memory. A deliberate difference, documented for students in the same words.
 */
const MAX_PADDING = 1 << 20;

/** What printf produced: its output, and whether glibc's printf would return -1 (EINVAL for a
 *  format ending inside a specification, EILSEQ for a %lc that is not ASCII) after writing it. */
export interface PrintfResult {
  output: Uint8Array;
  failed: boolean;
}

/** Thrown inside formatting where glibc stops with an error; caught by formatPrintfChecked. */
class PrintfStopped extends Error {}

/**
 * Formats like glibc's vprintf. fmt is the format string's bytes (without the NUL).
 * Returns the output bytes. errnoMessage is used by %m. Where glibc's printf fails half way
 * (see PrintfResult) the output stops there. Errors thrown by args (a bad address) propagate.
 */
export function formatPrintf(fmt: Uint8Array, args: PrintfArgs, errnoMessage?: () => Uint8Array): Uint8Array {
  return formatPrintfChecked(fmt, args, errnoMessage).output;
}

/** formatPrintf that also says whether printf would return -1 (for printf's return value). */
export function formatPrintfChecked(fmt: Uint8Array, args: PrintfArgs, errnoMessage?: () => Uint8Array): PrintfResult {
  if (fmt.indexOf(PERCENT) < 0) return { output: fmt.slice(), failed: false };
  const out = new ByteWriter(fmt.length + 32);
  try {
    writeFormat(out, fmt, args, errnoMessage);
    return { output: out.result(), failed: false };
  } catch (error) {
    if (error instanceof PrintfStopped) return { output: out.result(), failed: true };
    throw error;
  }
}

/** Copies the literal bytes of fmt and writes each conversion; throws PrintfStopped on errors. */
function writeFormat(out: ByteWriter, fmt: Uint8Array, args: PrintfArgs, errnoMessage: (() => Uint8Array) | undefined): void {
  const source = usesPositionalArguments(fmt) ? positionalSource(fmt, args) : sequentialSource(args);
  let i = 0;
  while (i < fmt.length) {
    const percent = fmt.indexOf(PERCENT, i);
    if (percent < 0) {
      out.append(i === 0 ? fmt : fmt.subarray(i));
      return;
    }
    if (percent > i) out.append(fmt.subarray(i, percent));
    if (writePlainConversion(out, fmt[percent + 1], source, args)) {
      i = percent + 2;
      continue;
    }
    const spec = parseSpec(fmt, percent);
    if (spec.conversion === 0) throw new PrintfStopped('format ends inside a conversion');
    writeConversion(out, resolveSpec(spec, source), spec.argIndex, source, args, errnoMessage);
    i = spec.end;
  }
}

/**
 * The fast path for the commonest conversions written bare (%d %i %s %c %%: no flags, width,
 * precision or length), which programs print in loops. Returns false for anything else.
 */
function writePlainConversion(out: ByteWriter, conversion: number, source: ArgumentSource, args: PrintfArgs): boolean {
  switch (conversion) {
    case 0x64: // d
    case 0x69: // i
      out.ascii((source.int32(0) | 0).toString());
      return true;
    case 0x73: { // s
      const address = source.pointer(0);
      out.append(address === 0 ? NULL_STRING : args.cString(address, -1));
      return true;
    }
    case 0x63: // c
      out.byte(source.int32(0));
      return true;
    case 0x25: // %
      out.byte(PERCENT);
      return true;
    default:
      return false;
  }
}

/** For %s %S %m the precision only cuts the text; elsewhere it makes digits. */
function isStringConversion(conversion: number): boolean {
  return conversion === 0x73 || conversion === 0x53 || conversion === 0x6d;
}

/** Reads the `*` width and precision arguments and applies glibc's flag rules. */
function resolveSpec(spec: ConversionSpec, source: ArgumentSource): ResolvedSpec {
  let left = spec.left;
  let width = 0;
  if (spec.width) {
    width = spec.width.kind === 'literal' ? spec.width.value : source.int32(spec.width.index);
    if (width < 0) {
      left = true; // a negative * width is the - flag
      width = -width;
    }
  }
  let precision = -1;
  if (spec.precision) {
    precision = spec.precision.kind === 'literal' ? spec.precision.value : source.int32(spec.precision.index);
    if (precision < 0) precision = -1; // a negative * precision is no precision
  }
  if (width > MAX_PADDING || (precision > MAX_PADDING && !isStringConversion(spec.conversion))) {
    throw new PrintfStopped('width or precision too large');
  }
  return {
    left, plus: spec.plus, space: spec.space, alt: spec.alt, zero: spec.zero && !left,
    group: spec.group, i18n: spec.i18n,
    width, precision, length: spec.length, wide: spec.wide, longDouble: spec.longDouble, conversion: spec.conversion,
  };
}

/** Writes one conversion, reading its argument (argIndex: 0 = the next one, else 1-based). */
function writeConversion(
  out: ByteWriter, spec: ResolvedSpec, argIndex: number, source: ArgumentSource,
  args: PrintfArgs, errnoMessage: (() => Uint8Array) | undefined,
): void {
  const c = spec.conversion;
  switch (c) {
    case 0x25: // %
      out.byte(PERCENT);
      return;
    case 0x64: // d
    case 0x69: // i
      writeSigned(out, spec, source, argIndex);
      return;
    case 0x75: // u
      writeUnsigned(out, spec, source, argIndex, 10);
      return;
    case 0x6f: // o
      writeUnsigned(out, spec, source, argIndex, 8);
      return;
    case 0x78: // x
    case 0x58: // X
      writeUnsigned(out, spec, source, argIndex, 16);
      return;
    case 0x62: // b (glibc 2.35+, C23)
    case 0x42: // B
      writeUnsigned(out, spec, source, argIndex, 2);
      return;
    case 0x66: case 0x46: case 0x65: case 0x45: case 0x67: case 0x47: case 0x61: case 0x41: // f F e E g G a A
      writeFloat(out, spec, source.double(argIndex));
      return;
    case 0x63: // c
      if (spec.wide) writeWideChar(out, spec, source.int32(argIndex));
      else writePadded(out, spec, new Uint8Array([source.int32(argIndex) & 0xff]));
      return;
    case 0x43: // C (= %lc)
      writeWideChar(out, spec, source.int32(argIndex));
      return;
    case 0x73: // s
      if (spec.wide) writeWideString(out, spec, source.pointer(argIndex));
      else writeString(out, spec, source.pointer(argIndex), args);
      return;
    case 0x53: // S (= %ls)
      writeWideString(out, spec, source.pointer(argIndex));
      return;
    case 0x70: // p
      writePointer(out, spec, source.pointer(argIndex));
      return;
    case 0x6e: // n
      storeCount(out, spec, source.pointer(argIndex), args);
      return;
    case 0x6d: // m
      writePadded(out, spec, limit(errnoMessage ? errnoMessage() : EMPTY, spec.precision));
      return;
    default:
      writeUnknown(out, spec);
  }
}

/** %d %i: the argument as a signed value of the length modifier's size. */
function writeSigned(out: ByteWriter, spec: ResolvedSpec, source: ArgumentSource, argIndex: number): void {
  if (spec.length === Length.Long) {
    const value = source.int64(argIndex);
    const negative = value < 0n;
    writeInteger(out, spec, (negative ? -value : value).toString(), negative, 10, true, '');
    return;
  }
  let value = source.int32(argIndex) | 0;
  if (spec.length === Length.Char) value = (value << 24) >> 24;
  else if (spec.length === Length.Short) value = (value << 16) >> 16;
  const negative = value < 0;
  writeInteger(out, spec, (negative ? -value : value).toString(), negative, 10, true, '');
}

/** The prefix # adds for a non-zero value of each unsigned conversion. */
function altPrefix(conversion: number): string {
  switch (conversion) {
    case 0x78: return '0x';
    case 0x58: return '0X';
    case 0x62: return '0b';
    case 0x42: return '0B';
    default: return '';
  }
}

/** %u %o %x %X %b %B: the argument as an unsigned value of the length modifier's size. */
function writeUnsigned(out: ByteWriter, spec: ResolvedSpec, source: ArgumentSource, argIndex: number, base: number): void {
  const upper = spec.conversion === 0x58;
  let digits: string;
  if (spec.length === Length.Long) {
    digits = BigInt.asUintN(64, source.int64(argIndex)).toString(base);
  } else {
    let value = source.int32(argIndex) >>> 0;
    if (spec.length === Length.Char) value &= 0xff;
    else if (spec.length === Length.Short) value &= 0xffff;
    digits = value.toString(base);
  }
  if (upper) digits = digits.toUpperCase();
  writeInteger(out, spec, digits, false, base, false, altPrefix(spec.conversion));
}

/** %p: "(nil)" for NULL (as a string, so only the width applies), else like %#lx with sign flags. */
function writePointer(out: ByteWriter, spec: ResolvedSpec, address: number): void {
  if (address === 0) {
    writePadded(out, spec, NIL_POINTER);
    return;
  }
  // the VM hands pointers over as signed 64-bit values: print their unsigned bits
  const digits = address < 0 ? BigInt.asUintN(64, BigInt(address)).toString(16) : address.toString(16);
  writeInteger(out, { ...spec, alt: true }, digits, false, 16, true, '0x');
}

/** %s: the string's bytes cut to the precision; NULL prints "(null)" if it fits the precision. */
function writeString(out: ByteWriter, spec: ResolvedSpec, address: number, args: PrintfArgs): void {
  if (address === 0) {
    const fits = spec.precision < 0 || spec.precision >= NULL_STRING.length;
    writePadded(out, spec, fits ? NULL_STRING : EMPTY);
    return;
  }
  writePadded(out, spec, args.cString(address, spec.precision));
}

/** %lc: in the C locale only ASCII characters convert; anything else fails with EILSEQ. */
function writeWideChar(out: ByteWriter, spec: ResolvedSpec, wc: number): void {
  if (wc >>> 0 > 0x7f) throw new PrintfStopped('wide character not representable');
  writePadded(out, spec, new Uint8Array([wc]));
}

/** %ls: only NULL is supported (prints like %s does); wide strings are not in the lab's C. */
function writeWideString(out: ByteWriter, spec: ResolvedSpec, address: number): void {
  if (address !== 0) throw new PrintfStopped('wide strings are not supported');
  writePadded(out, spec, spec.precision < 0 || spec.precision >= NULL_STRING.length ? NULL_STRING : EMPTY);
}

/** The first `precision` bytes of text (all of it when precision < 0). */
function limit(text: Uint8Array, precision: number): Uint8Array {
  return precision >= 0 && precision < text.length ? text.subarray(0, precision) : text;
}

/** Writes text padded with spaces to the width (glibc ignores the 0 flag for %s %c %p(nil)). */
function writePadded(out: ByteWriter, spec: ResolvedSpec, text: Uint8Array): void {
  const padding = spec.width - text.length;
  if (!spec.left) out.repeat(SPACE, padding);
  out.append(text);
  if (spec.left) out.repeat(SPACE, padding);
}

/** %n: stores the number of bytes written so far, sized by the length modifier. */
function storeCount(out: ByteWriter, spec: ResolvedSpec, address: number, args: PrintfArgs): void {
  const width = spec.length === Length.Char ? 1 : spec.length === Length.Short ? 2 : spec.length === Length.Long ? 8 : 4;
  args.storeCount?.(address, out.count, width);
}

/**
 * An unknown conversion: glibc's printf_unknown writes the specification back as
 * %[#]['][+| ][-][0][I][width][.precision]conversion, without the length modifier.
 */
function writeUnknown(out: ByteWriter, spec: ResolvedSpec): void {
  let text = '%';
  if (spec.alt) text += '#';
  if (spec.group) text += "'";
  if (spec.plus) text += '+';
  else if (spec.space) text += ' ';
  if (spec.left) text += '-';
  if (spec.zero) text += '0';
  if (spec.i18n) text += 'I';
  if (spec.width !== 0) text += spec.width.toString();
  if (spec.precision !== -1) text += '.' + spec.precision.toString();
  out.ascii(text);
  out.byte(spec.conversion);
}

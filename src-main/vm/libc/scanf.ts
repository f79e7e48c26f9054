/**
 * The scanf family's engine, a port of glibc 2.36's __vfscanf_internal (stdio-common/
 * vfscanf-internal.c) for bytes in the C locale: the same directives, the same reading of one
 * character past a field and pushing it back, the same quirks (a "0x" with no hex digit after it
 * reads as 0 and loses the x; "1e+" converts as 1 with the "e+" consumed), and the same return
 * value: the number of assignments made, or EOF when the input ended before the first one.
 *
 * Where the bytes come from (a string, a FILE's buffer) and where the results go (the call's
 * pointer arguments, a va_list) are the callers' business (stdio.ts).
 */
import { isCSpace, parseDouble, parseInteger } from './strconv.ts';
import { roundToFloat } from './strtof.ts';

export const EOF = -1;

/** Input of one scan: bytes one at a time, with one byte of push-back. */
export interface ScanInput {
  /** The next byte (0..255), or EOF. May throw (the stream must wait for more input). */
  next(): number;
  /** Gives back the byte `next` returned last (never EOF). */
  unget(): void;
}

/** Where the conversions store: the address of the next argument, or of argument `n` (%n$). */
export interface ScanTargets {
  pointer(n: number): number;
}

/** How the results are written into the program's memory. */
export interface ScanMemory {
  setInteger(address: number, value: bigint, bytes: 1 | 2 | 4 | 8): void;
  setFloat(address: number, value: number, bytes: 4 | 8): void;
  setBytes(address: number, bytes: Uint8Array): void;
}

// flags of a conversion
const LONG = 1;
const LONGDBL = 2;
const SHORT = 4;
const CHAR = 8;
const SUPPRESS = 16;
const NUMBER_SIGNED = 32;
const READ_POINTER = 64;
const MALLOC = 128;

/** A matching failure (the scan stops, `done` is the result). */
class ConversionError extends Error {}
/** An input failure: EOF before a conversion completed (the result is EOF if nothing was assigned). */
class InputError extends Error {}

const PERCENT = 0x25;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isXDigit(c: number): boolean {
  return isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}

function isSpace(c: number): boolean {
  return c >= 0 && isCSpace(c);
}

function toLower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/** One run of the format over the input. */
class Scanner {
  /** the last byte read (EOF is sticky: once seen, nothing more is read) */
  private c = 0;
  /** bytes consumed, for %n */
  private readIn = 0;
  /** assignments made */
  private done = 0;
  private f = 0;
  private nextArg = 1;

  constructor(
    private readonly fmt: Uint8Array,
    private readonly input: ScanInput,
    private readonly targets: ScanTargets,
    private readonly mem: ScanMemory,
  ) {}

  private inchar(): number {
    if (this.c === EOF) return EOF;
    this.c = this.input.next();
    if (this.c !== EOF) this.readIn++;
    return this.c;
  }

  private ungetc(c: number): void {
    if (c === EOF) return;
    this.readIn--;
    this.input.unget();
  }

  private inputError(): never {
    if (this.done === 0) this.done = EOF;
    throw new InputError();
  }

  private fc(offset = 0): number {
    const i = this.f + offset;
    return i < this.fmt.length ? this.fmt[i] : 0;
  }

  /** Runs the whole format. Returns the number of assignments, or EOF. */
  run(): number {
    let skipSpace = false;
    try {
      while (this.f < this.fmt.length) {
        const fc = this.fmt[this.f++];
        if (fc !== PERCENT) {
          if (isSpace(fc)) {
            skipSpace = true;
            continue;
          }
          let c = this.inchar();
          if (c === EOF) this.inputError();
          if (skipSpace) {
            while (isSpace(c)) if ((c = this.inchar()) === EOF) this.inputError();
            skipSpace = false;
          }
          if (c !== fc) {
            this.ungetc(c);
            throw new ConversionError();
          }
          continue;
        }
        this.conversion(skipSpace);
        skipSpace = false;
      }
      if (skipSpace) {
        let c: number;
        do c = this.inchar();
        while (isSpace(c));
        this.ungetc(c);
      }
    } catch (e) {
      if (!(e instanceof ConversionError) && !(e instanceof InputError)) throw e;
    }
    return this.done;
  }

  /** Reads a decimal number from the format (a width or an argument position). */
  private readInt(): number {
    let n = 0;
    while (isDigit(this.fc())) n = Math.min(n * 10 + (this.fmt[this.f++] - 0x30), 0x7fffffff);
    return n;
  }

  /** The address for this conversion's result: argument `argpos`, or the next one. */
  private target(argpos: number): number {
    return this.targets.pointer(argpos === 0 ? this.nextArg++ : argpos);
  }

  /** One % specification, from after the '%'. */
  private conversion(skipSpace: boolean): void {
    let flags = 0;
    let argpos = 0;
    let width = 0;
    let haveWidth = false;
    if (isDigit(this.fc())) {
      const n = this.readInt();
      if (this.fc() === 0x24 /* $ */) {
        this.f++;
        argpos = n;
      } else {
        width = n;
        haveWidth = true;
      }
    }
    if (!haveWidth) {
      while (this.fc() === 0x2a /* * */ || this.fc() === 0x27 /* ' */ || this.fc() === 0x49 /* I */) {
        if (this.fmt[this.f++] === 0x2a) flags |= SUPPRESS;
      }
      if (isDigit(this.fc())) width = this.readInt();
    }
    if (width === 0) width = -1;

    switch (this.fc()) {
      case 0x68: // h
        this.f++;
        if (this.fc() === 0x68) {
          this.f++;
          flags |= CHAR;
        } else flags |= SHORT;
        break;
      case 0x6c: // l
        this.f++;
        if (this.fc() === 0x6c) {
          this.f++;
          flags |= LONGDBL | LONG;
        } else flags |= LONG;
        break;
      case 0x71: // q
      case 0x4c: // L
        this.f++;
        flags |= LONGDBL | LONG;
        break;
      case 0x6d: // m
        this.f++;
        flags |= MALLOC;
        break;
      case 0x7a: // z
      case 0x6a: // j
      case 0x74: // t
        this.f++;
        flags |= LONG;
        break;
    }
    if (this.fc() === 0) throw new ConversionError();
    const fc = this.fmt[this.f++];
    if (flags & MALLOC) throw new ConversionError(); // %m needs the program's malloc: not in the lab

    if (skipSpace || (fc !== 0x5b /* [ */ && fc !== 0x63 /* c */ && fc !== 0x43 && fc !== 0x6e /* n */)) {
      let c: number;
      do c = this.inchar();
      while (isSpace(c));
      this.ungetc(c);
    }

    switch (fc) {
      case PERCENT: {
        const c = this.inchar();
        if (c === EOF) this.inputError();
        if (c !== PERCENT) {
          this.ungetc(c);
          throw new ConversionError();
        }
        return;
      }
      case 0x6e: // n
        if (!(flags & SUPPRESS)) this.storeInteger(this.target(argpos), BigInt(this.readIn), flags, true);
        return;
      case 0x63: // c
        return this.characters(flags, width === -1 ? 1 : width, argpos);
      case 0x73: // s
        return this.string(flags, width, argpos);
      case 0x78: // x
      case 0x58: // X
        return this.number(flags, width, 16, argpos);
      case 0x6f: // o
        return this.number(flags, width, 8, argpos);
      case 0x75: // u
        return this.number(flags, width, 10, argpos);
      case 0x64: // d
        return this.number(flags | NUMBER_SIGNED, width, 10, argpos);
      case 0x69: // i
        return this.number(flags | NUMBER_SIGNED, width, 0, argpos);
      case 0x70: // p
        return this.number((flags & ~(SHORT | LONGDBL)) | LONG | READ_POINTER, width, 16, argpos);
      case 0x65: case 0x45: case 0x66: case 0x46: case 0x67: case 0x47: case 0x61: case 0x41: // e E f F g G a A
        return this.float(flags, width, argpos);
      case 0x5b: // [
        return this.characterClass(flags, width, argpos);
      default:
        throw new ConversionError();
    }
  }

  /** %c: exactly `width` bytes (default 1), no NUL added. */
  private characters(flags: number, width: number, argpos: number): void {
    const str = flags & SUPPRESS ? 0 : this.target(argpos);
    let c = this.inchar();
    if (c === EOF) this.inputError();
    const bytes: number[] = [];
    do bytes.push(c);
    while (--width > 0 && (c = this.inchar()) !== EOF);
    if (!(flags & SUPPRESS)) {
      this.mem.setBytes(str, Uint8Array.from(bytes));
      this.done++;
    }
  }

  /** %s: bytes up to the next white space (at most `width`), then a NUL. */
  private string(flags: number, width: number, argpos: number): void {
    const str = flags & SUPPRESS ? 0 : this.target(argpos);
    let c = this.inchar();
    if (c === EOF) this.inputError();
    const bytes: number[] = [];
    do {
      if (isSpace(c)) {
        this.ungetc(c);
        break;
      }
      bytes.push(c);
    } while ((width <= 0 || --width > 0) && (c = this.inchar()) !== EOF);
    if (!(flags & SUPPRESS)) {
      bytes.push(0);
      this.mem.setBytes(str, Uint8Array.from(bytes));
      this.done++;
    }
  }

  /** %[set] and %[^set]: the longest run of bytes in (or not in) the set, then a NUL. */
  private characterClass(flags: number, width: number, argpos: number): void {
    const str = flags & SUPPRESS ? 0 : this.target(argpos);
    let notIn = false;
    if (this.fc() === 0x5e /* ^ */) {
      this.f++;
      notIn = true;
    }
    const table = new Uint8Array(256);
    let fc = this.fc();
    if (fc === 0x5d /* ] */ || fc === 0x2d /* - */) {
      table[fc] = 1;
      this.f++;
    }
    for (;;) {
      fc = this.fc();
      this.f++;
      if (fc === 0 || fc === 0x5d) break;
      const following = this.fc();
      if (fc === 0x2d && following !== 0 && following !== 0x5d && this.fmt[this.f - 2] <= following) {
        for (let x = this.fmt[this.f - 2]; x < following; x++) table[x] = 1;
      } else {
        table[fc] = 1;
      }
    }
    if (fc === 0) throw new ConversionError();
    const before = this.readIn;
    let c = this.inchar();
    if (c === EOF) this.inputError();
    const bytes: number[] = [];
    do {
      if ((table[c] === 1) === notIn) {
        this.ungetc(c);
        break;
      }
      bytes.push(c);
      if (width >= 0 && --width <= 0) break;
    } while ((c = this.inchar()) !== EOF);
    if (this.readIn === before) throw new ConversionError();
    if (!(flags & SUPPRESS)) {
      bytes.push(0);
      this.mem.setBytes(str, Uint8Array.from(bytes));
      this.done++;
    }
  }

  /** %d %i %u %o %x %p: the digits glibc collects, converted by strtol/strtoul. */
  private number(flags: number, width: number, base: number, argpos: number): void {
    const buffer: number[] = [];
    let c = this.inchar();
    if (c === EOF) this.inputError();
    if (c === 0x2d || c === 0x2b) {
      buffer.push(c);
      if (width > 0) width--;
      c = this.inchar();
    }
    if (width !== 0 && c === 0x30) {
      if (width > 0) width--;
      buffer.push(c);
      c = this.inchar();
      if (width !== 0 && toLower(c) === 0x78) {
        if (base === 0) base = 16;
        if (base === 16) {
          if (width > 0) width--;
          c = this.inchar();
        }
      } else if (base === 0) {
        base = 8;
      }
    }
    if (base === 0) base = 10;
    while (c !== EOF && width !== 0) {
      if (base === 16 ? !isXDigit(c) : !isDigit(c) || c - 0x30 >= base) break;
      buffer.push(c);
      if (width > 0) width--;
      c = this.inchar();
    }
    if (buffer.length === 0 || (buffer.length === 1 && (buffer[0] === 0x2b || buffer[0] === 0x2d))) {
      if (buffer.length === 0 && flags & READ_POINTER && (width < 0 || width >= 5) && c === 0x28 /* ( */ &&
        toLower(this.inchar()) === 0x6e && toLower(this.inchar()) === 0x69 && toLower(this.inchar()) === 0x6c &&
        this.inchar() === 0x29) {
        buffer.push(0x30); // "(nil)" reads as a null pointer
      } else {
        this.ungetc(this.c);
        throw new ConversionError();
      }
    } else {
      this.ungetc(c);
    }
    const parsed = parseInteger(Uint8Array.from(buffer), 0, base, flags & NUMBER_SIGNED ? 'long' : 'ulong');
    if (parsed.end === 0) throw new ConversionError();
    if (!(flags & SUPPRESS)) {
      this.storeInteger(this.target(argpos), parsed.value, flags, (flags & NUMBER_SIGNED) !== 0);
      this.done++;
    }
  }

  /** Stores an integer result in the width its length modifier says. */
  private storeInteger(address: number, value: bigint, flags: number, _signed: boolean): void {
    const bytes = flags & LONG ? 8 : flags & SHORT ? 2 : flags & CHAR ? 1 : 4;
    this.mem.setInteger(address, value, bytes);
  }

  /** %e %f %g %a: the characters glibc collects, converted by strtod (strtof without l). */
  private float(flags: number, width: number, argpos: number): void {
    const buffer: number[] = [];
    let c = this.inchar();
    if (width > 0) width--;
    if (c === EOF) this.inputError();
    let gotDigit = false;
    let gotDot = false;
    let gotE = false;
    if (c === 0x2d || c === 0x2b) {
      buffer.push(c);
      if (width === 0 || this.inchar() === EOF) throw new ConversionError();
      c = this.c;
      if (width > 0) width--;
    }
    const expect = (letter: number): void => {
      if (width === 0 || this.inchar() === EOF || toLower(this.c) !== letter) throw new ConversionError();
      if (width > 0) width--;
      buffer.push(this.c);
    };
    if (toLower(c) === 0x6e /* n */) {
      buffer.push(c);
      expect(0x61);
      expect(0x6e);
      return this.convertFloat(buffer, flags, argpos);
    }
    if (toLower(c) === 0x69 /* i */) {
      buffer.push(c);
      expect(0x6e);
      expect(0x66);
      if (width !== 0 && this.inchar() !== EOF) {
        if (toLower(this.c) === 0x69) {
          if (width > 0) width--;
          buffer.push(this.c);
          for (const letter of [0x6e, 0x69, 0x74, 0x79]) expect(letter);
        } else {
          this.ungetc(this.c);
        }
      }
      return this.convertFloat(buffer, flags, argpos);
    }
    let expChar = 0x65; // e
    let hexa = false;
    if (width !== 0 && c === 0x30) {
      buffer.push(c);
      c = this.inchar();
      if (width > 0) width--;
      if (width !== 0 && toLower(c) === 0x78) {
        buffer.push(c);
        hexa = true;
        expChar = 0x70; // p
        c = this.inchar();
        if (width > 0) width--;
      } else {
        gotDigit = true;
      }
    }
    for (;;) {
      if (isDigit(c)) {
        buffer.push(c);
        gotDigit = true;
      } else if (!gotE && hexa && isXDigit(c)) {
        buffer.push(c);
        gotDigit = true;
      } else if (gotE && buffer[buffer.length - 1] === expChar && (c === 0x2d || c === 0x2b)) {
        buffer.push(c);
      } else if (gotDigit && !gotE && toLower(c) === expChar) {
        buffer.push(expChar);
        gotE = gotDot = true;
      } else if (!gotDot && c === 0x2e /* . */) {
        buffer.push(c);
        gotDot = true;
      } else {
        this.ungetc(c);
        break;
      }
      if (width === 0 || this.inchar() === EOF) break;
      c = this.c;
      if (width > 0) width--;
    }
    this.convertFloat(buffer, flags, argpos);
  }

  private convertFloat(buffer: number[], flags: number, argpos: number): void {
    const text = Uint8Array.from(buffer);
    const parsed = parseDouble(text, 0);
    if (parsed.end === 0) throw new ConversionError();
    if (!(flags & SUPPRESS)) {
      const address = this.target(argpos);
      if (flags & (LONG | LONGDBL)) this.mem.setFloat(address, parsed.value, 8);
      else this.mem.setFloat(address, roundToFloat(text.subarray(0, parsed.end), parsed.value), 4);
      this.done++;
    }
  }
}

/**
 * Scans `input` as the scanf format `fmt` (its bytes, without the NUL) directs, storing through
 * `targets` into `mem`. Returns what scanf returns. Errors thrown by the input (the stream must
 * wait) or by memory (a bad pointer) propagate.
 */
export function scanFormat(fmt: Uint8Array, input: ScanInput, targets: ScanTargets, mem: ScanMemory): number {
  return new Scanner(fmt, input, targets, mem).run();
}

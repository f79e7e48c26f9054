/**
 * formatPrintf on the cases glibc is known for (expected strings taken from gcc/glibc 2.36 on
 * x86-64). The exhaustive byte-for-byte comparison lives in tests/format/printf-glibc.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { formatPrintf, formatPrintfChecked, type PrintfArgs } from './format.ts';

type Arg = number | bigint | string | null | { ptr: number } | { dbl: number };

/**
 * Arguments in call order: a JS number is an int (or a double when read as one), a bigint a
 * long, a string or null a char *, {ptr} a pointer. Strings live at addresses 1, 2, ...
 */
class TestArgs implements PrintfArgs {
  private next = 0;
  private readonly strings: Uint8Array[] = [];
  readonly stored: { address: number; count: number; width: number }[] = [];
  constructor(private readonly values: Arg[]) {}

  private take(): Arg {
    if (this.next >= this.values.length) throw new Error('printf read more arguments than were passed');
    return this.values[this.next++];
  }
  int32(): number {
    const v = this.take();
    if (typeof v !== 'number') throw new Error(`int expected, got ${String(v)}`);
    return v | 0;
  }
  int64(): bigint {
    const v = this.take();
    if (typeof v !== 'bigint') throw new Error(`long expected, got ${String(v)}`);
    return v;
  }
  double(): number {
    const v = this.take();
    if (typeof v === 'number') return v;
    if (v !== null && typeof v === 'object' && 'dbl' in v) return v.dbl;
    throw new Error(`double expected, got ${String(v)}`);
  }
  pointer(): number {
    const v = this.take();
    if (v === null) return 0;
    if (typeof v === 'string') {
      this.strings.push(new TextEncoder().encode(v));
      return this.strings.length;
    }
    if (typeof v === 'object' && 'ptr' in v) return v.ptr;
    throw new Error(`pointer expected, got ${String(v)}`);
  }
  cString(address: number, maxLen: number): Uint8Array {
    const bytes = this.strings[address - 1];
    if (!bytes) throw new Error('SIGSEGV');
    return maxLen >= 0 ? bytes.subarray(0, maxLen) : bytes;
  }
  storeCount(address: number, count: number, width: number): void {
    this.stored.push({ address, count, width });
  }
  get unread(): number {
    return this.values.length - this.next;
  }
}

/** printf(fmt, ...values) as a latin1 string; also checks every argument was consumed. */
function printf(fmt: string, ...values: Arg[]): string {
  const args = new TestArgs(values);
  const out = formatPrintf(Buffer.from(fmt, 'latin1'), args, () => Buffer.from('No such file or directory'));
  expect(args.unread).toBe(0);
  return Buffer.from(out).toString('latin1');
}

describe('integers', () => {
  it('formats %d %i %u %o %x %X with flags, width and precision', () => {
    expect(printf('%d|%i|%u|%o|%x|%X', -42, 42, -1, 8, 255, 255)).toBe('-42|42|4294967295|10|ff|FF');
    expect(printf('[%5d|%-5d|%05d|%+d|% d|%+ d]', 42, 42, -42, 42, 42, 42)).toBe('[   42|42   |-0042|+42| 42|+42]');
    expect(printf('[%.5d|%8.3d|%08.3d|%-+8.3d]', 42, -7, 7, 7)).toBe('[00042|    -007|     007|+007    ]');
    expect(printf("[%'d]", 1234567)).toBe('[1234567]');
  });

  it('prints no digits for precision 0 and value 0, but %#o still prints 0', () => {
    expect(printf('[%.0d|%.d|%5.0d|%+.0d|%#.0o|%#.0x|%#o|%#x]', 0, 0, 0, 0, 0, 0, 0, 0)).toBe('[||     |+|0||0|0]');
  });

  it('adds # prefixes only to non-zero values', () => {
    expect(printf('%#o|%#x|%#X|%#08x|%#.5o|%#b', 8, 255, 255, 255, 8, 5)).toBe('010|0xff|0XFF|0x0000ff|00010|0b101');
  });

  it('ignores + and space for unsigned conversions', () => {
    expect(printf('%+u|% x', 5, 5)).toBe('5|5');
  });

  it('converts to the length modifier size', () => {
    expect(printf('%hhd|%hhu|%hd|%hu|%hhx', 300, -1, 70000, -1, 0x1ff)).toBe('44|255|4464|65535|ff');
    expect(printf('%ld|%lu|%lld|%zu|%jd|%tx|%lx', -(2n ** 63n), -1n, 5n, 7n, -8n, 255n, -1n))
      .toBe('-9223372036854775808|18446744073709551615|5|7|-8|ff|ffffffffffffffff');
    expect(printf('%d|%d', -2147483648, 2147483647)).toBe('-2147483648|2147483647');
  });

  it('takes * width and precision from int arguments, negative width meaning -', () => {
    expect(printf('[%*d|%-*d|%*d|%.*d|%.*d]', 5, 1, 5, 2, -5, 3, 3, 4, -1, 5)).toBe('[    1|2    |3    |004|5]');
  });
});

describe('characters, strings and pointers', () => {
  it('pads %c and %s with spaces, even with the 0 flag', () => {
    expect(printf('[%3c|%-3c|%05s|%.2s|%-6.3s]', 'a'.charCodeAt(0), 'b'.charCodeAt(0), 'ab', 'hello', 'hello')).toBe('[  a|b  |   ab|he|hel   ]');
  });

  it('writes a NUL byte for %c of 0', () => {
    expect(printf('[%c]', 0)).toBe('[\0]');
  });

  it('prints (null) for a NULL %s only when the precision allows all of it', () => {
    expect(printf('[%s|%.6s|%.5s|%8s|%-8.3s]', null, null, null, null, null)).toBe('[(null)|(null)||  (null)|        ]');
  });

  it('prints pointers as 0x hex and NULL as (nil), honouring the width', () => {
    expect(printf('[%p|%10p|%-10p|%+p|%.8p]', { ptr: 0x7ffd1234 }, { ptr: 16 }, { ptr: 0 }, { ptr: 16 }, { ptr: 16 }))
      .toBe('[0x7ffd1234|      0x10|(nil)     |+0x10|0x00000010]');
    expect(printf('[%010p|%.2p]', { ptr: 0 }, { ptr: 0 })).toBe('[     (nil)|(nil)]');
  });

  it('lets a bad string address fault through', () => {
    const args = new TestArgs([{ ptr: 999 }]);
    expect(() => formatPrintf(Buffer.from('%s'), args)).toThrow('SIGSEGV');
  });
});

describe('floating point', () => {
  it('rounds the exact binary value half to even', () => {
    expect(printf('%.0f|%.0f|%.0f|%.2f|%.1f|%.0f', 0.5, 1.5, 2.5, 0.125, 0.05, 3.5)).toBe('0|2|2|0.12|0.1|4');
    expect(printf('%.20f', 0.1)).toBe('0.10000000000000000555');
    expect(printf('%.3f|%.2f', 1.0005, 1.005)).toBe('1.000|1.00');
  });

  it('prints all the digits of huge and tiny values', () => {
    expect(printf('%f', Number.MAX_VALUE)).toBe((2n ** 1024n - 2n ** 971n).toString() + '.000000');
    expect(printf('%.0f', 1e21)).toBe('1000000000000000000000');
    const tiny = printf('%.1074f', 5e-324);
    expect(tiny.startsWith('0.' + '0'.repeat(323) + '49406564584124654')).toBe(true);
    expect(tiny.endsWith('625')).toBe(true);
  });

  it('formats %e and %E with at least two exponent digits', () => {
    expect(printf('%e|%.2E|%e|%.0e|%#.0e|%e', 123456.789, 0.000123, 5e-324, 25, 25, 0)).toBe('1.234568e+05|1.23E-04|4.940656e-324|2e+01|2.e+01|0.000000e+00');
    expect(printf('%e', 1e100)).toBe('1.000000e+100');
  });

  it('chooses between %e and %f styles for %g and drops trailing zeros unless #', () => {
    expect(printf('%g|%g|%g|%g|%g|%g', 1e-5, 0.0001, 123456789.0, 1e21, 100000, 1000000)).toBe('1e-05|0.0001|1.23457e+08|1e+21|100000|1e+06');
    expect(printf('%g|%#g|%.3g|%#.3g|%.0g|%g', 1.0, 1.0, 1.5, 1.5, 0.5, 9.9999995)).toBe('1|1.00000|1.5|1.50|0.5|10');
    expect(printf('%#g|%#.3g', 999999.5, 999.95)).toBe('1.e+06|1.e+03'); // glibc's own rounding quirk
  });

  it('formats %a as glibc: 0x1.8p+1, subnormals with 0x0., rounding half to even', () => {
    expect(printf('%a|%A|%a|%a|%a', 3.0, 3.0, 1.0, 0.0, 5e-324)).toBe('0x1.8p+1|0X1.8P+1|0x1p+0|0x0p+0|0x0.0000000000001p-1022');
    expect(printf('%.0a|%.0a|%.1a|%#.0a|%a', 1.5, 2.5, 0x118 / 0x100, 1.0, 0.1)).toBe('0x2p+0|0x1p+1|0x1.2p+0|0x1.p+0|0x1.999999999999ap-4');
    expect(printf('%La', 1.5)).toBe('0xcp-3');
  });

  it('prints inf and nan with sign and width but never zero padding', () => {
    const negativeNaN = new Float64Array(new BigUint64Array([0xfff8000000000000n]).buffer)[0];
    expect(printf('[%f|%F|%e|%E|%g|%G]', Infinity, Infinity, -Infinity, NaN, NaN, -Infinity)).toBe('[inf|INF|-inf|NAN|nan|-INF]');
    expect(printf('[%010f|%-8f|%+f|% f|%f]', Infinity, NaN, NaN, Infinity, negativeNaN)).toBe('[       inf|nan     |+nan| inf|-nan]');
  });

  it('keeps the sign of -0.0 and pads zeros after the sign', () => {
    expect(printf('%f|%g|%e|%a', -0, -0, -0, -0)).toBe('-0.000000|-0|-0.000000e+00|-0x0p+0');
    expect(printf('[%08.2f|%-8.2f|%+08.2f|%#.0f|%020a]', -1.5, 1.5, 1.5, 2.0, 1.0)).toBe('[-0001.50|1.50    |+0001.50|2.|0x000000000000001p+0]');
  });
});

describe('special conversions', () => {
  it('prints %% and %5% as a single %', () => {
    expect(printf('100%%|%5%|%-5%')).toBe('100%|%|%');
  });

  it('writes unknown conversions back as glibc does, without the length modifier', () => {
    expect(printf('[%y|%-5y|%#+08.3y|%ly|%.y]')).toBe('[%y|%-5y|%#+08.3y|%y|%.0y]');
    expect(printf('[%*y]', -4)).toBe('[%-4y]');
  });

  it('stores the count for %n with the size of its length modifier', () => {
    const args = new TestArgs(['abc', { ptr: 100 }, { ptr: 200 }, { ptr: 300 }]);
    const out = formatPrintf(Buffer.from('%s%n|%hhn%lln'), args);
    expect(Buffer.from(out).toString()).toBe('abc|');
    expect(args.stored).toEqual([{ address: 100, count: 3, width: 4 }, { address: 200, count: 4, width: 1 }, { address: 300, count: 4, width: 8 }]);
  });

  it('prints the errno message for %m without reading an argument', () => {
    expect(printf('open: %m|%.7m|%30m')).toBe('open: No such file or directory|No such|     No such file or directory');
  });

  it('uses numbered arguments', () => {
    expect(printf('%2$s %1$d %2$s', 5, 'two')).toBe('two 5 two');
    expect(printf('%3$*1$.*2$f|%1$d', 12, 3, 3.14159)).toBe('       3.142|12');
  });

  it('stops where glibc fails: a format ending inside a conversion, a non-ASCII %lc', () => {
    const end = formatPrintfChecked(Buffer.from('abc%'), new TestArgs([]));
    expect([Buffer.from(end.output).toString(), end.failed]).toEqual(['abc', true]);
    const wide = formatPrintfChecked(Buffer.from('[%lc|%d]'), new TestArgs([255, 1]));
    expect([Buffer.from(wide.output).toString(), wide.failed]).toEqual(['[', true]);
    const fine = formatPrintfChecked(Buffer.from('[%lc]'), new TestArgs([65]));
    expect([Buffer.from(fine.output).toString(), fine.failed]).toEqual(['[A]', false]);
  });

  it('fails instead of padding to absurd widths (glibc: EOVERFLOW past INT_MAX)', () => {
    const huge = formatPrintfChecked(Buffer.from('ok %*d'), new TestArgs([2 ** 30, 1]));
    expect([Buffer.from(huge.output).toString(), huge.failed]).toEqual(['ok ', true]);
    expect(formatPrintfChecked(Buffer.from('%.99999999f'), new TestArgs([1.5])).failed).toBe(true);
    expect(printf('%.*s', 2 ** 31 - 1, 'fine')).toBe('fine');
  });

  it('copies text without conversions as it is, including non-ASCII bytes', () => {
    const fmt = new Uint8Array([0xc3, 0xa9, 0x0a]);
    expect(Array.from(formatPrintf(fmt, new TestArgs([])))).toEqual([0xc3, 0xa9, 0x0a]);
  });
});

/**
 * The printf cases compared with gcc/glibc: every flag × width × precision × conversion
 * combination we care about, over the interesting values (0, -1, INT_MIN, LONG_MIN, ULONG_MAX,
 * 0.1, 5e-324, DBL_MAX, inf, nan, -0.0, ties like 0.5 and 2.5, strings, NULL...).
 */

/** One printf argument, typed the way the C call passes it. */
export type CaseArg =
  | { t: 'int'; v: number } // int
  | { t: 'long'; v: string } // long, as a decimal string (signed 64-bit)
  | { t: 'double'; v: DoubleValue }
  | { t: 'ldouble'; v: DoubleValue } // long double in C, for %Lf
  | { t: 'str'; v: string | null } // char * (ASCII), null = NULL
  | { t: 'ptr'; v: number }; // void *

/** A double; the special values are strings so that they survive JSON. */
export type DoubleValue = number | 'nan' | '-nan' | '-0' | 'inf' | '-inf';

export interface PrintfCase {
  fmt: string;
  args: CaseArg[];
}

const int = (v: number): CaseArg => ({ t: 'int', v });
const long = (v: bigint): CaseArg => ({ t: 'long', v: v.toString() });
/** JSON keeps neither -0 nor infinities: name them. */
function jsonSafe(v: DoubleValue): DoubleValue {
  if (Object.is(v, -0)) return '-0';
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return v;
}
const dbl = (v: DoubleValue): CaseArg => ({ t: 'double', v: jsonSafe(v) });
const ldbl = (v: DoubleValue): CaseArg => ({ t: 'ldouble', v: jsonSafe(v) });
const str = (v: string | null): CaseArg => ({ t: 'str', v });
const ptr = (v: number): CaseArg => ({ t: 'ptr', v });

const INT_VALUES = [0, 1, -1, 42, -2147483648, 2147483647];
const LONG_VALUES = [0n, -1n, 1234567890123n, -9223372036854775808n, 9223372036854775807n];
const DOUBLE_VALUES: DoubleValue[] = [
  0, -0, 1, -1, 0.1, 1e-5, 123456789.0, 1e21, 5e-324, Number.MAX_VALUE, Infinity, -Infinity, 'nan', '-nan',
  0.5, 1.5, 2.5, 0.125, 9.9999995, 0.05, 1e-300, 2.2250738585072014e-308, 100, 999999.5, 0.000123456, 1234.5678,
];

const FLAGS = ['', '-', '+', ' ', '#', '0', '-0', "+ #0'"];
/** width/precision pairs; '*' takes an int argument. */
const SHAPES: [string, string][] = [['', ''], ['8', ''], ['', '.0'], ['', '.'], ['', '.3'], ['12', '.5'], ['*', '.*']];
const STAR_VALUES: [number, number][] = [[10, 2], [-9, -1]];

/** The conversions of one specification over all shapes; `*` shapes use several star values. */
function expand(flagSet: string[], conversion: string, value: CaseArg, out: PrintfCase[]): void {
  for (const flags of flagSet) {
    for (const [width, precision] of SHAPES) {
      const fmt = `[%${flags}${width}${precision}${conversion}]`;
      if (width !== '*') {
        out.push({ fmt, args: [value] });
        continue;
      }
      for (const [w, p] of STAR_VALUES) out.push({ fmt, args: [int(w), int(p), value] });
    }
  }
}

function integerCases(out: PrintfCase[]): void {
  for (const conversion of ['d', 'i', 'u', 'o', 'x', 'X', 'b', 'B']) {
    for (const v of 'ibB'.includes(conversion) ? [-42, 0, 5] : INT_VALUES) expand(FLAGS, conversion, int(v), out);
    for (const v of LONG_VALUES) expand(['', '+', '#', '-0'], 'l' + conversion, long(v), out);
    for (const length of ['hh', 'h']) for (const v of [-1, 200, 300, 70000, -129]) out.push({ fmt: `[%${length}${conversion}|%#6${length}${conversion}]`, args: [int(v), int(v)] });
    for (const length of ['ll', 'z', 'j', 't', 'q', 'L']) out.push({ fmt: `[%${length}${conversion}]`, args: [long(-5n)] });
  }
}

function floatCases(out: PrintfCase[]): void {
  for (const conversion of ['f', 'F', 'e', 'E', 'g', 'G', 'a', 'A']) {
    const upper = conversion === conversion.toUpperCase();
    for (const v of upper ? [1e21, 1e-5, -Infinity, '-nan' as const, 0x1abc / 2 ** 15] : DOUBLE_VALUES) {
      expand(['', '-+', ' 0', "#'"], conversion, dbl(v), out);
    }
    for (const v of [1.5, -0.0, 'nan' as const, 0.1, 5e-324, 1, 2 - 2 ** -52, 1e300]) {
      out.push({ fmt: `[%L${conversion}|%l${conversion}|%.1L${conversion}|%#.0L${conversion}|%lld]`, args: [ldbl(v), dbl(v), ldbl(v), ldbl(v), long(1n)] });
    }
  }
  // Exact digits at many precisions.
  for (const v of [0.1, 0.5, 2.5, 0.125, 0.05, 1 / 3, 2 / 3, 1e-5, 5e-324, 9.9999995, 0.3, 1e23, 8.5, 0.015, 1.005, 123.456]) {
    for (const p of [0, 1, 2, 3, 6, 10, 17, 20, 30]) {
      out.push({ fmt: `[%.${p}f|%.${p}e|%.${p}g|%#.${p}g|%.${p}a]`, args: [dbl(v), dbl(v), dbl(v), dbl(v), dbl(v)] });
    }
  }
  for (const v of [1e308, Number.MAX_VALUE, 5e-324, 1e-320, 2 ** 64, 2 ** 53 + 1, 1e15, 1e16, 1e17, 123456789012345680000]) {
    out.push({ fmt: '[%f|%.0f|%e|%g|%.17g|%a]', args: [dbl(v), dbl(v), dbl(v), dbl(v), dbl(v), dbl(v)] });
  }
  out.push({ fmt: '[%.1075f]', args: [dbl(5e-324)] });
  for (const v of [1e-4, 1e-5, 0.0001234, 99999.95, 999999.5, 9999995, 1e6, 1e-4 * 0.99999, 123456, 1234567]) {
    out.push({ fmt: '[%g|%G|%.3g|%#g|%#.0g|%.0g|%10.4g|%-10.2g|%+g]', args: Array.from({ length: 9 }, () => dbl(v)) });
  }
  for (const v of [1, 1.0625, 0.1, 255.5, 3.5, 2.5, 1.96875, 2 - 2 ** -52, 2 ** -1026, 2 ** -1074 * 3]) {
    out.push({ fmt: '[%a|%.0a|%.1a|%.3a|%#.0a|%20a|%-20a|%020a|%+.2A]', args: Array.from({ length: 9 }, () => dbl(v)) });
  }
}

function stringAndCharCases(out: PrintfCase[]): void {
  for (const v of ['', 'a', 'hello', 'hello, world', null]) {
    for (const spec of ['%s', '%10s', '%-10s', '%.3s', '%.0s', '%.5s', '%.6s', '%.10s', '%010s', '%*.*s', '%-*s', '%#s', '%+s', '%.*s']) {
      const stars = (spec.match(/\*/g) ?? []).length;
      const starArgs = stars === 2 ? [int(8), int(2)] : stars === 1 ? [int(-7)] : [];
      out.push({ fmt: `[${spec}]`, args: [...starArgs, str(v)] });
    }
  }
  for (const v of [65, 0, 255, 256 + 66, -1, 10]) {
    for (const spec of ['%c', '%5c', '%-5c', '%05c', '%.0c', '%hhc', '%lc']) out.push({ fmt: `[${spec}]`, args: [int(v)] });
  }
  for (const v of [0, 1, 0x7ffd1234, 0x55555555a2b0, 0xffffffff]) {
    for (const spec of ['%p', '%20p', '%-20p', '%020p', '%.3p', '%.12p', '%+p', '% p', '%#p', '%lp']) out.push({ fmt: `[${spec}]`, args: [ptr(v)] });
  }
}

function oddCases(out: PrintfCase[]): void {
  for (const spec of ['%%', '%5%', '%-5%', '%y', '%-5y', '%#+08.3y', '%ly', '%hhy', "%'y", '% y', '%.y', '%Iy', '%0-5y', '%-05y', '%k']) {
    out.push({ fmt: `[${spec}]`, args: [] });
  }
  out.push({ fmt: '[%*y]', args: [int(-4)] });
  out.push({ fmt: '[%.*y]', args: [int(3)] });
  out.push({ fmt: 'plain text, no conversions', args: [] });
  out.push({ fmt: '', args: [] });
  out.push({ fmt: 'abc%', args: [] });
  out.push({ fmt: 'abc%5', args: [] });
  out.push({ fmt: 'abc%l', args: [] });
  out.push({ fmt: '%d %s %c%c %5.1f%%\n', args: [int(7), str('ok'), int(104), int(105), dbl(99.95)] });
  out.push({ fmt: '%2$s %1$d %2$s', args: [int(5), str('two')] });
  out.push({ fmt: '%3$*1$.*2$f|%1$d', args: [int(12), int(3), dbl(3.14159)] });
  out.push({ fmt: '%1$s %1$.2s %2$lx', args: [str('hello'), long(255n)] });
  out.push({ fmt: '[%I5d|%Id]', args: [int(42), int(-42)] });
  out.push({ fmt: "[%'d|%'.3f|%'x]", args: [int(1234567), dbl(1234567.125), int(0xabcdef)] });
  out.push({ fmt: '[%-+ #0*d]', args: [int(6), int(3)] });
  out.push({ fmt: '[%0*d|%0*d]', args: [int(6), int(-3), int(-6), int(-3)] });
}

/** Doubles from random bit patterns (a fixed xorshift seed, so the cases never change). */
function randomDoubles(count: number): number[] {
  let state = 0x9e3779b97f4a7c15n;
  const view = new DataView(new ArrayBuffer(8));
  const values: number[] = [];
  while (values.length < count) {
    state ^= (state << 13n) & 0xffffffffffffffffn;
    state ^= state >> 7n;
    state ^= (state << 17n) & 0xffffffffffffffffn;
    view.setBigUint64(0, state);
    const v = view.getFloat64(0);
    if (Number.isFinite(v)) values.push(values.length % 3 === 0 ? v : v % 1e6); // many of ordinary size
  }
  return values;
}

function randomCases(out: PrintfCase[]): void {
  for (const v of randomDoubles(300)) {
    out.push({ fmt: '[%.17g|%.3e|%f|%a|%.10f|%g|%.0e|%#.15g|%.1a]', args: Array.from({ length: 9 }, () => dbl(v)) });
  }
}

/** All the cases, in a stable order. */
export function printfCases(): PrintfCase[] {
  const out: PrintfCase[] = [];
  integerCases(out);
  floatCases(out);
  stringAndCharCases(out);
  oddCases(out);
  randomCases(out);
  return out;
}

/** A short hash of the cases (FNV-1a over their JSON), to tell a stale fixture. */
export function casesFingerprint(cases: PrintfCase[]): string {
  const text = JSON.stringify(cases);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${cases.length}-${hash.toString(16)}`;
}

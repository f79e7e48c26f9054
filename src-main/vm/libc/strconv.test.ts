/**
 * parseInteger (strtol/strtoul) and parseDouble (strtod) on the edge cases, with the results
 * glibc 2.36 gives. The full comparison with glibc is tests/format/strconv-glibc.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseDouble, parseInteger } from './strconv.ts';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const strtol = (s: string, base: number) => parseInteger(bytes(s), 0, base, 'long');
const strtoul = (s: string, base: number) => parseInteger(bytes(s), 0, base, 'ulong');
const strtod = (s: string) => parseDouble(bytes(s), 0);

describe('parseInteger', () => {
  it('skips white space, reads a sign and stops at the first invalid character', () => {
    expect(strtol(' \t\n\v\f\r-42abc', 10)).toEqual({ value: -42n, end: 9, erange: false, einval: false });
    expect(strtol('+7', 10)).toMatchObject({ value: 7n, end: 2 });
    expect(strtol('12', 10)).toMatchObject({ value: 12n, end: 2 });
  });

  it('gives end = start when there are no digits, even after white space and a sign', () => {
    expect(strtol('   -', 10)).toEqual({ value: 0n, end: 0, erange: false, einval: false });
    expect(strtol('abc', 10)).toMatchObject({ value: 0n, end: 0 });
    expect(parseInteger(bytes('xx  +y'), 2, 10, 'long')).toMatchObject({ value: 0n, end: 2 });
  });

  it('detects the base from 0x and a leading 0 with base 0', () => {
    expect(strtol('0x1f', 0)).toMatchObject({ value: 31n, end: 4 });
    expect(strtol('0X1F', 16)).toMatchObject({ value: 31n, end: 4 });
    expect(strtol('-0x1f', 0)).toMatchObject({ value: -31n, end: 5 });
    expect(strtol('077', 0)).toMatchObject({ value: 63n, end: 3 });
    expect(strtol('08', 0)).toMatchObject({ value: 0n, end: 1 });
    expect(strtol('0x1f', 10)).toMatchObject({ value: 0n, end: 1 });
    expect(strtol('0b101', 2)).toMatchObject({ value: 0n, end: 1 }); // no 0b prefix in glibc 2.36
  });

  it('ends after the 0 of a "0x" that has no hex digits', () => {
    expect(strtol('0x', 16)).toMatchObject({ value: 0n, end: 1 });
    expect(strtol('0xg', 0)).toMatchObject({ value: 0n, end: 1 });
  });

  it('reads letters as digits up to base 36', () => {
    expect(strtol('zZ', 36)).toMatchObject({ value: 35n * 36n + 35n, end: 2 });
    expect(strtol('129', 8)).toMatchObject({ value: 10n, end: 2 });
  });

  it('clamps to LONG_MIN/LONG_MAX and sets erange on overflow, consuming all digits', () => {
    expect(strtol('9223372036854775807', 10)).toMatchObject({ value: 2n ** 63n - 1n, erange: false });
    expect(strtol('9223372036854775808', 10)).toMatchObject({ value: 2n ** 63n - 1n, end: 19, erange: true });
    expect(strtol('-9223372036854775808', 10)).toMatchObject({ value: -(2n ** 63n), erange: false });
    expect(strtol('-9223372036854775809', 10)).toMatchObject({ value: -(2n ** 63n), erange: true });
    expect(strtol('1234567890123456789012345x', 10)).toMatchObject({ value: 2n ** 63n - 1n, end: 25, erange: true });
  });

  it('negates modulo 2^64 for strtoul and clamps to ULONG_MAX', () => {
    expect(strtoul('-1', 10)).toMatchObject({ value: 2n ** 64n - 1n, erange: false });
    expect(strtoul('18446744073709551615', 10)).toMatchObject({ value: 2n ** 64n - 1n, erange: false });
    expect(strtoul('18446744073709551616', 10)).toMatchObject({ value: 2n ** 64n - 1n, erange: true });
    expect(strtoul('-18446744073709551615', 10)).toMatchObject({ value: 1n, erange: false });
  });

  it('rejects bases 1, negative and above 36 with einval', () => {
    for (const base of [1, -1, 37]) expect(strtol('12', base)).toEqual({ value: 0n, end: 0, erange: false, einval: true });
  });
});

describe('parseDouble', () => {
  it('parses decimal numbers with optional point and exponent', () => {
    expect(strtod('  -1.5e3x')).toEqual({ value: -1500, end: 8, erange: false });
    expect(strtod('.5')).toMatchObject({ value: 0.5, end: 2 });
    expect(strtod('5.')).toMatchObject({ value: 5, end: 2 });
    expect(strtod('1e+')).toMatchObject({ value: 1, end: 1 });
    expect(strtod('0.1')).toMatchObject({ value: 0.1, end: 3 });
    expect(strtod('9007199254740993')).toMatchObject({ value: 9007199254740992 }); // tie to even
  });

  it('gives end = start when there is no number', () => {
    for (const s of ['', '.', '-', ' .e1', 'x1']) expect(strtod(s)).toEqual({ value: 0, end: 0, erange: false });
  });

  it('parses hex floats, rounding ties to even', () => {
    expect(strtod('0x1.8p1')).toMatchObject({ value: 3, end: 7 });
    expect(strtod('0x.8p1')).toMatchObject({ value: 1, end: 6 });
    expect(strtod('0x1P+')).toMatchObject({ value: 1, end: 3 });
    expect(strtod('0x1.00000000000008p0')).toMatchObject({ value: 1 });
    expect(strtod('0x1.00000000000018p0')).toMatchObject({ value: 1 + 2 ** -51 });
    expect(strtod('0x')).toMatchObject({ value: 0, end: 1 });
    expect(strtod('0x.p1')).toMatchObject({ value: 0, end: 1 });
  });

  it('reads inf, infinity and nan(chars) in any case', () => {
    expect(strtod('INFINITYx')).toMatchObject({ value: Infinity, end: 8 });
    expect(strtod('infinit')).toMatchObject({ value: Infinity, end: 3 });
    expect(strtod('-inf')).toMatchObject({ value: -Infinity, end: 4 });
    expect(strtod('nan(123)x')).toMatchObject({ value: NaN, end: 8 });
    expect(strtod('nan(abc')).toMatchObject({ value: NaN, end: 3 });
  });

  it('sets erange on overflow and on tiny inexact results, not on exact subnormals', () => {
    expect(strtod('1e309')).toMatchObject({ value: Infinity, erange: true });
    expect(strtod('-1e309')).toMatchObject({ value: -Infinity, erange: true });
    expect(strtod('1.7976931348623158e308')).toMatchObject({ value: Number.MAX_VALUE, erange: false });
    expect(strtod('1e-400')).toMatchObject({ value: 0, erange: true });
    expect(strtod('5e-324')).toMatchObject({ value: 5e-324, erange: true });
    expect(strtod('0x1p-1074')).toMatchObject({ value: 5e-324, erange: false });
    expect(strtod('2.2250738585072013e-308')).toMatchObject({ value: 2 ** -1022, erange: false });
    expect(strtod('2.2250738585072012e-308')).toMatchObject({ value: 2 ** -1022, erange: true });
    expect(strtod('0e999999')).toMatchObject({ value: 0, erange: false });
  });
});

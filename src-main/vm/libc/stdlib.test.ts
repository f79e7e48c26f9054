import { describe, expect, it } from 'vitest';
import { Fault } from '../../kernel/mmu.ts';
import { STDLIB_NATIVES as L } from './stdlib.ts';
import { FakeMemory, callNative, ptr, type FakeArg } from './test-call.ts';

const ERANGE = 34;
const EINVAL = 22;
const ENOMEM = 12;
const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;
const ULONG_MAX = 18446744073709551615n;

function setup() {
  const m = new FakeMemory().withRuntime();
  const call = (name: keyof typeof L, ...args: FakeArg[]) => callNative(L[name], m, ...args);
  return { m, call };
}

describe('atoi, atol', () => {
  it('converts leading decimal digits after white space and a sign', () => {
    const { m, call } = setup();
    expect(call('atoi', ptr(m.string('  -42abc')))).toBe(-42);
    expect(call('atoi', ptr(m.string('+7')))).toBe(7);
    expect(call('atoi', ptr(m.string('abc')))).toBe(0);
    expect(call('atoi', ptr(m.string('0x10')))).toBe(0);
    expect(call('atol', ptr(m.string('\t\n 123456789012')))).toBe(123456789012n);
  });

  it('atoi truncates strtol’s long to int, and overflow sets ERANGE like glibc', () => {
    const { m, call } = setup();
    expect(call('atoi', ptr(m.string('4294967297')))).toBe(1);
    expect(m.errno).toBe(0);
    expect(call('atol', ptr(m.string('99999999999999999999')))).toBe(LONG_MAX);
    expect(m.errno).toBe(ERANGE);
  });
});

describe('strtol family', () => {
  it('stores the end pointer and honours the base', () => {
    const { m, call } = setup();
    const end = m.alloc(8);
    const s = m.string(' 0x1fZ');
    expect(call('strtol', ptr(s), ptr(end), 0)).toBe(31n);
    expect(m.pointer(end)).toBe(s + 5);
    const o = m.string('0755 rest');
    expect(call('strtol', ptr(o), ptr(end), 0)).toBe(493n);
    expect(m.pointer(end)).toBe(o + 4);
    expect(call('strtol', ptr(m.string('zz')), ptr(0), 36)).toBe(1295n);
    expect(call('strtol', ptr(m.string('1010')), ptr(0), 2)).toBe(10n);
    expect(call('strtol', ptr(m.string('0x1F')), ptr(0), 16)).toBe(31n);
    expect(call('strtol', ptr(m.string('089')), ptr(0), 0)).toBe(0n);
    expect(m.errno).toBe(0);
  });

  it('no digits: 0 and *endptr = the start; "0x" alone converts the 0', () => {
    const { m, call } = setup();
    const end = m.alloc(8);
    const s = m.string('  -foo');
    expect(call('strtol', ptr(s), ptr(end), 10)).toBe(0n);
    expect(m.pointer(end)).toBe(s);
    const x = m.string('0xg');
    expect(call('strtol', ptr(x), ptr(end), 0)).toBe(0n);
    expect(m.pointer(end)).toBe(x + 1);
    expect(m.errno).toBe(0);
  });

  it('overflow clamps, consumes all digits and sets ERANGE', () => {
    const { m, call } = setup();
    const end = m.alloc(8);
    const big = m.string('123456789012345678901234567890x');
    expect(call('strtol', ptr(big), ptr(end), 10)).toBe(LONG_MAX);
    expect(m.pointer(end)).toBe(big + 30);
    expect(m.errno).toBe(ERANGE);
    m.errno = 0;
    expect(call('strtoll', ptr(m.string('-9223372036854775808')), ptr(0), 10)).toBe(LONG_MIN);
    expect(m.errno).toBe(0);
    expect(call('strtol', ptr(m.string('-9223372036854775809')), ptr(0), 10)).toBe(LONG_MIN);
    expect(m.errno).toBe(ERANGE);
  });

  it('unsigned: a minus sign negates modulo 2^64; overflow gives ULONG_MAX', () => {
    const { m, call } = setup();
    expect(call('strtoul', ptr(m.string('-1')), ptr(0), 10)).toBe(ULONG_MAX);
    expect(call('strtoull', ptr(m.string('18446744073709551615')), ptr(0), 10)).toBe(ULONG_MAX);
    expect(m.errno).toBe(0);
    expect(call('strtoul', ptr(m.string('18446744073709551616')), ptr(0), 10)).toBe(ULONG_MAX);
    expect(m.errno).toBe(ERANGE);
  });

  it('a bad base sets EINVAL and leaves *endptr alone', () => {
    const { m, call } = setup();
    const end = m.alloc(8);
    m.setPointer(end, 1234);
    expect(call('strtol', ptr(m.string('10')), ptr(end), 1)).toBe(0n);
    expect(m.errno).toBe(EINVAL);
    expect(m.pointer(end)).toBe(1234);
  });

  it('a NULL string faults', () => {
    const { call } = setup();
    expect(() => call('strtol', ptr(0), ptr(0), 10)).toThrow(Fault);
  });
});

describe('abs', () => {
  it('abs, labs, llabs, with the minimum wrapping as on the hardware', () => {
    const { call } = setup();
    expect(call('abs', -5)).toBe(5);
    expect(call('abs', -2147483648)).toBe(-2147483648);
    expect(call('labs', -5n)).toBe(5n);
    expect(call('llabs', LONG_MIN)).toBe(LONG_MIN);
  });
});

describe('rand and srand (glibc TYPE_3)', () => {
  it('gives glibc’s sequence, unseeded as after srand(1)', () => {
    const { m, call } = setup();
    const first = [1804289383, 846930886, 1681692777, 1714636915, 1957747793];
    expect(first.map(() => call('rand'))).toEqual(first);
    call('srand', 1);
    expect(first.map(() => call('rand'))).toEqual(first);
    call('srand', 42);
    expect([0, 0, 0].map(() => call('rand'))).toEqual([71876166, 708592740, 1483128881]);
    call('srand', 0); // 0 counts as 1
    expect(call('rand')).toBe(1804289383);
    expect(m.i32(m.symbols.get('__lab_rand_state')!)).not.toBe(0);
  });

  it('keeps its state in the program’s memory (a copy continues the same sequence)', () => {
    const { m, call } = setup();
    call('srand', 7);
    call('rand');
    const state = m.symbols.get('__lab_rand_state')!;
    const saved = m.bytes.slice(state, state + 256);
    const a = [call('rand'), call('rand')];
    m.bytes.set(saved, state); // as if a forked child ran from here
    expect([call('rand'), call('rand')]).toEqual(a);
  });
});

describe('environment', () => {
  function withEnv(vars: string[]) {
    const s = setup();
    s.m.setPointer(s.m.symbols.get('environ')!, s.m.stringArray(vars));
    const environ = () => s.m.cStringArray(s.m.pointer(s.m.symbols.get('environ')!));
    const str = (t: string) => ptr(s.m.string(t));
    return { ...s, environ, str };
  }

  it('getenv finds values by exact name', () => {
    const { m, call, str } = withEnv(['HOME=/home/ada', 'PATH=/bin', 'PATHX=no']);
    expect(m.cString(call('getenv', str('PATH')) as number)).toBe('/bin');
    expect(m.cString(call('getenv', str('HOME')) as number)).toBe('/home/ada');
    expect(call('getenv', str('PAT'))).toBe(0);
    expect(call('getenv', str('USER'))).toBe(0);
    expect(call('getenv', str(''))).toBe(0);
  });

  it('getenv with environ == NULL finds nothing', () => {
    const { call, m } = setup();
    expect(call('getenv', ptr(m.string('X')))).toBe(0);
  });

  it('setenv adds, replaces only with overwrite, and getenv sees it', () => {
    const { m, call, str, environ } = withEnv(['A=1', 'B=2']);
    expect(call('setenv', str('C'), str('3'), 0)).toBe(0);
    expect(environ()).toEqual(['A=1', 'B=2', 'C=3']);
    expect(call('setenv', str('A'), str('x'), 0)).toBe(0);
    expect(environ()).toEqual(['A=1', 'B=2', 'C=3']);
    expect(call('setenv', str('A'), str('new'), 1)).toBe(0);
    expect(environ()).toEqual(['A=new', 'B=2', 'C=3']);
    expect(m.cString(call('getenv', str('A')) as number)).toBe('new');
    const space = m.symbols.get('__lab_envspace')!;
    const array = m.pointer(m.symbols.get('environ')!);
    expect(array).toBeGreaterThanOrEqual(space);
    expect(array).toBeLessThan(space + 4096);
  });

  it('setenv works when environ is NULL', () => {
    const { m, call } = setup();
    expect(call('setenv', ptr(m.string('X')), ptr(m.string('y')), 1)).toBe(0);
    expect(m.cStringArray(m.pointer(m.symbols.get('environ')!))).toEqual(['X=y']);
  });

  it('setenv rejects bad names with EINVAL', () => {
    const { m, call, str, environ } = withEnv(['A=1']);
    expect(call('setenv', str('A=B'), str('1'), 1)).toBe(-1);
    expect(m.errno).toBe(EINVAL);
    m.errno = 0;
    expect(call('setenv', str(''), str('1'), 1)).toBe(-1);
    expect(m.errno).toBe(EINVAL);
    expect(call('setenv', ptr(0), str('1'), 1)).toBe(-1);
    expect(environ()).toEqual(['A=1']);
  });

  it('setenv fails with ENOMEM when the static area is full, changing nothing', () => {
    const { m, call, str, environ } = withEnv(['A=1']);
    const big = 'v'.repeat(1500);
    expect(call('setenv', str('B'), str(big), 1)).toBe(0);
    expect(call('setenv', str('C'), str(big), 1)).toBe(0);
    expect(call('setenv', str('D'), str(big), 1)).toBe(-1);
    expect(m.errno).toBe(ENOMEM);
    expect(environ().map((e) => e.slice(0, 2))).toEqual(['A=', 'B=', 'C=']);
    expect(call('setenv', str('E'), str('small'), 1)).toBe(0);
    expect(environ().length).toBe(4);
  });

  it('unsetenv removes every entry with the name', () => {
    const { m, call, str, environ } = withEnv(['A=1', 'B=2', 'A=3', 'AB=4']);
    expect(call('unsetenv', str('A'))).toBe(0);
    expect(environ()).toEqual(['B=2', 'AB=4']);
    expect(call('unsetenv', str('Z'))).toBe(0);
    expect(environ()).toEqual(['B=2', 'AB=4']);
    expect(call('unsetenv', str('A=1'))).toBe(-1);
    expect(m.errno).toBe(EINVAL);
  });
});

import { describe, expect, it } from 'vitest';
import { Fault } from '../../kernel/mmu.ts';
import { STRING_NATIVES as S } from './string.ts';
import { FakeMemory, callNative, ptr, type FakeArg } from './test-call.ts';

function setup() {
  const m = new FakeMemory().withRuntime();
  const call = (name: keyof typeof S, ...args: FakeArg[]) => callNative(S[name], m, ...args);
  return { m, call };
}

describe('length and copy', () => {
  it('strlen and strnlen count bytes before the NUL', () => {
    const { m, call } = setup();
    const s = m.string('hello');
    expect(call('strlen', ptr(s))).toBe(5);
    expect(call('strlen', ptr(m.string('')))).toBe(0);
    expect(call('strnlen', ptr(s), 3n)).toBe(3);
    expect(call('strnlen', ptr(s), 99n)).toBe(5);
  });

  it('strnlen does not read past its bound (no fault at the end of memory)', () => {
    const { m, call } = setup();
    const end = m.bytes.length - 2;
    m.bytes[end] = 65;
    m.bytes[end + 1] = 66; // no NUL before the end of memory
    expect(call('strnlen', ptr(end), 2n)).toBe(2);
    expect(() => call('strlen', ptr(end))).toThrow(Fault);
  });

  it('strcpy copies with the NUL and returns dst', () => {
    const { m, call } = setup();
    const dst = m.alloc(16);
    m.bytes.fill(0x7f, dst, dst + 16);
    expect(call('strcpy', ptr(dst), ptr(m.string('abc')))).toBe(dst);
    expect(m.cString(dst)).toBe('abc');
    expect(m.bytes[dst + 3]).toBe(0);
    expect(m.bytes[dst + 4]).toBe(0x7f);
  });

  it('strncpy pads with NULs up to n and does not terminate a long source', () => {
    const { m, call } = setup();
    const dst = m.alloc(16);
    m.bytes.fill(0x7f, dst, dst + 16);
    call('strncpy', ptr(dst), ptr(m.string('ab')), 6n);
    expect(Array.from(m.bytes.subarray(dst, dst + 7))).toEqual([97, 98, 0, 0, 0, 0, 0x7f]);
    m.bytes.fill(0x7f, dst, dst + 16);
    call('strncpy', ptr(dst), ptr(m.string('abcdef')), 3n);
    expect(Array.from(m.bytes.subarray(dst, dst + 4))).toEqual([97, 98, 99, 0x7f]);
  });

  it('strcat and strncat append and always terminate', () => {
    const { m, call } = setup();
    const dst = m.alloc(32);
    m.bytes.set([104, 105, 0], dst); // "hi"
    expect(call('strcat', ptr(dst), ptr(m.string(' there')))).toBe(dst);
    expect(m.cString(dst)).toBe('hi there');
    call('strncat', ptr(dst), ptr(m.string('!!!???')), 3n);
    expect(m.cString(dst)).toBe('hi there!!!');
  });

  it('memcpy, memmove (overlapping) and memset', () => {
    const { m, call } = setup();
    const a = m.string('0123456789');
    expect(call('memmove', ptr(a + 2), ptr(a), 5n)).toBe(a + 2);
    expect(m.cString(a)).toBe('0101234789');
    const b = m.alloc(8);
    call('memcpy', ptr(b), ptr(m.string('xyz')), 4n);
    expect(m.cString(b)).toBe('xyz');
    expect(call('memset', ptr(b), 0x141, 2n)).toBe(b); // the int is converted to unsigned char
    expect(m.cString(b)).toBe('AAz');
  });

  it('memmove of an int or a pointer (copied as whole words) overlapping either way', () => {
    for (const size of [4, 8]) {
      for (const shift of [-3, -1, 1, 2, 5]) {
        const { m, call } = setup();
        const a = m.string('abcdefghijklmnop');
        const expected = [...'abcdefghijklmnop'];
        expected.splice(4 + shift, size, ...expected.slice(4, 4 + size));
        call('memmove', ptr(a + 4 + shift), ptr(a + 4), BigInt(size));
        expect(m.cString(a), `size ${size}, shift ${shift}`).toBe(expected.join(''));
      }
    }
  });

  it('a write to read-only memory or NULL faults (becomes SIGSEGV)', () => {
    const { m, call } = setup();
    const lit = m.alloc(4096 * 2);
    const page = Math.ceil(lit / 4096) * 4096;
    m.protect(page);
    expect(() => call('strcpy', ptr(page), ptr(m.string('x')))).toThrow(Fault);
    expect(() => call('memset', ptr(0), 0, 4n)).toThrow(Fault);
    expect(() => call('strlen', ptr(0))).toThrow(Fault);
  });

  it('strings across page boundaries: compared, copied and searched whole, a fault part-way leaves the bytes before it', () => {
    const { m, call } = setup();
    const text = 'x'.repeat(5000) + 'yz';
    // both strings start at different offsets of their pages, so their page ends do not line up
    const a = m.alloc(6000) + 3;
    const b = m.alloc(6000) + 1000;
    for (let i = 0; i < text.length; i++) m.bytes[a + i] = m.bytes[b + i] = text.charCodeAt(i);
    expect(call('strcmp', ptr(a), ptr(b))).toBe(0);
    m.bytes[b + 5001] = 'a'.charCodeAt(0);
    expect(call('strcmp', ptr(a), ptr(b))).toBe('z'.charCodeAt(0) - 'a'.charCodeAt(0));
    expect(call('strncmp', ptr(a), ptr(b), 5001n)).toBe(0);
    expect(call('memcmp', ptr(a), ptr(b), 5002n)).toBe('z'.charCodeAt(0) - 'a'.charCodeAt(0));
    expect(call('strchr', ptr(a), 'z'.charCodeAt(0))).toBe(a + 5001);
    expect(call('strchr', ptr(a), 'q'.charCodeAt(0))).toBe(0);
    const dst = m.alloc(6000) + 7;
    expect(call('strcpy', ptr(dst), ptr(a))).toBe(dst);
    expect(m.cString(dst)).toBe(text);
    // strncpy pads to n across the page boundary
    m.bytes.fill(0x7f, dst, dst + 6000 - 7);
    call('strncpy', ptr(dst), ptr(m.string('ab')), 5000n);
    expect(m.bytes[dst + 1]).toBe('b'.charCodeAt(0));
    expect(m.bytes.subarray(dst + 2, dst + 5000).every((x) => x === 0)).toBe(true);
    expect(m.bytes[dst + 5000]).toBe(0x7f);
    // a destination whose second page is read-only: the first page's bytes are copied, then SIGSEGV
    const page = Math.ceil((m.alloc(8192) + 1) / 4096) * 4096;
    m.protect(page + 4096);
    const at = page + 4096 - 10;
    expect(() => call('strcpy', ptr(at), ptr(a))).toThrow(Fault);
    expect(Array.from(m.bytes.subarray(at, at + 10)).every((x) => x === 'x'.charCodeAt(0))).toBe(true);
    expect(m.bytes[page + 4096]).toBe(0);
  });

  it('a huge (negative) size faults instead of allocating gigabytes', () => {
    const { m, call } = setup();
    const b = m.alloc(8);
    expect(() => call('memset', ptr(b), 0, -1n)).toThrow(Fault);
    expect(() => call('memcpy', ptr(b), ptr(b), -1n)).toThrow(Fault);
  });
});

describe('comparison (glibc returns the unsigned byte difference)', () => {
  it('strcmp', () => {
    const { m, call } = setup();
    const cmp = (a: string, b: string) => call('strcmp', ptr(m.string(a)), ptr(m.string(b)));
    expect(cmp('abc', 'abz')).toBe(-23);
    expect(cmp('abz', 'abc')).toBe(23);
    expect(cmp('abc', 'abc')).toBe(0);
    expect(cmp('', 'abc')).toBe(-97);
    expect(cmp('abc', '')).toBe(97);
    expect(cmp('\xff', '\x01')).toBe(254); // unsigned char
  });

  it('strncmp stops after n bytes or at a NUL', () => {
    const { m, call } = setup();
    const a = m.string('abcX');
    const b = m.string('abcY');
    expect(call('strncmp', ptr(a), ptr(b), 3n)).toBe(0);
    expect(call('strncmp', ptr(a), ptr(b), 4n)).toBe(-1);
    expect(call('strncmp', ptr(m.string('ab\xff')), ptr(m.string('ab\x01')), 3n)).toBe(254);
    expect(call('strncmp', ptr(m.string('ab')), ptr(m.string('ab')), 100n)).toBe(0);
  });

  it('memcmp compares exactly n bytes, past NULs', () => {
    const { m, call } = setup();
    const a = m.alloc(4);
    const b = m.alloc(4);
    m.bytes.set([0, 1, 2, 3], a);
    m.bytes.set([0, 1, 2, 200], b);
    expect(call('memcmp', ptr(a), ptr(b), 3n)).toBe(0);
    expect(call('memcmp', ptr(a), ptr(b), 4n)).toBe(-197);
    expect(call('memcmp', ptr(a), ptr(b), 0n)).toBe(0);
  });
});

describe('search', () => {
  it('strchr and strrchr, including the terminator', () => {
    const { m, call } = setup();
    const s = m.string('a/b/c');
    expect(call('strchr', ptr(s), 47)).toBe(s + 1);
    expect(call('strrchr', ptr(s), 47)).toBe(s + 3);
    expect(call('strchr', ptr(s), 0)).toBe(s + 5);
    expect(call('strrchr', ptr(s), 0)).toBe(s + 5);
    expect(call('strchr', ptr(s), 122)).toBe(0);
    expect(call('strrchr', ptr(s), 122)).toBe(0);
    expect(call('strchr', ptr(s), 47 + 256)).toBe(s + 1); // converted to char
  });

  it('strstr', () => {
    const { m, call } = setup();
    const h = m.string('hello world');
    expect(call('strstr', ptr(h), ptr(m.string('o w')))).toBe(h + 4);
    expect(call('strstr', ptr(h), ptr(m.string('')))).toBe(h);
    expect(call('strstr', ptr(h), ptr(m.string('worlds')))).toBe(0);
    expect(call('strstr', ptr(m.string('')), ptr(m.string('')))).not.toBe(0);
  });

  it('memchr looks at n bytes only', () => {
    const { m, call } = setup();
    const s = m.string('abcdef');
    expect(call('memchr', ptr(s), 100, 6n)).toBe(s + 3);
    expect(call('memchr', ptr(s), 100, 3n)).toBe(0);
    expect(call('memchr', ptr(s), 0, 7n)).toBe(s + 6);
  });

  it('strspn, strcspn and strpbrk', () => {
    const { m, call } = setup();
    const s = m.string('  42, x');
    expect(call('strspn', ptr(s), ptr(m.string(' ')))).toBe(2);
    expect(call('strspn', ptr(s), ptr(m.string(' 0123456789')))).toBe(4);
    expect(call('strcspn', ptr(s), ptr(m.string(',')))).toBe(4);
    expect(call('strcspn', ptr(s), ptr(m.string('?')))).toBe(7);
    expect(call('strpbrk', ptr(s), ptr(m.string('x,')))).toBe(s + 4);
    expect(call('strpbrk', ptr(s), ptr(m.string('?')))).toBe(0);
  });
});

describe('strerror', () => {
  it("writes glibc's text into the runtime's static buffer and returns it", () => {
    const { m, call } = setup();
    const buffer = m.symbols.get('__lab_strerror_buf');
    expect(call('strerror', 2)).toBe(buffer);
    expect(m.cString(buffer!)).toBe('No such file or directory');
    call('strerror', 11);
    expect(m.cString(buffer!)).toBe('Resource temporarily unavailable');
    call('strerror', 0);
    expect(m.cString(buffer!)).toBe('Success');
    call('strerror', 41);
    expect(m.cString(buffer!)).toBe('Unknown error 41');
    call('strerror', -3);
    expect(m.cString(buffer!)).toBe('Unknown error -3');
  });
});

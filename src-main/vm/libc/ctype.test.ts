import { describe, expect, it } from 'vitest';
import { CTYPE_NATIVES as C, ctypeMask } from './ctype.ts';
import { FakeMemory, callNative } from './test-call.ts';

const m = new FakeMemory();
const call = (name: keyof typeof C, c: number) => callNative(C[name], m, c);
const ch = (s: string) => s.charCodeAt(0);

describe('ctype.h returns glibc’s bit masks', () => {
  // recorded from gcc 12 + glibc 2.36 on x86-64: printf("%d", isalpha('a')) and so on
  it('prints the same values as glibc for the usual members', () => {
    expect(call('isalpha', ch('a'))).toBe(1024);
    expect(call('isdigit', ch('1'))).toBe(2048);
    expect(call('isspace', ch(' '))).toBe(8192);
    expect(call('isupper', ch('A'))).toBe(256);
    expect(call('islower', ch('a'))).toBe(512);
    expect(call('isalnum', ch('a'))).toBe(8);
    expect(call('ispunct', ch('!'))).toBe(4);
    expect(call('isprint', ch('a'))).toBe(16384);
    expect(call('isxdigit', ch('f'))).toBe(4096);
    expect(call('isalnum', ch('1'))).toBe(8);
    expect(call('isxdigit', ch('F'))).toBe(4096);
    expect(call('isprint', ch(' '))).toBe(16384);
    expect(call('isspace', ch('\n'))).toBe(8192);
  });

  it('returns 0 for non-members, EOF and bytes above 127 (C locale)', () => {
    expect(call('isdigit', ch('a'))).toBe(0);
    expect(call('isalpha', ch('1'))).toBe(0);
    expect(call('isspace', ch('x'))).toBe(0);
    expect(call('ispunct', ch(' '))).toBe(0);
    expect(call('isprint', 127)).toBe(0);
    expect(call('isprint', 10)).toBe(0);
    expect(call('isxdigit', ch('g'))).toBe(0);
    expect(call('isdigit', -1)).toBe(0);
    expect(call('isalpha', 200)).toBe(0);
    expect(call('isalpha', -56)).toBe(0);
    expect(call('isalpha', 100000)).toBe(0);
  });

  it('classifies every ASCII character consistently', () => {
    let punct = 0;
    for (let c = 0; c < 128; c++) {
      const printable = c >= 32 && c < 127;
      expect(call('isprint', c) !== 0).toBe(printable);
      if (call('ispunct', c)) punct++;
      expect(call('isalnum', c) !== 0).toBe(call('isalpha', c) !== 0 || call('isdigit', c) !== 0);
    }
    expect(punct).toBe(32);
    expect(ctypeMask(ch('A'))).toBe(256 | 1024 | 4096 | 16384 | 32768 | 8);
  });

  it('toupper and tolower change letters only', () => {
    expect(call('toupper', ch('a'))).toBe(ch('A'));
    expect(call('toupper', ch('z'))).toBe(ch('Z'));
    expect(call('toupper', ch('A'))).toBe(ch('A'));
    expect(call('toupper', ch('1'))).toBe(ch('1'));
    expect(call('toupper', -1)).toBe(-1);
    expect(call('tolower', ch('Q'))).toBe(ch('q'));
    expect(call('tolower', ch('['))).toBe(ch('['));
    expect(call('tolower', 200)).toBe(200);
    expect(call('toupper', -23)).toBe(233); // a signed char: glibc's table gives the unsigned byte
    expect(call('tolower', -128)).toBe(128);
    expect(call('toupper', 300)).toBe(300);
  });
});

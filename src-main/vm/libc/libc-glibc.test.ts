/**
 * The glibc-specific values checked against the real thing: a C program compiled with gcc on this
 * machine prints what glibc returns, and the natives must return the same (ctype masks, strerror
 * texts, the rand sequence, strcmp's differences, strtol's corner cases).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CTYPE_NATIVES } from './ctype.ts';
import { STRING_NATIVES } from './string.ts';
import { STDLIB_NATIVES } from './stdlib.ts';
import { FakeMemory, callNative, ptr } from './test-call.ts';

let dir = '';

/** Compiles `source` with gcc -O0 and returns its standard output, split into lines. */
function runWithGcc(source: string): string[] {
  const file = join(dir, `p${Math.random().toString(36).slice(2)}.c`);
  writeFileSync(file, source);
  execFileSync('gcc', ['-O0', '-w', '-o', `${file}.out`, file]);
  return execFileSync(`${file}.out`, { encoding: 'latin1', maxBuffer: 1 << 24 }).split('\n').slice(0, -1);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forklab-libc-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CTYPE_FUNCTIONS = ['isdigit', 'isalpha', 'isalnum', 'isspace', 'isupper', 'islower', 'ispunct', 'isprint', 'isxdigit', 'toupper', 'tolower'] as const;

describe('against gcc + glibc', () => {
  it('ctype: every function on every value from -128 to 255', () => {
    const calls = CTYPE_FUNCTIONS.map((f) => `${f}(c)`).join(', ');
    const lines = runWithGcc(`#include <stdio.h>
#include <ctype.h>
int main(void) { for (int c = -128; c < 256; c++) printf("${CTYPE_FUNCTIONS.map(() => '%d').join(' ')}\\n", ${calls}); return 0; }`);
    const m = new FakeMemory();
    const ours = [];
    for (let c = -128; c < 256; c++) ours.push(CTYPE_FUNCTIONS.map((f) => callNative(CTYPE_NATIVES[f], m, c)).join(' '));
    expect(ours).toEqual(lines);
  });

  it('strerror: every errno from -2 to 140', () => {
    const lines = runWithGcc(`#include <stdio.h>
#include <string.h>
int main(void) { for (int e = -2; e <= 140; e++) printf("%s\\n", strerror(e)); return 0; }`);
    const m = new FakeMemory().withRuntime();
    const ours = [];
    for (let e = -2; e <= 140; e++) ours.push(m.cString(callNative(STRING_NATIVES.strerror, m, e) as number));
    expect(ours).toEqual(lines);
  });

  it('rand: unseeded, and after srand with small, zero and huge seeds', () => {
    const seeds = [1, 0, 42, 12345, 2147483647, 2147483648, 4294967295];
    const lines = runWithGcc(`#include <stdio.h>
#include <stdlib.h>
int main(void) {
  for (int i = 0; i < 50; i++) printf("%d\\n", rand());
  unsigned seeds[] = { ${seeds.join('u, ')}u };
  for (int s = 0; s < ${seeds.length}; s++) { srand(seeds[s]); for (int i = 0; i < 400; i++) printf("%d\\n", rand()); }
  return 0;
}`);
    const m = new FakeMemory().withRuntime();
    const ours: string[] = [];
    const rand = () => ours.push(String(callNative(STDLIB_NATIVES.rand, m)));
    for (let i = 0; i < 50; i++) rand();
    for (const seed of seeds) {
      callNative(STDLIB_NATIVES.srand, m, seed | 0);
      for (let i = 0; i < 400; i++) rand();
    }
    expect(ours).toEqual(lines);
  });

  it('strcmp, strncmp, memcmp at run time: the byte differences', () => {
    const pairs: [string, string, number][] = [
      ['abc', 'abz', 3], ['abz', 'abc', 3], ['abc', 'abc', 3], ['', 'abc', 1], ['abc', '', 2],
      ['hello', 'Hello', 5], ['a\\xff', 'a\\x01', 2], ['same', 'samE', 3], ['xxxxxxxxxxxxxxxxxxxxxxxa', 'xxxxxxxxxxxxxxxxxxxxxxxz', 24],
    ];
    const lines = runWithGcc(`#include <stdio.h>
#include <string.h>
static void show(const char *a, const char *b, size_t n) {
  char x[64], y[64];
  memset(x, 0, 64); memset(y, 0, 64);
  strcpy(x, a); strcpy(y, b);
  printf("%d %d %d\\n", strcmp(x, y), strncmp(x, y, n), memcmp(x, y, n));
}
int main(void) {
${pairs.map(([a, b, n]) => `  show("${a}", "${b}", ${n});`).join('\n')}
  return 0;
}`);
    const m = new FakeMemory();
    const unescape = (s: string) => s.replace(/\\x([0-9a-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    const ours = pairs.map(([a, b, n]) => {
      const x = m.alloc(64);
      const y = m.alloc(64);
      m.bytes.set(Array.from(unescape(a), (ch) => ch.charCodeAt(0)), x);
      m.bytes.set(Array.from(unescape(b), (ch) => ch.charCodeAt(0)), y);
      return ['strcmp', 'strncmp', 'memcmp']
        .map((f) => callNative(STRING_NATIVES[f as 'strcmp'], m, ptr(x), ptr(y), BigInt(n)))
        .join(' ');
    });
    expect(ours).toEqual(lines);
  });

  it('strtol and strtoul: value, end offset and errno', () => {
    const inputs = [
      '42', '  -42xyz', '+0', '0x1A', '0X', '0xg', '-0x10', '0777', '08', '  ', '', '-', '+x', 'zZ',
      '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809',
      '18446744073709551615', '18446744073709551616', '-1', '-18446744073709551615', '99999999999999999999999',
      '\\t\\n\\v\\f\\r 12', '1e5', '0b101',
    ];
    const bases = [0, 2, 8, 10, 16, 36, 1, 37];
    const lines = runWithGcc(`#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
int main(void) {
  const char *inputs[] = { ${inputs.map((s) => `"${s}"`).join(', ')} };
  int bases[] = { ${bases.join(', ')} };
  for (int i = 0; i < ${inputs.length}; i++) for (int b = 0; b < ${bases.length}; b++) {
    char *end = (char *)inputs[i] + 100;
    errno = 0;
    long v = strtol(inputs[i], &end, bases[b]);
    printf("%ld %ld %d ", v, (long)(end - inputs[i]), errno);
    end = (char *)inputs[i] + 100;
    errno = 0;
    unsigned long u = strtoul(inputs[i], &end, bases[b]);
    printf("%lu %ld %d\\n", u, (long)(end - inputs[i]), errno);
  }
  return 0;
}`);
    const m = new FakeMemory(64).withRuntime();
    const unescape = (s: string) =>
      s.replace(/\\([tnvfr])/g, (_, c: string) => ({ t: '\t', n: '\n', v: '\v', f: '\f', r: '\r' })[c as 't']!);
    const ours: string[] = [];
    for (const input of inputs) {
      const s = m.string(unescape(input));
      const end = m.alloc(8);
      for (const base of bases) {
        const parts: string[] = [];
        for (const name of ['strtol', 'strtoul'] as const) {
          m.setPointer(end, s + 100);
          m.errno = 0;
          const v = callNative(STDLIB_NATIVES[name], m, ptr(s), ptr(end), base) as bigint;
          const shown = name === 'strtoul' ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v);
          parts.push(`${shown} ${m.pointer(end) - s} ${m.errno}`);
        }
        ours.push(parts.join(' '));
      }
    }
    expect(ours).toEqual(lines);
  });
});

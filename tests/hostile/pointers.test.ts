/**
 * Hostile pointers (issue 15, item 7): reads through addresses no program may touch end the
 * process with SIGSEGV, as on Linux, never with an internal error of the lab. (An empty slot of
 * the VM's TLB was tagged -1, the page number of address -1, so such a read found no page.)
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src-main/vm/run.ts';
import { elapsed } from './bounds.ts';

const HEADERS = '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n';

/** The program's output when it calls `call` and prints its result and errno. */
function callResult(call: string): string {
  const source = `${HEADERS}#include <errno.h>\nchar buf[16] = "abc";\nint main(void) { long r = (long)(${call}); int e = errno; printf("\\nr=%ld %s\\n", r, e ? strerror(e) : "ok"); return 0; }\n`;
  const result = runProgram({ source, stdin: 'typed\n' });
  expect(result.exit.signal).toBeNull();
  return result.stdout.slice(result.stdout.lastIndexOf('\nr=') + 1);
}

describe('hostile pointers to system calls', () => {
  it.each([
    ['write(1, (void *)-1, 1)', 'r=-1 Bad address\n'],
    ['write(1, (void *)8, 1)', 'r=-1 Bad address\n'],
    ['read(0, (void *)-1, 10)', 'r=-1 Bad address\n'],
    ['pipe((int *)-1)', 'r=-1 Bad address\n'],
    ['write(-1, buf, 1000000000)', 'r=-1 Bad file descriptor\n'],
    ['write(-1, (void *)-1, 1)', 'r=-1 Bad file descriptor\n'],
    ['read(99, (void *)-1, 10)', 'r=-1 Bad file descriptor\n'],
  ])('%s fails as on Linux: %j', (call, expected) => {
    expect(callResult(call)).toBe(expected);
  });

  it('write(1, buf, (size_t)-1) writes what can be read and returns its count, as Linux does', () => {
    const r = callResult('write(1, buf, (size_t)-1)');
    expect(r).toMatch(/^r=\d+ ok\n$/);
    expect(Number(r.slice(2, r.indexOf(' ')))).toBeGreaterThan(16);
  });
});

describe('hostile pointers', () => {
  it.each([
    ['a read at (int *)-1', 'return *(int *)-1;'],
    ['a write at (int *)-1', '*(int *)-1 = 1; return 0;'],
    ['a read at (long *)-8', 'return (int)*(long *)-8;'],
    ['strlen((char *)-1)', 'return (int)strlen((char *)-1);'],
    ['realloc((void *)1, 65)', 'return realloc((void *)1, 65) != 0;'],
    ['free((void *)-16)', 'free((void *)-16); return 0;'],
  ])('%s ends the process with SIGSEGV', (_what, body) => {
    const t = elapsed();
    const result = runProgram({ source: `${HEADERS}int main(void) { ${body} }\n` });
    expect(result.exit.signal).toBe('SIGSEGV');
    expect(result.stopMessage).toMatch(/^process 3 was killed by SIGSEGV/);
    expect(t()).toBeLessThan(5000);
  });
});

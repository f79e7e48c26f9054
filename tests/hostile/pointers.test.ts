/**
 * Hostile pointers (issue 15, item 7): reads through addresses no program may touch end the
 * process with SIGSEGV, as on Linux, never with an internal error of the lab. (An empty slot of
 * the VM's TLB was tagged -1, the page number of address -1, so such a read found no page.)
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src-main/vm/run.ts';
import { elapsed } from './bounds.ts';

const HEADERS = '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n';

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

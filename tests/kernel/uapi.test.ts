/**
 * The kernel's named constants (kernel/uapi.ts) and the C headers programs include
 * (src-main/lang/headers) must agree: a program that passes O_APPEND or SIGUSR1 means what the
 * kernel reads. A program prints every constant the headers define, and each must equal
 * uapi's value.
 */
import { describe, expect, it } from 'vitest';
import * as uapi from '../../src-main/kernel/uapi.ts';
import { runProgram } from '../../src-main/vm/run.ts';

const HEADERS = ['errno.h', 'signal.h', 'sched.h', 'sys/wait.h', 'fcntl.h', 'unistd.h', 'sys/prctl.h', 'sys/resource.h', 'sys/stat.h', 'dirent.h', 'stdio.h', 'sys/mman.h'];

/** Constants the kernel names that no header defines as a plain number (pointers, tables). */
const NOT_IN_HEADERS = new Set(['ERRNO_BY_NAME', 'SIG_DFL', 'SIG_IGN', 'SIG_ERR', 'RLIM_INFINITY']);

const names = Object.entries(uapi)
  .filter(([name, value]) => typeof value === 'number' && !NOT_IN_HEADERS.has(name))
  .map(([name]) => name);

describe('uapi.ts and the C headers agree', () => {
  it('every number the kernel names is defined by a header with the same value', () => {
    const source = [
      ...HEADERS.map((h) => `#include <${h}>`),
      'int main(void) {',
      ...names.map((n) => `#ifdef ${n}\n  printf("${n} %ld\\n", (long) (${n}));\n#else\n  printf("${n} undefined\\n");\n#endif`),
      '  return 0;',
      '}',
    ].join('\n');
    const r = runProgram({ source });
    expect(r.diagnosticsText).toBe('');
    const printed = Object.fromEntries(r.stdout.trim().split('\n').map((line) => line.split(' ')));
    const expected = Object.fromEntries(names.map((n) => [n, String((uapi as Record<string, unknown>)[n])]));
    expect(printed).toEqual(expected);
  });
});

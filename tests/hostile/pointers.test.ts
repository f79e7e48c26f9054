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
  const source = `${HEADERS}#include <errno.h>\n#include <fcntl.h>\n#include <sys/stat.h>\n#include <sys/wait.h>\n#include <dirent.h>\nchar buf[16] = "abc";\nint main(void) { long r = (long)(${call}); int e = errno; printf("\\nr=%ld %s\\n", r, e ? strerror(e) : "ok"); return 0; }\n`;
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
    // the file system's calls (attacked again once they landed)
    ['open((char *)8, O_RDONLY)', 'r=-1 Bad address\n'],
    ['open((char *)-1, O_WRONLY | O_CREAT, 0644)', 'r=-1 Bad address\n'],
    ['creat((char *)8, 0644)', 'r=-1 Bad address\n'],
    ['stat("/bin/sh", (struct stat *)8)', 'r=-1 Bad address\n'],
    ['fstat(1, (struct stat *)8)', 'r=-1 Bad address\n'],
    ['fstat(-1, (struct stat *)8)', 'r=-1 Bad file descriptor\n'],
    ['(write(open("g", O_WRONLY | O_CREAT, 0644), "abc", 3), read(open("g", O_RDONLY), (void *)8, 3))', 'r=-1 Bad address\n'],
    ['write(open("f", O_WRONLY | O_CREAT, 0644), (void *)8, 5)', 'r=-1 Bad address\n'],
    ['mkdir((char *)8, 0755)', 'r=-1 Bad address\n'],
    ['unlink((char *)-1)', 'r=-1 Bad address\n'],
    ['chdir((char *)8)', 'r=-1 Bad address\n'],
    ['access((char *)8, 0)', 'r=-1 Bad address\n'],
    ['opendir((char *)8)', 'r=0 Bad address\n'],
    // a call that returns a pointer returns NULL (it returned (char *)-1)
    ['getcwd((char *)8, 100)', 'r=0 Bad address\n'],
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

describe('a fault inside a library function', () => {
  it.each([
    ['realloc', 'char *p = realloc((void *)1, 65);'],
    ['memcpy', 'memcpy((void *)8, "abc", 3);'],
    ['strlen', 'int n = (int)strlen((char *)-1);'],
    ['printf %s', 'printf("%s\\n", (char *)16);'],
    ['qsort with a bad comparator', 'int a[3] = {3, 1, 2}; qsort(a, 3, sizeof(int), (int (*)(const void *, const void *))8);'],
    ['fwrite from a bad pointer', 'fwrite((void *)8, 1, 5, stdout);'],
    ['strcpy', 'strcpy((char *)8, "abc");'],
    ['sscanf into a bad pointer', 'sscanf("5", "%d", (int *)8);'],
  ])('%s is SIGSEGV at the student\'s calling line', (_what, call) => {
    const result = runProgram({ source: `${HEADERS}int main(void) {\n    int pad = 0;\n    ${call}\n    return pad;\n}\n` });
    expect(result.exit.signal).toBe('SIGSEGV');
    expect(result.stopMessage).toMatch(/^process 3 was killed by SIGSEGV .*, line 7$/);
  });

  it("a fault in the student's comparator is at the comparator's line", () => {
    const result = runProgram({ source: `${HEADERS}int cmp(const void *a, const void *b) {\n    return *(int *)8;\n}\nint main(void) { int a[3] = {3, 1, 2}; qsort(a, 3, sizeof(int), cmp); return 0; }\n` });
    expect(result.stopMessage).toMatch(/SIGSEGV .*, line 6$/);
  });
});

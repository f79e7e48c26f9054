/**
 * Hostile commands for the lab's /bin/sh through system() and popen() (issue 15, attacked again
 * once sh landed): a pipeline of more than 64 commands overflowed the shell's arrays (the shell
 * died of SIGSEGV and system() returned 11), one of 1,000 was "command too long"; variables
 * doubled 40 times. Each ends as dash ends it, bounded in time.
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src-main/vm/run.ts';
import { elapsed } from './bounds.ts';

/** A program that runs `echo hi | cat | cat ...` (`stages` commands in all) with system() and prints its status. */
const pipeline = (stages: number): string => `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static char cmd[${stages * 6 + 100}];
int main(void) {
    strcpy(cmd, "echo hi");
    for (int i = 1; i < ${stages}; i++) strcat(cmd, " | cat");
    int r = system(cmd);
    printf("system: %d\\n", r);
    return 0;
}
`;

describe('hostile commands for the shell', () => {
  it('a pipeline of 150 commands runs (the shell overflowed its 64-entry arrays)', { timeout: 60_000 }, () => {
    const t = elapsed();
    const result = runProgram({ source: pipeline(150), trace: 'none' });
    expect(result.stdout).toBe('hi\nsystem: 0\n');
    expect(t()).toBeLessThan(40_000);
  });

  it('a pipeline of 1,000 commands runs out of processes: "Cannot fork" and status 2, as dash under RLIMIT_NPROC', { timeout: 90_000 }, () => {
    const t = elapsed();
    const result = runProgram({ source: pipeline(1000), trace: 'none' });
    expect(result.stdout).toBe('sh: 1: Cannot fork\nsystem: 512\n');
    expect(result.stopReason).toBe('exited');
    expect(t()).toBeLessThan(60_000);
  });

  it('a variable doubled 40 times ends, bounded', { timeout: 60_000 }, () => {
    const t = elapsed();
    const result = runProgram({ source: `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static char cmd[8000];
int main(void) {
    strcpy(cmd, "A=aaaaaaaaaaaaaaaa");
    for (int i = 0; i < 40; i++) strcat(cmd, "; A=$A$A");
    strcat(cmd, "; echo $A | wc -c");
    printf("system: %d\\n", system(cmd));
    return 0;
}
`, trace: 'none' });
    expect(result.stopReason).toBe('exited');
    expect(result.stdout).toMatch(/system: \d+\n$/);
    expect(t()).toBeLessThan(40_000);
  });
});

/**
 * Hostile signals (issue 15, item 1): kill(1, SIGKILL) from a program ran for 22 s, grew to
 * 2.6 GB and ended in a V8 fatal error (init's exit reparented its children to itself, forever).
 * As in Linux, init ignores from user tasks every signal it has no handler for, SIGKILL and
 * SIGSTOP included: kill returns 0 and the program goes on.
 */
import { describe, expect, it } from 'vitest';
import { bootMachine, compileProgram, runProgram } from '../../src-main/vm/run.ts';
import { KernelRunaway, MAX_EVENTS_PER_SLICE } from '../../src-main/kernel/kernel.ts';
import { doExit } from '../../src-main/kernel/exit.ts';
import { elapsed } from './bounds.ts';

const killInit = (sig: string) => `#include <stdio.h>
#include <signal.h>
#include <unistd.h>
int main(void) {
    int r = kill(1, ${sig});
    printf("kill returned %d, my parent is %d\\n", r, getppid());
    if (fork() == 0) { kill(1, ${sig}); printf("child alive\\n"); return 0; }
    return 0;
}
`;

describe('hostile signals to init', () => {
  it.each(['SIGKILL', 'SIGSTOP', 'SIGTERM', 'SIGINT', 'SIGSEGV', 'SIGCHLD'])('kill(1, %s) is ignored and the program goes on', (sig) => {
    const t = elapsed();
    const result = runProgram({ source: killInit(sig) });
    expect(result.stdout).toBe('kill returned 0, my parent is 2\nchild alive\n');
    expect(result.stopReason).toBe('exited');
    expect(result.exit).toEqual({ code: 0, signal: null });
    expect(t()).toBeLessThan(5000);
  });
});

describe('the kernel stops a runaway of its own', () => {
  it('init exiting hands its children to no one in a loop: the exit ends at once', () => {
    const image = compileProgram('int main(void) { return 0; }').image!;
    const { machine } = bootMachine(image, {});
    const k = machine.kernel;
    const t = elapsed();
    doExit(k, k.init, 9);
    expect(t()).toBeLessThan(1000);
    expect(k.init.children.every((c) => c.parent === k.init)).toBe(true);
  });

  it(`more than ${MAX_EVENTS_PER_SLICE.toLocaleString('en-US')} events without a CPU slice stop the run`, () => {
    const image = compileProgram('int main(void) { return 0; }').image!;
    const { machine, program } = bootMachine(image, {});
    const k = machine.kernel;
    expect(() => {
      for (let i = 0; i <= MAX_EVENTS_PER_SLICE; i++) k.event(program, 'wake', { reason: 'x' } as never);
    }).toThrow(KernelRunaway);
  });
});

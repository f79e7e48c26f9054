/**
 * Limits that fit (issue 12, item 7): the run says what stopped it and how to raise it, and says
 * "endless loop" only when the lab saw a process come back to the very same state; a loop that
 * only a timer can end is skipped ahead to it; the default RLIMIT_NPROC lets a loop of forks
 * reach depth 8; the wall-clock limit stops a run that takes too long.
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src-main/vm/run.ts';
import { DEFAULT_MAX_STEPS, DEFAULT_NPROC } from '../../src-main/kernel/kernel.ts';
import { FIRST_PROBE_STEPS } from '../../src-main/vm/machine.ts';

const HEAD = '#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n#include <signal.h>\n#include <sys/wait.h>\n';

describe('an endless loop is named only when the lab saw the same state twice', () => {
  it.each([
    ['an empty loop', 'int main(void) { printf("start\\n"); fflush(stdout); for (;;) {} }', 1],
    ['a loop on a flag nobody sets', 'int done = 0;\nint main(void) { printf("start\\n"); fflush(stdout);\n  while (!done) { }\n  return 0; }', 3],
    ['a loop that writes the same value again', 'int main(void) { printf("start\\n"); fflush(stdout); int x;\n  for (;;) { x = 7; }\n}', 2],
  ])('%s: stopped soon after the first probe, at its line, with its output kept', (_what, body, line) => {
    const r = runProgram({ source: HEAD + body });
    expect(r.stopReason).toBe('endless-loop');
    expect(r.stdout).toBe('start\n');
    expect(r.stats.steps).toBeLessThan(FIRST_PROBE_STEPS * 3);
    expect(r.stopMessage).toMatch(new RegExp(`endless loop\\. process 3 \\(prog\\) came back to exactly the same state at line ${line + 5}`));
    expect(r.exit.code).toBe(-1);
  });

  it('a loop that changes memory is not called endless: the step limit stops it and says how to raise it', () => {
    const r = runProgram({ source: HEAD + 'int main(void) { volatile long x = 0; for (;;) x++; }', maxSteps: 4_000_000 });
    expect(r.stopReason).toBe('step-limit');
    expect(r.stopMessage).not.toMatch(/endless/);
    expect(r.stopMessage).toMatch(/stopped after 4,000,000 steps, the step limit.*--max-steps/);
  });

  it('a loop another process could end (it is not alone) is not called endless', () => {
    const r = runProgram({
      source: HEAD + 'int main(void) { pid_t p = fork(); if (p == 0) { for (;;) {} } volatile long x = 0; for (;;) x++; }',
      maxSteps: 5_000_000,
    });
    expect(r.stopReason).toBe('step-limit');
  });

  it('a loop an alarm ends is skipped ahead to the alarm: SIGALRM kills it as on Linux, at once', () => {
    const started = Date.now();
    const r = runProgram({ source: HEAD + 'int main(void) { alarm(5); printf("waiting\\n"); fflush(stdout); for (;;) {} }' });
    expect(r.exit).toEqual({ code: 142, signal: 'SIGALRM' });
    expect(r.stdout).toBe('waiting\n');
    const skip = r.trace.find((e) => e.kind === 'loop-skip');
    expect(skip).toBeDefined();
    // five simulated seconds: five billion steps, almost all of them skipped
    expect(r.stats.steps).toBeGreaterThanOrEqual(5_000_000_000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a handler that sets the flag ends the loop: the skipped loop goes on after the alarm', () => {
    const r = runProgram({
      source: HEAD + 'volatile sig_atomic_t done = 0;\nvoid on_alarm(int s) { done = 1; }\nint main(void) { signal(SIGALRM, on_alarm); alarm(2); while (!done) { } printf("done\\n"); return 0; }',
    });
    expect(r.stdout).toBe('done\n');
    expect(r.exit.code).toBe(0);
  });
});

describe('the other limits', () => {
  it('the wall-clock limit stops a long run and says so', () => {
    // no step budget in the way: the default 5·10^8 steps can take less than 0.2 s compiled
    const r = runProgram({ source: HEAD + 'int main(void) { volatile long x = 0; for (;;) x++; }', timeLimitMs: 200, maxSteps: 1e15 });
    expect(r.stopReason).toBe('time-limit');
    expect(r.stopMessage).toMatch(/stopped after 0\.2 s, the time limit.*--time-limit/);
  });

  it('the default budgets fit ordinary programs', () => {
    // a 200×200 matrix multiply takes 170 million steps, a merge sort of 100,000 numbers 85 million
    expect(DEFAULT_MAX_STEPS).toBeGreaterThanOrEqual(2 * 170_000_000);
    expect(DEFAULT_NPROC).toBeGreaterThanOrEqual(256);
  });

  it('a loop of 8 forks makes its 256 processes under the default RLIMIT_NPROC', () => {
    const r = runProgram({ source: HEAD + 'int main(void) { for (int i = 0; i < 8; i++) fork(); printf("x\\n"); while (wait(NULL) > 0) ; return 0; }' });
    expect(r.stdout).toBe('x\n'.repeat(256));
    expect(r.processes).toHaveLength(256);
    expect(r.warnings.some((w) => w.kind === 'fork-failed-rlimit')).toBe(false);
  });
});

/**
 * Runaway programs end with a clear reason and keep what they printed; the host never hangs.
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src-main/vm/run.ts';

describe('limits and faults end a run with a clear reason', () => {
  it('stops an endless loop at the step budget and keeps its output', () => {
    const r = runProgram({ source: '#include <stdio.h>\nint main(void) { printf("start\\n"); for (;;) {} }\n', maxSteps: 200_000 });
    expect(r.stopReason).toBe('step-limit');
    expect(r.stdout).toBe('start\n');
    expect(r.stopMessage).toMatch(/step limit/);
    expect(r.stats.steps).toBeGreaterThanOrEqual(200_000);
  });

  it('ends a stack overflow with SIGSEGV and says where', () => {
    const r = runProgram({ source: 'int f(int n) { int a[64]; a[0] = n; return f(n + 1) + a[0]; }\nint main(void) { return f(0); }\n' });
    expect(r.exit).toEqual({ code: 139, signal: 'SIGSEGV' });
    expect(r.stopMessage).toMatch(/SIGSEGV \(stack-overflow\).*line 1/);
  });

  it('ends a NULL dereference with SIGSEGV at its line, after the output before it', () => {
    const r = runProgram({ source: '#include <stdio.h>\nint main(void) {\n  int *p = 0;\n  printf("before\\n");\n  *p = 5;\n  return 0;\n}\n' });
    expect(r.stdout).toBe('before\n');
    expect(r.exit).toEqual({ code: 139, signal: 'SIGSEGV' });
    expect(r.stopMessage).toMatch(/null-pointer.*address 0x0.*line 5/);
  });

  it('stops a fork bomb: forks fail with EAGAIN at RLIMIT_NPROC and the budget ends the run', () => {
    const r = runProgram({ source: '#include <unistd.h>\nint main(void) { while (1) fork(); }\n', maxSteps: 2_000_000, nprocLimit: 16 });
    expect(r.stopReason).toBe('step-limit');
    expect(r.processes.length).toBeLessThanOrEqual(16);
    expect(r.trace.some((e) => e.kind === 'fork-failed')).toBe(true);
  });

  it('stops a program that prints forever at the output limit', () => {
    const r = runProgram({ source: '#include <stdio.h>\nint main(void) { for (;;) puts("spam"); }\n', maxOutputBytes: 10_000 });
    expect(r.stopReason).toBe('output-limit');
    expect(r.stdoutBytes.length).toBe(10_000);
  });

  it('reports a deadlock and who waits for what', () => {
    const r = runProgram({ source: '#include <unistd.h>\nint main(void) { int fd[2]; pipe(fd); char c; read(fd[0], &c, 1); return 0; }\n' });
    expect(r.stopReason).toBe('deadlock');
    expect(r.stopMessage).toMatch(/waits for input on pipe descriptor 3/);
  });

  it('a deadlock of many processes is said in a line per kind of wait, not a line per process', () => {
    const r = runProgram({ source: '#include <unistd.h>\n#include <sys/wait.h>\nint main(void) { for (int i = 0; i < 200; i++) if (fork() == 0) pause(); while (wait(NULL) > 0) {} return 0; }\n' });
    expect(r.stopReason).toBe('deadlock');
    expect(r.stopMessage).toMatch(/process 3 \(\w+\) waits for a child to exit; processes 4, 5, 6 and 197 more \(\w+\) wait for a signal \(pause\)/);
    expect(r.stopMessage!.length).toBeLessThan(300);
  });

  it('gives SIGKILL (out of memory) when frames run out', () => {
    const r = runProgram({
      source: '#include <stdlib.h>\n#include <string.h>\nint main(void) { for (;;) { char *p = malloc(1 << 16); if (!p) return 3; memset(p, 1, 1 << 16); } }\n',
      maxFrames: 256,
    });
    expect([3, 137]).toContain(r.exit.code);
  });
});

/**
 * "complete" is a promise that the outputs listed are every output the program can produce. A run
 * that one of the lab's limits stopped (the step budget, the time limit, the endless-loop probe,
 * the output limit) printed only the start of what it would have: a search that saw one is not
 * complete, and says why.
 */
import { describe, expect, it } from 'vitest';
import { exploreImage } from '../../src-main/explore/explore.ts';
import { compileProgram } from '../../src-main/vm/run.ts';
import { exploreText } from '../../src-main/cli/explore.ts';

const H = '#include <stdio.h>\n#include <unistd.h>\n#include <sys/wait.h>\n';

function explore(source: string, options: { maxSteps?: number; maxMs?: number; nprocLimit?: number } = {}) {
  const compiled = compileProgram(source, 'prog.c');
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return exploreImage(compiled.image!, { fileName: 'prog.c', ...options });
}

describe('the explorer and the lab\'s limits', () => {
  it('a program whose runs a limit stops is not complete, and the view says which limit', () => {
    // the child never ends: every run is stopped by the step budget, after "start" and maybe "parent"
    const view = explore(`${H}int main(void) { printf("start\\n"); if (fork() == 0) { for (;;) {} } printf("parent\\n"); wait(NULL); return 0; }`, { maxSteps: 20_000 });
    expect(view.outputs.length).toBeGreaterThan(0);
    expect(view.complete).toBe(false);
    expect(view.runsStopped).toEqual({ runs: expect.any(Number), reason: expect.stringMatching(/step-limit|endless-loop/) });
    expect(view.runsStopped!.runs).toBeGreaterThan(0);
    const text = exploreText(view, 'prog.c');
    expect(text).toMatch(/stopped by the lab's limit/);
    expect(text).not.toMatch(/these are all the outputs/);
  });

  it('a program that prints after a long computation is not complete when the budget stops it first', () => {
    // Linux prints "done" (after a second of work); a run stopped at 20,000 steps printed nothing
    const view = explore(`${H}int main(void) { long s = 0; for (long i = 0; i < 100000000; i++) s += i; printf("done %ld\\n", s > 0); return 0; }`, { maxSteps: 20_000 });
    expect(view.outputs.map((o) => o.stdout)).toEqual(['']);
    expect(view.complete).toBe(false);
    expect(view.runsStopped).toEqual({ runs: 1, reason: 'step-limit' });
  });

  it('a program that ends in every schedule is complete and reports no stopped runs', () => {
    const view = explore(`${H}int main(void) { if (fork() == 0) { printf("child\\n"); return 0; } printf("parent\\n"); wait(NULL); return 0; }`);
    expect(view.complete).toBe(true);
    expect(view.runsStopped).toBeUndefined();
    expect(view.outputs.map((o) => o.stdout).sort()).toEqual(['child\nparent\n', 'parent\nchild\n']);
  });
});

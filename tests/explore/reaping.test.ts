/**
 * Which zombie a wait reaps (runner.ts, "which zombie"): `while (wait(NULL) > 0)` costs what
 * waitpid costs, since the order in which the parent reaps its children changes nothing the
 * program can see; a program that can tell which child was reaped (the result compared with a
 * child's pid, a status, kill) still gets every output that depends on it.
 */
import { describe, expect, it } from 'vitest';
import { searchSchedules } from '../../src-main/explore/search.ts';
import { compileProgram } from '../../src-main/vm/run.ts';

const H = '#include <stdio.h>\n#include <stdlib.h>\n#include <signal.h>\n#include <unistd.h>\n#include <sys/wait.h>\n';
const BUDGET = { maxMs: 60_000, maxRuns: 20_000, maxStates: 200_000 };

function search(source: string) {
  const r = searchSchedules(compileProgram(source, 'prog.c').image!, {}, BUDGET);
  return { complete: r.complete, outputs: new Set(r.runs.map((x) => x.stdout)), runs: r.runsStarted };
}

const CHILDREN = (reap: string) => `${H}int main(void) { pid_t k[3];
  for (int i = 0; i < 3; i++) if ((k[i] = fork()) == 0) { printf("child %d: first\\n", i); printf("child %d: second\\n", i); exit(0); }
  ${reap}
  return 0; }`;

describe('which zombie a wait reaps', () => {
  it('explores a wait(NULL) loop in as many runs as waitpid for each child (3 children of 2 lines: 90 outputs)', () => {
    const loop = search(CHILDREN('while (wait(NULL) > 0) ;'));
    const each = search(CHILDREN('for (int i = 0; i < 3; i++) waitpid(k[i], NULL, 0);'));
    expect(loop.complete && each.complete).toBe(true);
    expect(loop.outputs.size).toBe(90);
    expect(loop.outputs).toEqual(each.outputs);
    // (1,155 runs when every order of reaping was tried)
    expect(loop.runs).toBeLessThanOrEqual(each.runs);
  });

  it('still tries both reapings when the program compares the result with a child', () => {
    const r = search(`${H}int main(void) {
  pid_t a = fork(); if (a == 0) exit(0);
  pid_t b = fork(); if (b == 0) exit(0);
  if (wait(NULL) == a) printf("a first\\n"); else printf("b first\\n");
  wait(NULL); return 0; }`);
    expect(r.complete).toBe(true);
    expect([...r.outputs].sort()).toEqual(['a first\n', 'b first\n']);
  });

  it('still tries both reapings when the status tells the children apart', () => {
    const r = search(`${H}int main(void) { int st;
  if (fork() == 0) exit(1);
  if (fork() == 0) exit(2);
  while (wait(&st) > 0) printf("%d\\n", WEXITSTATUS(st));
  return 0; }`);
    expect(r.complete).toBe(true);
    expect([...r.outputs].sort()).toEqual(['1\n2\n', '2\n1\n']);
  });

  it('still tries both reapings when kill finds whether a child was reaped', () => {
    const r = search(`${H}int main(void) {
  pid_t a = fork(); if (a == 0) exit(0);
  pid_t b = fork(); if (b == 0) exit(0);
  wait(NULL);
  printf(kill(a, 0) == 0 ? "a left\\n" : "b left\\n");
  wait(NULL); return 0; }`);
    expect(r.complete).toBe(true);
    expect([...r.outputs].sort()).toEqual(['a left\n', 'b left\n']);
  });
});

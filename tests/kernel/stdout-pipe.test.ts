/**
 * --stdout pipe runs `prog | cat` (kernel/pipe-cat.ts): the program's stdout is a real pipe that
 * /bin/cat, a task of its own, copies to the terminal; stderr is the terminal. The run's report
 * still describes the program alone.
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src-main/vm/run.ts';
import { programPids } from '../../src-main/checker/pids.ts';
import { zombieFacts } from '../../src-main/checker/zombies.ts';

const H = '#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n#include <sys/wait.h>\n';

const FORKS = `${H}int main(void) {
  printf("start\\n");
  for (int i = 0; i < 2; i++) if (fork() == 0) { printf("child %d\\n", i); exit(i); }
  while (wait(NULL) > 0) ;
  fprintf(stderr, "done\\n");
  return 3; }`;

describe('--stdout pipe: the program piped into cat', () => {
  it('gives the program a pipe that cat, a task of its own, copies to the terminal', () => {
    const r = runProgram({ source: FORKS, stdoutPipe: true });
    const catTask = r.trace.find((e) => e.kind === 'task-new' && e.command === 'cat');
    expect(catTask, 'a cat task').toBeDefined();
    const outputs = r.trace.filter((e) => e.kind === 'output');
    // stdout text reaches the terminal through cat; stderr's straight from the program
    expect(outputs.filter((e) => e.pid === catTask!.pid).map((e) => e.text).join('')).toContain('start\n');
    expect(outputs.filter((e) => e.text === 'done\n').map((e) => e.pid)).toEqual([r.processes[0].pid]);
    expect(r.trace.some((e) => e.kind === 'pipe-read' && e.pid === catTask!.pid)).toBe(true);
  });

  it('prints what the terminal printed before cat was a task: each write in order', () => {
    // each process's buffer is flushed at its exit; the parent's "start" goes with it
    const r = runProgram({ source: FORKS, stdoutPipe: true });
    expect(r.stdout).toBe('start\nchild 0\nstart\nchild 1\ndone\nstart\n');
  });

  it('reports the program, not cat: processes, exit, process counts and zombies', () => {
    const piped = runProgram({ source: FORKS, stdoutPipe: true });
    const tty = runProgram({ source: FORKS });
    expect(piped.processes.map((p) => p.command)).toEqual(['prog', 'prog', 'prog']);
    expect(piped.exit).toEqual({ code: 3, signal: null });
    expect(programPids(piped)).toEqual(piped.processes.map((p) => p.pid));
    expect(zombieFacts(piped).peak).toBe(zombieFacts(tty).peak);
    for (const key of ['forks', 'vforks', 'clones', 'execs', 'zombiesPeak', 'zombiesAtEnd', 'orphansReparented'] as const) {
      expect(piped.stats[key], key).toBe(tty.stats[key]);
    }
  });

  it('leaves cat out of the memory and the steps the program used', () => {
    // write(2), not stdio (whose buffer is bigger on a pipe than on a terminal)
    const source = `${H}int main(void) { for (int i = 0; i < 3; i++) write(1, "line\\n", 5); return 0; }`;
    const { steps, ...piped } = runProgram({ source, stdoutPipe: true }).stats;
    const { steps: ttySteps, ...tty } = runProgram({ source }).stats;
    // the same frames at most, though cat's memory was in use too
    expect(piped).toEqual(tty);
    // the same instructions, cat's not counted
    expect(steps).toBe(ttySteps);
  });
});

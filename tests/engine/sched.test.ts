/**
 * Scheduling: the policies order processes as documented, a run's schedule replays it step for
 * step, and random schedules of the scheduler-dependent corpus programs only ever produce
 * outputs that Linux produced too.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCorpus } from '../differential/corpus.ts';
import { runProgram } from '../../src-main/vm/run.ts';

const FORK_PRINT = String.raw`#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
    if (fork() == 0) { printf("child\n"); return 0; }
    printf("parent\n");
    wait(NULL);
    return 0;
}
`;

describe('scheduler policies', () => {
  it('runs the parent first by default and the child first with child-first', () => {
    expect(runProgram({ source: FORK_PRINT }).stdout).toBe('parent\nchild\n');
    expect(runProgram({ source: FORK_PRINT, policy: 'child-first' }).stdout).toBe('child\nparent\n');
  });

  it('gives the same run for the same seed, and both orders over several seeds', () => {
    const outputs = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const a = runProgram({ source: FORK_PRINT, policy: 'random', seed });
      const b = runProgram({ source: FORK_PRINT, policy: 'random', seed });
      expect(b.stdout).toBe(a.stdout);
      expect(b.schedule).toBe(a.schedule);
      outputs.add(a.stdout);
    }
    expect(outputs).toEqual(new Set(['parent\nchild\n', 'child\nparent\n']));
  });

  it('replays a recorded schedule step for step', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const original = runProgram({ source: FORK_PRINT, policy: 'random', seed, quantum: 7 });
      const replay = runProgram({ source: FORK_PRINT, schedule: original.schedule });
      expect(replay.stdout).toBe(original.stdout);
      expect(replay.stats.steps).toBe(original.stats.steps);
      expect(replay.schedule).toBe(original.schedule);
    }
  });
});

describe('random schedules of scheduler-dependent programs', () => {
  const nondeterministic = loadCorpus(join(import.meta.dirname, '../differential/multi')).filter((p) => p.allowed.length > 1);

  it('has such programs in the corpus', () => {
    expect(nondeterministic.length).toBeGreaterThan(0);
  });

  for (const program of nondeterministic) {
    it(`${program.name}: every output is one Linux printed, and replays reproduce it`, () => {
      for (let seed = 1; seed <= 10; seed++) {
        const run = runProgram({ source: program.source, fileName: `${program.name}.c`, args: program.args, stdin: program.stdin ?? '', stdoutPipe: program.stdoutPipe, policy: 'random', seed, quantum: 50 });
        expect(program.allowed).toContainEqual({ stdout: run.stdout, exit: run.exit });
        const again = runProgram({ source: program.source, fileName: `${program.name}.c`, args: program.args, stdin: program.stdin ?? '', stdoutPipe: program.stdoutPipe, schedule: run.schedule });
        expect(again.stdout).toBe(run.stdout);
      }
    });
  }
});

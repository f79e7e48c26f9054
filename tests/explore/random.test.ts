/**
 * The explorer and the random scheduler agree: every output a seeded random schedule produces
 * (the random policy switches tasks at system calls, the explorer's scheduling points) is in the
 * explorer's complete set. Programs: the corpus's scheduler-dependent ones, a fork tree, threads.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../differential/corpus.ts';
import { exploreProgram } from '../../src-main/explore/explore.ts';
import { runProgram } from '../../src-main/vm/run.ts';

const H = '#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n#include <sys/wait.h>\n';

const EXTRA = [
  {
    name: 'fork loop with wait(NULL) and exit statuses',
    source: `${H}int main(void) {
  for (int i = 1; i <= 3; i++) if (fork() == 0) { printf("child %d\\n", i); exit(i); }
  int s; while (wait(&s) > 0) printf("reaped %d\\n", WEXITSTATUS(s)); return 0; }`,
  },
  {
    name: 'grandchildren printing through a pipe',
    source: `${H}int main(void) {
  int fd[2]; pipe(fd);
  if (fork() == 0) { if (fork() == 0) { write(fd[1], "g", 1); exit(0); } write(fd[1], "c", 1); wait(NULL); exit(0); }
  close(fd[1]); char b[4]; int n; while ((n = read(fd[0], b, 1)) > 0) printf("%c\\n", b[0]); wait(NULL); return 0; }`,
  },
];

describe('random schedules ⊆ the explorer', () => {
  const corpus = loadCorpus('tests/differential/multi').filter((p) => p.allowed.length > 1);
  const programs = [...corpus.map((p) => ({ name: p.name, source: p.source, fileName: `${p.name}.c` })), ...EXTRA.map((e) => ({ ...e, fileName: 'prog.c' }))];
  for (const p of programs) {
    it(p.name, () => {
      const view = exploreProgram(p.source, { fileName: p.fileName });
      expect(view.complete).toBe(true);
      const set = new Set(view.outputs.map((o) => o.stdout));
      for (let seed = 1; seed <= 25; seed++) {
        const r = runProgram({ source: p.source, fileName: p.fileName, policy: 'random', seed });
        expect(set, `seed ${seed}`).toContain(r.stdout);
      }
    });
  }
});

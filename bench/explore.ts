/**
 * `npm run bench -- explore`: the schedule explorer's speed (issue #6). Times the exploration of
 * textbook programs to completion, against the targets: the two children with wait(NULL) under
 * 1 s, a fork tree of 20 processes each printing one line under 20 s.
 */
import { performance } from 'node:perf_hooks';
import { exploreImage } from '../src-main/explore/explore.ts';
import { compileProgram } from '../src-main/vm/run.ts';

const HEADERS = '#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n#include <sys/wait.h>\n';

interface Case {
  name: string;
  source: string;
  /** the target in milliseconds, or null for a case measured for information */
  targetMs: number | null;
}

const CASES: Case[] = [
  {
    name: 'two children + wait(NULL)',
    targetMs: 1000,
    source: `${HEADERS}int main(void) {
  if (fork() == 0) { printf("A\\n"); exit(0); }
  if (fork() == 0) { printf("B\\n"); exit(0); }
  wait(NULL); printf("C\\n"); wait(NULL); printf("D\\n"); return 0; }`,
  },
  {
    // process i (1..20) forks children 2i and 2i+1 (those up to 20), prints one line and reaps
    // its children with waitpid
    name: 'fork tree of 20, waitpid',
    targetMs: 20_000,
    source: `${HEADERS}int main(void) {
  int id = 1, n = 0; pid_t kids[2];
  for (int c = 2; c <= 2 * id + 1 && c <= 20; c++) {
    pid_t p = fork();
    if (p == 0) { id = c; n = 0; c = 2 * id - 1; continue; }
    kids[n++] = p;
  }
  printf("hello from a process of the tree\\n");
  for (int i = 0; i < n; i++) waitpid(kids[i], NULL, 0);
  return 0; }`,
  },
  {
    // the same tree without waits: parents exit first and init reaps the orphans
    name: 'fork tree of 20, orphans',
    targetMs: 20_000,
    source: `${HEADERS}int main(void) {
  int id = 1;
  for (int c = 2; c <= 2 * id + 1 && c <= 20; c++) if (fork() == 0) { id = c; c = 2 * id - 1; }
  printf("hello from a process of the tree\\n");
  return 0; }`,
  },
  {
    // the same tree where each parent loops on wait(NULL): which child each wait reaps is a real
    // difference of state at every inner node, so the number of schedules to try is exponential
    name: 'fork tree of 20, wait(NULL) loops',
    targetMs: null,
    source: `${HEADERS}int main(void) {
  int id = 1;
  for (int c = 2; c <= 2 * id + 1 && c <= 20; c++) if (fork() == 0) { id = c; c = 2 * id - 1; }
  printf("hello from a process of the tree\\n");
  while (wait(NULL) > 0) ;
  return 0; }`,
  },
];

/** Runs the explorer benchmarks; false when a target was missed or a search was incomplete. */
export function benchExplore(): boolean {
  let ok = true;
  console.log('\nschedule explorer (time to explore completely):');
  for (const c of CASES) {
    const compiled = compileProgram(c.source, 'bench.c');
    if (!compiled.image) throw new Error(`${c.name} does not compile: ${JSON.stringify(compiled.diagnostics)}`);
    const limit = c.targetMs ?? 20_000;
    const t0 = performance.now();
    const view = exploreImage(compiled.image, { maxMs: limit, maxRuns: 1_000_000 });
    const ms = performance.now() - t0;
    const met = view.complete && (c.targetMs === null || ms <= c.targetMs);
    if (c.targetMs !== null && !met) ok = false;
    console.log(
      `${c.name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${view.complete ? 'complete ' : 'CUT OFF  '}` +
        `${String(view.outputs.length).padStart(3)} output(s)  ${String(view.schedulesExplored).padStart(6)} runs  ${String(view.statesExplored).padStart(7)} states` +
        `  ${c.targetMs === null ? '(for information)' : `target ${c.targetMs} ms: ${met ? 'met' : 'MISSED'}`}`,
    );
  }
  return ok;
}

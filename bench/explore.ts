/**
 * `npm run bench -- explore`: the schedule explorer's speed (issues #6 and #11). Times the
 * exploration of textbook programs to completion, against the targets: two children with
 * wait(NULL) under 1 s; a fork tree of 20 processes each printing one line under 20 s, with
 * waitpid, with orphans, and with every parent looping on wait(NULL); 4 children of 2 lines each
 * reaped by a wait(NULL) loop under 10 s; 7 children each printing one line, nobody waiting
 * (5,040 outputs), under 10 s. Reports states and runs per second (runs replay known prefixes).
 */
import { performance } from 'node:perf_hooks';
import { searchSchedules } from '../src-main/explore/search.ts';
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
    // the same tree where each parent loops on wait(NULL): the order in which each parent reaps
    // its children changes nothing it prints, and states by content see that
    name: 'fork tree of 20, wait(NULL) loops',
    targetMs: 20_000,
    source: `${HEADERS}int main(void) {
  int id = 1;
  for (int c = 2; c <= 2 * id + 1 && c <= 20; c++) if (fork() == 0) { id = c; c = 2 * id - 1; }
  printf("hello from a process of the tree\\n");
  while (wait(NULL) > 0) ;
  return 0; }`,
  },
  {
    // 8 lines, each child's two in order: 8! / 2^4 = 2,520 outputs
    name: '4 children x 2 lines, wait(NULL) loop',
    targetMs: 10_000,
    source: `${HEADERS}int main(void) {
  for (int i = 0; i < 4; i++) if (fork() == 0) { printf("child %d: first\\n", i); printf("child %d: second\\n", i); exit(0); }
  while (wait(NULL) > 0) ;
  return 0; }`,
  },
  {
    // 7! = 5,040 outputs: every order of the children's lines
    name: '7 children x 1 line, no wait',
    targetMs: 10_000,
    source: `${HEADERS}int main(void) {
  for (int i = 0; i < 7; i++) if (fork() == 0) { printf("child %d\\n", i); exit(0); }
  return 0; }`,
  },
];

/** Runs the explorer benchmarks; false when a target was missed or a search was incomplete. */
export function benchExplore(): boolean {
  let ok = true;
  console.log('\nschedule explorer (time to explore completely; CPU time of this process):');
  for (const c of CASES) {
    const compiled = compileProgram(c.source, 'bench.c');
    if (!compiled.image) throw new Error(`${c.name} does not compile: ${JSON.stringify(compiled.diagnostics)}`);
    const limit = c.targetMs ?? 20_000;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = searchSchedules(compiled.image, {}, { maxMs: 3 * limit, maxRuns: 10_000_000, maxStates: 10_000_000 });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const outputs = new Set(result.runs.map((r) => r.stdout)).size;
    const met = result.complete && (c.targetMs === null || ms <= c.targetMs);
    if (c.targetMs !== null && !met) ok = false;
    const perSecond = (n: number): string => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')}/s`;
    console.log(
      `${c.name.padEnd(38)} ${ms.toFixed(0).padStart(7)} ms (cpu ${cpuMs.toFixed(0).padStart(6)} ms)  ${result.complete ? 'complete ' : 'CUT OFF  '}` +
        `${String(outputs).padStart(5)} output(s)  ${String(result.states).padStart(7)} states (${perSecond(result.states)})  ` +
        `${String(result.runsStarted).padStart(6)} runs (${perSecond(result.runsStarted)})` +
        `  ${c.targetMs === null ? '(for information)' : `target ${c.targetMs} ms: ${met ? 'met' : 'MISSED'}`}`,
    );
  }
  return ok;
}

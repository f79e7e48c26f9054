/**
 * Memcheck's section of `npm run bench -- memcheck`: what memcheck costs, as ratios measured in
 * the same run. A student-sized program (a linked list built, walked and freed, an insertion
 * sort, string copies and compares: about 8 million instructions, all watched by memcheck) runs
 * natively (gcc -O0), in the lab without memcheck (`forklab run`'s default) and with it (the
 * app's viewer, grading, `forklab run --memcheck`). CPU times (user + system), best of 3.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileProgram, runImage } from '../src-main/vm/run.ts';
import { MEMCHECK_STEP_LIMIT } from '../src-main/vm/memcheck/memcheck.ts';

const STUDENT = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node { int value; char name[12]; struct node *next; };

int main(void) {
  struct node *head = NULL;
  for (int i = 0; i < 20000; i++) {
    struct node *n = malloc(sizeof *n);
    n->value = (i * 7919) % 10007;
    strcpy(n->name, i % 2 ? "odd" : "even");
    n->next = head;
    head = n;
  }
  long sum = 0;
  int evens = 0;
  for (struct node *n = head; n; n = n->next) {
    sum += n->value;
    if (strcmp(n->name, "even") == 0) evens++;
  }
  int a[1500];
  for (int i = 0; i < 1500; i++) a[i] = (i * 31) % 1500;
  for (int i = 1; i < 1500; i++) {
    int key = a[i], j = i - 1;
    while (j >= 0 && a[j] > key) { a[j + 1] = a[j]; j--; }
    a[j + 1] = key;
  }
  while (head) { struct node *next = head->next; free(head); head = next; }
  printf("%ld %d %d %d\\n", sum, evens, a[0], a[1499]);
  return 0;
}
`;

function cpuMs(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

function nativeCpuMs(exe: string): { ms: number; out: string } {
  let best = Infinity;
  let out = '';
  for (let i = 0; i < 5; i++) {
    const script = `TIMEFORMAT='%3U %3S'; { time "$0" >"$0.out"; } 2>"$0.time"`;
    execFileSync('bash', ['-c', script, exe]);
    const [user, sys] = readFileSync(`${exe}.time`, 'utf8').trim().split(/\s+/).map(Number);
    best = Math.min(best, (user + sys) * 1000);
    out = readFileSync(`${exe}.out`, 'utf8');
  }
  return { ms: Math.max(best, 1), out };
}

/** Prints the section; returns false when the three runs do not print the same. */
export function benchMemcheck(): boolean {
  const work = mkdtempSync(join(tmpdir(), 'forklab-mbench-'));
  try {
    writeFileSync(join(work, 'student.c'), STUDENT);
    execFileSync('gcc', ['-std=gnu11', '-O0', '-w', '-o', join(work, 'student'), join(work, 'student.c')]);
    const native = nativeCpuMs(join(work, 'student'));
    const image = compileProgram(STUDENT, 'student.c').image!;
    let plain = runImage(image, {});
    let checked = runImage(image, { memcheck: true });
    const plainMs = cpuMs(() => (plain = runImage(image, {})));
    const checkedMs = cpuMs(() => (checked = runImage(image, { memcheck: true })));
    const steps = checked.stats.steps;
    const same = plain.stdout === native.out && checked.stdout === native.out;
    console.log('\nmemcheck: a student-sized program (list, sort, strings), every instruction watched');
    console.log(
      `  ${(steps / 1e6).toFixed(1)} M steps (memcheck watches up to ${MEMCHECK_STEP_LIMIT / 1e6} M a run): gcc -O0 ${native.ms.toFixed(0)} ms, ` +
        `lab ${plainMs.toFixed(0)} ms (${(plainMs / native.ms).toFixed(1)}x), lab with memcheck ${checkedMs.toFixed(0)} ms ` +
        `(${(checkedMs / native.ms).toFixed(0)}x gcc, ${(checkedMs / plainMs).toFixed(1)}x the lab without it; ` +
        `${(steps / checkedMs / 1e3).toFixed(1)} M steps/s); ${checked.warnings.length} warnings; ${same ? 'same output' : 'OUTPUT DIFFERS'}`,
    );
    return same && steps <= MEMCHECK_STEP_LIMIT && checked.warnings.length === 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

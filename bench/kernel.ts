/**
 * The kernel's section of `npm run bench`: what process creation costs in the lab, as ratios
 * measured in the same run.
 *
 *   - fork of a process with 1 MiB of touched heap: copy-on-write against the historical eager
 *     copy (--fork-copy eager), per fork (the run with N forks minus the run with none, / N), and
 *     the address-space copy alone (dup_mm) the same way; each also against gcc -O0 natively;
 *   - 1000 processes created, run and reaped, against the same program built with gcc -O0.
 * Times are CPU times (user + system; the native side's children included, as bash's `time`
 * counts them), the best of several runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileProgram, runImage } from '../src-main/vm/run.ts';
import type { ProgramImage } from '../src-main/lang/image.ts';
import { Machine } from '../src-main/vm/machine.ts';
import { dupMm, mmput, type MmStruct } from '../src-main/kernel/mm/index.ts';

const FORK_1M = `/* Forks N times a process with 1 MiB of touched heap; each child writes one byte and exits. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 100;
  int size = 1 << 20;
  char *heap = malloc(size);
  for (int i = 0; i < size; i += 4096) heap[i] = 1;
  for (int k = 0; k < n; k++) {
    pid_t pid = fork();
    if (pid == 0) {
      heap[0] = 2;
      _exit(0);
    }
    waitpid(pid, NULL, 0);
  }
  printf("%d forks\\n", n);
  return 0;
}
`;

const PROCS = `/* Creates, runs and reaps N processes, each computing a little and exiting with a status. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1000;
  long sum = 0;
  for (int k = 0; k < n; k++) {
    pid_t pid = fork();
    if (pid == 0) {
      int s = 0;
      for (int i = 0; i < 100; i++) s += i;
      _exit((s + k) & 0xff);
    }
    int status;
    waitpid(pid, &status, 0);
    sum += WEXITSTATUS(status);
  }
  printf("%d processes, sum %ld\\n", n, sum);
  return 0;
}
`;

/**
 * Best of `n` CPU times of `fn` (user + system of this process, in milliseconds): on a shared
 * machine the wall clock mostly measures what else runs (as bench/run.ts does).
 */
function bestOf<T>(n: number, fn: () => T): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < n; i++) {
    const before = process.cpuUsage();
    value = fn();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return { ms: best, value };
}

function compileLab(source: string, name: string): ProgramImage {
  const compiled = compileProgram(source, `${name}.c`);
  if (!compiled.image) throw new Error(`${name} does not compile in the lab:\n${JSON.stringify(compiled.diagnostics)}`);
  return compiled.image;
}

function compileNative(source: string, name: string, work: string): string {
  const file = join(work, `${name}.c`);
  writeFileSync(file, source);
  const exe = join(work, name);
  execFileSync('gcc', ['-std=gnu11', '-O0', '-w', '-o', exe, file]);
  return exe;
}

function labRun(image: ProgramImage, args: string[], forkCopy: 'cow' | 'eager'): { ms: number; stdout: string } {
  const r = bestOf(3, () => runImage(image, { args, forkCopy, maxSteps: 2_000_000_000, nprocLimit: 4096 }));
  if (r.value.stopReason !== 'exited') throw new Error(`lab run stopped: ${r.value.stopMessage}`);
  return { ms: r.ms, stdout: r.value.stdout };
}

/** The native program under bash's `time`: its output and its CPU time, children included. */
function nativeRun(exe: string, args: string[]): { ms: number; stdout: string } {
  let best = Infinity;
  let stdout = '';
  for (let i = 0; i < 5; i++) {
    const script = `TIMEFORMAT='%3U %3S'; { time "$0" "$@" >"$0.out"; } 2>"$0.time"`;
    execFileSync('bash', ['-c', script, exe, ...args]);
    const [user, sys] = readFileSync(`${exe}.time`, 'utf8').trim().split(/\s+/).map(Number);
    best = Math.min(best, (user + sys) * 1000);
    stdout = readFileSync(`${exe}.out`, 'utf8');
  }
  return { ms: best, stdout };
}

/** Per-fork cost (ms) of a program run with `n` forks and with none. */
function perFork(run: (args: string[]) => { ms: number; stdout: string }, n: number): number {
  const base = run(['0']);
  const full = run([String(n)]);
  if (full.stdout !== `${n} forks\n`) throw new Error(`unexpected output ${JSON.stringify(full.stdout)}`);
  return Math.max(full.ms - base.ms, 1e-6) / n;
}

/**
 * dup_mm alone on the address space of a real process that touched 1 MiB: the program is run
 * until it blocks (it pauses), then its mm is copied (and released) many times each way.
 */
function dupMmCost(image: ProgramImage, eager: boolean, times: number): number {
  const machine = new Machine({ maxFrames: 1 << 17 });
  const kernel = machine.kernel;
  kernel.boot(image, ['./pause1m'], []);
  kernel.run();
  const task = [...kernel.tasks.values()].find((t) => !t.kernelThread)!;
  const mm = task.mm as MmStruct;
  // no tracing: the cost of the copy itself
  kernel.memory.phys.sink = null;
  // the copies are released after the clock stops: this is fork's cost, not exit's
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const copies: MmStruct[] = [];
    const t = bestOf(1, () => {
      for (let i = 0; i < times; i++) {
        const copy = dupMm(mm, { eager });
        if ('error' in copy) throw new Error('out of frames');
        copies.push(copy);
      }
    });
    best = Math.min(best, t.ms / times);
    for (const copy of copies) mmput(copy);
  }
  return best;
}

function row(name: string, a: string, b: string, ratio: number, what: string): void {
  console.log(`${name.padEnd(34)} ${a.padStart(14)}  ${b.padStart(14)}   ratio ${ratio.toFixed(1).padStart(7)}x  ${what}`);
}

const us = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`;

/** Prints the kernel's benchmark rows; returns false when the lab printed something else than gcc's program. */
export function benchKernel(): boolean {
  const work = mkdtempSync(join(tmpdir(), 'forklab-kbench-'));
  let ok = true;
  try {
    console.log('\nkernel: process creation');
    const forkImage = compileLab(FORK_1M, 'fork1m');
    const forkExe = compileNative(FORK_1M, 'fork1m', work);
    const n = 100;
    const cow = perFork((args) => labRun(forkImage, args, 'cow'), n);
    const eager = perFork((args) => labRun(forkImage, args, 'eager'), n);
    // natively a fork costs too little to see in 100: measure 2000
    const native = perFork((args) => nativeRun(forkExe, args), 2000);
    // the whole fork + _exit + waitpid, traced (two page-table snapshots per fork): the copy is
    // a small part of it, the dup_mm row below isolates it
    row('fork+exit+wait, 1 MiB (per fork)', `eager ${us(eager)}`, `COW ${us(cow)}`, eager / cow, 'eager / COW');
    row('fork+exit+wait, 1 MiB (per fork)', `lab COW ${us(cow)}`, `gcc ${us(native)}`, cow / native, 'lab / gcc -O0');

    const pauseImage = compileLab(FORK_1M.replace('for (int k = 0; k < n; k++) {', 'pause();\n  for (int k = 0; k < n; k++) {'), 'pause1m');
    const dupCow = dupMmCost(pauseImage, false, 200);
    const dupEager = dupMmCost(pauseImage, true, 50);
    row('dup_mm, 1 MiB touched', `eager ${us(dupEager)}`, `COW ${us(dupCow)}`, dupEager / dupCow, 'eager / COW (target >= 100x)');

    const procsImage = compileLab(PROCS, 'procs');
    const procsExe = compileNative(PROCS, 'procs', work);
    const lab = labRun(procsImage, ['1000'], 'cow');
    const gcc = nativeRun(procsExe, ['1000']);
    const same = lab.stdout === gcc.stdout;
    ok &&= same;
    row('1000 processes created and reaped', `lab ${lab.ms.toFixed(0)} ms`, `gcc ${gcc.ms.toFixed(0)} ms`, lab.ms / gcc.ms, `lab / gcc -O0, ${same ? 'same output' : 'OUTPUT DIFFERS'}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return ok;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!benchKernel()) process.exitCode = 1;
}

/**
 * The inspection section of `npm run bench`: what the variables panel costs (docs/trace.md,
 * "The state at any step"). The viewer's run of a program is timed (detail mode, as the app runs
 * it), then the inspection of positions of its trace: jumps to random positions (each a fresh
 * replay from the start) and steps forward event by event (each going on from the last). Ratios
 * are against the viewer's run itself, measured in the same process.
 *
 *   npm run bench -- inspect
 */
import { performance } from 'node:perf_hooks';
import { runProgram } from '../src-main/vm/run.ts';
import { inspectRun } from '../src-main/vm/replay.ts';

/** A fork tree with a loop of arithmetic per process: tens of thousands of steps, some hundreds of events. */
const PROGRAM = `#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  long total = 0;
  for (int level = 0; level < 3; level++) {
    pid_t pid = fork();
    long sum = 0;
    for (int i = 0; i < 2000; i++) sum += i % 7;
    total += sum;
    if (pid > 0) waitpid(pid, NULL, 0);
  }
  printf("pid %d total %ld\\n", getpid(), total);
  return 0;
}
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Prints the figures; true when the medians meet the targets: a jump costs less than the run
 * itself (it replays at most the run), a step forward under 5 ms (it goes on from the last).
 */
export function benchInspect(): boolean {
  const request = { source: PROGRAM, detail: true };
  const runs: number[] = [];
  let run = runProgram(request);
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    run = runProgram(request);
    runs.push(performance.now() - t0);
  }
  const trace = run.trace;
  const at = (position: number) => {
    const e = trace[position - 1]!;
    const t0 = performance.now();
    const answer = inspectRun(request, { position, step: e.step, kind: e.kind, pid: e.pid });
    const ms = performance.now() - t0;
    if (!answer?.exact) throw new Error(`the inspection of position ${position} was not exact`);
    return ms;
  };
  // jumps: random positions in decreasing order, so that none goes on from the one before
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const positions = Array.from({ length: 30 }, () => 1 + Math.floor(random() * trace.length)).sort((a, b) => b - a);
  const jumps = positions.map(at);
  // steps: one event at a time from the middle of the run
  const steps: number[] = [];
  for (let p = Math.floor(trace.length / 2); p < Math.floor(trace.length / 2) + 60 && p <= trace.length; p++) steps.push(at(p));
  const runMs = median(runs);
  const jump = median(jumps);
  const step = median(steps);
  console.log(`\ninspection (the variables panel): a run of ${run.stats.steps.toLocaleString('en-US')} steps, ${trace.length} events`);
  console.log(`  the viewer's run (detail mode)      ${runMs.toFixed(1)} ms median`);
  console.log(`  jump to a random position            ${jump.toFixed(1)} ms median (${(jump / runMs).toFixed(2)}× the run)`);
  console.log(`  step forward one event               ${step.toFixed(2)} ms median (${(step / runMs).toFixed(3)}× the run)`);
  return jump < runMs && step < 5;
}

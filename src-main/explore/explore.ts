/**
 * The schedule explorer (issue #6): every terminal output a program can produce on the model over
 * all the scheduler's choices, each with a schedule that `runProgram({ schedule })` (and
 * `forklab run --schedule`) replays to exactly that output.
 *
 * Scheduling points are the calls a task makes that other tasks can see or be affected by (system
 * calls and the stdio calls that may write); between two of them a task's work is invisible to
 * the others, so it runs as one step. Tasks that share memory (threads, a vfork child) are
 * switched at every library call, as the random policy does. The search (search.ts) tries only the
 * orders of dependent steps (footprint.ts) and stops at states it has explored already, states
 * being compared by content (state-hash.ts).
 *
 * Limits of the model's exactness, on purpose: timers are ordered by the calls that set them
 * (sleep, alarm): the instructions other tasks run in between, which move a deadline by
 * nanoseconds, are not explored; and the pid counter counts only when the program looks at pid
 * values (prints a number equal to a child's pid, calls getpid/getppid, runs ps): a program that
 * only computes with pids (pid % 2) may have outputs the explorer does not list. The run options
 * policy, seed, quantum and schedule are ignored: the explorer makes every scheduling choice
 * itself.
 */
import type { ExploreView, RunOptions } from '../service/contract.ts';
import type { ProgramImage } from '../lang/image.ts';
import { formatDiagnostics } from '../lang/diagnostics.ts';
import { compileProgram } from '../vm/run.ts';
import { searchSchedules, type SearchBudget } from './search.ts';
import type { ExploreRunOptions } from './runner.ts';

export interface ExploreOptions extends Omit<RunOptions, 'stdin'> {
  /** terminal input */
  stdin?: string | Uint8Array;
  fileName?: string;
  /** runs of the program at most (default 2,000) */
  maxRuns?: number;
  /** states (scheduling decisions) at most (default 200,000) */
  maxStates?: number;
  /** wall-clock budget in milliseconds (default 60,000) */
  maxMs?: number;
}

export const DEFAULT_MAX_RUNS = 2000;

/** Thrown by exploreProgram when the source does not compile; carries gcc-style diagnostics. */
export class ExploreCompileError extends Error {
  constructor(readonly diagnosticsText: string) {
    super('the program did not compile');
  }
}

/** Compiles `source` and explores it (exploreImage); throws ExploreCompileError on a compile error. */
export function exploreProgram(source: string, options: ExploreOptions = {}): ExploreView {
  const compiled = compileProgram(source, options.fileName ?? 'prog.c');
  if (!compiled.ok || !compiled.image) {
    throw new ExploreCompileError(formatDiagnostics(compiled.diagnostics, new Map([[options.fileName ?? 'prog.c', source]])));
  }
  return exploreImage(compiled.image, options);
}

/**
 * Every distinct output of `image` with a schedule that replays it, in the order found; complete
 * is true only when every schedule (up to reordering independent steps) was covered within the
 * budget.
 */
export function exploreImage(image: ProgramImage, options: ExploreOptions = {}): ExploreView {
  const runOptions: ExploreRunOptions = {
    args: options.args,
    stdin: options.stdin,
    stdoutPipe: options.stdoutPipe,
    pageSize: options.pageSize,
    forkCopy: options.forkCopy,
    maxSteps: options.maxSteps,
    nprocLimit: options.nprocLimit,
  };
  const budget: SearchBudget = {
    maxRuns: options.maxRuns ?? DEFAULT_MAX_RUNS,
    maxStates: options.maxStates ?? 200_000,
    maxMs: options.maxMs ?? 60_000,
  };
  const result = searchSchedules(image, runOptions, budget);
  const seen = new Map<string, ExploreView['outputs'][number]>();
  for (const run of result.runs) {
    if (!seen.has(run.stdout)) seen.set(run.stdout, { stdout: run.stdout, schedule: run.schedule, exit: run.exit });
  }
  return {
    complete: result.complete,
    outputs: [...seen.values()],
    schedulesExplored: result.runs.length,
    statesExplored: result.states,
  };
}

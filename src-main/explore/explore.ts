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
import type { ExploredOutput, ExploreView } from '../service/contract.ts';
import type { SeedFile } from '../vm/run.ts';
import { graphOfSchedule, graphShape, printOrder, type ProcessGraph } from './graph.ts';
import { decisionsInWords, splitLines, whyImpossible } from './explain.ts';
import type { ProgramImage } from '../lang/image.ts';
import { formatDiagnostics } from '../lang/diagnostics.ts';
import { compileProgram, runRequestFor, type RunOptions } from '../vm/run.ts';
import { searchSchedules, type SearchBudget } from './search.ts';
import type { ExploreRunOptions } from './runner.ts';

export interface ExploreOptions extends Omit<RunOptions, 'stdin' | 'files'> {
  /** terminal input */
  stdin?: string | Uint8Array;
  fileName?: string;
  /** runs of the program at most (default 2,000) */
  maxRuns?: number;
  /** states (scheduling decisions) at most (default 200,000) */
  maxStates?: number;
  /** wall-clock budget in milliseconds (default 60,000) */
  maxMs?: number;
  /** files in the run's file system before the program starts */
  files?: SeedFile[];
  /** draw the process graph of the first this many outputs' runs, and say why each is possible */
  graphs?: number;
  /** an output to explain: why a schedule prints it, or why none does */
  candidate?: string;
  /** asked now and then; true stops the search (a cancelled job) */
  cancelled?: () => boolean;
}

/** Graphs drawn at most to explain a candidate that no schedule prints. */
const MAX_GRAPHS_FOR_CANDIDATE = 64;

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

/** How a run ends when one of the lab's limits stopped it, not the program itself, and that limit in words. */
const STOPPED_BY_A_LIMIT: ReadonlyMap<string, string> = new Map([
  ['step-limit', 'the step budget'], ['time-limit', 'the time limit'], ['endless-loop', 'the endless-loop check'],
  ['output-limit', 'the output limit'], ['kernel-limit', "the kernel's limit"],
]);

/** "2 runs were stopped by the lab's limit (the step budget) before the program ended, so their outputs are cut short". */
export function stoppedRunsInWords(stopped: NonNullable<ExploreView['runsStopped']>): string {
  const limit = STOPPED_BY_A_LIMIT.get(stopped.reason) ?? stopped.reason;
  const runs = stopped.runs === 1 ? '1 run was' : `${stopped.runs} runs were`;
  return `${runs} stopped by the lab's limit (${limit}) before the program ended, so ${stopped.runs === 1 ? 'its output is' : 'their outputs are'} cut short`;
}

/**
 * Every distinct output of `image` with a schedule that replays it, in the order found; complete
 * is true only when every schedule (up to reordering independent steps) was covered within the
 * budget.
 */
export function exploreImage(image: ProgramImage, options: ExploreOptions = {}): ExploreView {
  const runOptions = runOptionsFor(options);
  const budget: SearchBudget = {
    maxRuns: options.maxRuns ?? DEFAULT_MAX_RUNS,
    maxStates: options.maxStates ?? 200_000,
    maxMs: options.maxMs ?? 60_000,
    cancelled: options.cancelled,
  };
  const result = searchSchedules(image, runOptions, budget);
  const seen = new Map<string, ExploredOutput>();
  for (const run of result.runs) {
    if (!seen.has(run.stdout)) seen.set(run.stdout, { stdout: run.stdout, schedule: run.schedule, exit: run.exit });
  }
  const stopped = result.runs.filter((run) => STOPPED_BY_A_LIMIT.has(run.stopReason));
  const view: ExploreView = {
    // a run a limit stopped printed only the start of its output: the set is not every output
    complete: result.complete && stopped.length === 0,
    outputs: [...seen.values()],
    schedulesExplored: result.runs.length,
    statesExplored: result.states,
  };
  if (stopped.length > 0) view.runsStopped = { runs: stopped.length, reason: stopped[0].stopReason };
  const drawn = new Drawings(image, runOptions, view);
  drawn.drawFirst(options.graphs ?? 0);
  if (options.candidate !== undefined) view.candidate = drawn.explain(options.candidate);
  return view;
}

/** How the explorer runs the program for `options` (the explorer makes every scheduling choice itself: no policy, seed, quantum or replay). */
function runOptionsFor(options: ExploreOptions): ExploreRunOptions {
  const { policy: _policy, seed: _seed, quantum: _quantum, schedule: _schedule, ...request } = runRequestFor({ ...options, stdin: undefined, files: undefined });
  const runOptions: ExploreRunOptions = { ...request, fileName: options.fileName };
  if (options.stdin !== undefined) runOptions.stdin = options.stdin;
  if (options.files !== undefined) runOptions.files = options.files;
  return runOptions;
}

/**
 * Whether a schedule prints each of `candidates`, and why, in words, against `view`: what
 * exploreImage(image, options) gave (graphs it needs are drawn into it).
 */
export function explainCandidates(image: ProgramImage, options: ExploreOptions, view: ExploreView, candidates: readonly string[]): NonNullable<ExploreView['candidate']>[] {
  const drawn = new Drawings(image, runOptionsFor(options), view);
  return candidates.map((c) => drawn.explain(c));
}

/** The process graphs of a view's outputs, drawn on demand (a traced replay each) and kept once per shape. */
class Drawings {
  private readonly shapes = new Map<string, number>();
  private readonly graphs: ProcessGraph[] = [];
  private readonly byOutput = new Map<ExploredOutput, ProcessGraph>();

  constructor(private readonly image: ProgramImage, private readonly request: ExploreRunOptions, private readonly view: ExploreView) {}

  /** Draws the graphs of the first `n` outputs (with their orders and why each is possible). */
  drawFirst(n: number): void {
    for (const o of this.view.outputs.slice(0, n)) this.draw(o);
  }

  /** The graph of output `o`'s run, drawn and recorded in the view. */
  draw(o: ExploredOutput): ProcessGraph {
    const known = this.byOutput.get(o);
    if (known) return known;
    const { graph, trace } = graphOfSchedule(this.image, this.request, o.schedule);
    const shape = graphShape(graph);
    let index = this.shapes.get(shape);
    if (index === undefined) {
      index = this.graphs.length;
      this.graphs.push(graph);
      this.shapes.set(shape, index);
      this.view.graphs = this.graphs;
    }
    o.graph = index;
    o.order = printOrder(graph).map((v) => v.id);
    o.why = decisionsInWords(graph, trace);
    this.byOutput.set(o, graph);
    return graph;
  }

  /** Whether a schedule prints `candidate`, and why (or why none does), in words. */
  explain(candidate: string): NonNullable<ExploreView['candidate']> {
    const hit = this.view.outputs.find((o) => o.stdout === candidate);
    if (hit) {
      this.draw(hit);
      const why = hit.why && hit.why.length > 0 ? hit.why : ['No process has to wait for another to print first: each runs in the order it was made, as long as it can.'];
      return { stdout: candidate, possible: true, why, schedule: hit.schedule };
    }
    // draw the runs whose lines are the candidate's first: their graphs say which order breaks
    const lines = [...splitLines(candidate)].sort().join('\u0000');
    const alike = this.view.outputs.filter((o) => [...splitLines(o.stdout)].sort().join('\u0000') === lines);
    const outputs = this.view.outputs.map((o) => ({ stdout: o.stdout, graph: alike.includes(o) && alike.indexOf(o) < MAX_GRAPHS_FOR_CANDIDATE ? this.draw(o) : null }));
    const why = whyImpossible(candidate, outputs);
    if (!this.view.complete) why.push('(The search was cut off by its budget, so a schedule it did not try might still print it.)');
    return { stdout: candidate, possible: false, why, schedule: null };
  }
}

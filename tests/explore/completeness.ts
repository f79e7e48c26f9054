/**
 * The differential completeness check of the explorer (issue 11): for a program, every output
 * that the lab's own schedulers produce (parent-first, child-first, round-robin with several
 * quanta, random with 50 seeds) and every output recorded on Linux must be in the explorer's set,
 * and the set must be complete within the budget (unless the program is declared as one the
 * explorer cannot finish). Each output's schedule must replay to that output.
 *
 * Shared by the test files that split the corpus (so that vitest runs them in parallel).
 */
import { expect } from 'vitest';
import type { CorpusProgram } from '../differential/corpus.ts';
import { exploreImage } from '../../src-main/explore/explore.ts';
import { compileProgram, runImage, type RunRequest, type SeedFile } from '../../src-main/vm/run.ts';

export const RANDOM_SEEDS = 50;
export const QUANTA = [1, 7, 50, 200, 1000];

/**
 * Programs whose runs are long (threads that take a lock 20,000 times switch at every library
 * call): fewer random seeds, named in the test's title. Never skipped.
 */
export const FEWER_SEEDS: Record<string, { seeds: number; why: string }> = {
  '079_pthread_counter_mutex': { seeds: 5, why: '20,000 lock operations per run' },
  // the /bin programs' corpus: command lines through system() one after another, each forking a
  // shell and its commands (the explorer still searches every order of every run)
  '430_tr_through_system': { seeds: 10, why: '13 command lines, 16 processes per run' },
  '434_seq_tail_yes': { seeds: 10, why: '15 command lines, 16 processes per run' },
  '435_mkdir_mv_tree': { seeds: 10, why: '17 command lines, 24 processes per run' },
  '437_printf_expr_basename': { seeds: 10, why: '14 command lines and 5 programs exec\'d, 26 processes per run' },
  '438_bin_programs_by_path': { seeds: 10, why: '9 command lines and 11 programs exec\'d, 30 processes per run' },
  '467_sh_if_while_for': { seeds: 10, why: '15 command lines with loops, 18 processes per run' },
};

/**
 * Programs the explorer cannot explore completely within the suite's budget, with why. Their
 * outputs must still contain every scheduler's and Linux's.
 */
export const INCOMPLETE: Record<string, string> = {
  '079_pthread_counter_mutex': 'four threads each take a lock 5,000 times: every order of the 40,000 lock calls is a schedule',
  '317_fork_loop_seven': '128 processes each print and reap their children: the states are which of them have printed, exited and been reaped, far more than 40,000',
};

/** The explorer's budget per program in the suite. */
const BUDGET = { maxRuns: 20_000, maxStates: 40_000, maxMs: 120_000 };

export interface Subject {
  name: string;
  source: string;
  fileName: string;
  args?: string[];
  stdin?: string;
  stdoutPipe?: boolean;
  /** files in the working directory when the program starts */
  files?: SeedFile[];
  /** outputs seen on Linux */
  linux: string[];
}

export function subjectOf(p: CorpusProgram): Subject {
  return {
    name: p.name, source: p.source, fileName: `${p.name}.c`, args: p.args, stdin: p.stdin ?? undefined, stdoutPipe: p.stdoutPipe,
    files: p.files.map((f) => ({ path: f.name, content: f.content })),
    linux: p.allowed.map((o) => o.stdout),
  };
}

/** The title of a subject's test: its name, and the seeds it gets when fewer than usual. */
export function titleOf(s: Subject): string {
  const fewer = FEWER_SEEDS[s.name];
  return fewer ? `${s.name} (${fewer.seeds} random seeds: ${fewer.why})` : s.name;
}

/** Checks one subject (see the file's header). */
export function checkCompleteness(s: Subject): void {
  const compiled = compileProgram(s.source, s.fileName);
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const image = compiled.image!;
  const base: Omit<RunRequest, 'source'> = { fileName: s.fileName, args: s.args, stdin: s.stdin, stdoutPipe: s.stdoutPipe, files: s.files };
  // a program the explorer cannot finish gets a small budget: its set is still checked
  const view = exploreImage(image, { ...base, ...(INCOMPLETE[s.name] ? { maxStates: 2000 } : BUDGET) });
  if (!INCOMPLETE[s.name]) expect(view.complete, `the search is complete (${view.statesExplored} states)`).toBe(true);
  const found = new Set(view.outputs.map((o) => o.stdout));
  const runs: [string, Omit<RunRequest, 'source'>][] = [
    ['parent-first', { policy: 'parent-first' }],
    ['child-first', { policy: 'child-first' }],
    ...QUANTA.map((quantum): [string, Omit<RunRequest, 'source'>] => [`round-robin, quantum ${quantum}`, { policy: 'round-robin', quantum }]),
  ];
  const seeds = FEWER_SEEDS[s.name]?.seeds ?? RANDOM_SEEDS;
  for (let seed = 1; seed <= seeds; seed++) runs.push([`random, seed ${seed}`, { policy: 'random', seed }]);
  for (const [what, options] of runs) {
    const r = runImage(image, { ...base, ...options });
    expect(found, `${what} printed ${JSON.stringify(r.stdout)}`).toContain(r.stdout);
  }
  for (const linux of s.linux) expect(found, `Linux printed ${JSON.stringify(linux)}`).toContain(linux);
  for (const o of view.outputs.slice(0, 5)) {
    expect(runImage(image, { ...base, schedule: o.schedule }).stdout, `replay of ${o.schedule}`).toBe(o.stdout);
  }
}

/**
 * What one check's evaluation gives back before it becomes a CheckResultInfo: whether it passed,
 * the fraction of its points earned (partial credit), a sentence about what happened, and the
 * trace event that explains it.
 */
import type { ProgramImage } from '../lang/image.ts';
import type { RunResult } from '../vm/run.ts';
import type { CheckFields, PackRunOptions } from '../packs/types.ts';
import type { RunOptions } from '../service/contract.ts';

/** Where in a run's trace a result is explained. */
export interface Link {
  step: number | null;
  pid: number | null;
  line: number | null;
}

export const NO_LINK: Link = { step: null, pid: null, line: null };

export interface Outcome {
  passed: boolean;
  /** the share of the points earned, 0..1 (1 when passed) */
  fraction: number;
  /** what happened, for students; may name expected data only when `reveal` was true */
  detail: string;
  link: Link;
  /** a schedule that replays the run the link points into, when it is not the first run */
  schedule?: string;
  /** the options (over the exercise's) of the run the link points into, when they are not the first run's (a test case's input, a robust check's scheduler) */
  options?: RunOptions;
  /** the check could not be evaluated (compile error, internal problem) */
  error?: boolean;
}

/** What an evaluator may use: the runs of the submission (cached by options) and its compiled code. */
export interface EvalContext {
  /** runs the submission with these options over the exercise's (the same options → the same run) */
  run(options?: RunOptions): RunResult;
  /** the exercise's run options (what `run` merges over) */
  baseOptions: PackRunOptions;
  /** the compiled program (null when it did not compile) */
  image: ProgramImage | null;
  source: string;
  fileName: string;
  /** may messages show expected data (public checks) */
  reveal: boolean;
}

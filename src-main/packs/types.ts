/**
 * The pack format as data (docs/packs.md): what `loadPack` builds from pack.yaml, the exercise
 * folders and their files. Plain JSON values only, so a pack crosses IPC and worker threads.
 */
import type { RunFile, RunOptions } from '../service/contract.ts';

export type Visibility = 'public' | 'sealed' | 'secret';

/** Options of a check's runs: the contract's RunOptions without a replayed schedule. */
export type PackRunOptions = Omit<RunOptions, 'schedule'>;

/**
 * The files of a run as written in YAML: path in the program's file system → its text, or
 * `{ file: NAME }`, a file of the exercise folder.
 */
export type RawFiles = Record<string, string | { file: string }>;

/**
 * Run options as written in YAML: `stdinFile` names a file of the exercise folder (the loader
 * reads it into `stdin`), `files` is a RawFiles map (the loader makes it a list of RunFile).
 */
export type RawRunOptions = Omit<PackRunOptions, 'files'> & { stdinFile?: string; files?: RawFiles };

export interface Range {
  min?: number;
  max?: number;
}

export interface LinesSpec {
  required?: string[];
  forbidden?: string[];
  ordered?: boolean;
}

/** What an output is compared with: one of these (the forms of an `output` check and of each of its cases). */
export interface ExpectedOutput {
  exact?: string;
  trimmed?: string;
  regex?: string;
  flags?: string;
  anyOf?: string[];
  lines?: LinesSpec;
}

/** One row of an output check's test-case table: its own input and expected output, and its points. */
export interface TestCase extends ExpectedOutput {
  /** shown in messages ("case 2" when absent) */
  title?: string;
  stdin?: string;
  args?: string[];
  /** files the program finds in its file system for this case (over the check's) */
  files?: RunFile[];
  points: number;
}

/** A moment of a run: `end` (when the program's last process ends, before init reaps what it left), or when a call returns. */
export type RunPoint = 'end' | { call: string; nth?: number };

/** Which processes an `exit` check reads: the program's first, every one, or the N-th created (1 = the first). */
export type ExitOf = 'first' | 'every' | number;

/** The fields of every check type (only those of `type` are present). */
export interface CheckFields extends ExpectedOutput {
  type: CheckType;
  /** shown instead of the id (the app, Gradescope and PrairieLearn test names) */
  title?: string;
  /** ids of checks of the same exercise that must pass for this one's points to count */
  requires?: string[];
  // output
  /** a test-case table: each case runs the program with its own input (replaces exact, trimmed, …) */
  cases?: TestCase[];
  /** `<pid>` (any process of the program) and `<pidN>` (the N-th created) in the expected texts and patterns */
  normalizePids?: boolean;
  // exit
  code?: number;
  signal?: string;
  process?: ExitOf;
  // processes / orphans / zombies at a point
  count?: number;
  min?: number;
  max?: number;
  aliveAtOnce?: Range;
  // tree
  shape?: unknown[];
  // zombies
  atEnd?: number;
  peak?: number;
  at?: RunPoint;
  // orphans
  reapedBy?: 'init' | 'subreaper' | 'parent';
  // memory
  pagesCopied?: Range;
  cowFaults?: Range;
  framesPeak?: Range;
  eagerCopiesMoreThan?: number;
  // calls (an inner list: any one of these; a name ending in * : any function it starts) / warnings
  required?: (string | string[])[];
  forbidden?: string[];
  absent?: string[] | 'all';
  present?: string[];
  // robust
  policies?: ('parent-first' | 'child-first' | 'round-robin' | 'random')[];
  seeds?: number[];
  check?: CheckFields;
  // all-outputs
  accepted?: string[];
  maxRuns?: number;
  /** options of this check's runs, over the exercise's */
  run?: PackRunOptions;
  message?: string;
}

export interface Check extends CheckFields {
  id: string;
  uuid: string;
  points: number;
  visibility: Visibility;
}

export const CHECK_TYPES = [
  'compiles', 'output', 'exit', 'processes', 'tree', 'zombies', 'orphans', 'memory', 'calls',
  'warnings', 'robust', 'all-outputs',
] as const;
export type CheckType = (typeof CHECK_TYPES)[number];

export const TOPICS = [
  'fork', 'wait', 'zombie', 'orphan', 'exec', 'stdio', 'cow', 'vfork', 'clone', 'threads', 'pipe',
  'signal', 'rlimit',
] as const;

export interface WrongSubmission {
  /** path inside the exercise folder, e.g. "wrong/no-wait.c" */
  file: string;
  source: string;
  fails: string[];
}

/** One candidate output of a possible-outputs question. */
export interface Choice {
  /** the terminal text, compared as `trimmed` output checks do (trailing spaces and final newlines ignored) */
  output: string;
  /** why the output is (im)possible, shown after answering */
  explain?: string;
}

/** A question "tick every output the program can produce" (`kind: possible-outputs`). */
export interface Question {
  /** the program, shown read-only */
  program: string;
  choices: Choice[];
  /** points for each choice answered right */
  pointsPerChoice: number;
  /** the explorer's budget in runs (never time, so grading is deterministic) */
  maxRuns: number;
  /** when the student sees which choices were right (and their explanations) */
  reveal: Reveal;
}

/** When a question's per-choice verdicts are shown: always, never, after N attempts, or once the answer is right. */
export type Reveal = 'always' | 'never' | 'after-correct' | { afterAttempts: number };

export const EXERCISE_KINDS = ['program', 'possible-outputs'] as const;

export interface Exercise {
  id: string;
  /** 'program' (write code, graded by checks) or 'possible-outputs' (a question); absent = 'program' */
  kind?: (typeof EXERCISE_KINDS)[number];
  /** present for `kind: possible-outputs` (then starter is "", solution null, checks and wrong empty) */
  question?: Question;
  uuid: string;
  title: string;
  topics: string[];
  /** the prompt's Markdown (not yet rendered) */
  prompt: string;
  starter: string;
  /** the reference solution; null in a student's view */
  solution: string | null;
  hints: string[];
  run: PackRunOptions;
  /** empty in a student's view */
  wrong: WrongSubmission[];
  checks: Check[];
  /** the points of every check in `checks` */
  maxPoints: number;
  /** points of secret checks a student copy left out (they count only in the instructor's grading) */
  heldBack: number;
}

export interface Pack {
  id: string;
  uuid: string;
  title: string;
  version: string;
  description: string;
  authors: string[];
  exercises: Exercise[];
  /** the weight of each exercise in a student's total (default: its points) */
  weights: Record<string, number>;
  /** a student's copy (`forklab pack export --student`): no solutions, wrong submissions or secret checks */
  student: boolean;
}

/** A problem found in a pack: the file, the line (1-based, 0 when unknown) and the field. */
export interface PackError {
  file: string;
  line: number;
  /** dotted path of the field, e.g. "checks[2].exact"; "" for the file as a whole */
  field: string;
  message: string;
}

/** A pack's files: path inside the pack folder ("/"-separated, relative) → bytes. */
export type PackFiles = Record<string, Uint8Array>;

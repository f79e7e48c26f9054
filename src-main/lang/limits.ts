/**
 * The compiler's budgets (docs/c-subset.md, "Limits"): what a program may cost to compile before
 * the lab stops and says so in a diagnostic, whatever the program does. gcc's own limits are far
 * above what students write; these keep one program from taking the host's memory or time.
 */

/** Tokens that macro expansion may produce in one translation unit. */
export const MAX_EXPANDED_TOKENS = 500_000;
/** Work of macro expansion in one unit, counted in hide-set entries copied (a chain of n macros costs about n²/2). */
export const MAX_EXPANSION_WORK = 5_000_000;
/** Expressions nested inside each other (parentheses, operands, arguments): gcc compiles 1,000 and more. */
export const MAX_EXPRESSION_NESTING = 10_000;

/** A budget ran out: the message is the diagnostic, at the place given. */
export class CompileLimitError extends Error {
  constructor(readonly at: { file: string; line: number; column: number }, message: string) {
    super(message);
    this.name = 'CompileLimitError';
  }
}

/** True for the JavaScript stack overflow a very deep program can still cause. */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** Wall-clock time one compilation may take (the budgets above bound its memory; this its time). */
export const MAX_COMPILE_MS = 10_000;

/** A compilation stopped because whoever asked for it no longer wants it (a newer diagnose, a cancelled run). */
export class CompileCancelledError extends Error {
  constructor() {
    // the name and message the pool and the service read as a cancellation (service/jobs.ts isCancelled)
    super('Cancelled: the compilation was stopped before it finished');
    this.name = 'CancelledError';
  }
}

/** What a job asks of the compilations it makes: to stop when `cancelled()`, and their time limit. */
export interface CompileControl {
  cancelled?: () => boolean;
  limitMs?: number;
}

/** The control of the job being done in this thread (compilingUnder); none outside a job. */
let control: Required<CompileControl> = { cancelled: () => false, limitMs: MAX_COMPILE_MS };
/** The clock of the compilation under way (timedCompilation), or null. */
let clock: { deadline: number; limitMs: number; ticks: number } | null = null;
/** Ticks between two looks at the clock and the cancel flag (a look costs a clock read). */
const TICKS_PER_LOOK = 1024;

/** Does `work` (one job) so that every compilation it makes follows `wanted` (the defaults for what it leaves out). */
export function compilingUnder<T>(wanted: CompileControl, work: () => T): T {
  const saved = control;
  control = { cancelled: wanted.cancelled ?? (() => false), limitMs: wanted.limitMs ?? MAX_COMPILE_MS };
  try {
    return work();
  } finally {
    control = saved;
  }
}

/** Does one compilation (`work`) against its time limit; a compilation inside another shares its clock. */
export function timedCompilation<T>(work: () => T): T {
  if (clock) return work();
  clock = { deadline: performance.now() + control.limitMs, limitMs: control.limitMs, ticks: 0 };
  try {
    return work();
  } finally {
    clock = null;
  }
}

/**
 * Counts a piece of a compilation's work at `at` (a token, an expression, a statement): now and
 * then it throws CompileCancelledError when the job was cancelled, or CompileLimitError at `at`
 * when the compilation has run out of time. Outside timedCompilation it does nothing.
 */
export function compileTick(at: { file: string; line: number; column: number }): void {
  if (!clock || ++clock.ticks % TICKS_PER_LOOK !== 0) return;
  if (control.cancelled()) throw new CompileCancelledError();
  if (performance.now() > clock.deadline) {
    throw new CompileLimitError(at, `compiling this program took longer than ${clock.limitMs / 1000} s, the most the lab allows; it stopped here`);
  }
}

/** Does `work` off the clock: the lab's own compiling (its C runtime, once per process) is not the program's. */
export function untimed<T>(work: () => T): T {
  const saved = clock;
  clock = null;
  try {
    return work();
  } finally {
    clock = saved;
  }
}

/**
 * What every worker that does the lab's jobs shares, whether it is one of the pool's (pool.ts) or
 * the single worker of `forklab run` (single-worker.ts): its V8 resource limits, the watchdog's
 * wall-clock limit of each kind of job, and the sentences a job's failure is told in ("the lab ran
 * out of memory running this program"). No pool library and no engine here: the command line
 * loads this before it knows whether it needs either.
 */
import { CancelledError, WorkerDiedError, type Job } from '../service/jobs.ts';
import { MAX_COMPILE_MS } from '../lang/limits.ts';

/**
 * A run's time limit when its request gives none: vm/run.ts's DEFAULT_TIME_LIMIT_MS (not imported:
 * this module is on the door's thread, which never loads the engine; a test checks they agree).
 */
export const RUN_TIME_LIMIT_MS = 30_000;

/** What the watchdog adds to a job's own time limit before it stops the job: results take time to build and send. */
export const WATCHDOG_GRACE_MS = 30_000;

/**
 * The watchdog's limit for a job whose own budget is a time limit: a run (its time limit), a
 * replay for the inspector (at most two replays of the run), a compilation for the editor (the
 * compiler's 10 s), each plus WATCHDOG_GRACE_MS. A job that goes on past it is stuck where the
 * kernel cannot stop it (a loop in the lab's own code): its worker is terminated and the job is a
 * clear failure instead of a worker lost for ever. Null (no watchdog) for jobs whose length has
 * no single bound (exploring, grading, packs: their callers have their own limits or a Stop).
 */
export function jobWallLimitMs(job: Job): number | null {
  switch (job.kind) {
    case 'run':
      return RUN_TIME_LIMIT_MS + WATCHDOG_GRACE_MS;
    case 'engine-run':
      return (job.request.timeLimitMs ?? RUN_TIME_LIMIT_MS) + WATCHDOG_GRACE_MS;
    case 'inspect':
      return 2 * RUN_TIME_LIMIT_MS + WATCHDOG_GRACE_MS;
    case 'diagnose':
      return MAX_COMPILE_MS + WATCHDOG_GRACE_MS;
    default:
      return null;
  }
}

/** The heap limit of a worker, MiB. */
export const DEFAULT_WORKER_HEAP_MB = 1024;
/**
 * The stack of a worker, MiB: room for the compiler's recursion on what gcc accepts (1,000 nested
 * parentheses, an expression of 5,000 terms); deeper nesting is a diagnostic (lang/limits.ts).
 */
export const WORKER_STACK_MB = 64;

/** The V8 resource limits of a worker whose heap may grow to `heapMb` MiB (default DEFAULT_WORKER_HEAP_MB). */
export function workerResourceLimits(heapMb = DEFAULT_WORKER_HEAP_MB): { maxOldGenerationSizeMb: number; stackSizeMb: number } {
  return { maxOldGenerationSizeMb: heapMb, stackSizeMb: WORKER_STACK_MB };
}

/**
 * Starts the watchdog of a job whose wall-clock limit is `limit` ms (null: none, and no timer):
 * once a worker has begun the job (its flag [1] raised; the time in a queue does not count), a
 * job still going past its limit is `overdue(limit)`, which terminates its worker. Stop it with
 * clearInterval when the job ends.
 */
export function watchJob(limit: number | null, flags: Int32Array, overdue: (limit: number) => void): ReturnType<typeof setInterval> | null {
  if (limit === null) return null;
  let startedAt: number | null = null;
  let fired = false;
  const timer = setInterval(() => {
    if (startedAt === null) {
      if (Atomics.load(flags, 1) !== 0) startedAt = Date.now();
    } else if (!fired && Date.now() - startedAt > limit) {
      fired = true;
      overdue(limit);
    }
  }, Math.min(1000, Math.max(50, limit / 20)));
  timer.unref?.();
  return timer;
}

/** How a job that did not finish by itself ended, as its worker's owner saw it. */
export interface JobEnding {
  /** the watchdog's limit, ms, when the watchdog stopped the job (its worker was terminated) */
  overdue: number | null;
  /** the job was stopped on purpose (cancelled) by terminating its worker or leaving the queue */
  aborted: boolean;
  /** the owner is shutting down */
  closed: boolean;
}

/**
 * The error a job's promise rejects with, from what its worker reported (`e`) and how the job
 * ended: WorkerDiedError (out of memory, the worker stopped, the watchdog), CancelledError, or
 * the job's own error unchanged.
 */
export function jobFailure(e: unknown, job: Job, ending: JobEnding): unknown {
  if (ending.overdue !== null && !ending.closed) {
    return new WorkerDiedError(`the lab stopped ${jobDoing(job)}: it was still going ${Math.round(ending.overdue / 1000)} s after it started, past its time limit (a fault of the lab, not of the program; please report it)`);
  }
  if (ending.aborted || (e instanceof Error && e.name === 'AbortError')) {
    return ending.closed ? new Error('the lab is shutting down') : new CancelledError(jobNoun(job));
  }
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return new WorkerDiedError(`the lab ran out of memory ${jobDoing(job)}`);
  if (e instanceof Error && /worker (exited|terminated|stopped)/i.test(e.message)) {
    return new WorkerDiedError(`the lab's worker stopped ${jobDoing(job)} (${e.message})`);
  }
  return e;
}

/** What a job is, in a CancelledError's sentence ("the run was stopped…"). */
function jobNoun(job: Job): string {
  switch (job.kind) {
    case 'grade':
    case 'answer':
      return 'check';
    case 'engine-run':
      return 'run';
    case 'diagnose':
      return 'compilation';
    case 'pack-unzip':
    case 'pack-describe':
    case 'pack-validate':
      return 'pack reading';
    default:
      return job.kind;
  }
}

/** What the worker was doing, for "the lab ran out of memory …". */
function jobDoing(job: Job): string {
  switch (job.kind) {
    case 'run':
    case 'engine-run':
      return 'running this program';
    case 'inspect':
      return 'replaying this run';
    case 'explore':
      return 'exploring this program';
    case 'grade':
    case 'answer':
      return 'grading this submission';
    case 'diagnose':
      return 'compiling this program';
    default:
      return 'reading this pack';
  }
}

/**
 * The lab's one worker pool (piscina): every job (service/jobs.ts) of the app, the browser host
 * and the command line runs here, never on the door's own thread. Workers start once and stay
 * warm; each job is one message. Each worker has V8 resource limits, so a job that exhausts its
 * heap kills only its worker: its promise rejects with WorkerDiedError ("the lab ran out of memory
 * running this program") and the pool starts a fresh worker for the next job.
 *
 * Cancelling: every job carries two flags in a SharedArrayBuffer: [0] "stop, please", raised by
 * cancel(jobId), and [1] "started", raised by the worker when it begins the job. A run sees [0]
 * at its next time slice and ends with what ran (stopReason 'cancelled'); a diagnose job's
 * compiler sees it within a few thousand tokens and rejects with CancelledError, and a diagnose
 * job cancelled before it started is refused by the worker it reaches (jobs.ts CANCELLED_GENTLY:
 * the editor supersedes diagnoses all the time, and piscina may already have handed it to a
 * worker that has not yet marked it started, which terminating would kill). A job still
 * waiting for a worker, a job that does not look at the flag (grading, exploring, reading packs),
 * or a job that does not stop within the grace period, is stopped by terminating its worker (or
 * leaving the queue): its promise rejects with CancelledError.
 */
import { Piscina } from 'piscina';
import { CANCELLED_GENTLY, CancelledError, STOPS_WHEN_ASKED, WorkerDiedError, type Compute, type Job, type JobResult } from '../service/jobs.ts';
import type { PoolTask } from './pool-worker.ts';

export interface PoolOptions {
  /** the worker's module: out/node/worker.mjs (built from pool-worker.ts), or the app's out/main/worker.mjs */
  workerFile: string;
  /** the most jobs run at once (one per worker) */
  threads: number;
  /** workers started at once and kept warm; default `threads` */
  warm?: number;
  /** each worker's JavaScript heap limit in MiB (V8 maxOldGenerationSizeMb); default 1024 */
  heapMb?: number;
  /** how long a cancelled run may take to stop by itself before its worker is terminated; default 2 s */
  cancelGraceMs?: number;
}

interface RunningJob {
  job: Job;
  /** [0] cancel requested, [1] started (pool-worker.ts) */
  flags: Int32Array;
  abort: AbortController;
  /** set once the job is being stopped by terminating its worker */
  aborted: boolean;
}

/** The heap limit of a worker, MiB. */
export const DEFAULT_WORKER_HEAP_MB = 1024;
/**
 * The stack of a worker, MiB: room for the compiler's recursion on what gcc accepts (1,000 nested
 * parentheses, an expression of 5,000 terms); deeper nesting is a diagnostic (lang/limits.ts).
 */
export const WORKER_STACK_MB = 64;

export class WorkerPool implements Compute {
  private readonly pool: Piscina;
  private readonly jobs = new Map<string, RunningJob>();
  private readonly graceMs: number;
  private closed = false;
  private jobCount = 0;
  /** workers started so far (tests and the grade benchmark read it) */
  started = 0;

  constructor(options: PoolOptions) {
    this.graceMs = options.cancelGraceMs ?? 2000;
    this.pool = new Piscina({
      filename: options.workerFile,
      minThreads: Math.min(options.warm ?? options.threads, options.threads),
      maxThreads: options.threads,
      // one job per worker at a time, no idle timeout: workers stay warm until close()
      concurrentTasksPerWorker: 1,
      idleTimeout: 2 ** 31 - 1,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? DEFAULT_WORKER_HEAP_MB, stackSizeMb: WORKER_STACK_MB },
    });
    this.pool.on('workerCreate', () => this.started++);
    // a worker's own 'error' is reported through its task; keep it from becoming an unhandled event
    this.pool.on('error', () => undefined);
  }

  /** Runs a job with a fresh id (jobs nobody cancels by id). */
  run<J extends Job>(job: J): Promise<JobResult<J>> {
    return this.start(`pool-${++this.jobCount}`, job);
  }

  async start<J extends Job>(jobId: string, job: J): Promise<JobResult<J>> {
    if (this.closed) throw new Error('the lab is shutting down');
    if (this.jobs.has(jobId)) throw new Error(`a job with id ${jobId} is already running`);
    const running: RunningJob = { job, flags: new Int32Array(new SharedArrayBuffer(8)), abort: new AbortController(), aborted: false };
    this.jobs.set(jobId, running);
    const task: PoolTask = { job, flags: running.flags.buffer as SharedArrayBuffer };
    try {
      return (await this.pool.run(task, { signal: running.abort.signal })) as JobResult<J>;
    } catch (e) {
      throw this.explain(e, running);
    } finally {
      if (this.jobs.get(jobId) === running) this.jobs.delete(jobId);
    }
  }

  cancel(jobId: string): boolean {
    const running = this.jobs.get(jobId);
    if (!running || running.aborted) return false;
    Atomics.store(running.flags, 0, 1);
    const kind = running.job.kind;
    if (STOPS_WHEN_ASKED.has(kind) && (Atomics.load(running.flags, 1) !== 0 || CANCELLED_GENTLY.has(kind))) {
      setTimeout(() => this.terminate(running), this.graceMs).unref();
    } else {
      this.terminate(running);
    }
    return true;
  }

  /** True once a worker began the job `jobId` (false while it waits in the queue, or when there is no such job). */
  isStarted(jobId: string): boolean {
    const running = this.jobs.get(jobId);
    return running !== undefined && Atomics.load(running.flags, 1) !== 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const running of this.jobs.values()) running.abort.abort();
    await this.pool.destroy();
  }

  /** Workers alive now. */
  get threads(): number {
    return this.pool.threads.length;
  }

  private terminate(running: RunningJob): void {
    if (running.aborted) return;
    running.aborted = true;
    running.abort.abort();
  }

  /** The error a job's promise rejects with: CancelledError, WorkerDiedError, or the job's own. */
  private explain(e: unknown, running: RunningJob): unknown {
    if (running.aborted || (e instanceof Error && e.name === 'AbortError')) {
      return this.closed ? new Error('the lab is shutting down') : new CancelledError(jobNoun(running.job));
    }
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') return new WorkerDiedError(`the lab ran out of memory ${jobDoing(running.job)}`);
    if (e instanceof Error && /worker (exited|terminated|stopped)/i.test(e.message)) {
      return new WorkerDiedError(`the lab's worker stopped ${jobDoing(running.job)} (${e.message})`);
    }
    return e;
  }
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

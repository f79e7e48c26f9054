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
import { CANCELLED_GENTLY, STOPS_WHEN_ASKED, type Compute, type EngineGroup, type Job, type JobResult } from '../service/jobs.ts';
import type { PoolTask } from './pool-worker.ts';
import { jobFailure, jobWallLimitMs, watchJob, workerResourceLimits } from './job-limits.ts';

// the limits every worker shares, where their users have always found them
export { DEFAULT_WORKER_HEAP_MB, RUN_TIME_LIMIT_MS, WATCHDOG_GRACE_MS, WORKER_STACK_MB, jobWallLimitMs } from './job-limits.ts';

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
  /** engine groups each worker loads as soon as it starts, before its first job (pool-worker.ts) */
  preload?: EngineGroup[];
  /** the watchdog's wall-clock limit of a job once started, or null for none; default jobWallLimitMs */
  wallLimitMs?: (job: Job) => number | null;
}

interface RunningJob {
  job: Job;
  /** [0] cancel requested, [1] started (pool-worker.ts) */
  flags: Int32Array;
  abort: AbortController;
  /** set once the job is being stopped by terminating its worker */
  aborted: boolean;
  /** set when the watchdog stopped it (it ran past its wall-clock limit) */
  overdue: number | null;
}

export class WorkerPool implements Compute {
  private readonly pool: Piscina;
  private readonly jobs = new Map<string, RunningJob>();
  private readonly graceMs: number;
  private readonly wallLimitMs: (job: Job) => number | null;
  private closed = false;
  private jobCount = 0;
  /** workers started so far (tests and the grade benchmark read it) */
  started = 0;

  constructor(options: PoolOptions) {
    this.graceMs = options.cancelGraceMs ?? 2000;
    this.wallLimitMs = options.wallLimitMs ?? jobWallLimitMs;
    this.pool = new Piscina({
      filename: options.workerFile,
      minThreads: Math.min(options.warm ?? options.threads, options.threads),
      maxThreads: options.threads,
      // one job per worker at a time, no idle timeout: workers stay warm until close()
      concurrentTasksPerWorker: 1,
      idleTimeout: 2 ** 31 - 1,
      resourceLimits: workerResourceLimits(options.heapMb),
      workerData: { preload: options.preload ?? [] },
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
    const running: RunningJob = { job, flags: new Int32Array(new SharedArrayBuffer(8)), abort: new AbortController(), aborted: false, overdue: null };
    this.jobs.set(jobId, running);
    const task: PoolTask = { job, flags: running.flags.buffer as SharedArrayBuffer };
    const watchdog = this.watch(running);
    try {
      return (await this.pool.run(task, { signal: running.abort.signal })) as JobResult<J>;
    } catch (e) {
      throw this.explain(e, running);
    } finally {
      if (watchdog) clearInterval(watchdog);
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

  /**
   * Starts the watchdog of a job: once a worker has begun it (the time in the queue does not
   * count), a job past its wall-clock limit has its worker terminated. Null when it has no limit.
   */
  private watch(running: RunningJob): ReturnType<typeof setInterval> | null {
    return watchJob(this.wallLimitMs(running.job), running.flags, (limit) => {
      running.overdue = limit;
      this.terminate(running);
    });
  }

  private terminate(running: RunningJob): void {
    if (running.aborted) return;
    running.aborted = true;
    running.abort.abort();
  }

  /** The error a job's promise rejects with: CancelledError, WorkerDiedError, or the job's own. */
  private explain(e: unknown, running: RunningJob): unknown {
    return jobFailure(e, running.job, { overdue: running.overdue, aborted: running.aborted, closed: this.closed });
  }
}

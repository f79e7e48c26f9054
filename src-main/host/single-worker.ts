/**
 * One worker thread for a command that does one job and ends (`forklab run`): started at once,
 * so that it boots and loads its engine on the other core while the command reads its input,
 * with the pool's guarantees (pool.ts) without a pool library's start: the same V8 resource
 * limits, the same watchdog, the same failures in the same words (job-limits.ts). A job that
 * exhausts the worker's heap rejects with WorkerDiedError ("the lab ran out of memory running
 * this program"), never killing the command; a job still going past its wall-clock limit has
 * the thread terminated and rejects with WorkerDiedError. close() does not wait for the thread
 * to end, so the command can exit as soon as its output is written.
 *
 * The worker module answers each message { job, flags } (a PoolTask) with { result } or
 * { error } (run-worker.ts); send() gives it what it needs first. One job at a time; a worker
 * that died stays dead.
 */
import { Worker } from 'node:worker_threads';
import type { Job, JobResult } from '../service/jobs.ts';
import { jobFailure, jobWallLimitMs, watchJob, workerResourceLimits } from './job-limits.ts';
import type { PoolTask } from './pool-worker.ts';

export interface SingleWorkerOptions {
  /** the worker's module (out/node/run-worker.cjs) */
  workerFile: string;
  /** what the module reads as workerData */
  workerData?: unknown;
  /** its JavaScript heap limit in MiB (V8 maxOldGenerationSizeMb); default 1024, as the pool's */
  heapMb?: number;
  /** the watchdog's wall-clock limit of a job once started, or null for none; default jobWallLimitMs */
  wallLimitMs?: (job: Job) => number | null;
}

/** The job being done: how to settle its promise, its watchdog, and whether the watchdog stopped it. */
interface Pending {
  job: Job;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  watchdog: ReturnType<typeof setInterval> | null;
  overdue: number | null;
}

export class SingleWorker {
  private readonly worker: Worker;
  private readonly wallLimitMs: (job: Job) => number | null;
  private pending: Pending | null = null;
  /** why the thread ended (its error, or an Error naming its exit), once it has */
  private ended: unknown = null;
  private closed = false;

  constructor(options: SingleWorkerOptions) {
    this.wallLimitMs = options.wallLimitMs ?? jobWallLimitMs;
    // the worker's own standard output and error (Node's warnings: the jobs answer by message) reach
    // ours when it writes, not through pipes made at once: opening them would delay its start
    this.worker = new Worker(options.workerFile, { workerData: options.workerData, resourceLimits: workerResourceLimits(options.heapMb), stdout: true, stderr: true });
    this.worker.stdout.on('data', (chunk: Buffer) => process.stdout.write(chunk));
    this.worker.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    this.worker.on('message', (answer: { result?: unknown; error?: unknown }) => this.settle(answer));
    this.worker.on('error', (e) => this.end(e));
    this.worker.on('exit', (code) => this.end(new Error(`worker exited with code ${code}`)));
  }

  /** Does `job` in the worker; rejects with what the job threw, or WorkerDiedError when the worker died doing it. */
  run<J extends Job>(job: J): Promise<JobResult<J>> {
    if (this.closed) return Promise.reject(new Error('the lab is shutting down'));
    if (this.pending) return Promise.reject(new Error('this worker is already doing a job'));
    if (this.ended !== null) return Promise.reject(jobFailure(this.ended, job, { overdue: null, aborted: false, closed: false }));
    const flags = new Int32Array(new SharedArrayBuffer(8));
    return new Promise<JobResult<J>>((resolve, reject) => {
      const pending: Pending = { job, resolve: resolve as (value: unknown) => void, reject, watchdog: null, overdue: null };
      pending.watchdog = watchJob(this.wallLimitMs(job), flags, (limit) => {
        pending.overdue = limit;
        void this.worker.terminate();
      });
      this.pending = pending;
      const task: PoolTask = { job, flags: flags.buffer as SharedArrayBuffer };
      this.worker.postMessage(task);
    });
  }

  /**
   * Posts `message` to the worker's module outside any job (what it needs before its jobs, sent
   * once it has started, so that preparing it overlaps the thread's start); `transfer` as postMessage's.
   */
  send(message: unknown, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer as never[]);
  }

  /** Ends the thread without waiting for it (a job still going rejects: the lab is shutting down). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.worker.unref();
    void this.worker.terminate();
  }

  /** Settles the job being done with the worker's answer. */
  private settle(answer: { result?: unknown; error?: unknown }): void {
    const pending = this.takePending();
    if (!pending) return;
    if ('error' in answer) pending.reject(answer.error);
    else pending.resolve(answer.result);
  }

  /** The thread ended (an error, then its exit): the job being done, if any, fails and says why. */
  private end(reason: unknown): void {
    this.ended ??= reason;
    const pending = this.takePending();
    pending?.reject(jobFailure(this.ended, pending.job, { overdue: pending.overdue, aborted: this.closed, closed: this.closed }));
  }

  /** The job being done, no longer pending, its watchdog stopped; null when there is none. */
  private takePending(): Pending | null {
    const pending = this.pending;
    this.pending = null;
    if (pending?.watchdog) clearInterval(pending.watchdog);
    return pending;
  }
}

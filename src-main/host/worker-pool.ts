/**
 * Jobs in worker threads (node:worker_threads), so a long run never blocks the door's thread and
 * can be stopped: cancel(jobId) terminates the job's worker (a fresh one is started for the next
 * job) and the job's promise rejects with CancelledError. Each worker does one job at a time;
 * at most `maxWorkers` run at once, later jobs wait their turn.
 *
 * Messages: to the worker `{ id, job }`; back `{ id, ok: true, result }` or
 * `{ id, ok: false, error: { name, message } }` (src-main/app/worker.ts).
 */
import type { Worker } from 'node:worker_threads';
import { CancelledError, type Compute, type Job, type JobResult } from '../service/jobs.ts';

export type WorkerReply = { id: string; ok: true; result: unknown } | { id: string; ok: false; error: { name: string; message: string } };

interface PendingJob {
  id: string;
  job: Job;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  worker: Worker | null;
}

export class WorkerCompute implements Compute {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, PendingJob>();
  private readonly queue: PendingJob[] = [];
  private readonly jobs = new Map<string, PendingJob>();
  private closed = false;
  /** workers started so far (tests look at it) */
  started = 0;

  constructor(private readonly spawn: () => Worker, private readonly maxWorkers = 2) {}

  start<J extends Job>(jobId: string, job: J): Promise<JobResult<J>> {
    if (this.closed) return Promise.reject(new Error('the lab is shutting down'));
    if (this.jobs.has(jobId)) return Promise.reject(new Error(`a job with id ${jobId} is already running`));
    return new Promise<JobResult<J>>((resolve, reject) => {
      const pending: PendingJob = { id: jobId, job, resolve: resolve as (v: unknown) => void, reject, worker: null };
      this.jobs.set(jobId, pending);
      this.queue.push(pending);
      this.dispatch();
    });
  }

  cancel(jobId: string): boolean {
    const pending = this.jobs.get(jobId);
    if (!pending) return false;
    this.jobs.delete(jobId);
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) this.queue.splice(queued, 1);
    if (pending.worker) this.discard(pending.worker);
    pending.reject(new CancelledError(pending.job.kind === 'grade' ? 'check' : pending.job.kind));
    this.dispatch();
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of [...this.jobs.values()]) {
      pending.reject(new Error('the lab is shutting down'));
    }
    this.jobs.clear();
    this.queue.length = 0;
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  /** Number of workers alive (idle or busy). */
  get size(): number {
    return this.idle.length + this.busy.size;
  }

  /** Gives waiting jobs to idle workers, starting workers up to the limit. */
  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      let worker = this.idle.pop();
      if (!worker) {
        if (this.size >= this.maxWorkers) return;
        worker = this.startWorker();
      }
      const pending = this.queue.shift()!;
      pending.worker = worker;
      this.busy.set(worker, pending);
      worker.postMessage({ id: pending.id, job: pending.job });
    }
  }

  private startWorker(): Worker {
    const worker = this.spawn();
    this.started++;
    worker.on('message', (reply: WorkerReply) => this.finish(worker, reply));
    worker.on('error', (error) => this.fail(worker, new Error(`the lab's worker failed: ${error.message}`)));
    worker.on('exit', (code) => this.fail(worker, new Error(`the lab's worker stopped (exit code ${code})`)));
    return worker;
  }

  private finish(worker: Worker, reply: WorkerReply): void {
    const pending = this.busy.get(worker);
    if (!pending || pending.id !== reply.id) return;
    this.busy.delete(worker);
    this.jobs.delete(pending.id);
    this.idle.push(worker);
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(errorFrom(reply.error));
    this.dispatch();
  }

  /** A worker died by itself (not by cancel): its job fails, the next job gets a new worker. */
  private fail(worker: Worker, error: Error): void {
    const pending = this.busy.get(worker);
    const wasIdle = this.idle.indexOf(worker);
    if (wasIdle >= 0) this.idle.splice(wasIdle, 1);
    if (!pending) return;
    this.busy.delete(worker);
    if (this.jobs.get(pending.id) === pending) {
      this.jobs.delete(pending.id);
      pending.reject(error);
    }
    this.dispatch();
  }

  /** Stops a worker and forgets it. */
  private discard(worker: Worker): void {
    this.busy.delete(worker);
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    worker.removeAllListeners('message');
    worker.removeAllListeners('exit');
    worker.removeAllListeners('error');
    worker.on('error', () => undefined);
    void worker.terminate();
  }
}

function errorFrom(error: { name: string; message: string }): Error {
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}

/**
 * The worker pool of one command (src-main/host/pool.ts): every run, grading and exploration of
 * the command line happens in a worker with V8 resource limits, so a program that exhausts the
 * heap ends its job with a message instead of killing `forklab`.
 */
import { builtFile } from '../host/built.ts';
import { WorkerPool } from '../host/pool.ts';

/** Calls `use` with a pool of `threads` warm workers, and closes the pool when it is done. */
export async function withPool<T>(threads: number, use: (pool: WorkerPool) => Promise<T>): Promise<T> {
  const pool = new WorkerPool({ workerFile: builtFile('worker.mjs'), threads });
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

/**
 * The worker pool of one command (src-main/host/pool.ts): every run, grading and exploration of
 * the command line happens in a worker with V8 resource limits, so a program that exhausts the
 * heap ends its job with a message instead of killing `forklab`.
 */
import { builtFile } from '../host/built.ts';
import { WorkerPool } from '../host/pool.ts';
import type { EngineGroup } from '../service/jobs.ts';

/** Calls `use` with a pool of `threads` warm workers, and closes the pool when it is done. */
export async function withPool<T>(threads: number, use: (pool: WorkerPool) => Promise<T>, preload: EngineGroup[] = []): Promise<T> {
  const pool = commandPool({ threads, preload });
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

/**
 * A pool for a command, started at once (close it when done): `warm` workers start now, more
 * up to `threads` as jobs wait; `preload` engine groups load as each worker starts. A command
 * that starts it before reading its input has warm workers by the time it has jobs.
 */
export function commandPool(options: { threads: number; warm?: number; preload?: EngineGroup[] }): WorkerPool {
  return new WorkerPool({ workerFile: builtFile('worker.mjs'), ...options });
}

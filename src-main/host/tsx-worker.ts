/**
 * Starts the lab's worker from the TypeScript sources (through tsx): how the browser host and the
 * tests run jobs. The desktop app starts its bundled worker (out/main/worker.mjs) instead.
 */
import { Worker } from 'node:worker_threads';

/** A new worker running src-main/app/worker.ts. */
export function spawnSourceWorker(): Worker {
  const entry = new URL('../app/worker.ts', import.meta.url).href;
  return new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { entry } });
}

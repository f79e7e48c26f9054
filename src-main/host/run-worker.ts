/**
 * The worker of one `forklab run` (single-worker.ts): loads the run's engines from their
 * CommonJS bundle through V8's code cache (code-cache.ts) as soon as it starts, then does each
 * job it is sent (one at a time) and answers { result } or { error }. After its first job it
 * writes the code cache when the load could not use one, before answering: its owner may end
 * the thread as soon as the answer arrives.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { requireCached } from './code-cache.ts';
import type { PoolTask } from './pool-worker.ts';
import type { doRunJob } from './run-engine-bundle.ts';

/** What the owner gives the worker: the bundle's path and the code cache's folder (null: none). */
export interface RunWorkerData {
  bundle: string;
  cacheDir: string | null;
}

const data = workerData as RunWorkerData;
const engine = requireCached<{ doRunJob: typeof doRunJob }>(data.bundle, data.cacheDir);

parentPort?.on('message', (task: PoolTask) => {
  let answer: { result: unknown } | { error: unknown };
  try {
    answer = { result: engine.exports.doRunJob(task) };
  } catch (error) {
    answer = { error };
  }
  engine.save();
  try {
    parentPort?.postMessage(answer);
  } catch (e) {
    // an answer that cannot be copied to the owner's thread (structured clone) is told as an error
    parentPort?.postMessage({ error: new Error(`the lab could not send the job's answer: ${(e as Error).message}`) });
  }
});

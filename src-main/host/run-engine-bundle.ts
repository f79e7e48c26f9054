/**
 * The engines of `forklab run` (the run group of service/jobs.ts: the compiler and the machine),
 * built alone into one CommonJS file, out/node/run-engine.cjs (scripts/build-node.mjs), so that
 * the single worker of a run (run-worker.ts) can compile it with V8's code cache (code-cache.ts).
 */
import { CancelledError, ENGINE_GROUP, performJob, type Engines, type Job, type JobResult } from '../service/jobs.ts';
import { runEngines } from '../service/run-engines.ts';
import type { PoolTask } from './pool-worker.ts';

/**
 * Does one job of the run group (a run, a replay, diagnostics) as the pool's worker does
 * (pool-worker.ts): marks it started, refuses it when already cancelled, and looks at its
 * cancel flag as it goes. Throws for a job of another group, and what the engine throws.
 */
export function doRunJob(task: PoolTask): JobResult<Job> {
  const flags = task.flags ? new Int32Array(task.flags) : null;
  if (flags) Atomics.store(flags, 1, 1);
  if (flags && Atomics.load(flags, 0) !== 0) throw new CancelledError();
  if (ENGINE_GROUP[task.job.kind] !== 'run') throw new Error(`this worker only runs programs, not ${JSON.stringify(task.job.kind)} jobs`);
  // a job of the run group calls only the run group's engines
  return performJob(task.job, runEngines as Engines, { cancelled: () => flags !== null && Atomics.load(flags, 0) !== 0 });
}

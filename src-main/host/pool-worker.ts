/**
 * The worker of the lab's pool (pool.ts): piscina calls the default export once per job, in a
 * warm worker thread with V8 resource limits. Each group of engines (service/engines.ts) is
 * loaded the first time a job needs it, so a worker that only runs programs starts small. No
 * electron here: the desktop app's worker (src-main/app/worker.ts) is this same module.
 */
import { CancelledError, ENGINE_GROUP, performJob, type Engines, type Job, type JobResult } from '../service/jobs.ts';

/** One job as the pool sends it: the job, and its flags (two int32: [0] "stop, please", [1] "started"). */
export interface PoolTask {
  job: Job;
  flags: SharedArrayBuffer | null;
}

/** The engines loaded so far, by group. */
const loaded: Partial<Engines> = {};
const groups = new Set<string>();

async function load(group: 'run' | 'grade' | 'pack'): Promise<void> {
  if (groups.has(group)) return;
  if (group === 'run') Object.assign(loaded, (await import('../service/run-engines.ts')).runEngines);
  else if (group === 'grade') Object.assign(loaded, (await import('../service/grade-engines.ts')).gradeEngines);
  else Object.assign(loaded, (await import('../service/pack-engines.ts')).packEngines);
  // the engines that match packs' patterns (grading, validating): each match gets a time limit
  if (group !== 'run') await import('./match-watchdog.ts');
  groups.add(group);
}

/** Does one job; throws what the engine throws (the pool passes it to the job's promise). */
export default async function doJob(task: PoolTask): Promise<JobResult<Job>> {
  const flags = task.flags ? new Int32Array(task.flags) : null;
  if (flags) Atomics.store(flags, 1, 1);
  // cancelled while it waited (pool.ts cancels some kinds gently, before they start)
  if (flags && Atomics.load(flags, 0) !== 0) throw new CancelledError();
  const group = ENGINE_GROUP[task.job.kind];
  if (!group) throw new Error(`unknown job ${JSON.stringify(task.job.kind)}`);
  await load(group);
  // the job's own group is loaded, and performJob calls only that group's engine
  return performJob(task.job, loaded as Engines, { cancelled: () => flags !== null && Atomics.load(flags, 0) !== 0 });
}

/**
 * The worker of one `forklab run` (single-worker.ts). Its first message is the run's engines:
 * their CommonJS bundle and its code cache entry, read by the owner while this thread started
 * (code-cache.ts readCodeCache); it compiles them with the entry (compile-cached.ts). Each later
 * message is a job, done one at a time and answered with { result } or { error }. After its first
 * job it writes the code cache when the load could not use it, before answering: its owner may
 * end the thread as soon as the answer arrives.
 */
import { parentPort } from 'node:worker_threads';
import { compileCached, type CachedModule } from './compile-cached.ts';
import type { CodeCacheRead } from './code-cache.ts';
import type { PoolTask } from './pool-worker.ts';
import type { doRunJob } from './run-engine-bundle.ts';

/** The first message: the engines' bundle (out/node/run-engine.cjs) and its entry. */
export interface RunWorkerSetup {
  engine: CodeCacheRead;
}

let engine: CachedModule<{ doRunJob: typeof doRunJob }> | null = null;

parentPort?.on('message', (message: RunWorkerSetup | PoolTask) => {
  if ('engine' in message) engine = compileCached(message.engine);
  else void answer(message);
});

/** Does one job and answers it (after writing the code cache, the first time, when it has to). */
async function answer(task: PoolTask): Promise<void> {
  let reply: { result: unknown } | { error: unknown };
  try {
    if (!engine) throw new Error('the worker was given a job before its engine');
    reply = { result: engine.exports.doRunJob(task) };
  } catch (error) {
    reply = { error };
  }
  await engine?.save();
  try {
    parentPort?.postMessage(reply);
  } catch (e) {
    // an answer that cannot be copied to the owner's thread (structured clone) is told as an error
    parentPort?.postMessage({ error: new Error(`the lab could not send the job's answer: ${(e as Error).message}`) });
  }
}

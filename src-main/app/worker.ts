/**
 * The lab's worker thread: does one job at a time (a run, an exploration, a grading) for the
 * worker pool (src-main/host/worker-pool.ts), which terminates it to cancel a job. No electron
 * here: the browser host uses the same worker.
 */
import { parentPort } from 'node:worker_threads';
import { engines } from '../service/engines.ts';
import { performJob, type Job } from '../service/jobs.ts';

const port = parentPort;
if (!port) throw new Error('src-main/app/worker.ts runs as a worker thread');

port.on('message', (message: { id: string; job: Job }) => {
  try {
    const result = performJob(message.job, engines);
    port.postMessage({ id: message.id, ok: true, result });
  } catch (e) {
    const error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
    port.postMessage({ id: message.id, ok: false, error });
  }
});

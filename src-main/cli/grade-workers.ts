/**
 * Grading submissions for `forklab grade`: one at a time in this thread, or on worker threads
 * (this file is also the worker's entry) that each load the pack once.
 */
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { gradeSubmission } from '../checker/grade.ts';
import { formatPackError, loadPack } from '../packs/load.ts';
import type { Pack, PackFiles } from '../packs/types.ts';
import type { GradeView } from '../service/contract.ts';
import type { Submission } from './submissions.ts';

/** A graded submission: the GradeView without its run, who and which file (and a hand-in's pack version). */
export type Graded = Omit<GradeView, 'run'> & { student: string; file: string; handInVersion?: string };

/** Grades one submission (secret checks included), without its run. */
export function gradeOne(pack: Pack, submission: Submission): Graded {
  const { run: _run, ...view } = gradeSubmission(pack, submission.exercise, submission.source, {
    includeSecret: true,
    includeRun: false,
    fileName: basename(submission.path.replace(/^.*\.zip:/, '')),
  });
  const graded: Graded = { student: submission.student, file: submission.path, ...view };
  if (submission.handInVersion !== undefined) graded.handInVersion = submission.handInVersion;
  return graded;
}

interface WorkerInput {
  forklabGradeWorker: true;
  files: PackFiles;
}

export interface Job {
  index: number;
  submission: Submission;
}

/** The worker's loop: load the pack once, then grade each job it is sent. */
function workerMain(input: WorkerInput): void {
  const { pack, errors } = loadPack(input.files);
  parentPort!.on('message', (job: Job) => {
    if (!pack) {
      parentPort!.postMessage({ index: job.index, error: errors.map(formatPackError).join('; ') });
      return;
    }
    try {
      parentPort!.postMessage({ index: job.index, graded: gradeOne(pack, job.submission) });
    } catch (e) {
      parentPort!.postMessage({ index: job.index, error: e instanceof Error ? e.message : String(e) });
    }
  });
}

if (!isMainThread && (workerData as WorkerInput | null)?.forklabGradeWorker) workerMain(workerData as WorkerInput);

/** A worker thread running this file through tsx (so it works from bin/forklab.mjs and from tests). */
function startWorker(files: PackFiles): Worker {
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const self = import.meta.url;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(self)});`;
  const input: WorkerInput = { forklabGradeWorker: true, files };
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData: input });
}

/** Grades jobs on `jobs` worker threads; results in job order whatever order they finish in. */
export async function gradeInWorkers(files: PackFiles, jobs: Job[], threads: number, progress: (done: number) => void): Promise<Graded[]> {
  const results: Graded[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(threads, jobs.length) }, () => startWorker(files));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = (): void => {
              if (next >= jobs.length) return resolve();
              worker.postMessage(jobs[next++]);
            };
            worker.on('message', (m: { index: number; graded?: Graded; error?: string }) => {
              if (m.error !== undefined || !m.graded) return reject(new Error(`grading ${jobs[m.index].submission.path}: ${m.error}`));
              results[m.index] = m.graded;
              progress(++done);
              feed();
            });
            worker.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

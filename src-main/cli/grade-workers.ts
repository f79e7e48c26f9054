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

/** One submission to grade: who, which exercise, which file. */
export interface Submission {
  student: string;
  exercise: string;
  path: string;
}

/**
 * A graded submission: the GradeView without its run. `unfinished` says why grading stopped
 * before the end (timed out, out of memory), when it did.
 */
export type Graded = Omit<GradeView, 'run'> & { student: string; file: string; unfinished?: string };

/** Grades one submission (secret checks included), without its run. */
export function gradeOne(pack: Pack, submission: Submission, source: string): Graded {
  const { run: _run, ...view } = gradeSubmission(pack, submission.exercise, source, {
    includeSecret: true,
    includeRun: false,
    fileName: basename(submission.path),
  });
  return { student: submission.student, file: submission.path, ...view };
}

interface WorkerInput {
  forklabGradeWorker: true;
  files: PackFiles;
}

/** What a grading worker answers for a job: the graded submission, or why it could not grade it. */
interface WorkerAnswer {
  index: number;
  /** sent when the worker starts on the job (its time limit starts then) */
  started?: boolean;
  graded?: Graded;
  error?: string;
}

export interface Job {
  index: number;
  submission: Submission;
  source: string;
}

/** The worker's loop: load the pack once, then grade each job it is sent. */
function workerMain(input: WorkerInput): void {
  const { pack, errors } = loadPack(input.files);
  parentPort!.on('message', (job: Job) => {
    parentPort!.postMessage({ index: job.index, started: true });
    if (!pack) {
      parentPort!.postMessage({ index: job.index, error: errors.map(formatPackError).join('; ') });
      return;
    }
    try {
      parentPort!.postMessage({ index: job.index, graded: gradeOne(pack, job.submission, job.source) });
    } catch (e) {
      parentPort!.postMessage({ index: job.index, error: e instanceof Error ? e.message : String(e) });
    }
  });
}

if (!isMainThread && (workerData as WorkerInput | null)?.forklabGradeWorker) workerMain(workerData as WorkerInput);

/**
 * A worker thread running this file through tsx (so it works from bin/forklab.mjs and from
 * tests), its V8 heap limited to `heapMb`; `onDeath` hears of its error or exit.
 */
function startWorker(files: PackFiles, heapMb: number, onMessage: (m: WorkerAnswer) => void, onDeath: (e: Error | null) => void): Worker {
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const self = import.meta.url;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(self)});`;
  const input: WorkerInput = { forklabGradeWorker: true, files };
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
    workerData: input,
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  worker.on('message', onMessage);
  worker.on('error', (e) => onDeath(e));
  worker.on('exit', () => onDeath(null));
  return worker;
}

/** The time one submission may take to grade before its worker is stopped and it is graded "timed out". */
export const SUBMISSION_TIME_LIMIT_MS = 60_000;
/** The time a new worker may take to start (it compiles the engine) before its first job's limit starts. */
const WORKER_START_MS = 60_000;
/** V8 heap a grading worker may use: a submission that needs more is graded "out of memory", the others go on. */
export const WORKER_HEAP_MB = 1024;

/**
 * The result of a submission that could not be graded to the end: every check of its exercise
 * failed with `reason` (the time limit ran out, or the worker grading it died).
 */
export function unfinishedGrade(pack: Pack, submission: Submission, reason: string): Graded {
  const exercise = pack.exercises.find((e) => e.id === submission.exercise);
  const checks = exercise?.checks ?? [];
  const tests = checks.map((c) => ({
    id: c.id, name: c.id, status: 'error' as const, points: 0, max_points: c.points, message: reason,
    visibility: c.visibility, step: null, pid: null, line: null,
  }));
  const maxPoints = checks.reduce((n, c) => n + c.points, 0);
  return {
    student: submission.student, file: submission.path, packId: pack.id, exerciseId: submission.exercise,
    points: 0, max_points: maxPoints, score: 0, gradable: true, tests, unfinished: reason,
  };
}

export interface WorkerLimits {
  /** SUBMISSION_TIME_LIMIT_MS unless given */
  submissionMs?: number;
  /** WORKER_HEAP_MB unless given */
  heapMb?: number;
}

/**
 * Grades jobs on `threads` worker threads; results in job order whatever order they finish in.
 * A submission that takes longer than the time limit, or whose worker dies (out of memory, a
 * crash), gets unfinishedGrade() and a fresh worker carries on with the others.
 */
export async function gradeInWorkers(pack: Pack, files: PackFiles, jobs: Job[], threads: number, progress: (done: number) => void, limits: WorkerLimits = {}): Promise<Graded[]> {
  const results: Graded[] = new Array(jobs.length);
  const submissionMs = limits.submissionMs ?? SUBMISSION_TIME_LIMIT_MS;
  let next = 0;
  let done = 0;
  const finish = (index: number, graded: Graded): void => {
    results[index] = graded;
    progress(++done);
  };
  /** One lane: a worker grading jobs one by one, replaced when it has to be stopped or dies. */
  const lane = (): Promise<void> => new Promise<void>((resolve) => {
    let worker: Worker | null = null;
    let current: Job | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const feed = (): void => {
      if (next >= jobs.length) {
        void worker?.terminate();
        return resolve();
      }
      current = jobs[next++];
      if (!worker) worker = startWorker(files, limits.heapMb ?? WORKER_HEAP_MB, onMessage, onDeath);
      // the time limit starts when the worker starts on the job; a worker that never does is given up too
      startTimer(WORKER_START_MS + submissionMs);
      worker.postMessage(current);
    };
    const startTimer = (ms: number): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => abandon(`timed out: grading this submission took longer than ${Math.round(submissionMs / 1000)} s, the time limit`), ms);
    };
    const settle = (graded: Graded): void => {
      if (timer) clearTimeout(timer);
      timer = null;
      const job = current!;
      current = null;
      finish(job.index, graded);
      feed();
    };
    /** The job cannot finish: its worker is stopped and replaced, the job gets `reason`. */
    const abandon = (reason: string): void => {
      const dead = worker;
      worker = null;
      if (dead) {
        dead.removeAllListeners();
        dead.on('error', () => undefined);
        void dead.terminate();
      }
      if (current) settle(unfinishedGrade(pack, current.submission, reason));
    };
    function onMessage(m: WorkerAnswer): void {
      if (!current || m.index !== current.index) return;
      if (m.started) startTimer(submissionMs);
      else if (m.graded) settle(m.graded);
      else abandon(`not graded: ${m.error ?? 'the grader failed'}`);
    }
    function onDeath(error: Error | null): void {
      if (!current) return;
      const memory = error && /memory|heap/i.test(error.message);
      abandon(memory ? 'not graded: the lab ran out of memory grading this submission' : `not graded: the grader stopped (${error?.message ?? 'it exited'})`);
    }
    feed();
  });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, jobs.length)) }, lane));
  return results;
}

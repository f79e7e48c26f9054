/**
 * Grading submissions for `forklab grade` in the lab's worker pool (src-main/host/pool.ts): each
 * submission is one job for a warm worker, with the exercise already loaded (workers never parse
 * the pack). A submission whose worker dies (out of memory) gets a result saying so; the batch goes on.
 */
import { basename } from 'node:path';
import { roundPoints } from '../packs/load.ts';
import type { Pack } from '../packs/types.ts';
import type { GradeView } from '../service/contract.ts';
import { isWorkerDied, type GradeJobOptions } from '../service/jobs.ts';
import type { WorkerPool } from '../host/pool.ts';
import { withPool } from './pool.ts';
import { fileNameOf, graded, type Graded } from './grade-one.ts';
import type { Submission } from './submissions.ts';

export type { Submission } from './submissions.ts';
export type { Graded } from './grade-one.ts';

export interface Job {
  index: number;
  submission: Submission;
  source: string;
}

/** How the instructor grades: every check, secret ones included, no runs kept. */
function instructorGrading(submission: Submission): GradeJobOptions {
  return { includeSecret: true, includeRun: false, detail: false, fileName: fileNameOf(submission) };
}

/** The time one submission may take to grade (from when a worker starts on it) before it is stopped and graded "timed out". */
export const SUBMISSION_TIME_LIMIT_MS = 60_000;

/**
 * Grades jobs on `threads` workers; results in job order whatever order they finish in. A
 * submission that takes longer than `timeLimitMs` once a worker started on it is stopped and
 * graded "timed out"; one whose worker dies is graded with the reason; the batch goes on.
 */
export async function gradeInPool(pack: Pack, jobs: Job[], threads: number, progress: (done: number) => void, timeLimitMs = SUBMISSION_TIME_LIMIT_MS): Promise<Graded[]> {
  let done = 0;
  return withPool(Math.max(1, Math.min(threads, jobs.length)), (pool) =>
    Promise.all(
      jobs.map(async ({ index, submission, source }): Promise<Graded> => {
        const exercise = pack.exercises.find((e) => e.id === submission.exercise);
        if (!exercise) throw new Error(`pack ${pack.id} has no exercise "${submission.exercise}"`);
        const jobId = `grade-${index}`;
        const limit = timeLimit(pool, jobId, timeLimitMs);
        let result: Graded;
        try {
          const { run: _run, ...view } = await pool.start(jobId, { kind: 'grade', exercise, packId: pack.id, source, options: instructorGrading(submission) });
          result = graded(submission, view);
        } catch (e) {
          if (limit.expired) result = notGraded(pack, submission, `timed out: grading it took longer than ${Math.round(timeLimitMs / 1000)} s, the time limit`);
          else if (!isWorkerDied(e)) throw new Error(`grading ${submission.path}: ${(e as Error).message}`);
          else result = notGraded(pack, submission, e.message);
        } finally {
          limit.clear();
        }
        progress(++done);
        return result;
      }),
    ),
  );
}

/**
 * Cancels job `jobId` once it has run for `ms` after a worker started it (time in the queue does
 * not count); `expired` tells afterwards whether that is why it ended.
 */
function timeLimit(pool: WorkerPool, jobId: string, ms: number): { readonly expired: boolean; clear(): void } {
  let startedAt: number | null = null;
  let expired = false;
  const poll = setInterval(() => {
    if (startedAt === null) {
      if (pool.isStarted(jobId)) startedAt = Date.now();
    } else if (Date.now() - startedAt >= ms && !expired) {
      expired = true;
      pool.cancel(jobId);
    }
  }, Math.min(100, ms));
  return {
    get expired() {
      return expired;
    },
    clear: () => clearInterval(poll),
  };
}

/** The result of a submission the lab could not grade (its worker died): no points, and why. */
function notGraded(pack: Pack, submission: Submission, why: string): Graded {
  const exercise = pack.exercises.find((e) => e.id === submission.exercise)!;
  const checks = exercise.checks;
  return {
    ...(submission.handInVersion !== undefined ? { handInVersion: submission.handInVersion } : {}),
    student: submission.student,
    file: submission.path,
    packId: pack.id,
    exerciseId: exercise.id,
    points: 0,
    max_points: roundPoints(checks.reduce((n, c) => n + c.points, 0)),
    score: 0,
    gradable: false,
    tests: [],
    error: why,
  };
}

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
import { withPool } from './pool.ts';

/** One submission to grade: who, which exercise, which file. */
export interface Submission {
  student: string;
  exercise: string;
  path: string;
}

/** A graded submission: the GradeView without its run; `error` when the lab could not grade it. */
export type Graded = Omit<GradeView, 'run'> & { student: string; file: string; error?: string };

export interface Job {
  index: number;
  submission: Submission;
  source: string;
}

/** How the instructor grades: every check, secret ones included, no runs kept. */
function instructorGrading(submission: Submission): GradeJobOptions {
  return { includeSecret: true, includeRun: false, detail: false, fileName: basename(submission.path) };
}

/** Grades jobs on `threads` workers; results in job order whatever order they finish in. */
export async function gradeInPool(pack: Pack, jobs: Job[], threads: number, progress: (done: number) => void): Promise<Graded[]> {
  let done = 0;
  return withPool(Math.max(1, Math.min(threads, jobs.length)), (pool) =>
    Promise.all(
      jobs.map(async ({ submission, source }): Promise<Graded> => {
        const exercise = pack.exercises.find((e) => e.id === submission.exercise);
        if (!exercise) throw new Error(`pack ${pack.id} has no exercise "${submission.exercise}"`);
        let graded: Graded;
        try {
          const { run: _run, ...view } = await pool.run({ kind: 'grade', exercise, packId: pack.id, source, options: instructorGrading(submission) });
          graded = { student: submission.student, file: submission.path, ...view };
        } catch (e) {
          if (!isWorkerDied(e)) throw new Error(`grading ${submission.path}: ${(e as Error).message}`);
          graded = notGraded(pack, submission, e.message);
        }
        progress(++done);
        return graded;
      }),
    ),
  );
}

/** The result of a submission the lab could not grade (its worker died): no points, and why. */
function notGraded(pack: Pack, submission: Submission, why: string): Graded {
  const exercise = pack.exercises.find((e) => e.id === submission.exercise)!;
  const checks = exercise.checks;
  return {
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

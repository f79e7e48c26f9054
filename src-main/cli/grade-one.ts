/**
 * One submission graded in this thread, as the instructor grades (every check, secret ones too,
 * no run kept): what `forklab autograde` does for one student, with nothing of the worker pool,
 * so the autograders' one-file lab stays small. grade-workers.ts grades batches on the pool.
 */
import { basename } from 'node:path';
import { gradeSubmission } from '../checker/grade.ts';
import type { Pack } from '../packs/types.ts';
import type { GradeView } from '../service/contract.ts';
import type { Submission } from './submissions.ts';

/**
 * A graded submission: the GradeView without its run; `error` when the lab could not grade it;
 * `handInVersion` the pack version a hand-in was made for.
 */
export type Graded = Omit<GradeView, 'run'> & { student: string; file: string; error?: string; handInVersion?: string };

/** The file name a submission is compiled under: its own, or the name inside its hand-in zip. */
export function fileNameOf(submission: Submission): string {
  return basename(submission.path.replace(/^.*\.zip:/, ''));
}

/** A GradeView as a submission's Graded. */
export function graded(submission: Submission, view: Omit<GradeView, 'run'>): Graded {
  const g: Graded = { student: submission.student, file: submission.path, ...view };
  if (submission.handInVersion !== undefined) g.handInVersion = submission.handInVersion;
  return g;
}

/** Grades one submission in this thread (secret checks included), without its run. */
export function gradeOne(pack: Pack, submission: Submission): Graded {
  const { run: _run, ...view } = gradeSubmission(pack, submission.exercise, submission.source, { includeSecret: true, includeRun: false, fileName: fileNameOf(submission) });
  return graded(submission, view);
}

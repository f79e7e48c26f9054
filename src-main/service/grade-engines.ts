/**
 * The engines of grading and exploring (jobs.ts): the checker and the explorer, on an exercise
 * the service already loaded (a worker never parses a pack to grade a submission).
 */
import { gradeExercise } from '../checker/grade.ts';
import { gradeQuestion } from '../checker/question.ts';
import { ExploreCompileError, exploreProgram } from '../explore/explore.ts';
import type { ExploreRequest, ExploreView } from './contract.ts';
import type { GradeEngines, GradeJobOptions } from './jobs.ts';
import { refusingBadFiles } from './run-engines.ts';
import { RequestError } from './validate.ts';

/** How the app grades: public and sealed checks, the run in detail mode for the viewer. */
export const APP_GRADING: GradeJobOptions = { includeSecret: false, includeRun: true, detail: true };

/** Every output the program can produce (the explorer); a compile error or a bad file is a rejection (RequestError) saying so. */
export function exploreSource(request: ExploreRequest): ExploreView {
  const options = {
    ...(request.options ?? {}),
    fileName: request.fileName ?? 'prog.c',
    ...(request.maxRuns !== undefined ? { maxRuns: request.maxRuns } : {}),
    ...(request.graphs !== undefined ? { graphs: request.graphs } : {}),
    ...(request.candidate !== undefined ? { candidate: request.candidate } : {}),
  };
  try {
    return refusingBadFiles(() => exploreProgram(request.source, options));
  } catch (e) {
    // the program is the request's: a 400 with gcc's text, not the lab's failure
    if (e instanceof ExploreCompileError) throw new RequestError(`the program did not compile:\n${e.diagnosticsText}`);
    throw e;
  }
}

export const gradeEngines: GradeEngines = {
  explore: exploreSource,
  grade: (exercise, packId, source, options = APP_GRADING) => ({ ...gradeExercise(exercise, source, options), packId }),
  answer: (exercise, packId, ticked) => gradeQuestion(exercise, ticked, packId),
};

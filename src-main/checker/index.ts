/**
 * The checker: grades a submission against an exercise's declarative checks (docs/packs.md),
 * every result linked to the trace step that explains it.
 */
export { gradeSubmission, gradeExercise, type GradeOptions } from './grade.ts';
export { evaluateCheck, robustConfigurations } from './evaluate.ts';
export { ALL_OUTPUTS_MAX_RUNS } from './all-outputs.ts';
export { calledFunctions } from './calls.ts';
export { toRunView } from './run-view.ts';
export { GRADE_MAX_STEPS, GRADE_MAX_OUTPUT } from './runs.ts';
export type { Outcome, Link, EvalContext } from './types.ts';
export { validatePack, type ValidationReport, type ExerciseReport } from './validate-pack.ts';
export { gradeQuestion, gradeAnswerText, parseAnswer, questionFacts, choiceName, type QuestionFacts } from './question.ts';
export { revealedGrade } from './reveal.ts';

/**
 * Grading: a submission's source against an exercise's checks, to a GradeView
 * (src-main/service/contract.ts). The submission compiles once; each distinct run is made once
 * and read by every check that needs it. Secret checks run only with `includeSecret` (the
 * instructor's `forklab grade`). Deterministic: the same pack, source and options give the same
 * result.
 */
import type { CheckResultInfo, GradeView } from '../service/contract.ts';
import { roundPoints } from '../packs/load.ts';
import { CHECK_MATCH_MS, withMatchTimeLimit } from '../packs/regex.ts';
import type { Check, Exercise, Pack } from '../packs/types.ts';
import { runProgram } from '../vm/run.ts';
import { evaluateCheck } from './evaluate.ts';
import { defaultMessage } from './messages.ts';
import { gradeAnswerText } from './question.ts';
import { compileSubmission, mergeRunOptions, needsMemcheck, RunCache, type CompiledSubmission } from './runs.ts';
import { toRunView } from './run-view.ts';
import { NO_LINK, type EvalContext, type Outcome } from './types.ts';

export interface GradeOptions {
  /** run the secret checks too (the instructor's grading); default false */
  includeSecret?: boolean;
  /** the submission's file name in diagnostics; default "prog.c" */
  fileName?: string;
  /** attach the first run (with its trace) as GradeView.run; default true */
  includeRun?: boolean;
  /** record the first run in detail mode (the app's viewer); default false */
  detail?: boolean;
}

/** Grades `source` against exercise `exerciseId` of `pack`; throws only when there is no such exercise. */
export function gradeSubmission(pack: Pack, exerciseId: string, source: string, options: GradeOptions = {}): GradeView {
  const exercise = pack.exercises.find((e) => e.id === exerciseId);
  if (!exercise) throw new Error(`pack ${pack.id} has no exercise "${exerciseId}"`);
  return { ...gradeExercise(exercise, source, options), packId: pack.id };
}

/** Grades `source` against one exercise (packId left empty); for a question, `source` is the answer text (parseAnswer). */
export function gradeExercise(exercise: Exercise, source: string, options: GradeOptions = {}): GradeView {
  // a possible-outputs question: `source` is the answer file's text (the ticked choice numbers)
  if (exercise.question) return gradeAnswerText(exercise, source);
  const fileName = options.fileName ?? 'prog.c';
  const compiled = compileSubmission(source, fileName);
  const cache = compiled.ok ? new RunCache(compiled, fileName, exercise.run, options.detail ?? false, needsMemcheck(exercise.checks)) : null;
  const checks = exercise.checks.filter((c) => options.includeSecret || c.visibility !== 'secret');
  const outcomes = checks.map((check) => {
    const ctx: EvalContext = {
      run: (runOptions) => cache!.run(runOptions),
      baseOptions: exercise.run,
      image: compiled.image,
      source,
      fileName,
      reveal: check.visibility === 'public',
    };
    return safeEvaluate(check, ctx, compiled);
  });
  const tests = applyRequires(checks, outcomes).map((outcome, i) => toResult(checks[i], outcome, exercise.run));
  const maxPoints = roundPoints(checks.reduce((n, c) => n + c.points, 0));
  const points = roundPoints(tests.reduce((n, t) => n + t.points, 0));
  let run: GradeView['run'] = null;
  if (options.includeRun !== false) {
    if (!cache) {
      run = toRunView(runProgram({ source, fileName }), source, fileName, mergeRunOptions(exercise.run), null);
    } else {
      const first = cache.first() ?? cache.run();
      run = toRunView(first, source, fileName, cache.firstOptions ?? mergeRunOptions(exercise.run), compiled.image);
    }
  }
  return {
    packId: '',
    exerciseId: exercise.id,
    points,
    max_points: maxPoints,
    score: maxPoints > 0 ? Math.round((points / maxPoints) * 10000) / 10000 : compiled.ok ? 1 : 0,
    gradable: compiled.ok,
    tests,
    run,
  };
}

function safeEvaluate(check: Check, ctx: EvalContext, compiled: CompiledSubmission): Outcome {
  if (check.type === 'compiles' && compiled.ok) {
    // the heading already says it compiles: say what else the compiler said
    const warnings = compiled.diagnostics.filter((d) => d.severity === 'warning');
    const first = warnings[0];
    const detail = first
      ? `no errors, but ${warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`}, the first on line ${first.line}: ${first.message}`
      : 'no errors, no warnings';
    return { passed: true, fraction: 1, detail, link: { step: null, pid: null, line: first?.line ?? null } };
  }
  if (check.type === 'compiles' && !compiled.ok) {
    const error = compiled.diagnostics.find((d) => d.severity === 'error');
    return {
      passed: false,
      fraction: 0,
      detail: error ? `the program does not compile: line ${error.line}: ${error.message}` : 'the program does not compile',
      link: { step: null, pid: null, line: error?.line ?? null },
    };
  }
  try {
    // the check's patterns have a time limit of their own (packs/regex.ts): beyond it, "timed out"
    return withMatchTimeLimit(CHECK_MATCH_MS, () => evaluateCheck(check, ctx));
  } catch (e) {
    if (e instanceof Error && e.name === 'MatchTimeoutError') return { passed: false, fraction: 0, detail: e.message, link: NO_LINK, error: true };
    return {
      passed: false,
      fraction: 0,
      detail: `the lab could not evaluate this check (${e instanceof Error ? e.message : String(e)})`,
      link: NO_LINK,
      error: true,
    };
  }
}

/**
 * `requires`: a check whose required checks did not all pass earns nothing, whatever it found
 * itself (a program that never forks must not earn "no zombies"). Outcomes in check order.
 */
export function applyRequires(checks: Check[], outcomes: Outcome[]): Outcome[] {
  const byId = new Map(checks.map((c, i) => [c.id, i]));
  const passed = (id: string, seen: Set<string>): boolean => {
    const i = byId.get(id);
    if (i === undefined || seen.has(id)) return false;
    const own = outcomes[i].passed;
    return own && (checks[i].requires ?? []).every((r) => passed(r, new Set([...seen, id])));
  };
  return outcomes.map((outcome, i) => {
    const unmet = (checks[i].requires ?? []).filter((id) => !passed(id, new Set([checks[i].id])));
    if (unmet.length === 0 || outcome.error) return outcome;
    const names = unmet.map((id) => `"${nameOf(checks[byId.get(id) ?? -1] ?? { id })}"`);
    const own = outcome.passed ? 'on its own it passed, but ' : '';
    return {
      ...outcome,
      passed: false,
      fraction: 0,
      detail: `${own}its points count only when ${names.join(' and ')} pass${names.length === 1 ? 'es' : ''}, and ${names.length === 1 ? 'it does' : 'they do'} not`,
    };
  });
}

/** The name students see: the check's title, else its id. */
function nameOf(check: { id: string; title?: string }): string {
  return check.title ?? check.id;
}

/** "Passed: the output is as expected." — a detail that already ends a sentence gets no second stop. */
function sentence(verdict: string, detail: string): string {
  return `${verdict}: ${detail}${/[.?!]$/.test(detail) ? '' : '.'}`;
}

function toResult(check: Check, outcome: Outcome, exerciseRun: Exercise['run']): CheckResultInfo {
  const head = check.message ?? defaultMessage(check);
  const verdict = outcome.error ? 'Not checked' : outcome.passed ? 'Passed' : 'Failed';
  const result: CheckResultInfo = {
    id: check.id,
    name: nameOf(check),
    status: outcome.error ? 'error' : outcome.passed ? 'passed' : 'failed',
    points: roundPoints(check.points * (outcome.passed ? 1 : Math.max(0, Math.min(1, outcome.fraction)))),
    max_points: check.points,
    message: `${head} ${sentence(verdict, outcome.detail)}`,
    visibility: check.visibility,
    step: outcome.link.step,
    pid: outcome.link.pid,
    line: outcome.link.line,
  };
  if (outcome.schedule !== undefined) result.schedule = outcome.schedule;
  if (outcome.options !== undefined) {
    result.runOptions = mergeRunOptions(exerciseRun, outcome.options, outcome.schedule !== undefined ? { schedule: outcome.schedule } : undefined);
  }
  return result;
}

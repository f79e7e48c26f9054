/**
 * `forklab pack validate`'s work, on a pack's in-memory files: load it (schema, files, ids), then
 * grade the reference solution (it must earn full marks), the starter (it must not) and each wrong
 * submission (it must fail every check it names), secret checks included. A student's copy has no
 * solution or wrong submissions: its starter is still graded, and its questions explored. The
 * result has the shape of `forklab pack validate --json` (docs/cli.md).
 */
import { loadPack } from '../packs/load.ts';
import { MATCH_TIMED_OUT } from '../packs/regex.ts';
import type { GradeView } from '../service/contract.ts';
import { decodeText } from '../packs/files.ts';
import type { Exercise, PackError, PackFiles } from '../packs/types.ts';
import { parseYaml, type ParsedYaml } from '../packs/yaml.ts';
import { gradeExercise } from './grade.ts';
import { questionFacts } from './question.ts';

export interface ExerciseReport {
  id: string;
  title: string;
  topics: string[];
  maxPoints: number;
  /** null in a student's copy (it has no solution) */
  solutionPoints: number | null;
  starterPoints: number;
  wrongSubmissions: number;
  /** a possible-outputs question: its choices and how many of them the program can produce */
  question?: { choices: number; possible: number; complete: boolean };
}

export interface ValidationReport {
  valid: boolean;
  packId: string | null;
  /** a student's copy: checked without solutions, wrong submissions or secret checks */
  student?: boolean;
  errors: PackError[];
  exercises: ExerciseReport[];
}

/** Validates a pack completely, running its programs; never throws for what the pack contains. */
export function validatePack(files: PackFiles): ValidationReport {
  const { pack, errors } = loadPack(files);
  if (!pack) return { valid: false, packId: null, errors, exercises: [] };
  const all: PackError[] = [];
  const exercises = pack.exercises.map((exercise) => {
    const file = `${exercise.id}/exercise.yaml`;
    const yaml = parseYaml(file, decodeText(files[file]) ?? '');
    const { report, errors: found } = runExercise(exercise, file, yaml);
    all.push(...found);
    return report;
  });
  return { valid: all.length === 0, packId: pack.id, ...(pack.student ? { student: true } : {}), errors: all, exercises };
}

function runExercise(exercise: Exercise, file: string, yaml: ParsedYaml): { report: ExerciseReport; errors: PackError[] } {
  if (exercise.question) return runQuestion(exercise, file, yaml);
  const errors: PackError[] = [];
  const checkIndex = (id: string): number => exercise.checks.findIndex((c) => c.id === id);
  const grade = (source: string, name: string) => gradeExercise(exercise, source, { includeSecret: true, includeRun: false, fileName: name });

  const solution = exercise.solution === null ? null : grade(exercise.solution, 'solution.c');
  for (const test of solution?.tests ?? []) {
    if (test.points < test.max_points) {
      const i = checkIndex(test.id);
      errors.push({
        file,
        line: yaml.lineOf(['checks', i]),
        field: `checks[${i}]`,
        message: `the reference solution does not pass check "${test.id}" (${test.points}/${test.max_points}): ${test.message}`,
      });
    }
  }
  const starter = grade(exercise.starter, 'starter.c');
  // a pattern that times out on the pack's own programs would time out on students' work too
  const timedOut = (view: GradeView, name: string): void => {
    for (const test of view.tests.filter((t) => t.status === 'error' && t.message.includes(MATCH_TIMED_OUT))) {
      const i = checkIndex(test.id);
      errors.push({
        file,
        line: yaml.lineOf(['checks', i]),
        field: `checks[${i}]`,
        message: `check "${test.id}" timed out on ${name}: its pattern takes too long to match (write it in RE2 syntax, without backreferences or lookaround, or split it into simpler checks)`,
      });
    }
  };
  timedOut(starter, 'starter.c');
  if (starter.max_points > 0 && starter.points >= starter.max_points) {
    errors.push({ file, line: yaml.lineOf(['starter']), field: 'starter', message: 'the starter code earns full marks: there is nothing left to do' });
  }
  exercise.wrong.forEach((wrong, i) => {
    const result = grade(wrong.source, wrong.file.split('/').pop() ?? 'prog.c');
    timedOut(result, wrong.file);
    wrong.fails.forEach((id, j) => {
      const test = result.tests.find((t) => t.id === id);
      if (test && test.status === 'passed') {
        errors.push({
          file,
          line: yaml.lineOf(['wrong', i, 'fails', j]),
          field: `wrong[${i}].fails[${j}]`,
          message: `${wrong.file} passes check "${id}", which it should fail`,
        });
      }
    });
  });
  return {
    report: {
      id: exercise.id,
      title: exercise.title,
      topics: exercise.topics,
      maxPoints: exercise.maxPoints,
      solutionPoints: solution?.points ?? null,
      starterPoints: starter.points,
      wrongSubmissions: exercise.wrong.length,
    },
    errors,
  };
}

/**
 * A question: its program is explored (bounded by runs); the pack fails when the program does
 * not compile, the search is not complete, or no choice (or every choice) is possible.
 */
function runQuestion(exercise: Exercise, file: string, yaml: ParsedYaml): { report: ExerciseReport; errors: PackError[] } {
  const errors: PackError[] = [];
  const facts = questionFacts(exercise);
  const err = (path: (string | number)[], field: string, message: string): void => {
    errors.push({ file, line: yaml.lineOf(path), field, message });
  };
  const n = exercise.question!.choices.length;
  const possible = facts.schedules.filter((s) => s !== null).length;
  if (facts.compileError !== null) err(['program'], 'program', `the program does not compile:\n${facts.compileError}`);
  else if (!facts.complete) {
    err(['program'], 'program', `the search for every output stopped after ${facts.runs} runs (maxRuns ${exercise.question!.maxRuns}): raise maxRuns or make the program smaller, so that which outputs are possible is known for sure`);
  } else if (possible === 0) err(['choices'], 'choices', 'no choice is an output the program can produce: at least one must be possible');
  else if (possible === n) err(['choices'], 'choices', 'every choice is an output the program can produce: at least one must be impossible');
  const full = exercise.maxPoints;
  return {
    report: {
      id: exercise.id,
      title: exercise.title,
      topics: exercise.topics,
      maxPoints: full,
      solutionPoints: facts.compileError === null ? full : 0,
      starterPoints: 0,
      wrongSubmissions: 0,
      question: { choices: n, possible, complete: facts.complete },
    },
    errors,
  };
}

/**
 * What a student's copy of a pack holds: secret checks removed, sealed checks reduced to their
 * id, type, points, visibility and message (never the expected data), and neither the reference
 * solution nor the wrong submissions. Grading still needs the full pack: the service grades with
 * it (without secret checks) and shows this view.
 */
import type { Check, Exercise, Pack } from './types.ts';

/** The pack as a student may see it. */
export function studentView(pack: Pack): Pack {
  return { ...pack, exercises: pack.exercises.map(studentExercise) };
}

function studentExercise(exercise: Exercise): Exercise {
  const checks = exercise.checks.filter((c) => c.visibility !== 'secret').map(studentCheck);
  return {
    ...exercise,
    solution: null,
    wrong: [],
    checks,
    // a question's points are its choices', not its checks' (it has none)
    maxPoints: exercise.question ? exercise.maxPoints : Math.round(checks.reduce((n, c) => n + c.points, 0) * 100) / 100,
  };
}

function studentCheck(check: Check): Check {
  if (check.visibility !== 'sealed') return check;
  const sealed: Check = { id: check.id, uuid: check.uuid, type: check.type, points: check.points, visibility: 'sealed' };
  if (check.message !== undefined) sealed.message = check.message;
  return sealed;
}

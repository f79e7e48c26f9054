/**
 * One results.json for a whole submission, in each platform's format: every exercise the
 * autograder grades, its checks as tests named "exercise title: check title", and the total
 * weighted as pack.yaml's `weights` say (a test's points scaled by its exercise's weight over
 * its points). Gradescope: the score in points, secret checks as hidden tests (or as asked).
 * PrairieLearn: the score as a fraction, secret checks never in the output (their points count),
 * and a submission that does not compile is gradable and scores 0.
 */
import { roundPoints } from '../../packs/load.ts';
import type { Exercise, Pack } from '../../packs/types.ts';
import { exerciseWeights } from '../gradebook.ts';
import { gradescopeTest, prairielearnTest, summaryLine, type GradescopeVisibility } from '../grade-results.ts';
import type { Graded } from '../grade-workers.ts';

/** An exercise of the submission: its grade, or null when nothing was handed in for it. */
export interface ExerciseGrade {
  exercise: Exercise;
  graded: Graded | null;
}

/** The factor from an exercise's points to its weight in the total. */
function scale(pack: Pack, exercise: Exercise): number {
  const weight = exerciseWeights(pack, [exercise.id])[exercise.id];
  return exercise.maxPoints > 0 ? weight / exercise.maxPoints : 0;
}

/** Each test's points scaled to the exercise's weight. */
function scaled<T extends { points: number; max_points: number }>(t: T, factor: number): T {
  return factor === 1 ? t : { ...t, points: roundPoints(t.points * factor), max_points: roundPoints(t.max_points * factor) };
}

/** The total of the submission and the most it could be. */
function totals(pack: Pack, grades: ExerciseGrade[]): { total: number; max: number } {
  const weights = exerciseWeights(pack, grades.map((g) => g.exercise.id));
  let total = 0;
  for (const g of grades) if (g.graded && g.graded.max_points > 0) total += (g.graded.points / g.graded.max_points) * weights[g.exercise.id];
  return { total: roundPoints(total), max: roundPoints(grades.reduce((n, g) => n + weights[g.exercise.id], 0)) };
}

/** "fork-returns: 3 of 5 points; …" per exercise, "nothing handed in" for a missing one, then the notes. */
function summary(grades: ExerciseGrade[], notes: string[]): string {
  const lines = grades.map((g) => (g.graded ? summaryLine(g.graded) : `${g.exercise.id}: nothing handed in (expected ${fileOf(g.exercise)}), 0 points`));
  return [...lines, ...notes].join('\n');
}

function fileOf(exercise: Exercise): string {
  return `${exercise.id}${exercise.question ? '.txt' : '.c'}`;
}

/** Gradescope's results.json for the whole submission. */
export function gradescopeResults(pack: Pack, grades: ExerciseGrade[], secret: GradescopeVisibility, notes: string[]): unknown {
  const tests: Record<string, unknown>[] = [];
  for (const { exercise, graded } of grades) {
    const prefix = `${exercise.title}: `;
    const factor = scale(pack, exercise);
    if (!graded) {
      tests.push({ name: `${prefix}nothing handed in`, number: String(tests.length + 1), score: 0, max_score: roundPoints(exercise.maxPoints * factor), status: 'failed', output: `No ${fileOf(exercise)} was found in the submission.`, visibility: 'visible' });
      continue;
    }
    for (const t of graded.tests) tests.push(gradescopeTest(scaled(t, factor), String(tests.length + 1), prefix, secret));
  }
  return { score: totals(pack, grades).total, output: summary(grades, notes), tests };
}

/** PrairieLearn's results.json for the whole submission. */
export function prairielearnResults(pack: Pack, grades: ExerciseGrade[], notes: string[]): unknown {
  const { total, max } = totals(pack, grades);
  const tests: Record<string, unknown>[] = [];
  for (const { exercise, graded } of grades) {
    const prefix = grades.length > 1 ? `${exercise.title}: ` : '';
    const factor = scale(pack, exercise);
    if (!graded) {
      tests.push({ name: `${prefix}nothing handed in`, description: `${fileOf(exercise)} is needed`, points: 0, max_points: roundPoints(exercise.maxPoints * factor), message: `No ${fileOf(exercise)} was found in the submission.`, output: '' });
      continue;
    }
    for (const t of graded.tests.filter((x) => x.visibility !== 'secret')) tests.push(prairielearnTest(scaled(t, factor), prefix));
  }
  const held = grades.reduce((n, g) => n + (g.graded ? g.graded.tests.filter((t) => t.visibility === 'secret').length : 0), 0);
  const note = held > 0 ? [`${held} more check${held === 1 ? '' : 's'} counted in the score ${held === 1 ? 'is' : 'are'} not shown.`] : [];
  return { gradable: true, score: max > 0 ? Math.round((total / max) * 10000) / 10000 : 0, message: summary(grades, [...notes, ...note]), output: '', tests };
}

/**
 * When a student sees a question's per-choice verdicts (`reveal` in exercise.yaml): always,
 * never, after N attempts, or once the answer is fully right. Until then the grade keeps its
 * points and loses its tests, so a second try cannot copy the first one's verdicts. The service
 * applies it (what the page receives could be read), so this file stays free of the engine.
 */
import type { Reveal } from '../packs/types.ts';
import type { GradeView } from '../service/contract.ts';

/**
 * The grade as the student may see it after `attempts` answers (this one included): whole when
 * the question's `reveal` allows, else the points alone with a sentence saying when the verdicts
 * come (`feedbackHidden`), so a second try cannot copy them.
 */
export function revealedGrade(grade: GradeView, reveal: Reveal, attempts: number): GradeView {
  const full = grade.gradable && grade.points >= grade.max_points;
  const shown = reveal === 'always' || (reveal === 'after-correct' && full) || (typeof reveal === 'object' && attempts >= reveal.afterAttempts);
  if (shown) return grade;
  let when: string;
  if (reveal === 'never') when = 'Which choices are right is not shown for this question.';
  else if (reveal === 'after-correct') when = 'Which choices are right is shown once your answer is fully right.';
  else {
    const n = (reveal as { afterAttempts: number }).afterAttempts;
    when = `Which choices are right is shown after ${n} attempt${n === 1 ? '' : 's'} (${attempts} so far).`;
  }
  return { ...grade, tests: [], feedbackHidden: when };
}


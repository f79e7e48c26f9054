/**
 * Grading one or a few checks against a program, without a pack on disk.
 */
import { gradeExercise } from '../../src-main/checker/grade.ts';
import type { Check, CheckFields, Exercise, PackRunOptions } from '../../src-main/packs/types.ts';
import type { CheckResultInfo, GradeView } from '../../src-main/service/contract.ts';

/** An exercise made of these checks (ids c0, c1, …; 10 points each unless given). */
export function exerciseOf(checks: (CheckFields & Partial<Check>)[], run: PackRunOptions = {}): Exercise {
  const full: Check[] = checks.map((c, i) => ({ id: `c${i}`, uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, points: 10, visibility: 'public', ...c }));
  return {
    id: 'test', uuid: '00000000-0000-4000-8000-aaaaaaaaaaaa', title: 'test', topics: [], prompt: '', starter: '', solution: '',
    hints: [], run, wrong: [], checks: full, maxPoints: full.reduce((n, c) => n + c.points, 0), heldBack: 0,
  };
}

/** The grade of `source` against these checks (secret ones included). */
export function grade(source: string, checks: (CheckFields & Partial<Check>)[], run: PackRunOptions = {}): GradeView {
  return gradeExercise(exerciseOf(checks, run), source, { includeSecret: true });
}

/** The result of one check. */
export function check(source: string, c: CheckFields & Partial<Check>, run: PackRunOptions = {}): CheckResultInfo {
  return grade(source, [c], run).tests[0];
}

export const HEAD = '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n#include <sys/wait.h>\n';

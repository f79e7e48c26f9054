/**
 * The results of `forklab grade`: one file per submission in the chosen format (json, csv,
 * Gradescope's or PrairieLearn's results.json) and the summary of the run (summary.csv, .json).
 */
import { join } from 'node:path';
import type { Graded } from './grade-workers.ts';

export const FORMATS = ['json', 'csv', 'gradescope', 'prairielearn'] as const;
export type Format = (typeof FORMATS)[number];

/** Gradescope's results.json (score in points). */
function toGradescope(g: Graded): unknown {
  return {
    score: g.points,
    output: summaryLine(g),
    tests: g.tests.map((t, i) => ({
      name: t.name,
      number: String(i + 1),
      score: t.points,
      max_score: t.max_points,
      status: t.status === 'passed' ? 'passed' : 'failed',
      output: t.message,
      visibility: t.visibility === 'secret' ? 'hidden' : 'visible',
    })),
  };
}

/** PrairieLearn's results.json (score as a fraction, gradable false for a compile error). */
function toPrairieLearn(g: Graded): unknown {
  return {
    gradable: g.gradable,
    score: g.score,
    message: summaryLine(g),
    output: '',
    tests: g.tests.map((t) => ({
      name: t.name,
      description: t.message.split(/ (Passed|Failed|Not checked): /)[0],
      points: t.points,
      max_points: t.max_points,
      message: t.message,
      output: '',
    })),
  };
}

function summaryLine(g: Graded): string {
  const passed = g.tests.filter((t) => t.status === 'passed').length;
  if (g.error) return `${g.exerciseId}: not graded: ${g.error}`;
  return g.gradable
    ? `${g.exerciseId}: ${g.points} of ${g.max_points} points; ${passed} of ${g.tests.length} checks passed`
    : `${g.exerciseId}: the program does not compile`;
}

/**
 * A CSV field, quoted when needed. Text that a spreadsheet would read as a formula (it starts
 * with = + - @, or a tab or carriage return before one) gets a leading apostrophe, so a
 * submission named =HYPERLINK(…).c stays text; numbers are written as they are.
 */
export function csvField(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRows(rows: unknown[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/** The results file of one submission in `format`: its path under the output folder and its text. */
export function resultsFile(g: Graded, format: Format): { path: string; text: string } {
  const path = resultsPath(g, format);
  if (format !== 'csv') return { path, text: `${JSON.stringify(resultsObject(g, format), null, 2)}\n` };
  return {
    path,
    text: csvRows([
      ['check', 'status', 'points', 'max_points', 'visibility', 'step', 'message'],
      ...g.tests.map((t) => [t.name, t.status, t.points, t.max_points, t.visibility, t.step, t.message]),
      ...(g.error ? [['(not graded)', 'error', 0, g.max_points, '', '', g.error]] : []),
    ]),
  };
}

/** Where `resultsFile` puts one submission's results, under the output folder. */
function resultsPath(g: Graded, format: Format): string {
  const base = join(safeName(g.student), safeName(g.exerciseId));
  if (format === 'json') return `${base}.json`;
  if (format === 'csv') return `${base}.csv`;
  return join(base, 'results.json');
}

/** The results object of one submission in a JSON format (`forklab grade --json` prints it too). */
export function resultsObject(g: Graded, format: Exclude<Format, 'csv'>): unknown {
  if (format === 'gradescope') return toGradescope(g);
  if (format === 'prairielearn') return toPrairieLearn(g);
  const { student: _s, file: _f, ...view } = g;
  return { student: g.student, ...view };
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || '_';
}

/** summary.csv and summary.json of a grading run. */
export function summaries(packId: string, graded: Graded[], format: Format): { csv: string; json: unknown } {
  const rows = graded.map((g) => ({
    student: g.student,
    exercise: g.exerciseId,
    points: g.points,
    max_points: g.max_points,
    score: g.score,
    gradable: g.gradable,
    passed: g.tests.filter((t) => t.status === 'passed').length,
    checks: g.tests.length,
    results: resultsPath(g, format).split('\\').join('/'),
  }));
  const header = ['student', 'exercise', 'points', 'max_points', 'score', 'gradable', 'passed', 'checks', 'results'] as const;
  return {
    csv: csvRows([[...header], ...rows.map((r) => header.map((h) => r[h]))]),
    json: { packId, submissions: rows },
  };
}

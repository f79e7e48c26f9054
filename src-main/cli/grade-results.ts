/**
 * The results of `forklab grade`: one file per submission in the chosen format (json, csv,
 * Gradescope's or PrairieLearn's results.json), and the test entries both platforms' autograders
 * reuse. Gradescope sees secret checks as hidden tests; PrairieLearn never sees them (their
 * points count in the score, their names and messages stay out), and a submission that does not
 * compile is gradable there and scores 0.
 */
import { stringify } from 'csv-stringify/sync';
import type { CheckResultInfo } from '../service/contract.ts';
import type { Graded } from './grade-one.ts';

export const FORMATS = ['json', 'csv', 'gradescope', 'prairielearn'] as const;
export type Format = (typeof FORMATS)[number];

/** Gradescope's visibility of a test: secret checks `hidden` (or as asked), the others `visible`. */
export type GradescopeVisibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';

/** One check as a Gradescope test; `prefix` names the exercise when one results file holds several. */
export function gradescopeTest(t: CheckResultInfo, number: string, prefix: string, secret: GradescopeVisibility): Record<string, unknown> {
  return {
    name: `${prefix}${t.name}`,
    number,
    score: t.points,
    max_score: t.max_points,
    status: t.status === 'passed' ? 'passed' : 'failed',
    output: t.message,
    visibility: t.visibility === 'secret' ? secret : 'visible',
  };
}

/** One check as a PrairieLearn test (never called for a secret check). */
export function prairielearnTest(t: CheckResultInfo, prefix: string): Record<string, unknown> {
  return {
    name: `${prefix}${t.name}`,
    description: t.message.split(/ (Passed|Failed|Not checked): /)[0],
    points: t.points,
    max_points: t.max_points,
    message: t.message,
    output: '',
  };
}

/** Gradescope's results.json (score in points). */
function toGradescope(g: Graded): unknown {
  return { score: g.points, output: summaryLine(g), tests: g.tests.map((t, i) => gradescopeTest(t, String(i + 1), '', 'hidden')) };
}

/** PrairieLearn's results.json (score as a fraction; secret checks left out of the tests). */
function toPrairieLearn(g: Graded): unknown {
  return {
    gradable: true,
    score: g.score,
    message: summaryLine(g),
    output: '',
    tests: g.tests.filter((t) => t.visibility !== 'secret').map((t) => prairielearnTest(t, '')),
  };
}

/** "fork-returns: 3 of 5 points; 2 of 3 checks passed", or why nothing could be checked. */
export function summaryLine(g: Omit<Graded, 'student' | 'file'>): string {
  const passed = g.tests.filter((t) => t.status === 'passed').length;
  if (g.error) return `${g.exerciseId}: not graded: ${g.error}`;
  if (g.gradable) return `${g.exerciseId}: ${g.points} of ${g.max_points} points; ${passed} of ${g.tests.length} checks passed`;
  const unreadable = g.tests.some((t) => t.message.includes('the answer could not be read'));
  return `${g.exerciseId}: ${unreadable ? 'the answer could not be read' : 'the program does not compile'} (0 points)`;
}

/**
 * A CSV field as a spreadsheet must read it: text that it would take for a formula (starting with
 * = + - @, or a tab or carriage return) gets a leading apostrophe, so a submission named
 * =HYPERLINK(…).c stays text; numbers are written as they are; quoted when needed.
 */
export function csvField(v: unknown): string {
  return stringify([[neutralised(v)]], { eof: false });
}

/** A cell's value with a spreadsheet formula made text (strings only; numbers stay numbers). */
function neutralised(v: unknown): unknown {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** CSV text of rows (a header first), every text cell neutralised (csvField). */
export function csvRows(rows: unknown[][]): string {
  return stringify(rows.map((r) => r.map(neutralised)), { cast: { boolean: (b) => String(b) } });
}

/** The results file of one submission in `format`: its path under the output folder and its text. */
export function resultsFile(g: Graded, format: Format): { path: string; text: string } {
  const path = resultsPath(g, format);
  if (format !== 'csv') return { path, text: `${JSON.stringify(resultsObject(g, format), null, 2)}\n` };
  const header = ['check', 'status', 'points', 'max_points', 'visibility', 'step', 'message'];
  const rows = g.tests.map((t) => [t.name, t.status, t.points, t.max_points, t.visibility, t.step, t.message]);
  if (g.error) rows.push(['(not graded)', 'error', 0, g.max_points, '', '', g.error]);
  return { path, text: csvRows([header, ...rows]) };
}

/** Where `resultsFile` puts one submission's results, under the output folder ("/"-separated). */
export function resultsPath(g: Graded, format: Format): string {
  const base = `${folderName(g.student)}/${folderName(g.exerciseId)}`;
  if (format === 'json') return `${base}.json`;
  if (format === 'csv') return `${base}.csv`;
  return `${base}/results.json`;
}

/** The results object of one submission in a JSON format (`forklab grade --json` prints it too). */
export function resultsObject(g: Graded, format: Exclude<Format, 'csv'>): unknown {
  if (format === 'gradescope') return toGradescope(g);
  if (format === 'prairielearn') return toPrairieLearn(g);
  const { student: _s, file: _f, ...view } = g;
  return { student: g.student, ...view };
}

/**
 * A student's name as a folder name: kept as it is (accents, spaces, capitals) except the few
 * characters file systems refuse or read as paths, and a leading dot.
 */
export function folderName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').replace(/[ .]+$/, '_') || '_';
}

/**
 * The gradebook of a `forklab grade` run: summary.csv (one row per student, a column per
 * exercise, the total weighted as pack.yaml's `weights` say, what is missing, the pack id and
 * version), submissions.csv (one row per graded submission), skipped.csv (what was not graded
 * and why) and summary.json (all of it). Students' names are written exactly as found.
 */
import { roundPoints } from '../packs/load.ts';
import type { Pack } from '../packs/types.ts';
import { csvRows } from './grade-results.ts';
import type { Graded } from './grade-one.ts';
import type { Skipped } from './submissions.ts';

/** One student's line of the gradebook. */
export interface StudentRow {
  student: string;
  /** exercise id → its points, or null when nothing was handed in */
  points: Record<string, number | null>;
  total: number;
  max: number;
  missing: string[];
  notes: string[];
}

/** The weight of each exercise in a total: pack.yaml's `weights`, else the exercise's points. */
export function exerciseWeights(pack: Pack, exercises: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of exercises) out[id] = pack.weights[id] ?? pack.exercises.find((e) => e.id === id)!.maxPoints;
  return out;
}

/** Why a graded submission earned less than its checks alone say, for the notes column. */
function noteOf(g: Graded, pack: Pack): string | null {
  const question = pack.exercises.find((e) => e.id === g.exerciseId)?.question;
  if (g.error) return `${g.exerciseId}: not graded: ${g.error}`;
  if (!g.gradable) return `${g.exerciseId}: ${question ? 'the answer could not be read' : 'does not compile'}`;
  if (g.handInVersion && g.handInVersion !== pack.version) return `${g.exerciseId}: handed in for version ${g.handInVersion}`;
  return null;
}

/** Each student's row: a submission's score times its exercise's weight, summed. */
export function studentRows(pack: Pack, exercises: string[], students: string[], graded: Graded[]): StudentRow[] {
  const weights = exerciseWeights(pack, exercises);
  return students.map((student) => {
    const mine = graded.filter((g) => g.student === student);
    const row: StudentRow = { student, points: {}, total: 0, max: roundPoints(exercises.reduce((n, id) => n + weights[id], 0)), missing: [], notes: [] };
    for (const id of exercises) {
      const g = mine.find((s) => s.exerciseId === id);
      row.points[id] = g ? g.points : null;
      if (!g) row.missing.push(id);
      else row.total += (g.max_points > 0 ? g.points / g.max_points : 0) * weights[id];
      const note = g ? noteOf(g, pack) : null;
      if (note) row.notes.push(note);
    }
    row.total = roundPoints(row.total);
    return row;
  });
}

/** summary.csv: student, one column per exercise (0 when missing), total, max, missing, notes, pack_id, pack_version. */
export function summaryCsv(pack: Pack, exercises: string[], rows: StudentRow[]): string {
  const header = ['student', ...exercises, 'total', 'max', 'missing', 'notes', 'pack_id', 'pack_version'];
  const body = rows.map((r) => [
    r.student,
    ...exercises.map((id) => r.points[id] ?? 0),
    r.total,
    r.max,
    r.missing.join(' '),
    r.notes.join('; '),
    pack.id,
    pack.version,
  ]);
  return csvRows([header, ...body]);
}

/** submissions.csv: one row per graded submission. */
export function submissionsCsv(rows: SubmissionRow[]): string {
  const header = ['student', 'exercise', 'points', 'max_points', 'score', 'gradable', 'passed', 'checks', 'file', 'results'] as const;
  return csvRows([[...header], ...rows.map((r) => header.map((h) => r[h]))]);
}

/** skipped.csv: path, student (when known), reason. */
export function skippedCsv(skipped: Skipped[]): string {
  return csvRows([['path', 'student', 'reason'], ...skipped.map((s) => [s.path, s.student ?? '', s.reason])]);
}

export interface SubmissionRow {
  student: string;
  exercise: string;
  points: number;
  max_points: number;
  score: number;
  gradable: boolean;
  passed: number;
  checks: number;
  file: string;
  results: string;
}

/** A graded submission's row (`results`: where its results file is, under the output folder). */
export function submissionRow(g: Graded, results: string): SubmissionRow {
  return {
    student: g.student,
    exercise: g.exerciseId,
    points: g.points,
    max_points: g.max_points,
    score: g.score,
    gradable: g.gradable,
    passed: g.tests.filter((t) => t.status === 'passed').length,
    checks: g.tests.length,
    file: g.file,
    results,
  };
}

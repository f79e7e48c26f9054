/**
 * A student's copy of a pack (`forklab pack export --student`): the same files without what
 * would give the answers away: no reference solutions, no wrong submissions, no secret checks
 * (nor the input files only they read). pack.yaml says `student: true`, and each exercise says
 * how many points its secret checks were worth (`heldBack`), so the app can tell the student what
 * the instructor's grading counts that theirs cannot. The YAML is edited in place, comments kept.
 */
import { parseDocument, type Document } from 'yaml';
import { decodeText, exerciseFilePath } from './files.ts';
import { loadPack, roundPoints } from './load.ts';
import type { Check, Pack, PackError, PackFiles } from './types.ts';

const encoder = new TextEncoder();

/** The student's copy of a valid full pack, or the errors that stop one being made. */
export function studentCopy(files: PackFiles): { files: PackFiles; errors: PackError[] } {
  const { pack, errors } = loadPack(files);
  if (!pack) return { files: {}, errors };
  if (pack.student) return { files: {}, errors: [{ file: 'pack.yaml', line: 0, field: 'student', message: "this is already a student's copy" }] };
  const out: PackFiles = { ...files };
  out['pack.yaml'] = encoder.encode(editYaml(files['pack.yaml'], (doc) => doc.set('student', true)));
  for (const exercise of pack.exercises) {
    if (exercise.question) continue;
    const file = `${exercise.id}/exercise.yaml`;
    for (const path of removedFiles(pack, exercise.id, files)) delete out[path];
    out[file] = encoder.encode(editYaml(files[file], (doc) => stripExercise(doc, exercise.checks)));
  }
  const check = loadPack(out);
  if (!check.pack) return { files: {}, errors: check.errors };
  return { files: out, errors: [] };
}

/** Removes solution, wrong and the secret checks from an exercise.yaml; records their points. */
function stripExercise(doc: Document, checks: Check[]): void {
  doc.delete('solution');
  doc.delete('wrong');
  const secret = checks.filter((c) => c.visibility === 'secret');
  for (let i = checks.length - 1; i >= 0; i--) if (checks[i].visibility === 'secret') doc.deleteIn(['checks', i]);
  doc.set('heldBack', roundPoints(secret.reduce((n, c) => n + c.points, 0)));
}

/** The solution, the wrong submissions, and stdin files that only secret checks read. */
function removedFiles(pack: Pack, exerciseId: string, files: PackFiles): string[] {
  const raw = parseDocument(decodeText(files[`${exerciseId}/exercise.yaml`]) ?? '').toJS() as {
    solution?: string;
    wrong?: { file: string }[];
    checks: Record<string, unknown>[];
    run?: { stdinFile?: string };
  };
  const inFolder = (name: string | undefined): string | null => (name === undefined ? null : exerciseFilePath(exerciseId, name));
  const stdinFiles = (value: unknown): string[] => {
    const found: string[] = [];
    JSON.stringify(value, (key, v) => {
      if (key === 'stdinFile' && typeof v === 'string') found.push(v);
      return v;
    });
    return found;
  };
  const exercise = pack.exercises.find((e) => e.id === exerciseId)!;
  const kept = new Set(stdinFiles([raw.run, raw.checks.filter((_, i) => exercise.checks[i].visibility !== 'secret')]).map(inFolder));
  const secretOnly = stdinFiles(raw.checks.filter((_, i) => exercise.checks[i].visibility === 'secret')).map(inFolder).filter((p) => !kept.has(p));
  return [inFolder(raw.solution), ...(raw.wrong ?? []).map((w) => inFolder(w.file)), ...secretOnly].filter((p): p is string => p !== null);
}

/** A YAML file edited as a document (its comments and layout kept). */
function editYaml(bytes: Uint8Array, edit: (doc: Document) => void): string {
  const doc = parseDocument(decodeText(bytes) ?? '');
  edit(doc);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

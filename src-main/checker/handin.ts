/**
 * A hand-in: one student's work on one pack as a .zip, written by the app's "Hand in" and read by
 * `forklab grade`. It holds `forklab-handin.json` (who, which pack and version, when, and the
 * SHA-256 of each file) and one file per exercise: `EXERCISE-ID.c` (the code as it was) or, for a
 * question, `EXERCISE-ID.txt` (the ticked choice numbers). Reading checks the manifest, the names
 * and every hash, so a file changed after the hand-in is refused, not graded.
 */
import { zipSync, type Zippable } from 'fflate';
import { unzipPack } from '../packs/zip.ts';
import { decodeText } from '../packs/files.ts';

export const HANDIN_MANIFEST = 'forklab-handin.json';
export const HANDIN_KIND = 'forklab-handin';
export const HANDIN_VERSION = 1;
/** The longest student name or id a hand-in may carry. */
export const MAX_STUDENT_NAME = 200;

export interface HandInFile {
  /** "fork-returns.c", "two-children-wait-outputs.txt" */
  path: string;
  exercise: string;
  sha256: string;
}

export interface HandInManifest {
  kind: typeof HANDIN_KIND;
  version: typeof HANDIN_VERSION;
  student: string;
  packId: string;
  packUuid: string;
  packVersion: string;
  /** ISO 8601 */
  createdAt: string;
  files: HandInFile[];
}

/** What goes into a hand-in: each exercise's current text. */
export interface HandInWork {
  student: string;
  pack: { id: string; uuid: string; version: string };
  createdAt: Date;
  /** exercise id → its text, and whether it is a question's answer (.txt) or code (.c) */
  exercises: { id: string; text: string; answer: boolean }[];
}

/** A read hand-in: its manifest and each exercise's text. */
export interface HandIn {
  manifest: HandInManifest;
  texts: Map<string, string>;
}

/** Why a student name cannot be used, or null: it must be a line of text, not empty, not too long. */
export function studentNameProblem(name: string): string | null {
  if (name.trim() === '') return 'a name or id is needed';
  if (name.length > MAX_STUDENT_NAME) return `at most ${MAX_STUDENT_NAME} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a name cannot hold line breaks or control characters';
  return null;
}

/** The hand-in's .zip bytes. */
export async function buildHandIn(work: HandInWork): Promise<Uint8Array> {
  const problem = studentNameProblem(work.student);
  if (problem) throw new Error(`the student's name: ${problem}`);
  const encoder = new TextEncoder();
  const tree: Zippable = {};
  const files: HandInFile[] = [];
  for (const ex of work.exercises) {
    const path = `${ex.id}${ex.answer ? '.txt' : '.c'}`;
    const bytes = encoder.encode(ex.text);
    tree[path] = bytes;
    files.push({ path, exercise: ex.id, sha256: await sha256(bytes) });
  }
  const manifest: HandInManifest = {
    kind: HANDIN_KIND,
    version: HANDIN_VERSION,
    student: work.student.trim(),
    packId: work.pack.id,
    packUuid: work.pack.uuid,
    packVersion: work.pack.version,
    createdAt: work.createdAt.toISOString(),
    files,
  };
  tree[HANDIN_MANIFEST] = encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  return zipSync(tree, { mtime: work.createdAt });
}

/** "forklab-handin-process-basics-Zoë Lee.zip": the pack and the student, without characters file systems refuse. */
export function handInFileName(packId: string, student: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = student.trim().replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_');
  return `forklab-handin-${packId}-${safe}.zip`;
}

/** Reads a hand-in's bytes; a sentence saying what is wrong when it is not a sound hand-in. */
export async function readHandIn(bytes: Uint8Array, name = 'hand-in.zip'): Promise<HandIn | string> {
  const { files, errors } = unzipPack(bytes, name);
  if (errors.length > 0) return `not a readable zip file (${errors[0].message})`;
  const manifestBytes = files[HANDIN_MANIFEST];
  if (!manifestBytes) return `not a ForkLab hand-in: it has no ${HANDIN_MANIFEST}`;
  const manifest = parseManifest(decodeText(manifestBytes) ?? '');
  if (typeof manifest === 'string') return `its ${HANDIN_MANIFEST} ${manifest}`;
  const texts = new Map<string, string>();
  for (const f of manifest.files) {
    const data = files[f.path];
    if (!data) return `it lists ${f.path}, which it does not hold`;
    if ((await sha256(data)) !== f.sha256) return `${f.path} was changed after it was handed in (its SHA-256 is not the one recorded)`;
    const text = decodeText(data);
    if (text === null) return `${f.path} is not UTF-8 text`;
    texts.set(f.exercise, text);
  }
  return { manifest, texts };
}

/** The manifest, or what is wrong with it. */
function parseManifest(text: string): HandInManifest | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'is not valid JSON';
  }
  const m = value as Partial<HandInManifest> | null;
  if (!m || typeof m !== 'object' || m.kind !== HANDIN_KIND) return `is not a ForkLab hand-in manifest`;
  if (m.version !== HANDIN_VERSION) return `has version ${JSON.stringify(m.version)}, which this lab does not read (it reads ${HANDIN_VERSION})`;
  for (const key of ['student', 'packId', 'packUuid', 'packVersion', 'createdAt'] as const) {
    if (typeof m[key] !== 'string') return `has no ${key}`;
  }
  const problem = studentNameProblem(m.student!);
  if (problem) return `has an unusable student name (${problem})`;
  if (!Array.isArray(m.files)) return 'has no list of files';
  const seen = new Set<string>();
  for (const f of m.files) {
    const ok = f && typeof f.path === 'string' && typeof f.exercise === 'string' && typeof f.sha256 === 'string';
    if (!ok || (f.path !== `${f.exercise}.c` && f.path !== `${f.exercise}.txt`)) return `lists a file that is not EXERCISE-ID.c or .txt (${JSON.stringify(f?.path)})`;
    if (seen.has(f.exercise)) return `lists exercise ${f.exercise} twice`;
    seen.add(f.exercise);
  }
  return m as HandInManifest;
}

/** The SHA-256 of bytes, in hex (WebCrypto: the same in Node, Electron and the browser). */
export async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

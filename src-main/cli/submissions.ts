/**
 * Finding what `forklab grade` grades (docs/packs.md, "Submissions"): .c files and question
 * answers (.txt) in the layouts courses use, and hand-in zips from the app. Everything passed
 * over is recorded with the reason, for skipped.csv. Students' names are kept exactly as the
 * folder, file or hand-in gives them. A class folder is read as class-folder.ts allows: links
 * only inside it, no pipes or devices, files read without following a link swapped in.
 *
 *   NAME.c / NAME.txt   a file named on the command line: NAME's submission for --exercise (or
 *                       the pack's only exercise); a file named after an exercise is that
 *                       exercise's, by the student of the folder holding it
 *   *.zip               a hand-in (checker/handin.ts): its student, its exercises
 *   FOLDER              one student's folder when it holds only files named after exercises;
 *                       else a class: each subfolder a student (STUDENT/EXERCISE-ID.c), each
 *                       zip a hand-in, each NAME.c a student's file for --exercise
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { readHandIn } from '../checker/handin.ts';
import type { Pack } from '../packs/types.ts';
import { classEntry, classRoot, listFolder, readSubmission, readSubmissionBytes, type Skipped } from './class-folder.ts';
import { UsageError } from './command.ts';

export type { Skipped } from './class-folder.ts';

/** One submission to grade: who, which exercise, which file, and its text. */
export interface Submission {
  student: string;
  exercise: string;
  /** the file, or "hand-in.zip:EXERCISE.c" for a file inside a hand-in */
  path: string;
  source: string;
  /** the pack version a hand-in was made for */
  handInVersion?: string;
}

export interface Found {
  submissions: Submission[];
  /** every student seen (a folder or hand-in with nothing gradable still counts), in order */
  students: string[];
  skipped: Skipped[];
}

/** What the rules read of the pack. */
interface Rules {
  pack: Pack;
  ids: Set<string>;
  /** --exercise, or the pack's only exercise for files that name no exercise */
  exercise: string | null;
  only: boolean;
}

/** The submissions under `paths`, in a stable order. Throws UsageError for what the command line itself gets wrong. */
export async function findSubmissions(paths: string[], pack: Pack, exercise: string | null): Promise<Found> {
  const ids = new Set(pack.exercises.map((e) => e.id));
  if (exercise !== null && !ids.has(exercise)) throw new UsageError(`the pack has no exercise "${exercise}" (${[...ids].join(', ')})`);
  const rules: Rules = { pack, ids, exercise: exercise ?? (pack.exercises.length === 1 ? pack.exercises[0].id : null), only: exercise !== null };
  const found: Found = { submissions: [], students: [], skipped: [] };
  for (const path of paths) {
    if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
    if (statSync(path).isFile()) await fromNamedFile(path, rules, found);
    else {
      const root = classRoot(path);
      const folder = { real: root, shown: path };
      if (isStudentFolder(root, rules)) studentFolder(root, folder, basename(resolve(path)), rules, found);
      else await classFolder(root, folder, rules, found);
    }
  }
  return found;
}

/** Adds a student to the list once. */
function see(found: Found, student: string): void {
  if (!found.students.includes(student)) found.students.push(student);
}

/** The extension an exercise's submission has: .txt for a question's answer, .c otherwise. */
function extOf(pack: Pack, id: string): string {
  return pack.exercises.find((e) => e.id === id)?.question ? '.txt' : '.c';
}

function stemOf(name: string): string {
  return name.replace(/\.(c|txt)$/, '');
}

function isSubmissionFile(name: string): boolean {
  return /\.(c|txt)$/.test(name);
}

/** A folder of the class folder: its real path (links resolved) and the path as the command line names it. */
interface Folder {
  real: string;
  shown: string;
}

/**
 * The entries of a folder of the class folder `root`, hidden ones skipped (and said so), links
 * resolved inside it. `path` is the entry as the command line would name it, except for a link,
 * which is its target (a file read is named as what was read).
 */
function entries(root: string, folder: Folder, found: Found, student?: string): { name: string; path: string; entry: ReturnType<typeof classEntry> }[] {
  const out: { name: string; path: string; entry: ReturnType<typeof classEntry> }[] = [];
  for (const name of listFolder(folder.real, found.skipped)) {
    const shown = join(folder.shown, name);
    const entry = classEntry(root, join(folder.real, name));
    if (name.startsWith('.')) found.skipped.push({ path: shown, reason: 'a hidden file', ...(student !== undefined ? { student } : {}) });
    else out.push({ name, path: entry.kind === 'skipped' || entry.path === join(folder.real, name) ? shown : entry.path, entry });
  }
  return out;
}

/** A folder of files all named after exercises (and nothing else to grade): one student's. */
function isStudentFolder(folder: string, rules: Rules): boolean {
  const names = listFolder(folder, []).filter((n) => !n.startsWith('.'));
  const kinds = names.map((n) => ({ n, kind: classEntry(folder, join(folder, n)).kind }));
  const files = kinds.filter((k) => k.kind === 'file' && isSubmissionFile(k.n));
  const others = kinds.filter((k) => k.kind === 'folder' || k.n.endsWith('.zip'));
  return files.length > 0 && others.length === 0 && files.every((k) => rules.ids.has(stemOf(k.n)));
}

/** Reads a submission's text; null (and a skipped entry) when it cannot be read. */
function readOrSkip(path: string, student: string, found: Found): string | null {
  try {
    return readSubmission(path);
  } catch (e) {
    found.skipped.push({ path, student, reason: `cannot be read (${(e as Error).message})` });
    return null;
  }
}

/** A file named on the command line. */
async function fromNamedFile(path: string, rules: Rules, found: Found): Promise<void> {
  if (path.endsWith('.zip')) return handIn(path, path, rules, found);
  if (!isSubmissionFile(path)) throw new UsageError(`${path}: a submission is a .c file, a question's .txt answer, or a hand-in .zip`);
  const stem = stemOf(basename(path));
  const named = rules.ids.has(stem) ? stem : null;
  if (named && rules.only && named !== rules.exercise) throw new UsageError(`${path} is named after exercise ${named}, not --exercise ${rules.exercise}`);
  const ex = named ?? rules.exercise;
  if (!ex) throw new UsageError(`${path}: which exercise? Name the file after one (${[...rules.ids].join(', ')}) or give --exercise`);
  if (!path.endsWith(extOf(rules.pack, ex))) {
    throw new UsageError(`${path}: exercise ${ex} takes a ${extOf(rules.pack, ex)} file${extOf(rules.pack, ex) === '.txt' ? ' (the ticked choice numbers)' : ''}`);
  }
  const student = named ? basename(dirname(resolve(path))) : stem;
  see(found, student);
  const source = readOrSkip(path, student, found);
  if (source !== null) found.submissions.push({ student, exercise: ex, path, source });
}

/** One student's folder: its files named after exercises (with --exercise, that one only). */
function studentFolder(root: string, folder: Folder, student: string, rules: Rules, found: Found): void {
  see(found, student);
  for (const { name, path, entry } of entries(root, folder, found, student)) {
    const reason =
      entry.kind === 'skipped' ? entry.reason : entry.kind === 'folder' ? 'a folder inside a student\'s folder (submissions are STUDENT/EXERCISE-ID.c)' : fileProblem(name, rules);
    if (reason || entry.kind !== 'file') {
      found.skipped.push({ path, student, reason: reason ?? '' });
      continue;
    }
    const source = readOrSkip(entry.path, student, found);
    if (source !== null) found.submissions.push({ student, exercise: stemOf(name), path, source });
  }
}

/** Why a file in a student's folder is not graded, or null when it is. */
function fileProblem(name: string, rules: Rules): string | null {
  if (!isSubmissionFile(name)) return 'not a submission (a .c file or a question\'s .txt answer)';
  const stem = stemOf(name);
  if (!rules.ids.has(stem)) return `not named after an exercise of the pack (${[...rules.ids].join(', ')})`;
  if (rules.only && stem !== rules.exercise) return `another exercise than --exercise ${rules.exercise}`;
  if (!name.endsWith(extOf(rules.pack, stem))) return `exercise ${stem} takes a ${extOf(rules.pack, stem)} file`;
  return null;
}

/** A class folder: student folders, hand-ins and students' loose files. */
async function classFolder(root: string, folder: Folder, rules: Rules, found: Found): Promise<void> {
  for (const { name, path, entry } of entries(root, folder, found)) {
    if (entry.kind === 'skipped') found.skipped.push({ path, reason: entry.reason });
    else if (entry.kind === 'folder') studentFolder(root, { real: entry.path, shown: path }, name, rules, found);
    else if (name.endsWith('.zip')) await handIn(entry.path, path, rules, found);
    else looseFile(entry.path, path, name, rules, found);
  }
}

/** `NAME.c` directly in a class folder: student NAME's file for --exercise (read at `real`, named `path`). */
function looseFile(real: string, path: string, name: string, rules: Rules, found: Found): void {
  const stem = stemOf(name);
  const skip = (reason: string): void => void found.skipped.push({ path, reason });
  if (!isSubmissionFile(name)) return skip('not a submission (a .c file, a question\'s .txt answer, or a hand-in .zip)');
  if (rules.ids.has(stem)) return skip(`named after exercise ${stem} but not in a student's folder (STUDENT/${name})`);
  if (!rules.exercise) return skip(`which exercise? Give --exercise, or put it in a student's folder as EXERCISE-ID${name.slice(stem.length)}`);
  if (!name.endsWith(extOf(rules.pack, rules.exercise))) return skip(`exercise ${rules.exercise} takes a ${extOf(rules.pack, rules.exercise)} file`);
  see(found, stem);
  const source = readOrSkip(real, stem, found);
  if (source !== null) found.submissions.push({ student: stem, exercise: rules.exercise, path, source });
}

/** A hand-in zip (read at `real`, named `path`): its files, checked against their hashes and the pack. */
async function handIn(real: string, path: string, rules: Rules, found: Found): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = readSubmissionBytes(real);
  } catch (e) {
    return void found.skipped.push({ path, reason: `cannot be read (${(e as Error).message})` });
  }
  const read = await readHandIn(bytes, basename(path));
  if (typeof read === 'string') return void found.skipped.push({ path, reason: `not graded: ${read}` });
  const { manifest, texts } = read;
  if (manifest.packId !== rules.pack.id) {
    return void found.skipped.push({ path, student: manifest.student, reason: `a hand-in for pack ${manifest.packId}, not ${rules.pack.id}` });
  }
  const earlier = found.submissions.findIndex((s) => s.student === manifest.student && s.path.includes('.zip:'));
  if (earlier >= 0) found.skipped.push({ path, student: manifest.student, reason: 'a second hand-in by the same student (the first one found is graded)' });
  if (earlier >= 0) return;
  see(found, manifest.student);
  for (const file of manifest.files) {
    const reason = fileProblem(file.path, rules);
    const at = `${path}:${file.path}`;
    if (reason) found.skipped.push({ path: at, student: manifest.student, reason });
    else found.submissions.push({ student: manifest.student, exercise: file.exercise, path: at, source: texts.get(file.exercise)!, handInVersion: manifest.packVersion });
  }
}

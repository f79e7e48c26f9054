/**
 * `forklab autograde --platform gradescope|prairielearn --pack DIR --submission DIR --results FILE
 * [--config FILE]`: what the platforms' entry scripts run (autograder/export.ts writes them). One
 * student's submission (files named after exercises, anywhere in the folder, or a hand-in zip
 * from the app) is graded against every exercise the config lists, in this process, and one
 * results.json is written in the platform's format (autograder/results.ts). An exercise with
 * nothing handed in scores 0. Whatever goes wrong, a results file saying so is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { classEntry, classRoot, listFolder, readSubmission, readSubmissionBytes, type Skipped } from './class-folder.ts';
import { dirname, join, relative } from 'node:path';
import { readHandIn } from '../checker/handin.ts';
import { formatPackError, loadPack } from '../packs/load.ts';
import type { Pack } from '../packs/types.ts';
import { gradescopeResults, prairielearnResults, type ExerciseGrade } from './autograder/results.ts';
import type { AutograderConfig } from './autograder/export.ts';
import { UsageError, type Output } from './command.ts';
import { gradeOne } from './grade-one.ts';
import { ArgReader } from './machine-options.ts';
import { readPackFromDisk } from './pack-disk.ts';

export const AUTOGRADE_USAGE = `  forklab autograde --platform gradescope|prairielearn --pack DIR --submission DIR --results FILE [--config FILE]
`;

interface AutogradeCommand {
  platform: 'gradescope' | 'prairielearn';
  pack: string;
  submission: string;
  results: string;
  config: string | null;
}

function parseArgs(args: string[]): AutogradeCommand {
  const r = new ArgReader(args);
  const c: Partial<AutogradeCommand> = { config: null };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--platform') {
      const v = r.value(i++, a);
      if (v !== 'gradescope' && v !== 'prairielearn') throw new UsageError('--platform takes gradescope or prairielearn');
      c.platform = v;
    } else if (a === '--pack') c.pack = r.value(i++, a);
    else if (a === '--submission') c.submission = r.value(i++, a);
    else if (a === '--results') c.results = r.value(i++, a);
    else if (a === '--config') c.config = r.value(i++, a);
    else throw new UsageError(`unknown argument ${a}`);
  }
  for (const key of ['platform', 'pack', 'submission', 'results'] as const) if (!c[key]) throw new UsageError(`autograde needs --${key}`);
  return c as AutogradeCommand;
}

/** The config written beside the pack, or every exercise with secret checks hidden. */
function readConfig(path: string | null, pack: Pack): AutograderConfig {
  const all: AutograderConfig = { exercises: pack.exercises.map((e) => e.id), secretVisibility: 'hidden' };
  if (!path || !existsSync(path)) return all;
  const read = JSON.parse(readFileSync(path, 'utf8')) as Partial<AutograderConfig>;
  const exercises = (read.exercises ?? []).filter((id) => pack.exercises.some((e) => e.id === id));
  return { exercises: exercises.length > 0 ? exercises : all.exercises, secretVisibility: read.secretVisibility ?? 'hidden' };
}

/** `forklab autograde …`: 0 when the results file was written (whatever the score). */
export async function commandAutograde(args: string[], out: Output, err: Output): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    out.write(`usage:\n${AUTOGRADE_USAGE}`);
    return 0;
  }
  let command: AutogradeCommand;
  try {
    command = parseArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`forklab autograde: ${e.message}\nusage:\n${AUTOGRADE_USAGE}`);
    return 2;
  }
  mkdirSync(dirname(command.results), { recursive: true });
  try {
    const body = await autograde(command);
    writeFileSync(command.results, `${JSON.stringify(body, null, 2)}\n`);
    out.write(`results written to ${command.results}\n`);
    return 0;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    err.write(`forklab autograde: ${why}\n`);
    const failed = command.platform === 'gradescope' ? { score: 0, output: `The autograder could not grade this submission: ${why}`, tests: [] } : { gradable: false, score: 0, message: `The grader could not grade this submission: ${why}`, tests: [] };
    writeFileSync(command.results, `${JSON.stringify(failed, null, 2)}\n`);
    return 1;
  }
}

/** Grades the submission folder; the platform's results object. */
async function autograde(command: AutogradeCommand): Promise<unknown> {
  const disk = readPackFromDisk(command.pack);
  const loaded = disk.errors.length > 0 ? { pack: null, errors: disk.errors } : loadPack(disk.files);
  if (!loaded.pack) throw new Error(`the pack is not valid: ${loaded.errors.map(formatPackError).join('; ')}`);
  const pack = loaded.pack;
  const config = readConfig(command.config, pack);
  const found = await findInSubmission(command.submission, pack, config.exercises);
  const grades: ExerciseGrade[] = config.exercises.map((id) => {
    const exercise = pack.exercises.find((e) => e.id === id)!;
    const file = found.files.get(id);
    if (!file) return { exercise, graded: null };
    return { exercise, graded: gradeOne(pack, { student: found.student, exercise: id, path: file.path, source: file.source }) };
  });
  if (command.platform === 'gradescope') return gradescopeResults(pack, grades, config.secretVisibility, found.notes);
  return prairielearnResults(pack, grades, found.notes);
}

/**
 * What one submission folder holds for each exercise: a file named after it, else a hand-in's.
 * The folder is the student's (a zip or a repository they uploaded): a symbolic link is followed
 * only inside it, and anything skipped (a link out of it or to nothing, a named pipe, a file too
 * large, one that cannot be read) is a note in the results, never read and never an error that
 * grades nothing.
 */
async function findInSubmission(folder: string, pack: Pack, exercises: string[]): Promise<{ student: string; files: Map<string, { path: string; source: string }>; notes: string[] }> {
  const files = new Map<string, { path: string; source: string }>();
  const notes: string[] = [];
  let student = 'submission';
  const ext = (id: string): string => (pack.exercises.find((e) => e.id === id)?.question ? '.txt' : '.c');
  const entries = existsSync(folder) ? walk(classRoot(folder), folder, folder, 3, notes) : [];
  // files named after an exercise first; hand-ins fill in the exercises still missing
  for (const { shown, real } of entries) {
    const id = exercises.find((x) => shown.endsWith(`/${x}${ext(x)}`));
    if (!id || files.has(id)) continue;
    try {
      files.set(id, { path: relative(folder, shown), source: readSubmission(real) });
    } catch (e) {
      notes.push(`${relative(folder, shown)} was not read: ${(e as Error).message}`);
    }
  }
  for (const { shown, real } of entries.filter((p) => p.shown.endsWith('.zip'))) {
    const name = shown.slice(shown.lastIndexOf('/') + 1);
    let handIn: Awaited<ReturnType<typeof readHandIn>>;
    try {
      handIn = await readHandIn(readSubmissionBytes(real), name);
    } catch (e) {
      handIn = `it cannot be read (${(e as Error).message})`;
    }
    if (typeof handIn === 'string') {
      notes.push(`${relative(folder, shown)} was not read: ${handIn}`);
      continue;
    }
    if (handIn.manifest.packId !== pack.id) {
      notes.push(`${relative(folder, shown)} is a hand-in for pack ${handIn.manifest.packId}, not ${pack.id}`);
      continue;
    }
    student = handIn.manifest.student;
    for (const [id, source] of handIn.texts) if (exercises.includes(id) && !files.has(id)) files.set(id, { path: `${relative(folder, shown)}:${id}${ext(id)}`, source });
  }
  return { student, files, notes };
}

/**
 * The files under `folder` (in the submission `top`, whose real path is `root`), down to `depth` folders
 * deep, in a stable order: each as the path shown and the real path read. Names starting with "."
 * are passed over; links out of the folder, broken links and other non-files are noted.
 */
function walk(root: string, top: string, folder: string, depth: number, notes: string[]): { shown: string; real: string }[] {
  const out: { shown: string; real: string }[] = [];
  const skipped: Skipped[] = [];
  for (const name of listFolder(folder, skipped)) {
    if (name.startsWith('.')) continue;
    const shown = join(folder, name).split('\\').join('/');
    const entry = classEntry(root, shown);
    if (entry.kind === 'file') out.push({ shown, real: entry.path });
    else if (entry.kind === 'folder' && depth > 0) out.push(...walk(root, top, shown, depth - 1, notes));
    else if (entry.kind === 'skipped') notes.push(`${relative(top, shown)} was not read: ${entry.reason.replace('the class folder', 'the submission')}`);
  }
  for (const s of skipped) notes.push(`${relative(top, s.path) || '.'} was not read: ${s.reason}`);
  return out;
}

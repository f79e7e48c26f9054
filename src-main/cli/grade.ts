/**
 * `forklab grade --pack DIR|ZIP [--exercise ID] SUBMISSION… [--out DIR]
 *  [--format json|csv|gradescope|prairielearn] [--json] [--jobs N]` (../shared/spec/cli.md).
 *
 * Submissions (docs/packs.md, "Grading"): a file `NAME.c` is student NAME's submission for
 * `--exercise`, or for exercise NAME when there is such an exercise; a question's answer is a
 * `.txt` file of ticked choice numbers instead. A folder holds `*.c` files
 * (each as above) and subfolders, one per student: `STUDENT/EXERCISE-ID.c` (or, with
 * `--exercise`, the folder's only .c file). Secret checks run. Grading runs in worker threads
 * (grade-workers.ts), with a progress bar only when stderr is a terminal.
 * Writes one results file per submission under --out (default ./forklab-results) and a summary
 * (summary.csv, summary.json). Exit 0 when grading ran, whatever the scores.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { writeFileAtomic } from './atomic-file.ts';
import { classEntry, classRoot, listFolder, readSubmission, type Skipped } from './class-folder.ts';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { formatPackError, loadPack } from '../packs/load.ts';
import type { Pack } from '../packs/types.ts';
import { UsageError, type Output } from './command.ts';
import { FORMATS, resultsFile, resultsObject, summaries, type Format } from './grade-results.ts';
import { ArgReader } from './machine-options.ts';
import { SUBMISSION_TIME_LIMIT_MS, gradeInPool, type Graded, type Job, type Submission } from './grade-workers.ts';
import { readPackFromDisk } from './pack.ts';

export const GRADE_USAGE = `  forklab grade --pack DIR|ZIP [--exercise ID] SUBMISSION... [options]

SUBMISSION is a .c file (NAME.c: student NAME; the exercise from --exercise or the name), or a
folder of such files and of student folders holding EXERCISE-ID.c files (docs/packs.md). A
question's answer (kind: possible-outputs) is EXERCISE-ID.txt holding the ticked choice numbers,
1-based, separated by spaces or commas (e.g. "1 3 4").

options:
  --out DIR              where results go (default ./forklab-results)
  --format F             json (default), csv, gradescope, prairielearn
  --json                 print the results object (one submission) or the summary (several)
  --jobs N               worker threads (default: the number of cores, 1 below 8 submissions)
  --time-limit S         seconds one submission may take (default 60); past it, "timed out"
`;

interface GradeCommand {
  pack: string;
  exercise: string | null;
  submissions: string[];
  out: string;
  format: Format;
  json: boolean;
  jobs: number | null;
  timeLimitMs: number;
}

/** Parses `forklab grade` arguments; throws UsageError for people. */
export function parseGradeArgs(args: string[]): GradeCommand {
  const command: GradeCommand = { pack: '', exercise: null, submissions: [], out: 'forklab-results', format: 'json', json: false, jobs: null, timeLimitMs: SUBMISSION_TIME_LIMIT_MS };
  const r = new ArgReader(args);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--pack') command.pack = r.value(i++, a);
    else if (a === '--exercise') command.exercise = r.value(i++, a);
    else if (a === '--out') command.out = r.value(i++, a);
    else if (a === '--json') command.json = true;
    else if (a === '--format') {
      const f = r.value(i++, a);
      if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format takes ${FORMATS.join(', ')}`);
      command.format = f as Format;
    } else if (a === '--jobs') command.jobs = r.integer(i++, a, 1);
    else if (a === '--time-limit') command.timeLimitMs = r.integer(i++, a, 1) * 1000;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else command.submissions.push(a);
  }
  if (!command.pack) throw new UsageError('grade needs --pack DIR');
  if (command.submissions.length === 0) throw new UsageError('grade needs at least one submission (a .c file or a folder)');
  return command;
}

/**
 * The submissions named on the command line, in a stable order (see the file's comment); every
 * entry of a class folder that is not graded goes to `skipped` with its reason.
 */
export function findSubmissions(paths: string[], pack: Pack, exercise: string | null, skipped: Skipped[] = []): Submission[] {
  const ids = new Set(pack.exercises.map((e) => e.id));
  const only = pack.exercises.length === 1 ? pack.exercises[0].id : null;
  // a question's answer is a .txt file (its ticked choice numbers), any other exercise's a .c file
  const extOf = (id: string): string => (pack.exercises.find((e) => e.id === id)?.question ? '.txt' : '.c');
  const stemOf = (name: string): string => name.replace(/\.(c|txt)$/, '');
  const isAnswer = (name: string, id: string | null): boolean => id !== null && ids.has(id) && name.endsWith(extOf(id));
  const found: Submission[] = [];
  const fromFile = (path: string, student: string): void => {
    const stem = stemOf(basename(path));
    const ex = exercise ?? (ids.has(stem) ? stem : only);
    if (!ex) throw new UsageError(`${path}: which exercise? Name the file after one (${[...ids].join(', ')}) or give --exercise`);
    if (ids.has(ex) && !path.endsWith(extOf(ex))) {
      throw new UsageError(`${path}: exercise ${ex} takes a ${extOf(ex)} file${extOf(ex) === '.txt' ? ' (the ticked choice numbers)' : ''}`);
    }
    found.push({ student, exercise: ex, path });
  };
  /** A student's folder: the submission files in it (links inside the class folder followed). */
  const studentFiles = (root: string, folder: string): { name: string; path: string }[] => {
    const files: { name: string; path: string }[] = [];
    for (const n of listFolder(folder, skipped)) {
      const full = join(folder, n);
      const entry = classEntry(root, full);
      if (entry.kind === 'skipped') skipped.push({ path: full, reason: entry.reason });
      else if (entry.kind === 'folder') skipped.push({ path: full, reason: 'a folder inside a student\'s folder' });
      else if (!/\.(c|txt)$/.test(n)) skipped.push({ path: full, reason: 'not a .c or .txt file' });
      else files.push({ name: n, path: entry.path });
    }
    return files;
  };
  const fromStudentFolder = (root: string, name: string, folder: string): void => {
    const files = studentFiles(root, folder);
    if (exercise) {
      const ext = extOf(exercise);
      const mine = files.filter((f) => f.name.endsWith(ext));
      const pick = mine.find((f) => f.name === `${exercise}${ext}`) ?? (mine.length === 1 ? mine[0] : null);
      if (pick) found.push({ student: name, exercise, path: pick.path });
      else skipped.push({ path: folder, reason: mine.length === 0 ? `no ${ext} file` : `several ${ext} files and none named ${exercise}${ext}` });
      for (const f of files) if (f !== pick) skipped.push({ path: join(folder, f.name), reason: `not the submission for ${exercise}` });
      return;
    }
    for (const f of files) {
      if (isAnswer(f.name, stemOf(f.name))) found.push({ student: name, exercise: stemOf(f.name), path: f.path });
      else skipped.push({ path: join(folder, f.name), reason: 'not named after an exercise of the pack' });
    }
  };
  for (const path of paths) {
    if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
    if (statSync(path).isFile()) {
      fromFile(path, stemOf(basename(path)));
      continue;
    }
    const root = classRoot(path);
    for (const name of listFolder(root, skipped)) {
      const full = join(path, name);
      if (name.startsWith('.')) {
        skipped.push({ path: full, reason: 'a hidden file' });
        continue;
      }
      const entry = classEntry(root, join(root, name));
      if (entry.kind === 'skipped') skipped.push({ path: full, reason: entry.reason });
      else if (entry.kind === 'folder') fromStudentFolder(root, name, entry.path);
      else if (name.endsWith('.c')) fromFile(entry.path, basename(name, '.c'));
      else if (name.endsWith('.txt') && isAnswer(name, exercise ?? stemOf(name))) fromFile(entry.path, basename(name, '.txt'));
      else skipped.push({ path: full, reason: 'not a submission (a .c file, an answer .txt file or a student\'s folder)' });
    }
  }
  if (exercise && !ids.has(exercise)) throw new UsageError(`the pack has no exercise "${exercise}" (${[...ids].join(', ')})`);
  return found;
}

/** Worker threads when --jobs is not given: one per core, never more than submissions. */
function defaultThreads(submissions: number): number {
  return Math.max(1, Math.min(availableParallelism(), submissions));
}

function progressBar(err: Output, total: number): (done: number) => void {
  const tty = (err as NodeJS.WriteStream).isTTY === true;
  if (!tty) return () => {};
  return (done) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    err.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    if (done === total) err.write('\n');
  };
}

/**
 * Writes every results file, then the summary, each atomically. An earlier summary goes first,
 * so a run killed half-way leaves results without a summary (plainly unfinished), never a summary
 * that contradicts them.
 */
function writeResults(out: string, packId: string, graded: Graded[], format: Format): ReturnType<typeof summaries> {
  mkdirSync(out, { recursive: true });
  for (const name of ['summary.csv', 'summary.json']) rmSync(join(out, name), { force: true });
  for (const g of graded) {
    const file = resultsFile(g, format);
    writeFileAtomic(join(out, file.path), file.text);
  }
  const summary = summaries(packId, graded, format);
  writeFileAtomic(join(out, 'summary.json'), `${JSON.stringify(summary.json, null, 2)}\n`);
  writeFileAtomic(join(out, 'summary.csv'), summary.csv);
  return summary;
}

/** `forklab grade …` */
export async function commandGrade(args: string[], out: Output, err: Output): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    out.write(`usage:\n${GRADE_USAGE}`);
    return 0;
  }
  const command = parseGradeArgs(args);
  const disk = readPackFromDisk(command.pack);
  const loaded = disk.errors.length > 0 ? { pack: null, errors: disk.errors } : loadPack(disk.files);
  if (!loaded.pack) {
    for (const e of loaded.errors) err.write(`${formatPackError(e)}\n`);
    err.write(`forklab: the pack ${command.pack} is not valid (forklab pack validate says more)\n`);
    return 1;
  }
  const pack = loaded.pack;
  const skipped: Skipped[] = [];
  const submissions = findSubmissions(command.submissions, pack, command.exercise, skipped);
  for (const s of skipped) err.write(`forklab: skipped ${s.path}: ${s.reason}\n`);
  if (submissions.length === 0) {
    err.write('forklab: no submissions found (see `forklab grade --help` for the layout)\n');
    return 1;
  }
  const jobs: Job[] = [];
  for (const submission of submissions) {
    try {
      jobs.push({ index: jobs.length, submission, source: readSubmission(submission.path) });
    } catch (e) {
      err.write(`forklab: skipped ${submission.path}: ${(e as Error).message}\n`);
    }
  }
  if (jobs.length === 0) {
    err.write('forklab: no submission could be read\n');
    return 1;
  }
  const threads = command.jobs ?? defaultThreads(jobs.length);
  const progress = progressBar(err, jobs.length);
  const graded: Graded[] = await gradeInPool(pack, jobs, threads, progress, command.timeLimitMs);
  const summary = writeResults(command.out, pack.id, graded, command.format);
  if (command.json) {
    if (graded.length === 1) {
      const body = resultsObject(graded[0], command.format === 'csv' ? 'json' : command.format);
      out.write(`${JSON.stringify(body, null, 2)}\n`);
    } else {
      out.write(`${JSON.stringify(summary.json, null, 2)}\n`);
    }
  } else {
    for (const g of graded) {
      const note = g.error ? `\t(${g.error})` : g.gradable ? '' : '\t(does not compile)';
      out.write(`${g.student}\t${g.exerciseId}\t${g.points}/${g.max_points}${note}\n`);
    }
    out.write(`graded ${graded.length} submission${graded.length === 1 ? '' : 's'}; results in ${command.out}\n`);
  }
  return 0;
}

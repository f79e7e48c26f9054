/**
 * `forklab grade --pack DIR|ZIP [--exercise ID] SUBMISSION… [--out DIR]
 *  [--format json|csv|gradescope|prairielearn] [--json] [--jobs N]` (docs/cli.md).
 *
 * Submissions (docs/packs.md, "Grading"; submissions.ts finds them): .c files, questions' .txt
 * answers and hand-in zips, as one student's folder or a class folder. Secret checks run.
 * Grading runs in worker threads (grade-workers.ts), with a progress bar only when stderr is a
 * terminal. Writes one results file per submission under --out (default ./forklab-results) and
 * the gradebook (gradebook.ts: summary.csv, submissions.csv, skipped.csv, summary.json). Exit 0
 * when grading ran, whatever the scores.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.ts';
import { formatPackError } from '../packs/load.ts';
import { loadPackCached } from './pack-cache.ts';
import type { Pack } from '../packs/types.ts';
import { UsageError, type Output } from './command.ts';
import { skippedCsv, studentRows, submissionRow, submissionsCsv, summaryCsv } from './gradebook.ts';
import { FORMATS, resultsFile, resultsObject, resultsPath, type Format } from './grade-results.ts';
import { ArgReader } from './machine-options.ts';
import { SUBMISSION_TIME_LIMIT_MS, gradeInPool, type Graded, type Job } from './grade-workers.ts';
import { commandPool } from './pool.ts';
import type { WorkerPool } from '../host/pool.ts';
import { readPackFromDisk } from './pack-disk.ts';
import { findSubmissions, type Found } from './submissions.ts';

export const GRADE_USAGE = `  forklab grade --pack DIR|ZIP [--exercise ID] SUBMISSION... [options]

SUBMISSION is a .c file (NAME.c: student NAME's, for --exercise; EXERCISE-ID.c: that exercise,
by the student of its folder), a hand-in .zip from the app, one student's folder of EXERCISE-ID.c
files, or a class folder: a folder per student (STUDENT/EXERCISE-ID.c), hand-in zips, and NAME.c
files for --exercise (docs/packs.md). A question's answer (kind: possible-outputs) is
EXERCISE-ID.txt holding the ticked choice numbers, 1-based, separated by spaces or commas.
With --exercise, only files named after that exercise are graded in students' folders.

options:
  --out DIR              where results go (default ./forklab-results): a results file per
                         submission, summary.csv (a row per student), submissions.csv,
                         skipped.csv (what was not graded, and why), summary.json
  --format F             json (default), csv, gradescope, prairielearn
  --json                 print the results object (one submission) or the summary (several)
  --jobs N               worker threads (default: one less than the cores, at least 1; never more than submissions)
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

/** Reads and loads the pack; null (after saying why on err) when it is not valid. */
function loadGradingPack(path: string, err: Output): { pack: Pack } | null {
  const disk = readPackFromDisk(path);
  const loaded = disk.errors.length > 0 ? { pack: null, errors: disk.errors } : loadPackCached(disk.files);
  if (!loaded.pack) {
    for (const e of loaded.errors) err.write(`${formatPackError(e)}\n`);
    err.write(`forklab: the pack ${path} is not valid (forklab pack validate says more)\n`);
    return null;
  }
  const held = loaded.pack.student ? loaded.pack.exercises.reduce((n, e) => n + e.heldBack, 0) : 0;
  if (held > 0) {
    // a copy that left nothing out grades as its pack does: nothing to say
    err.write(`forklab: ${path} is a student's copy: its ${held} point${held === 1 ? '' : 's'} of secret checks are not graded (grade with the instructor's pack)\n`);
  }
  return { pack: loaded.pack };
}

/**
 * Worker threads when --jobs is not given: one less than the cores (at least one). The command's
 * own thread reads submissions and writes results, and V8 compiles and collects garbage on
 * threads of its own: on 2 cores a second worker took 3 s more CPU for the same 7 s of wall
 * clock (`npm run bench -- grade`), so it would only be slower on a machine that does anything else.
 */
function defaultJobs(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * The grading pool, started before the pack and the submissions are read so that its first
 * worker starts (and loads the engines) meanwhile: --jobs workers at most (defaultJobs); more
 * than one start only when submissions wait for them.
 */
function gradingPool(command: GradeCommand): WorkerPool {
  return commandPool({ threads: command.jobs ?? defaultJobs(), warm: 1, preload: ['run', 'grade'] });
}

/** Grades every submission on the worker pool; results in submission order. */
async function gradeAll(pool: WorkerPool, found: Found, pack: Pack, command: GradeCommand, err: Output): Promise<Graded[]> {
  const jobs: Job[] = found.submissions.map((submission, index) => ({ index, submission, source: submission.source }));
  return gradeInPool(pool, pack, jobs, progressBar(err, jobs.length), command.timeLimitMs);
}

/**
 * Writes each submission's results file, then the gradebook, each atomically. An earlier summary
 * goes first, so a run killed half-way leaves results without a summary (plainly unfinished),
 * never a summary that contradicts them.
 */
function writeResults(outDir: string, format: Format, pack: Pack, exercises: string[], found: Found, graded: Graded[]): ReturnType<typeof studentRows> {
  mkdirSync(outDir, { recursive: true });
  for (const name of ['summary.csv', 'summary.json', 'submissions.csv', 'skipped.csv']) rmSync(join(outDir, name), { force: true });
  for (const g of graded) {
    const file = resultsFile(g, format);
    writeFileAtomic(join(outDir, file.path), file.text);
  }
  const rows = studentRows(pack, exercises, found.students, graded);
  const submissions = graded.map((g) => submissionRow(g, resultsPath(g, format)));
  const json = { packId: pack.id, packVersion: pack.version, exercises, students: rows, submissions, skipped: found.skipped };
  writeFileAtomic(join(outDir, 'summary.json'), `${JSON.stringify(json, null, 2)}\n`);
  writeFileAtomic(join(outDir, 'submissions.csv'), submissionsCsv(submissions));
  writeFileAtomic(join(outDir, 'skipped.csv'), skippedCsv(found.skipped));
  writeFileAtomic(join(outDir, 'summary.csv'), summaryCsv(pack, exercises, rows));
  return rows;
}

/** "(does not compile)", "(the answer could not be read)" or why the lab could not grade it. */
function notGradable(g: Graded, pack: Pack): string {
  if (g.error) return `\t(${g.error})`;
  if (g.gradable) return '';
  return pack.exercises.find((e) => e.id === g.exerciseId)?.question ? '\t(the answer could not be read)' : '\t(does not compile)';
}

/** `forklab grade …` */
export async function commandGrade(args: string[], out: Output, err: Output): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    out.write(`usage:\n${GRADE_USAGE}`);
    return 0;
  }
  const command = parseGradeArgs(args);
  const pool = gradingPool(command);
  try {
    return await gradeWith(pool, command, out, err);
  } finally {
    await pool.close();
  }
}

/** The rest of `forklab grade`, with its pool started. */
async function gradeWith(pool: WorkerPool, command: GradeCommand, out: Output, err: Output): Promise<number> {
  const loaded = loadGradingPack(command.pack, err);
  if (!loaded) return 1;
  const { pack } = loaded;
  const found = await findSubmissions(command.submissions, pack, command.exercise);
  for (const s of found.skipped) err.write(`forklab: skipped ${s.path}: ${s.reason}\n`);
  if (found.submissions.length === 0 && found.students.length === 0) {
    err.write('forklab: no submissions found (see `forklab grade --help` for the layout)\n');
    return 1;
  }
  const graded = found.submissions.length > 0 ? await gradeAll(pool, found, pack, command, err) : [];
  const exercises = command.exercise ? [command.exercise] : pack.exercises.map((e) => e.id);
  const rows = writeResults(command.out, command.format, pack, exercises, found, graded);
  if (command.json) {
    const body = graded.length === 1 ? resultsObject(graded[0], command.format === 'csv' ? 'json' : command.format) : { packId: pack.id, packVersion: pack.version, students: rows };
    out.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  }
  for (const g of graded) out.write(`${g.student}\t${g.exerciseId}\t${g.points}/${g.max_points}${notGradable(g, pack)}\n`);
  const n = graded.length;
  const s = found.students.length;
  out.write(`graded ${n} submission${n === 1 ? '' : 's'} of ${s} student${s === 1 ? '' : 's'}; results in ${command.out}\n`);
  return 0;
}

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
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { formatPackError, loadPack } from '../packs/load.ts';
import type { Pack } from '../packs/types.ts';
import { UsageError, type Output } from './command.ts';
import { FORMATS, resultsFile, resultsObject, summaries, type Format } from './grade-results.ts';
import { ArgReader } from './machine-options.ts';
import { gradeInPool, type Graded, type Job, type Submission } from './grade-workers.ts';
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
`;

interface GradeCommand {
  pack: string;
  exercise: string | null;
  submissions: string[];
  out: string;
  format: Format;
  json: boolean;
  jobs: number | null;
}

/** Parses `forklab grade` arguments; throws UsageError for people. */
export function parseGradeArgs(args: string[]): GradeCommand {
  const command: GradeCommand = { pack: '', exercise: null, submissions: [], out: 'forklab-results', format: 'json', json: false, jobs: null };
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
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else command.submissions.push(a);
  }
  if (!command.pack) throw new UsageError('grade needs --pack DIR');
  if (command.submissions.length === 0) throw new UsageError('grade needs at least one submission (a .c file or a folder)');
  return command;
}

/** The submissions named on the command line, in a stable order (see the file's comment); what was passed over goes to `skipped`. */
export function findSubmissions(paths: string[], pack: Pack, exercise: string | null, skipped: string[] = []): Submission[] {
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
  for (const path of paths) {
    if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
    if (statSync(path).isFile()) {
      fromFile(path, stemOf(basename(path)));
      continue;
    }
    for (const name of readdirSync(path).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(path, name);
      const st = statSync(full);
      if (st.isFile() && name.endsWith('.c')) fromFile(full, basename(name, '.c'));
      else if (st.isFile() && name.endsWith('.txt') && isAnswer(name, exercise ?? stemOf(name))) fromFile(full, basename(name, '.txt'));
      else if (st.isDirectory()) {
        const files = readdirSync(full).filter((n) => /\.(c|txt)$/.test(n) && statSync(join(full, n)).isFile()).sort();
        if (exercise) {
          const ext = extOf(exercise);
          const mine = files.filter((n) => n.endsWith(ext));
          const pick = mine.includes(`${exercise}${ext}`) ? `${exercise}${ext}` : mine.length === 1 ? mine[0] : null;
          if (pick) found.push({ student: name, exercise, path: join(full, pick) });
          else skipped.push(full);
        } else {
          for (const f of files) {
            if (isAnswer(f, stemOf(f))) found.push({ student: name, exercise: stemOf(f), path: join(full, f) });
            else if (f.endsWith('.c')) skipped.push(join(full, f));
          }
        }
      }
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
  const skipped: string[] = [];
  const submissions = findSubmissions(command.submissions, pack, command.exercise, skipped);
  for (const path of skipped) err.write(`forklab: skipped ${path}: not named after an exercise of the pack (or, with --exercise, no single .c file, or .txt for a question)\n`);
  if (submissions.length === 0) {
    err.write('forklab: no submissions found (see `forklab grade --help` for the layout)\n');
    return 1;
  }
  const jobs: Job[] = submissions.map((submission, index) => ({ index, submission, source: readFileSync(submission.path, 'utf8') }));
  const threads = command.jobs ?? defaultThreads(jobs.length);
  const progress = progressBar(err, jobs.length);
  const graded: Graded[] = await gradeInPool(pack, jobs, threads, progress);
  mkdirSync(command.out, { recursive: true });
  for (const g of graded) {
    const file = resultsFile(g, command.format);
    const full = join(command.out, file.path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, file.text);
  }
  const summary = summaries(pack.id, graded, command.format);
  writeFileSync(join(command.out, 'summary.csv'), summary.csv);
  writeFileSync(join(command.out, 'summary.json'), `${JSON.stringify(summary.json, null, 2)}\n`);
  if (command.json) {
    if (graded.length === 1) {
      const body = resultsObject(graded[0], command.format === 'csv' ? 'json' : command.format);
      out.write(`${JSON.stringify(body, null, 2)}\n`);
    } else {
      out.write(`${JSON.stringify(summary.json, null, 2)}\n`);
    }
  } else {
    for (const g of graded) out.write(`${g.student}\t${g.exerciseId}\t${g.points}/${g.max_points}${g.gradable ? '' : `\t(${g.error ?? 'does not compile'})`}\n`);
    out.write(`graded ${graded.length} submission${graded.length === 1 ? '' : 's'}; results in ${command.out}\n`);
  }
  return 0;
}

/**
 * `forklab check --pack PACK [--exercise ID] FILE [--json]`: a student's Check from a terminal.
 * The file is graded as the app grades it: public and sealed checks (never secret ones), their
 * messages, and the points the instructor's grading holds back. Exit 0 when every check passed,
 * 1 when one did not (or the pack is not valid), 2 for a usage error.
 */
import { InputFileError, readInputText } from './read-input.ts';
import { REQUEST_LIMITS } from '../service/validate.ts';
import { basename } from 'node:path';
import { gradeSubmission } from '../checker/grade.ts';
import { formatPackError, loadPack } from '../packs/load.ts';
import type { Pack } from '../packs/types.ts';
import type { CheckResultInfo, GradeView } from '../service/contract.ts';
import { UsageError, type Output } from './command.ts';
import { ArgReader } from './machine-options.ts';
import { readPackFromDisk } from './pack-disk.ts';

export const CHECK_USAGE = `  forklab check --pack DIR|ZIP [--exercise ID] FILE [--json]

Runs the public and sealed checks of an exercise on FILE (EXERCISE-ID.c, or a question's answer
EXERCISE-ID.txt: the ticked choice numbers), as the app's Check does. Exit 0 when every check
passed, 1 when one did not.
`;

interface CheckCommand {
  pack: string;
  exercise: string | null;
  file: string;
  json: boolean;
}

function parseArgs(args: string[]): CheckCommand {
  const r = new ArgReader(args);
  const c: CheckCommand = { pack: '', exercise: null, file: '', json: false };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--pack') c.pack = r.value(i++, a);
    else if (a === '--exercise') c.exercise = r.value(i++, a);
    else if (a === '--json') c.json = true;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (!c.pack) throw new UsageError('check needs --pack DIR');
  if (files.length !== 1) throw new UsageError('check needs one file');
  c.file = files[0];
  return c;
}

/** The exercise: --exercise, the file's name, or the pack's only exercise. */
function exerciseFor(command: CheckCommand, pack: Pack): string {
  const ids = pack.exercises.map((e) => e.id);
  const stem = basename(command.file).replace(/\.(c|txt)$/, '');
  const id = command.exercise ?? (ids.includes(stem) ? stem : ids.length === 1 ? ids[0] : null);
  if (id === null) throw new UsageError(`which exercise? Name the file after one (${ids.join(', ')}) or give --exercise`);
  if (!ids.includes(id)) throw new UsageError(`the pack has no exercise "${id}" (${ids.join(', ')})`);
  return id;
}

/** "✔ Makes a child (2/2)" and its message, indented. */
function describeTest(t: CheckResultInfo): string {
  const mark = t.status === 'passed' ? '✔' : t.status === 'failed' ? '✘' : '!';
  return `${mark} ${t.name} (${t.points}/${t.max_points})\n    ${t.message}\n`;
}

/** `forklab check …` */
export async function commandCheck(args: string[], out: Output, err: Output): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    out.write(`usage:\n${CHECK_USAGE}`);
    return 0;
  }
  const command = parseArgs(args);
  const disk = readPackFromDisk(command.pack);
  const loaded = disk.errors.length > 0 ? { pack: null, errors: disk.errors } : loadPack(disk.files);
  if (!loaded.pack) {
    for (const e of loaded.errors) err.write(`${formatPackError(e)}\n`);
    err.write(`forklab: the pack ${command.pack} is not valid\n`);
    return 1;
  }
  const id = exerciseFor(command, loaded.pack);
  let source: string;
  try {
    source = readInputText(command.file, REQUEST_LIMITS.sourceChars);
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    throw new UsageError(e.message);
  }
  const grade = gradeSubmission(loaded.pack, id, source, { includeSecret: false, includeRun: false, fileName: basename(command.file) });
  const heldBack = loaded.pack.exercises.find((e) => e.id === id)!.heldBack;
  if (command.json) out.write(`${JSON.stringify({ ...withoutRun(grade), heldBack }, null, 2)}\n`);
  else out.write(report(grade, heldBack));
  return grade.points >= grade.max_points && grade.gradable ? 0 : 1;
}

function withoutRun(grade: GradeView): Omit<GradeView, 'run'> {
  const { run: _run, ...rest } = grade;
  return rest;
}

/** The checks, then "3 of 5 points" and what the instructor's grading adds. */
function report(grade: GradeView, heldBack: number): string {
  const lines = grade.tests.map(describeTest).join('');
  const held = heldBack > 0 ? `; the instructor's grading counts ${heldBack} more point${heldBack === 1 ? '' : 's'} from checks you cannot run` : '';
  return `${lines}${grade.exerciseId}: ${grade.points} of ${grade.max_points} point${grade.max_points === 1 ? '' : 's'}${held}\n`;
}

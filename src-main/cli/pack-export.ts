/**
 * `forklab pack export (--student | --gradescope | --prairielearn) PACK -o FILE`: what a course
 * hands out. --student: the pack without solutions, wrong submissions and secret checks
 * (packs/student-copy.ts), for students to import. --gradescope and --prairielearn: the
 * autograder files of each platform (autograder/), holding the whole pack and the lab itself.
 */
import { writeFileSync } from 'node:fs';
import { formatPackError, loadPack } from '../packs/load.ts';
import { studentCopy } from '../packs/student-copy.ts';
import type { Pack, PackFiles } from '../packs/types.ts';
import { gradescopeAutograder, prairielearnGrader, type AutograderOptions, SECRET_VISIBILITIES } from './autograder/export.ts';
import { UsageError, type Output } from './command.ts';
import { ArgReader } from './machine-options.ts';
import { readPackFromDisk } from './pack-disk.ts';
import { writeZip, type ZipEntry } from './zip-write.ts';

export const EXPORT_USAGE = `  forklab pack export --student PACK -o pack-student.zip
  forklab pack export --gradescope PACK -o autograder.zip [--exercise ID]... [--secret-visibility V]
  forklab pack export --prairielearn PACK -o prairielearn.zip [--exercise ID]...
`;

type Target = 'student' | 'gradescope' | 'prairielearn';

interface ExportCommand {
  target: Target;
  pack: string;
  out: string;
  options: AutograderOptions;
}

/** Parses `forklab pack export` arguments (after "export"). */
export function parseExportArgs(args: string[]): ExportCommand {
  const r = new ArgReader(args);
  const targets: Target[] = [];
  const paths: string[] = [];
  let out = '';
  const options: AutograderOptions = { exercises: [], secretVisibility: 'hidden' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--student' || a === '--gradescope' || a === '--prairielearn') targets.push(a.slice(2) as Target);
    else if (a === '-o' || a === '--out') out = r.value(i++, a);
    else if (a === '--exercise') options.exercises.push(r.value(i++, a));
    else if (a === '--secret-visibility') {
      const v = r.value(i++, a);
      if (!(SECRET_VISIBILITIES as readonly string[]).includes(v)) throw new UsageError(`--secret-visibility takes ${SECRET_VISIBILITIES.join(', ')}`);
      options.secretVisibility = v as AutograderOptions['secretVisibility'];
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else paths.push(a);
  }
  if (targets.length !== 1) throw new UsageError('pack export needs one of --student, --gradescope, --prairielearn');
  if (paths.length !== 1) throw new UsageError('pack export needs one pack folder or .zip');
  if (!out) throw new UsageError('pack export needs -o FILE (the .zip to write)');
  if (targets[0] === 'student' && (options.exercises.length > 0 || options.secretVisibility !== 'hidden')) {
    throw new UsageError('--exercise and --secret-visibility go with --gradescope or --prairielearn');
  }
  return { target: targets[0], pack: paths[0], out, options };
}

/** `forklab pack export …`; 0 when the file was written, 1 for an invalid pack. */
export async function commandExport(args: string[], out: Output, err: Output): Promise<number> {
  const command = parseExportArgs(args);
  const disk = readPackFromDisk(command.pack);
  const loaded = disk.errors.length > 0 ? { pack: null, errors: disk.errors } : loadPack(disk.files);
  if (!loaded.pack) {
    for (const e of loaded.errors) err.write(`${formatPackError(e)}\n`);
    err.write(`forklab: the pack ${command.pack} is not valid (forklab pack validate says more)\n`);
    return 1;
  }
  const unknown = command.options.exercises.find((id) => !loaded.pack!.exercises.some((e) => e.id === id));
  if (unknown) throw new UsageError(`the pack has no exercise "${unknown}"`);
  const made = await exportEntries(command, loaded.pack, disk.files);
  if ('errors' in made) {
    for (const e of made.errors) err.write(`${formatPackError(e)}\n`);
    return 1;
  }
  writeFileSync(command.out, writeZip(made.entries));
  out.write(`${made.summary}; written to ${command.out}\n`);
  return 0;
}

/** The zip's entries for the target, and a line saying what was made. */
async function exportEntries(command: ExportCommand, pack: Pack, files: PackFiles): Promise<{ entries: ZipEntry[]; summary: string } | { errors: ReturnType<typeof studentCopy>['errors'] }> {
  if (command.target === 'student') {
    const copy = studentCopy(files);
    if (copy.errors.length > 0) return { errors: copy.errors };
    const held = pack.exercises.reduce((n, e) => n + e.heldBack, 0);
    const entries = Object.entries(copy.files).map(([path, data]) => ({ path: `${pack.id}/${path}`, data }));
    return { entries, summary: `a student's copy of ${pack.id} ${pack.version} (no solutions, wrong submissions or secret checks; ${held} point${held === 1 ? '' : 's'} held back)` };
  }
  if (command.target === 'gradescope') return { entries: await gradescopeAutograder(pack, files, command.options), summary: `the Gradescope autograder of ${pack.id} ${pack.version}` };
  return { entries: await prairielearnGrader(pack, files, command.options), summary: `the PrairieLearn external grader of ${pack.id} ${pack.version}` };
}

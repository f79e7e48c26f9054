/**
 * `forklab pack validate DIR|ZIP [--json]`, `forklab pack schema` and `forklab pack export`
 * (pack-export.ts) (docs/cli.md, docs/packs.md).
 */
import { validatePack } from '../checker/validate-pack.ts';
import { formatPackError } from '../packs/load.ts';
import { PACK_SCHEMA } from '../packs/schema.ts';
import { UsageError, type Output } from './command.ts';
import { commandExport, EXPORT_USAGE } from './pack-export.ts';
import { readPackFromDisk } from './pack-disk.ts';

export { readPackFromDisk, readPackFolder, type PackOnDisk } from './pack-disk.ts';

export const PACK_USAGE = `  forklab pack validate DIR|ZIP [--json]
  forklab pack schema
${EXPORT_USAGE}`;

/** `forklab pack …` */
export async function commandPack(args: string[], out: Output, err: Output): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || rest.includes('--help')) {
    out.write(`usage:\n${PACK_USAGE}`);
    return 0;
  }
  if (sub === 'schema') {
    if (rest.length > 0) throw new UsageError('pack schema takes no arguments');
    out.write(`${JSON.stringify(PACK_SCHEMA, null, 2)}\n`);
    return 0;
  }
  if (sub === 'export') return commandExport(rest, out, err);
  if (sub !== 'validate') throw new UsageError(sub ? `unknown pack command ${sub}` : 'pack needs a command: validate, schema or export');
  const json = rest.includes('--json');
  const paths = rest.filter((a) => a !== '--json');
  const unknown = paths.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  if (paths.length !== 1) throw new UsageError('pack validate needs one pack folder or .zip');
  const disk = readPackFromDisk(paths[0]);
  const report = disk.errors.length > 0 ? { valid: false, packId: null, errors: disk.errors, exercises: [] } : validatePack(disk.files);
  if (json) {
    out.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    for (const e of report.errors) err.write(`${formatPackError(e)}\n`);
    for (const x of report.exercises) {
      const points = `${x.maxPoints} point${x.maxPoints === 1 ? '' : 's'}`;
      if (x.question) out.write(`${x.id}: ${points}; question with ${x.question.choices} choices, ${x.question.possible} possible${x.question.complete ? '' : ' (search incomplete)'}\n`);
      else if (x.solutionPoints === null) out.write(`${x.id}: ${points}; starter ${x.starterPoints} (a student's copy: no solution to run)\n`);
      else out.write(`${x.id}: ${points}; solution ${x.solutionPoints}, starter ${x.starterPoints}, ${x.wrongSubmissions} wrong submission${x.wrongSubmissions === 1 ? '' : 's'}\n`);
    }
    const n = report.exercises.length;
    const copy = report.student ? " (a student's copy)" : '';
    out.write(report.valid ? `valid: ${report.packId}${copy}, ${n} exercise${n === 1 ? '' : 's'}\n` : `invalid: ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}\n`);
  }
  return report.valid ? 0 : 1;
}

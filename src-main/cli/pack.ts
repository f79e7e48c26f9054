/**
 * `forklab pack validate DIR|ZIP [--json]` and `forklab pack schema` (../shared/spec/cli.md,
 * docs/packs.md), and the door that reads a pack folder or .zip from disk into the in-memory file
 * map the domain code loads (limits, no path escapes, no symbolic links out of the folder).
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { validatePack } from '../checker/validate-pack.ts';
import { MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES } from '../packs/files.ts';
import { formatPackError } from '../packs/load.ts';
import { PACK_SCHEMA } from '../packs/schema.ts';
import type { PackError, PackFiles } from '../packs/types.ts';
import { unzipPack } from '../packs/zip.ts';
import { UsageError, type Output } from './command.ts';

export const PACK_USAGE = `  forklab pack validate DIR|ZIP [--json]
  forklab pack schema
`;

/** A pack read from disk: its files, or why it could not be read. */
export interface PackOnDisk {
  files: PackFiles;
  errors: PackError[];
}

/** Reads a pack folder or .zip into a file map; errors for escapes, symlinks out, and the limits. */
export function readPackFromDisk(path: string): PackOnDisk {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return { files: {}, errors: [{ file: path, line: 0, field: '', message: 'no such file or folder' }] };
  }
  if (stat.isFile()) {
    if (stat.size > MAX_TOTAL_BYTES) return { files: {}, errors: [{ file: path, line: 0, field: '', message: `zip too large: ${stat.size} bytes (at most ${MAX_TOTAL_BYTES})` }] };
    return unzipPack(new Uint8Array(readFileSync(path)), path);
  }
  return readPackFolder(path);
}

/**
 * Reads every file under `dir` (names starting with "." skipped). A symbolic link is followed
 * only when it stays inside the folder; one that leads out is an error, as are too many files or
 * bytes (checked while reading, so a huge folder is not read whole).
 */
export function readPackFolder(dir: string): PackOnDisk {
  const root = realpathSync(dir);
  const files: PackFiles = {};
  const errors: PackError[] = [];
  let count = 0;
  let total = 0;
  const visited = new Set<string>();
  const walk = (real: string, rel: string): void => {
    if (visited.has(real)) return;
    visited.add(real);
    for (const name of readdirSync(real).sort()) {
      if (name.startsWith('.')) continue;
      const relPath = rel ? `${rel}/${name}` : name;
      let full = join(real, name);
      const lst = lstatSync(full);
      if (lst.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(full);
        } catch {
          errors.push({ file: relPath, line: 0, field: '', message: 'refused: a symbolic link to nothing' });
          continue;
        }
        const inside = relative(root, target);
        if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
          errors.push({ file: relPath, line: 0, field: '', message: 'refused: a symbolic link that leads out of the pack folder' });
          continue;
        }
        full = target;
      }
      const st = statSync(full);
      if (st.isDirectory()) {
        walk(full, relPath);
        continue;
      }
      if (!st.isFile()) continue;
      if (++count > MAX_FILES) {
        errors.push({ file: dir, line: 0, field: '', message: `too many files (at most ${MAX_FILES})` });
        return;
      }
      if (st.size > MAX_FILE_BYTES) {
        errors.push({ file: relPath, line: 0, field: '', message: `file too large: ${st.size} bytes (at most ${MAX_FILE_BYTES})` });
        continue;
      }
      total += st.size;
      if (total > MAX_TOTAL_BYTES) {
        errors.push({ file: dir, line: 0, field: '', message: `pack too large (at most ${MAX_TOTAL_BYTES} bytes in all)` });
        return;
      }
      files[relPath] = new Uint8Array(readFileSync(full));
    }
  };
  walk(root, '');
  return errors.length > 0 ? { files: {}, errors } : { files, errors };
}

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
  if (sub !== 'validate') throw new UsageError(sub ? `unknown pack command ${sub}` : 'pack needs a command: validate or schema');
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
      if (x.question) out.write(`${x.id}: ${x.maxPoints} points; question with ${x.question.choices} choices, ${x.question.possible} possible${x.question.complete ? '' : ' (search incomplete)'}\n`);
      else out.write(`${x.id}: ${x.maxPoints} points; solution ${x.solutionPoints}, starter ${x.starterPoints}, ${x.wrongSubmissions} wrong submission${x.wrongSubmissions === 1 ? '' : 's'}\n`);
    }
    out.write(report.valid ? `valid: ${report.packId}, ${report.exercises.length} exercises\n` : `invalid: ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}\n`);
  }
  return report.valid ? 0 : 1;
}

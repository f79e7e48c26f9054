/**
 * Records the differential corpus on this Linux machine (`npm run record`):
 *
 *   node bin/run-ts.mjs tests/differential/record.ts [--dir DIR] [--check] [NAME…]
 *
 * For each program of DIR (default tests/differential/single), or only those whose name starts
 * with one of the NAMEs ("007", "007_printf_flags"), writes NAME.expected.json beside it.
 * With --check it writes nothing and exits 1 when a recording differs from the file.
 * See pty-run.py for how the terminal is set up and recorder.ts for how programs are built.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedPathOf, listPrograms } from './corpus.ts';
import { formatRecording, recordAll } from './recorder.ts';

interface Cli {
  dir: string;
  check: boolean;
  names: string[];
}

function parseCli(argv: string[]): Cli {
  const cli: Cli = { dir: join(dirname(fileURLToPath(import.meta.url)), 'single'), check: false, names: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dir') cli.dir = argv[++i];
    else if (argv[i] === '--check') cli.check = true;
    else if (argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]}`);
    else cli.names.push(argv[i].replace(/(\.expected\.json|\.c)$/, ''));
  }
  return cli;
}

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2));
  const programs = listPrograms(cli.dir).filter(
    (p) => cli.names.length === 0 || cli.names.some((n) => p.name.startsWith(n)),
  );
  if (programs.length === 0) throw new Error(`no program in ${cli.dir} matches ${cli.names.join(' ')}`);
  const recordings = await recordAll(programs);
  let differences = 0;
  for (const program of programs) {
    const file = expectedPathOf(program.path);
    const text = formatRecording(recordings.get(program.name)!);
    const old = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (old === text) continue;
    differences++;
    if (cli.check) console.log(`differs: ${program.name}`);
    else writeFileSync(file, text);
  }
  const verb = cli.check ? 'differ' : 'changed';
  console.log(`${programs.length} programs recorded, ${differences} ${verb}`);
  return cli.check && differences > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.message);
    process.exit(2);
  },
);

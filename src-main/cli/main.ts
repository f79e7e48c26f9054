/**
 * The `forklab` command line (../shared/spec/cli.md). This file only dispatches to one file per
 * command; the work is done by the same engine the desktop app uses.
 *
 * Exit status: `run` gives the program's own status (128 + N for a signal N, 1 for a compile
 * error, 124 when a limit stopped it); other commands 0 when they did their job, 1 for invalid
 * input, 2 for a usage error, 3 for an internal error.
 */
import { UsageError, type Command, type Output } from './command.ts';
import { RUN_USAGE, commandRun } from './run.ts';
import { PACK_USAGE, commandPack } from './pack.ts';
import { GRADE_USAGE, commandGrade } from './grade.ts';
import { EXPLORE_USAGE, commandExplore } from './explore.ts';
import { CHECK_USAGE, commandCheck } from './check.ts';
import { AUTOGRADE_USAGE, commandAutograde } from './autograde.ts';

/** Each command by name, with its usage text. */
const COMMANDS: Record<string, { run: Command; usage: string }> = {
  run: { run: commandRun, usage: RUN_USAGE },
  pack: { run: commandPack, usage: PACK_USAGE },
  grade: { run: commandGrade, usage: GRADE_USAGE },
  explore: { run: commandExplore, usage: EXPLORE_USAGE },
  check: { run: commandCheck, usage: CHECK_USAGE },
  autograde: { run: commandAutograde, usage: AUTOGRADE_USAGE },
};

function usage(): string {
  return 'usage:\n' + Object.values(COMMANDS).map((c) => c.usage).join('\n');
}

/** Entry point: returns the process exit status. */
export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    out.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    err.write(`forklab: unknown command ${name}\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`forklab: ${e.message}\n${command.usage}`);
      return 2;
    }
    err.write(`forklab: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return 3;
  }
}


/**
 * The `forklab` command line (docs/cli.md). This file only dispatches to one file per
 * command; the work is done by the same engine the desktop app uses.
 *
 * Exit status: `run` gives the program's own status (128 + N for a signal N, 1 for a compile
 * error, 124 when a limit stopped it); other commands 0 when they did their job, 1 for invalid
 * input, 2 for a usage error, 3 for an internal error.
 */
import type { Output } from './command.ts';
import { runCommand, type LoadedCommand } from './dispatch.ts';
import { startRunWorker } from './run-worker.ts';

/** A command's code and usage text, loaded when it is asked for (`run` starts without the pack code). */
type CommandModule = () => Promise<LoadedCommand>;

/** Gives pack patterns' matching a time limit in this thread (commands that grade or validate). */
async function matchesTimeLimited(): Promise<void> {
  await import('../host/match-watchdog.ts');
}

/** Each command by name. */
const COMMANDS: Record<string, CommandModule> = {
  run: async () => {
    const m = await import('./run.ts');
    return { run: m.commandRun, usage: m.RUN_USAGE };
  },
  pack: async () => {
    await matchesTimeLimited();
    const m = await import('./pack.ts');
    return { run: m.commandPack, usage: m.PACK_USAGE };
  },
  grade: async () => {
    await matchesTimeLimited();
    const m = await import('./grade.ts');
    return { run: m.commandGrade, usage: m.GRADE_USAGE };
  },
  explore: async () => {
    const m = await import('./explore.ts');
    return { run: m.commandExplore, usage: m.EXPLORE_USAGE };
  },
  check: async () => {
    await matchesTimeLimited();
    const m = await import('./check.ts');
    return { run: m.commandCheck, usage: m.CHECK_USAGE };
  },
  autograde: async () => {
    await matchesTimeLimited();
    const m = await import('./autograde.ts');
    return { run: m.commandAutograde, usage: m.AUTOGRADE_USAGE };
  },
};

/** What `forklab help` says before each command's usage: the commands, and where the lab itself is. */
export const OVERVIEW = `forklab: the lab's command line (docs/cli.md has every command and option).
The lab itself: \`npm run serve\` (in a browser, http://127.0.0.1:5178) or \`npm start\` (the desktop app).

commands:
  run        run a C program on the lab's kernel: its output, or --json
  explore    every output the schedulers allow, each with a schedule that replays it
  pack       validate a pack, print its schema, export a student's copy or an autograder
  grade      grade submissions (files, folders, hand-in zips): results and a gradebook
  check      run an exercise's public and sealed checks on one file, as the app's Check
  autograde  what the Gradescope and PrairieLearn autograders run for one submission

`;

/** What programs run on: the C accepted and the programs of the lab's /bin, named from the file system itself. */
async function labOverview(): Promise<string> {
  const { programSources } = await import('../vm/bin/programs.ts');
  const names = [...programSources().keys()].filter((p) => p.startsWith('/bin/')).map((p) => p.slice('/bin/'.length));
  return `programs: ordinary C (what gcc -std=gnu11 compiles, one file; the headers and functions the
lab has are in docs/c.md). exec, system and popen can run the lab's /bin (also in /usr/bin):
${wrap(names.join(', '), 2)}
(docs/c.md says which options of each the lab has).

`;
}

/** Text wrapped at 96 columns, each line indented by `indent` spaces. */
function wrap(text: string, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > 96) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}

async function usage(): Promise<string> {
  const loaded = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return `${OVERVIEW}${await labOverview()}usage:\n${loaded.map((c) => c.usage).join('\n')}`;
}

/** Entry point: returns the process exit status. */
export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    out.write(await usage());
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    err.write(`forklab: unknown command ${name}\n${await usage()}`);
    return 2;
  }
  // `run`'s worker boots and loads the engine on the other core while this thread loads the command
  if (name === 'run') startRunWorker();
  return runCommand(await load(), rest, out, err);
}


/**
 * `forklab explore FILE.c [options] [-- ARGS...]` (../shared/spec/cli.md): every output the
 * program can produce over all the schedules the model allows, each with a schedule that
 * `forklab run --schedule` replays, and whether the search was complete.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DEFAULT_MAX_RUNS, ExploreCompileError, exploreProgram, type ExploreOptions } from '../explore/explore.ts';
import type { ExploreView } from '../service/contract.ts';
import { UsageError, type Output } from './command.ts';
import { ArgReader, readMachineOption } from './machine-options.ts';

export const EXPLORE_USAGE = `  forklab explore FILE.c [options] [-- ARGS...]

options:
  --json                 print one JSON object (complete, outputs, schedulesExplored, statesExplored)
  --max-runs N           runs of the program at most (default ${DEFAULT_MAX_RUNS})
  --max-states N         scheduling decisions at most, over all runs
  --time-limit S         seconds at most (default 60)
  --max-steps N          instruction budget of each run
  --stdin TEXT           terminal input
  --stdin-file FILE      terminal input from a file
  --file NAME=PATH       give the program the file PATH as NAME (in its working directory
                         unless NAME starts with /); repeat for more files
  --max-procs N          RLIMIT_NPROC: processes the program may have at once (default 512)
  --stdout pipe          stdout is a pipe (fully buffered), not the terminal
  --fork-copy eager      historical fork: copy every writable page at fork
  --page-size N          bytes per page (a power of two from 256 to 65536)
`;

interface ExploreCommand {
  file: string;
  json: boolean;
  options: ExploreOptions;
}

/** Parses `forklab explore` arguments. Throws UsageError with a message for people. */
export function parseExploreArgs(args: string[]): ExploreCommand {
  const command: ExploreCommand = { file: '', json: false, options: {} };
  const o = command.options;
  const r = new ArgReader(args);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const last = readMachineOption(r, i, o);
    if (last >= 0) {
      i = last;
      continue;
    }
    switch (a) {
      case '--json':
        command.json = true;
        break;
      case '--max-runs':
        o.maxRuns = r.integer(i++, a, 1);
        break;
      case '--max-states':
        o.maxStates = r.integer(i++, a, 1);
        break;
      case '--time-limit':
        o.maxMs = r.integer(i++, a, 1) * 1000;
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        if (command.file) throw new UsageError(`one program at a time (got ${command.file} and ${a})`);
        command.file = a;
    }
  }
  if (!command.file) throw new UsageError('which program? forklab explore FILE.c');
  return command;
}

/** The text report: each distinct output with its schedule, then whether the search was complete. */
export function exploreText(view: ExploreView, file: string): string {
  const lines: string[] = [];
  view.outputs.forEach((o, i) => {
    const exit = o.exit.signal ? `killed by ${o.exit.signal}` : `exit ${o.exit.code}`;
    lines.push(`--- output ${i + 1} of ${view.outputs.length} (${exit}); replay: forklab run ${file} --schedule "${o.schedule}"`);
    lines.push(o.stdout.endsWith('\n') || o.stdout === '' ? o.stdout.slice(0, -1) : `${o.stdout}\n(no newline at the end)`);
  });
  const summary = `${view.outputs.length} distinct output${view.outputs.length === 1 ? '' : 's'} from ${view.schedulesExplored} schedule${view.schedulesExplored === 1 ? '' : 's'} (${view.statesExplored} states)`;
  lines.push(view.complete
    ? `--- ${summary}: the search was complete, these are all the outputs the program can produce`
    : `--- ${summary}: the search was cut off by its budget, so other outputs may exist (raise --max-runs)`);
  return lines.join('\n') + '\n';
}

/** Runs `forklab explore`; returns the exit status. */
export async function commandExplore(args: string[], out: Output, err: Output): Promise<number> {
  const command = parseExploreArgs(args);
  let source: string;
  try {
    source = readFileSync(command.file, 'utf8');
  } catch {
    err.write(`forklab: cannot read ${command.file}\n`);
    return 1;
  }
  let view: ExploreView;
  try {
    view = exploreProgram(source, { ...command.options, fileName: basename(command.file) });
  } catch (e) {
    if (e instanceof ExploreCompileError) {
      err.write(e.diagnosticsText);
      return 1;
    }
    throw e;
  }
  out.write(command.json ? JSON.stringify(view, null, 2) + '\n' : exploreText(view, command.file));
  return 0;
}

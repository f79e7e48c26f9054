/**
 * `forklab explore FILE.c [options] [-- ARGS...]` (../shared/spec/cli.md): every output the
 * program can produce over all the schedules the model allows, each with a schedule that
 * `forklab run --schedule` replays, and whether the search was complete.
 */
import { InputFileError, readInputText } from './read-input.ts';
import { REQUEST_LIMITS } from '../service/validate.ts';
import { basename } from 'node:path';
import { DEFAULT_MAX_RUNS, ExploreCompileError, exploreProgram, stoppedRunsInWords, type ExploreOptions } from '../explore/explore.ts';
import type { ExploreView } from '../service/contract.ts';
import { UsageError, type Output } from './command.ts';
import { graphToDot } from '../explore/graph.ts';
import { ArgReader, checkSeedFiles, readMachineOption, readOrRefuse } from './machine-options.ts';

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
  --graph dot|json       print the process graph of each output's run instead (dot: Graphviz;
                         json: the graphs and, per output, its graph and the order of its lines)
  --why TEXT             say whether some schedule prints TEXT (\\n for a newline), and why
  --why-file FILE        the same for the text of FILE
`;

interface ExploreCommand {
  file: string;
  json: boolean;
  graph: 'dot' | 'json' | null;
  options: ExploreOptions;
  /** the machine options as typed (--stdout pipe, --stdin …, -- ARGS): a replay needs them too */
  runWords: string[];
}

/** Outputs whose graphs --graph draws at most (each a replay of its run). */
const GRAPHS_DRAWN = 200;

/** Parses `forklab explore` arguments. Throws UsageError with a message for people. */
export function parseExploreArgs(args: string[]): ExploreCommand {
  const command: ExploreCommand = { file: '', json: false, graph: null, options: {}, runWords: [] };
  const o = command.options;
  const r = new ArgReader(args);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const last = readMachineOption(r, i, o);
    if (last >= 0) {
      command.runWords.push(...args.slice(i, last + 1));
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
      case '--graph': {
        const v = r.value(i++, a);
        if (v !== 'dot' && v !== 'json') throw new UsageError(`--graph takes dot or json, not ${v}`);
        command.graph = v;
        o.graphs = GRAPHS_DRAWN;
        break;
      }
      case '--why':
        o.candidate = unescapeNewlines(r.value(i++, a));
        if (o.candidate.length > REQUEST_LIMITS.stdinChars) throw new UsageError(`--why takes at most ${REQUEST_LIMITS.stdinChars.toLocaleString('en-US')} characters (no run prints more)`);
        break;
      case '--why-file': {
        o.candidate = Buffer.from(readOrRefuse(a, r.value(i++, a), REQUEST_LIMITS.stdinChars)).toString('utf8');
        break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        if (command.file) throw new UsageError(`one program at a time (got ${command.file} and ${a})`);
        command.file = a;
    }
  }
  if (!command.file) throw new UsageError('which program? forklab explore FILE.c');
  return command;
}

/**
 * The text report: each distinct output with the `forklab run` command that replays it (`file`,
 * `runWords`: the machine options it was explored with), then whether the search was complete.
 */
export function exploreText(view: ExploreView, file: string, runWords: string[] = []): string {
  const lines: string[] = [];
  const dashes = runWords.indexOf('--');
  const options = dashes < 0 ? runWords : runWords.slice(0, dashes);
  const programArgs = dashes < 0 ? [] : runWords.slice(dashes);
  const replay = (schedule: string): string => [[file, ...options].map(shellWord).join(' '), `--schedule "${schedule}"`, ...programArgs.map(shellWord)].join(' ');
  view.outputs.forEach((o, i) => {
    const exit = o.exit.signal ? `killed by ${o.exit.signal}` : `exit ${o.exit.code}`;
    lines.push(`--- output ${i + 1} of ${view.outputs.length} (${exit}); replay: forklab run ${replay(o.schedule)}`);
    lines.push(o.stdout.endsWith('\n') || o.stdout === '' ? o.stdout.slice(0, -1) : `${o.stdout}\n(no newline at the end)`);
  });
  const summary = `${view.outputs.length} distinct output${view.outputs.length === 1 ? '' : 's'} from ${view.schedulesExplored} schedule${view.schedulesExplored === 1 ? '' : 's'} (${view.statesExplored} states)`;
  lines.push(view.complete
    ? `--- ${summary}: the search was complete, these are all the outputs the program can produce`
    : view.runsStopped
      ? `--- ${summary}: ${stoppedRunsInWords(view.runsStopped)}, and other outputs may exist`
      : `--- ${summary}: the search was cut off by its budget, so other outputs may exist (raise --max-runs)`);
  return lines.join('\n') + '\n';
}

/** Runs `forklab explore`; returns the exit status. */
export async function commandExplore(args: string[], out: Output, err: Output): Promise<number> {
  const command = parseExploreArgs(args);
  await checkSeedFiles(command.options.files);
  let source: string;
  try {
    source = readInputText(command.file, REQUEST_LIMITS.sourceChars);
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    err.write(`forklab: ${e.message}\n`);
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
  if (command.graph === 'json') out.write(JSON.stringify({ complete: view.complete, graphs: view.graphs ?? [], outputs: view.outputs }, null, 2) + '\n');
  else if (command.graph === 'dot') out.write(graphsDot(view));
  else if (command.json) out.write(JSON.stringify(view, null, 2) + '\n');
  else out.write(exploreText(view, command.file, command.runWords));
  if (!command.json && command.graph === null && view.candidate) out.write(candidateText(view.candidate));
  return 0;
}

/** Each distinct graph in DOT, after a comment naming the outputs whose runs it shows. */
function graphsDot(view: ExploreView): string {
  return (view.graphs ?? []).map((g, i) => {
    const which = view.outputs.map((o, k) => (o.graph === i ? k + 1 : 0)).filter((k) => k > 0);
    return `// the run${which.length === 1 ? '' : 's'} of output${which.length === 1 ? '' : 's'} ${which.join(', ')}\n${graphToDot(g, `process graph ${i + 1}`)}`;
  }).join('\n');
}

/** The answer about --why's text, in words. */
export function candidateText(c: NonNullable<ExploreView['candidate']>): string {
  const head = c.possible
    ? `--- possible: a schedule prints it (replay: --schedule "${c.schedule}")`
    : '--- impossible: no schedule prints it';
  return [head, ...c.why.map((w) => `    ${w}`)].join('\n') + '\n';
}

/** `word` as a POSIX shell reads it back: as it is when it is plain, else in single quotes. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_\-+=:,./@%]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** "\n" in a command-line argument stands for a newline (a shell cannot type one easily); "\\" for \. */
function unescapeNewlines(text: string): string {
  return text.replace(/\\(n|\\)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
}

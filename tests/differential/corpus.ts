/**
 * The differential corpus on disk: `NNN_topic.c` programs, each with its recording
 * `NNN_topic.expected.json` made on Linux by record.ts. Tests only (uses node:fs).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseMetadata, type OutputsKind, type SeededFile } from './metadata.ts';
import type { RunRequest } from '../../src-main/vm/run.ts';

/** How a run ended, as `forklab run` reports it: code is 128 + signo when a signal killed it. */
export interface ExitOutcome {
  code: number;
  signal: string | null;
}

/** One run's result: the terminal text (stdout and stderr as they reached it) and the exit. */
export interface Outcome {
  stdout: string;
  exit: ExitOutcome;
}

/**
 * The recording file. A deterministic program: `{ stdout, exit }`. A program marked
 * `// outputs: any`: `{ outputs: Outcome[] }`, every distinct outcome seen, sorted.
 */
export type ExpectedFile = Outcome | { outputs: Outcome[] };

/** A corpus program before its recording is read. */
export interface CorpusSource {
  /** file name without ".c", e.g. "001_hello" */
  name: string;
  /** absolute path of the .c file */
  path: string;
  source: string;
  /** argv after argv[0]; argv[0] is `./name`, as a shell gives it */
  args: string[];
  /** files in the working directory when the program starts (besides the program itself) */
  files: SeededFile[];
  /** terminal input, or null for none (the program reads end of file) */
  stdin: string | null;
  outputs: OutputsKind;
  /** runs that record an `outputs: any` program (`// runs:`), or null for the default */
  runs: number | null;
  /** `// stdout: pipe`: the program runs as `./prog | cat` (the lab's --stdout pipe) */
  stdoutPipe: boolean;
}

export interface CorpusProgram extends CorpusSource {
  /** the recorded outcome (for `outputs: any`, the first of `allowed`) */
  expected: Outcome;
  /** every acceptable outcome: `[expected]` for a deterministic program */
  allowed: Outcome[];
}

/** The recording's path for a program's .c path. */
export function expectedPathOf(cPath: string): string {
  return cPath.replace(/\.c$/, '.expected.json');
}

/** Every `*.c` program of dir with its metadata, sorted by name. Does not read recordings. */
export function listPrograms(dir: string): CorpusSource[] {
  const root = resolve(dir);
  return readdirSync(root)
    .filter((file) => file.endsWith('.c'))
    .sort()
    .map((file) => readSource(join(root, file)));
}

function readSource(path: string): CorpusSource {
  const source = readFileSync(path, 'utf8');
  const name = path.slice(path.lastIndexOf('/') + 1, -2);
  return { name, path, source, ...parseMetadata(source) };
}

/**
 * Every program of dir with its recording. Throws, naming the file, when a program has no
 * recording or the recording is malformed (run `npm run record` to make it).
 */
export function loadCorpus(dir: string): CorpusProgram[] {
  return listPrograms(dir).map((program) => {
    const file = expectedPathOf(program.path);
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run record -- ${program.name}`);
    const allowed = allowedOutcomes(JSON.parse(readFileSync(file, 'utf8')) as ExpectedFile, file);
    return { ...program, expected: allowed[0], allowed };
  });
}

function allowedOutcomes(recording: ExpectedFile, file: string): Outcome[] {
  const outcomes = 'outputs' in recording ? recording.outputs : [recording];
  for (const o of outcomes) {
    if (typeof o.stdout !== 'string' || typeof o.exit?.code !== 'number') {
      throw new Error(`${file}: each outcome needs "stdout" (string) and "exit.code" (number)`);
    }
  }
  if (outcomes.length === 0) throw new Error(`${file}: no outcome recorded`);
  return outcomes;
}

/** The run request that runs a corpus program as it was recorded: its arguments, input, stdout and files. */
export function corpusRunRequest(program: CorpusProgram): RunRequest {
  return {
    source: program.source,
    fileName: `${program.name}.c`,
    args: program.args,
    stdin: program.stdin ?? '',
    stdoutPipe: program.stdoutPipe,
    files: program.files.map((f) => ({ path: f.name, content: f.content })),
  };
}

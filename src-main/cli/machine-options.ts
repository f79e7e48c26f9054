/**
 * The options `forklab run` and `forklab explore` share: how the simulated machine is set up
 * (step budget, terminal input, stdout on a pipe, fork's copying, page size, program arguments).
 */
import { UsageError } from './command.ts';
import { InputFileError, readInputFile } from './read-input.ts';
import { SEED_BYTES } from '../kernel/ramfs.ts';
import { REQUEST_LIMITS } from '../service/validate.ts';
import { pageSizeProblem } from '../kernel/budgets.ts';
import type { SeedFile } from '../vm/run.ts';

export interface MachineOptions {
  maxSteps?: number;
  /** RLIMIT_NPROC: processes the program may have at once */
  nprocLimit?: number;
  /** files in the run's file system before the program starts (--file NAME=PATH) */
  files?: SeedFile[];
  stdin?: string | Uint8Array;
  stdoutPipe?: boolean;
  forkCopy?: 'cow' | 'eager';
  pageSize?: number;
  args?: string[];
}

/** Reads option values from a command's arguments; throws UsageError with a message for people. */
export class ArgReader {
  constructor(readonly args: string[]) {}

  /** The word after the option at `i`. */
  value(i: number, flag: string): string {
    const v = this.args[i + 1];
    if (v === undefined) throw new UsageError(`${flag} needs a value`);
    return v;
  }

  /** The whole number after the option at `i`, at least `min`. */
  integer(i: number, flag: string, min: number): number {
    const v = Number(this.value(i, flag));
    if (!Number.isInteger(v) || v < min) throw new UsageError(`${flag} needs a whole number of at least ${min}`);
    return v;
  }
}

/**
 * Reads the machine option at args[i] into `into`. Returns the index of the option's last word,
 * or -1 when args[i] is not a machine option. `--` takes every word after it as the program's
 * arguments.
 */
export function readMachineOption(r: ArgReader, i: number, into: MachineOptions): number {
  const a = r.args[i];
  switch (a) {
    case '--max-steps':
      into.maxSteps = r.integer(i, a, 1);
      return i + 1;
    case '--stdin':
      into.stdin = r.value(i, a);
      return i + 1;
    case '--stdin-file':
      into.stdin = readOrRefuse(a, r.value(i, a), REQUEST_LIMITS.stdinChars);
      return i + 1;
    case '--stdout': {
      const v = r.value(i, a);
      if (v !== 'pipe' && v !== 'tty') throw new UsageError('--stdout takes "pipe" (or "tty", the default)');
      into.stdoutPipe = v === 'pipe';
      return i + 1;
    }
    case '--fork-copy': {
      const v = r.value(i, a);
      if (v !== 'eager' && v !== 'cow') throw new UsageError('--fork-copy takes "eager" (or "cow", the default)');
      into.forkCopy = v;
      return i + 1;
    }
    case '--page-size': {
      const v = Number(r.value(i, a));
      if (pageSizeProblem(v)) throw new UsageError(`--page-size: ${pageSizeProblem(v)}`);
      into.pageSize = v;
      return i + 1;
    }
    case '--max-procs':
      into.nprocLimit = r.integer(i, a, 1);
      if (into.nprocLimit > MAX_PROCS) throw new UsageError(`--max-procs takes at most ${MAX_PROCS}`);
      return i + 1;
    case '--file':
      into.files = [...(into.files ?? []), readSeedFile(r.value(i, a))];
      return i + 1;
    case '--':
      into.args = r.args.slice(i + 1);
      return r.args.length - 1;
    default:
      return -1;
  }
}

/** The bytes of the file at `path` (at most `maxBytes`), or a UsageError that starts with `flag`. */
export function readOrRefuse(flag: string, path: string, maxBytes: number): Uint8Array {
  try {
    return readInputFile(path, maxBytes);
  } catch (e) {
    if (e instanceof InputFileError) throw new UsageError(`${flag} ${e.message}`);
    throw e;
  }
}

/** The most processes `--max-procs` allows (each costs host memory). */
export const MAX_PROCS = 4096;

/**
 * `--file NAME=PATH`: the host file PATH, given to the program as NAME (relative to its working
 * directory, or absolute). Throws UsageError when PATH cannot be read; whether NAME can be used
 * is checkSeedFiles' question.
 */
function readSeedFile(value: string): SeedFile {
  const eq = value.indexOf('=');
  if (eq <= 0 || eq === value.length - 1) throw new UsageError('--file takes NAME=PATH: the name the program opens, then the file on this computer');
  const name = value.slice(0, eq);
  const path = value.slice(eq + 1);
  return { path: name, content: readOrRefuse(`--file ${name}=${path}:`, path, SEED_BYTES) };
}

/**
 * Throws UsageError for the first --file whose NAME the run's file system cannot take (with the
 * ones before it). Loads the machine's file system only when there are files to check, so that a
 * command without --file starts without it.
 */
export async function checkSeedFiles(files: SeedFile[] | undefined): Promise<void> {
  if (!files || files.length === 0) return;
  const { seedProblem } = await import('../vm/run.ts');
  for (let i = 0; i < files.length; i++) {
    const problem = seedProblem(files.slice(0, i + 1));
    if (problem) throw new UsageError(`--file: ${problem}`);
  }
}

/**
 * `forklab run FILE.c [options] [-- ARGS...]` (../shared/spec/cli.md): compile, boot the model,
 * run every process to the end, print the terminal's text or one JSON object.
 */
import { writeFileSync } from 'node:fs';
import { InputFileError, readInputText } from './read-input.ts';
import { REQUEST_LIMITS } from '../service/validate.ts';
import { basename } from 'node:path';
import type { RunRequest, RunResult } from '../vm/run.ts';
import { emptyResult } from '../vm/empty-result.ts';
import { isWorkerDied } from '../service/jobs.ts';
import { POLICIES, parseSchedule, type Policy } from '../kernel/sched.ts';
import { UsageError, type Output } from './command.ts';
import { ArgReader, checkSeedFiles, readMachineOption } from './machine-options.ts';
import { TRACE_VERSION } from '../kernel/trace.ts';
import { takeRunWorker } from './run-worker.ts';
import type { SingleWorker } from '../host/single-worker.ts';

export const RUN_USAGE = `  forklab run FILE.c [options] [-- ARGS...]

options:
  --json                 print one JSON object (its fields: docs/cli.md)
  --max-steps N          instruction budget for the whole run (default 500000000)
  --time-limit S         seconds the run may take (default 30)
  --stdin TEXT           terminal input
  --stdin-file FILE      terminal input from a file
  --file NAME=PATH       give the program the file PATH as NAME (in its working directory
                         unless NAME starts with /); repeat for more files
  --max-procs N          RLIMIT_NPROC: processes the program may have at once (default 512)
  --stdout pipe          stdout is a pipe (fully buffered), not the terminal
  --fork-copy eager      historical fork: copy every writable page at fork
  --page-size N          bytes per page (a power of two from 256 to 65536)
  --policy P             scheduler: parent-first (default), child-first, round-robin, random
  --seed N               seed for the random policy
  --quantum N            time slice in VM instructions
  --schedule S           replay a recorded schedule ("pid:steps ...", as --json prints it)
  --trace FILE           write the full trace (JSON, docs/trace.md), in detail mode
  --memcheck             warn about use after free, uninitialised values and missing
                         returns (runs the program one instruction at a time: slower)
`;

interface RunCommand {
  file: string;
  json: boolean;
  tracePath: string | null;
  request: Omit<RunRequest, 'source'>;
}

/** Parses `forklab run` arguments. Throws UsageError with a message for people. */
export function parseRunArgs(args: string[]): RunCommand {
  const command: RunCommand = { file: '', json: false, tracePath: null, request: {} };
  const req = command.request;
  const r = new ArgReader(args);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const last = readMachineOption(r, i, req);
    if (last >= 0) {
      i = last;
      continue;
    }
    switch (a) {
      case '--json':
        command.json = true;
        break;
      case '--policy': {
        const v = r.value(i++, a);
        if (!POLICIES.includes(v as Policy)) throw new UsageError(`--policy takes one of ${POLICIES.join(', ')}`);
        req.policy = v as Policy;
        break;
      }
      case '--seed':
        req.seed = r.integer(i++, a, 0);
        break;
      case '--quantum':
        req.quantum = r.integer(i++, a, 1);
        break;
      case '--schedule': {
        const v = r.value(i++, a);
        try {
          parseSchedule(v);
        } catch (e) {
          throw new UsageError((e as Error).message);
        }
        req.schedule = v;
        break;
      }
      case '--time-limit':
        req.timeLimitMs = r.integer(i++, a, 1) * 1000;
        break;
      case '--trace':
        command.tracePath = r.value(i++, a);
        req.detail = true;
        break;
      case '--memcheck':
        req.memcheck = true;
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        if (command.file) throw new UsageError(`one program at a time (got ${command.file} and ${a})`);
        command.file = a;
    }
  }
  if (!command.file) throw new UsageError('which program? forklab run FILE.c');
  return command;
}

/** The JSON object of `forklab run --json` (../shared/spec/cli.md). */
export function runJson(result: RunResult): Record<string, unknown> {
  return {
    ok: result.ok,
    diagnostics: result.diagnostics.map((d) => ({ severity: d.severity, line: d.line, column: d.column, message: d.message, notes: [...(d.notes ?? [])] })),
    stdout: result.stdout,
    exit: result.exit,
    stopReason: result.stopReason === 'compile-error' ? 'exited' : result.stopReason,
    stopMessage: result.stopMessage,
    processes: result.processes,
    stats: result.stats,
    warnings: result.warnings,
    schedule: result.schedule,
    files: result.files,
  };
}

/**
 * Compiles and runs the program in a worker with the limits of the lab's pool, as the app and the
 * grader do: the same stack (what gcc compiles, the lab compiles here too) and the same heap limit
 * (a program that exhausts it is a result saying so, stopReason "host-limit", never V8's fatal error).
 */
async function runInWorker(worker: SingleWorker, request: RunRequest): Promise<RunResult> {
  try {
    return await worker.run({ kind: 'engine-run', request });
  } catch (e) {
    if (!isWorkerDied(e)) throw e;
    return hostLimitResult(e.message);
  }
}

/** The result of a run the lab itself could not finish (its worker died): nothing ran to the end, and why. */
function hostLimitResult(message: string): RunResult {
  return { ...emptyResult(), exit: { code: -1, signal: null }, stopReason: 'host-limit', stopMessage: message };
}

/** Runs `forklab run`; returns the exit status. */
export async function commandRun(args: string[], out: Output, err: Output): Promise<number> {
  // the worker (started by main() already, or now) loads the compiler and the machine while this
  // thread reads the arguments and the program; it is ended without waiting once the output is written
  const worker = takeRunWorker();
  try {
    const command = parseRunArgs(args);
    await checkSeedFiles(command.request.files);
    return await runWith(worker, command, out, err);
  } finally {
    worker.close();
  }
}

/** The rest of `forklab run`, with its worker starting. */
async function runWith(worker: SingleWorker, command: RunCommand, out: Output, err: Output): Promise<number> {
  let source: string;
  try {
    source = readInputText(command.file, REQUEST_LIMITS.sourceChars);
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    err.write(`forklab: ${e.message}\n`);
    return 1;
  }
  // the trace is kept only for --trace (the text and --json need the kernel's counters only)
  const result = await runInWorker(worker, { ...command.request, trace: command.tracePath ? 'all' : 'none', source, fileName: basename(command.file) });
  if (command.tracePath) {
    writeFileSync(command.tracePath, JSON.stringify({ version: TRACE_VERSION, events: result.trace, dropped: result.traceDropped }));
  }
  if (command.json) {
    out.write(JSON.stringify(runJson(result), null, 2) + '\n');
  } else {
    if (result.diagnosticsText) err.write(result.diagnosticsText);
    out.write(result.stdoutBytes);
    if (result.stopMessage) err.write(`forklab: ${result.stopMessage}\n`);
  }
  if (!result.ok) return 1;
  if (result.stopReason !== 'exited') return 124;
  return result.exit.code;
}


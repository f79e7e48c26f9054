/**
 * Compile a C program and run it on a fresh machine: the one operation every door (the CLI, the
 * desktop app, the grader) builds on. The result has the shape of `forklab run --json`
 * (../shared/spec/cli.md): fields may be added, never renamed.
 */
import { doExit } from '../kernel/exit.ts';
import { exitedStatus } from '../kernel/signals.ts';
import { compile } from '../lang/compile.ts';
import type { Diagnostic } from '../lang/diagnostics.ts';
import { formatDiagnostics, reportedDiagnostics } from '../lang/diagnostics.ts';
import type { ProgramImage } from '../lang/image.ts';
import type { Kernel, KernelOptions, StopReason } from '../kernel/kernel.ts';
import { SIGNAL_NAMES } from '../kernel/signals.ts';
import type { TraceEvent, TraceKeep } from '../kernel/trace.ts';
import { formatSchedule, parseSchedule, type Policy } from '../kernel/sched.ts';
import { BootExecError, KernelRunaway, ROUND_ROBIN_QUANTUM } from '../kernel/kernel.ts';
import { ERRNO_BY_NAME } from '../kernel/uapi.ts';
import { strerrorText } from './libc/errno-names.ts';
import { CRT } from './libc/crt.ts';
import { RamFs } from '../kernel/ramfs.ts';
import { installPrograms } from './bin/programs.ts';
import { DEFAULT_DETAIL_LIMIT, Machine, UnsupportedFunction } from './machine.ts';
import { userFunctions } from '../kernel/inspect.ts';
import type { Task } from '../kernel/task.ts';
import type { RecordLayout, RecordLookup } from '../kernel/c-values.ts';
import { DiagnosticBag } from '../lang/diagnostics.ts';
import { preprocess } from '../lang/preprocess.ts';
import { parseUnit } from '../lang/parser.ts';
import { timedCompilation } from '../lang/limits.ts';
import { sizeOf, typeToString, type RecordInfo } from '../lang/types.ts';
import { emptyResult } from './empty-result.ts';

/**
 * How to run a program, as every door asks for it: the options of `forklab run`
 * (../shared/spec/cli.md), the LabApi's RunOptions (service/contract.ts), a pack's `run:`.
 */
export interface RunOptions {
  args?: string[];
  stdin?: string;
  stdoutPipe?: boolean;
  forkCopy?: 'cow' | 'eager';
  pageSize?: number;
  policy?: Policy;
  seed?: number;
  quantum?: number;
  /** a schedule to replay ("pid:steps …"), as run results and the explorer give them */
  schedule?: string;
  maxSteps?: number;
  /** RLIMIT_NPROC for the run (the kernel's small default when absent) */
  nprocLimit?: number;
  /** files the program finds in its file system (a relative path is in its working directory, /home/student) */
  files?: RunFile[];
}

/** A file given to a run: its path and its text. */
export interface RunFile {
  path: string;
  content: string;
}

/**
 * The engine request for run options: the one place where the options of a run reach the
 * engine, for plain runs (service/run-view.ts), graded runs (checker/runs.ts) and the explorer
 * (explore/explore.ts). Options left out keep the engine's defaults.
 */
export function runRequestFor(options: RunOptions): Omit<RunRequest, 'source'> {
  const request: Omit<RunRequest, 'source'> = {
    args: options.args,
    stdin: options.stdin,
    stdoutPipe: options.stdoutPipe,
    forkCopy: options.forkCopy,
    pageSize: options.pageSize,
    policy: options.policy,
    seed: options.seed,
    quantum: options.quantum,
    schedule: options.schedule,
    maxSteps: options.maxSteps,
    nprocLimit: options.nprocLimit,
    files: options.files,
  };
  for (const key of Object.keys(request) as (keyof typeof request)[]) if (request[key] === undefined) delete request[key];
  return request;
}

/** A file the program finds when it starts: `path` relative to its working directory, or absolute. */
export interface SeedFile {
  path: string;
  content: string | Uint8Array;
}

export interface RunRequest {
  source: string;
  /** file name for diagnostics and the program's name; default "prog.c" */
  fileName?: string;
  /** argv after argv[0] */
  args?: string[];
  /** files in the run's file system before the program starts (exercises, `forklab run --file`) */
  files?: SeedFile[];
  stdin?: string | Uint8Array;
  maxSteps?: number;
  /** wall-clock budget in milliseconds (default DEFAULT_TIME_LIMIT_MS) */
  timeLimitMs?: number;
  maxOutputBytes?: number;
  /** stdout is a pipe (fully buffered) instead of the terminal */
  stdoutPipe?: boolean;
  pageSize?: number;
  maxFrames?: number;
  forkCopy?: 'cow' | 'eager';
  nprocLimit?: number;
  quantum?: number;
  env?: string[];
  /** scheduler policy (kernel/sched.ts), its seed, and a schedule to replay */
  policy?: Policy;
  seed?: number;
  schedule?: string;
  /**
   * detail mode (docs/trace.md): a `line` event, with the variables in scope, each time a task
   * reaches a new line of the program, up to `detailLimit` of them (default 20,000)
   */
  detail?: boolean;
  detailLimit?: number;
  /**
   * memcheck (vm/memcheck): warnings for use after free, uses of uninitialised values and of
   * the value of a function without `return`; the program runs one instruction at a time
   */
  memcheck?: boolean;
  /** instructions memcheck watches before the rest of the run goes unchecked (default MEMCHECK_STEP_LIMIT) */
  memcheckLimit?: number;
  /** false: line events without depth and variables (a replay's, vm/replay.ts) */
  detailValues?: boolean;
  /** struct layouts for detail mode (runProgram finds them in the source) */
  records?: RecordLookup;
  /** asked between time slices: true stops the run, keeping what ran (stopReason 'cancelled') */
  interrupted?: () => boolean;
  /**
   * which events `trace` keeps (kernel/trace.ts TraceKeep; default 'all', and always 'all' in
   * detail mode): `forklab run` without --trace keeps none, the checker the kinds it reads
   */
  trace?: TraceKeep;
}

export interface ProcessReport {
  pid: number;
  ppid: number;
  command: string;
  state: 'exited' | 'zombie' | 'running' | 'sleeping' | 'stopped';
  exitCode: number | null;
  signal: string | null;
  reapedBy: number | null;
  reparentedTo: number | null;
}

export interface RunStats {
  steps: number;
  forks: number;
  vforks: number;
  clones: number;
  execs: number;
  cowFaults: number;
  pagesCopied: number;
  pagesReused: number;
  framesPeak: number;
  zombiesPeak: number;
  zombiesAtEnd: number;
  orphansReparented: number;
}

export interface RunWarning {
  kind: string;
  pid: number;
  /** the step it happened at (for the viewer), and the source line */
  step: number;
  line: number | null;
  message: string;
}

export interface RunResult {
  ok: boolean;
  /** errors and warnings, each with its notes (the compiler's "note:" lines) */
  diagnostics: { severity: 'error' | 'warning'; line: number; column: number; message: string; file: string; notes?: string[] }[];
  /** gcc-style text of the diagnostics */
  diagnosticsText: string;
  /** the terminal text, decoded as UTF-8 */
  stdout: string;
  /** the terminal bytes, exactly */
  stdoutBytes: Uint8Array;
  exit: { code: number; signal: string | null };
  /** 'host-limit': the lab itself stopped it (its worker ran out of memory): see stopMessage */
  stopReason: StopReason | 'compile-error' | 'host-limit';
  /** a sentence for people when the run did not simply end (limits, deadlock, internal error) */
  stopMessage: string | null;
  processes: ProcessReport[];
  stats: RunStats;
  warnings: RunWarning[];
  trace: TraceEvent[];
  /** events beyond the trace's limit: counted, not kept */
  traceDropped: number;
  /** every scheduling decision ("pid:steps …"): `forklab run --schedule` replays it */
  schedule: string;
  /** the user's functions (not the C runtime's) and the line each starts on */
  program: { functions: { name: string; line: number }[] };
  /** the regular files in the run's file system when it ended (seeded or made by the program) */
  files: FileReport[];
}

/** A file a run left: its path, size and text (UTF-8, at most FILE_REPORT_BYTES of it). */
export interface FileReport {
  path: string;
  size: number;
  text: string;
  /** true when the text is only the first FILE_REPORT_BYTES bytes */
  truncated: boolean;
}

/** How much of each file a run's result carries. */
export const FILE_REPORT_BYTES = 65536;

/** The default wall-clock budget of a run (forklab run --time-limit). */
export const DEFAULT_TIME_LIMIT_MS = 30_000;

const DEFAULT_ENV = ['HOME=/home/student', 'PATH=/bin:/usr/bin', 'USER=student', 'SHELL=/bin/sh', 'TERM=xterm'];

/** Compiles `source` (with the lab's C runtime). */
export function compileProgram(source: string, fileName = 'prog.c') {
  return compile({ files: [{ name: fileName, text: source }], runtime: [CRT] });
}

/** Compiles and runs a program; never throws for anything the program does. */
export function runProgram(request: RunRequest): RunResult {
  const fileName = request.fileName ?? 'prog.c';
  const compiled = compileProgram(request.source, fileName);
  const diagnostics = reportedDiagnostics(compiled.diagnostics);
  const diagnosticsText = formatDiagnostics(compiled.diagnostics, new Map([[fileName, request.source]]));
  if (!compiled.ok || !compiled.image) {
    return {
      ...emptyResult(),
      ok: false,
      diagnostics,
      diagnosticsText,
      exit: { code: 1, signal: null },
      stopReason: 'compile-error',
      stopMessage: 'the program did not compile',
    };
  }
  const records = request.detail ? recordLayouts(request.source, fileName) : undefined;
  return { ...runImage(compiled.image, { ...request, records }), diagnostics, diagnosticsText };
}

/**
 * The struct and union layouts of the user's program, by "struct tag", found by parsing the
 * source again (the image keeps only type names). Unknown tags give null.
 */
export function recordLayouts(source: string, fileName = 'prog.c'): RecordLookup {
  const found = new Map<string, RecordLayout>();
  try {
    const bag = new DiagnosticBag();
    // within the compiler's time limit (beyond it, or cancelled: no layouts)
    const unit = timedCompilation(() => parseUnit(preprocess({ name: fileName, text: source }, bag), 0, fileName, bag));
    const seen = new Set<object>();
    const visit = (node: unknown): void => {
      if (node === null || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      const rec = (node as { record?: RecordInfo; kind?: string }).record;
      if (rec && rec.complete && rec.tag !== undefined && !found.has(`${rec.isUnion ? 'union' : 'struct'} ${rec.tag}`)) {
        found.set(`${rec.isUnion ? 'union' : 'struct'} ${rec.tag}`, {
          members: rec.members.filter((m) => m.name !== undefined).map((m) => ({
            name: m.name!, type: typeToString(m.type), offset: m.offset, size: sizeOf(m.type),
          })),
        });
      }
      for (const value of Object.values(node)) visit(value);
    };
    visit(unit);
  } catch {
    // a layout we cannot find prints as {...}
  }
  return (tagged) => found.get(tagged) ?? null;
}

/** The kernel options a run request asks for (absent ones keep the kernel's defaults). */
export function kernelOptionsFor(request: Omit<RunRequest, 'source'>): Partial<KernelOptions> {
  const options: Partial<KernelOptions> = {
    maxSteps: request.maxSteps,
    timeLimitMs: request.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    maxOutputBytes: request.maxOutputBytes,
    stdoutIsPipe: request.stdoutPipe,
    pageSize: request.pageSize,
    maxFrames: request.maxFrames,
    forkCopy: request.forkCopy,
    nprocLimit: request.nprocLimit,
    quantum: request.quantum ?? (request.policy === 'round-robin' ? ROUND_ROBIN_QUANTUM : undefined),
    policy: request.policy,
    seed: request.seed,
    replay: request.schedule !== undefined ? parseSchedule(request.schedule) : undefined,
    stdin: typeof request.stdin === 'string' ? new TextEncoder().encode(request.stdin) : request.stdin,
    interrupted: request.interrupted,
    // detail mode is for the viewer: it keeps everything
    trace: request.detail ? 'all' : request.trace,
  };
  for (const key of Object.keys(options) as (keyof KernelOptions)[]) if (options[key] === undefined) delete options[key];
  return options;
}

/** A machine booted on `image` as `request` asks (options, detail mode, argv, environment), not yet run. */
export function bootMachine(image: ProgramImage, request: Omit<RunRequest, 'source'>, extra: Partial<KernelOptions> = {}): { machine: Machine; program: Task } {
  const machine = new Machine({ ...kernelOptionsFor(request), ...extra });
  if (request.memcheck) machine.setMemcheck(request.memcheckLimit);
  if (request.detail) {
    machine.setDetail({ limit: request.detailLimit ?? DEFAULT_DETAIL_LIMIT, records: request.records ?? (() => null), values: request.detailValues });
  }
  seedFiles(machine, request.files ?? []);
  const argv = [`./${image.name}`, ...(request.args ?? [])];
  const program = machine.kernel.boot(image, argv, request.env ?? DEFAULT_ENV);
  return { machine, program };
}

/** Thrown when a file given to a run cannot be put in its file system (the message says why). */
export class SeedError extends Error {}

/** Why `files` cannot be given to a run (the first problem, in words for people), or null. */
export function seedProblem(files: SeedFile[]): string | null {
  const fs = new RamFs();
  installPrograms(fs);
  for (const f of files) {
    const error = fs.seed(f.path, typeof f.content === 'string' ? new TextEncoder().encode(f.content) : f.content);
    if (error) return `cannot give the program the file "${f.path}": ${error}`;
  }
  return null;
}

/** Puts the request's files in the machine's file system; throws SeedError naming the first that cannot be. */
export function seedFiles(machine: Machine, files: SeedFile[]): void {
  for (const f of files) {
    const bytes = typeof f.content === 'string' ? new TextEncoder().encode(f.content) : f.content;
    const error = machine.kernel.fs.seed(f.path, bytes);
    if (error) throw new SeedError(`cannot give the program the file "${f.path}": ${error}`);
  }
}

/**
 * Runs a booted machine until the kernel stops it. A call of a library function the lab does not
 * have ends the program there (exit status 127) and gives the message to show; null otherwise.
 */
export function runMachine(machine: Machine, program: Task): string | null {
  const kernel = machine.kernel;
  try {
    kernel.run();
    return null;
  } catch (e) {
    if (e instanceof KernelRunaway) {
      kernel.stopReason = 'kernel-limit';
      return e.message;
    }
    if (!(e instanceof UnsupportedFunction)) throw e;
    kernel.stopReason = 'exited';
    doExit(kernel, program, exitedStatus(127));
    return `${e.message}; the run stopped there`;
  }
}

/** The teaching warnings a finished run adds: every zombie still unreaped at the end. */
export function warnRemainingZombies(machine: Machine): void {
  const kernel = machine.kernel;
  for (const t of kernel.tasks.values()) {
    if (t.state === 'Z' && !t.kernelThread && t.parent && !t.parent.kernelThread) {
      kernel.warn('zombie-not-reaped', t, `process ${t.pid} exited but its parent ${t.parent.pid} never called wait() for it: it is still a zombie when the run ends`);
    }
  }
}

/** Runs a compiled image on a fresh machine (one that cannot even start is a result too: notStarted). */
export function runImage(image: ProgramImage, request: Omit<RunRequest, 'source'>): RunResult {
  let booted: ReturnType<typeof bootMachine>;
  try {
    booted = bootMachine(image, request);
  } catch (e) {
    if (e instanceof BootExecError) return notStarted(image, e);
    throw e;
  }
  const { machine, program } = booted;
  const kernel = machine.kernel;
  let stopMessage = runMachine(machine, program);
  warnRemainingZombies(machine);
  const stdoutBytes = concatOutput(kernel.output.map((c) => c.bytes));
  const status = program.exitCode;
  const finished = program.state === 'Z' || program.state === 'X';
  const signal = finished && (status & 0x7f) !== 0 ? (status & 0x7f) : 0;
  const exit = {
    code: !finished ? -1 : signal ? 128 + signal : (status >> 8) & 0xff,
    signal: signal ? SIGNAL_NAMES[signal] ?? `SIG${signal}` : null,
  };
  const stopReason = kernel.stopReason ?? 'exited';
  if (!stopMessage) stopMessage = describeStop(stopReason, kernel);
  const f = kernel.fatalFault;
  if (f && !stopMessage) {
    stopMessage = `process ${f.pid} was killed by ${String(f.signal)} (${String(f.reason)}) at address 0x${BigInt.asUintN(64, BigInt(Math.trunc(Number(f.address)))).toString(16)}${f.line ? `, line ${f.line}` : ', outside the program\'s own functions (after main returned, or in code its stack no longer leads back to)'}`;
  }
  kernel.endRun(stopMessage);
  return {
    ok: true,
    diagnostics: [],
    diagnosticsText: '',
    stdout: new TextDecoder().decode(stdoutBytes),
    stdoutBytes,
    exit,
    stopReason,
    stopMessage,
    processes: programTasks(kernel)
      .map((t) => ({
        pid: t.pid,
        ppid: t.parent?.tgid ?? 0,
        command: t.comm,
        state: t.state === 'X' ? 'exited' : t.state === 'Z' ? 'zombie' : t.state === 'T' ? 'stopped' : t.state === 'R' ? 'running' : 'sleeping',
        exitCode: t.state === 'X' || t.state === 'Z' ? ((t.exitCode & 0x7f) ? null : (t.exitCode >> 8) & 0xff) : null,
        signal: (t.state === 'X' || t.state === 'Z') && (t.exitCode & 0x7f) ? SIGNAL_NAMES[t.exitCode & 0x7f] ?? null : null,
        reapedBy: t.reapedBy,
        reparentedTo: t.reparentedTo,
      })),
    stats: {
      ...kernel.memory.stats(),
      // what the `cat` of --stdout pipe cost is not the program's (kernel/pipe-cat.ts)
      ...(kernel.pipeCat ? { framesPeak: kernel.pipeCat.programFramesPeak } : {}),
      steps: kernel.steps - (kernel.pipeCat?.task.steps ?? 0),
      ...creations(kernel.counts),
      zombiesPeak: kernel.zombiesPeak,
      zombiesAtEnd: programTasks(kernel).filter((t) => t.state === 'Z').length,
      orphansReparented: programTasks(kernel).filter((t) => t.reparentedTo !== null).length,
    },
    warnings: kernel.warnings.items,
    trace: kernel.trace.events,
    traceDropped: kernel.trace.dropped,
    schedule: formatSchedule(kernel.schedule),
    program: { functions: userFunctions(image).map((fn) => ({ name: fn.name, line: fn.line })) },
    files: kernel.fs.listFiles().map(({ path, inode }) => ({
      path,
      size: inode.size,
      text: new TextDecoder().decode(inode.data.subarray(0, Math.min(inode.size, FILE_REPORT_BYTES))),
      truncated: inode.size > FILE_REPORT_BYTES,
    })),
  };
}

/** forks, vforks, other clones (threads included) and execs of the run, from the kernel's counts. */
/** The program's tasks, reaped or not, by pid: neither init and the shell nor the `cat` of --stdout pipe. */
function programTasks(kernel: Kernel): Task[] {
  return kernel.allTasks().filter((t) => !t.kernelThread && t !== kernel.pipeCat?.task);
}

function creations(counts: Kernel['counts']): { forks: number; vforks: number; clones: number; execs: number } {
  // the shell's exec of the program itself is not the program's
  return { forks: counts.forks, vforks: counts.vforks, clones: counts.clones, execs: Math.max(0, counts.execs - 1) };
}

/**
 * A run whose program the shell could not exec: as bash says it on the terminal (`sh: ./prog:
 * Argument list too long`) with exit status 126, and a sentence saying why.
 */
function notStarted(image: ProgramImage, e: BootExecError): RunResult {
  const why = e.errno === 'E2BIG'
    ? 'its arguments are longer than the kernel accepts (E2BIG)'
    : e.errno === 'ENOMEM'
      ? "its memory (its global and static variables) does not fit in the lab's memory (ENOMEM)"
      : `exec failed with ${e.errno}`;
  const text = `sh: ./${image.name}: ${strerrorText(ERRNO_BY_NAME[e.errno])}\n`;
  return {
    ...emptyResult(),
    stdout: text,
    stdoutBytes: new TextEncoder().encode(text),
    exit: { code: 126, signal: null },
    stopMessage: `the program could not start: ${why}`,
  };
}

/**
 * Why the run stopped, for people: which limit, and how to raise it; "endless loop" only when the
 * lab saw a process come back to the same state (the endless-loop probe), never for a long run.
 */
/** The stop reasons describeStop has words for. */
const STOPS_DESCRIBED = new Set<StopReason>(['step-limit', 'time-limit', 'endless-loop', 'output-limit', 'deadlock', 'cancelled']);

function describeStop(reason: StopReason, kernel: Machine['kernel']): string | null {
  if (!STOPS_DESCRIBED.has(reason)) return null;
  // formatted only here: the first toLocaleString of a process loads the locale (about 15 ms)
  const steps = kernel.steps.toLocaleString('en-US');
  const kept = 'what it printed until then is kept';
  switch (reason) {
    case 'step-limit':
      return `stopped after ${steps} steps, the step limit: the program did not finish within it (forklab run --max-steps N gives it more); ${kept}`;
    case 'time-limit':
      return `stopped after ${((kernel.options.timeLimitMs ?? 0) / 1000).toLocaleString('en-US')} s, the time limit, having run ${steps} steps (forklab run --time-limit S gives it more); ${kept}`;
    case 'endless-loop':
      return `stopped after ${steps} steps: an endless loop. ${kernel.stopDetail}; ${kept}`;
    case 'output-limit':
      return `stopped after ${kernel.options.maxOutputBytes.toLocaleString('en-US')} bytes of output (the output limit)`;
    case 'deadlock':
      return `stopped: every process is blocked for good (${kernel.stopDetail})`;
    case 'cancelled':
      return `cancelled after ${steps} steps: what the program did until then is shown`;
    default:
      return null;
  }
}

function concatOutput(chunks: Uint8Array[]): Uint8Array {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let i = 0;
  for (const c of chunks) {
    out.set(c, i);
    i += c.length;
  }
  return out;
}


export type { Diagnostic };

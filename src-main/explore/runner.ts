/**
 * One controlled execution for the explorer: the program runs on a fresh machine whose scheduler
 * asks a `Decider` which runnable task runs at every scheduling point, and each transition (a
 * task's run up to and including its next system call or visible library call) is reported with
 * its footprint (footprint.ts).
 *
 * A transition that only tried a call which blocked (wait with no zombie child, read of an empty
 * pipe) and changed nothing shared is reported as a blocked attempt, not as a transition: running
 * the task later does the same thing, so the explorer treats the task as disabled there.
 */
import { doExit } from '../kernel/exit.ts';
import { exitedStatus } from '../kernel/signals.ts';
import { BUILTIN_NAMES } from '../lang/builtins.ts';
import type { ProgramImage } from '../lang/image.ts';
import type { CpuContext } from '../kernel/context.ts';
import type { Kernel, KernelOptions, StopReason } from '../kernel/kernel.ts';
import { formatSchedule } from '../kernel/sched.ts';
import { SIGNAL_NAMES } from '../kernel/signals.ts';
import type { Task } from '../kernel/task.ts';
import { Trace } from '../kernel/trace.ts';
import { Machine, UnsupportedFunction } from '../vm/machine.ts';
import { seedFiles, type SeedFile } from '../vm/run.ts';
import { TLB_MASK, type Tlb } from '../vm/tlb.ts';
import { Footprint } from './footprint.ts';
import { PipeNames, addChanges, addReads, addWritePipeReads, latin1, livingProcesses, memoryOwner, snapshot, type Snapshot } from './observe.ts';

/** The run options the explorer honours (those of `forklab run` that do not pick a schedule). */
export interface ExploreRunOptions {
  args?: string[];
  stdin?: string | Uint8Array;
  stdoutPipe?: boolean;
  pageSize?: number;
  forkCopy?: 'cow' | 'eager';
  maxSteps?: number;
  nprocLimit?: number;
  /** files in the run's file system before the program starts (vm/run.ts SeedFile) */
  files?: SeedFile[];
}

/** One transition of the run. */
export interface Transition {
  pid: number;
  footprint: Footprint;
  /** tasks this transition created (fork, vfork, clone) */
  created: number[];
  /**
   * Objects whose change by another task is what let this transition happen (the zombie a wait
   * reaped: without its exit the wait would have blocked), so that order cannot be reversed.
   */
  enabledBy: string[];
}

/** The explorer's side of a run. */
/** What `Decider.choose` may answer instead of a pid: finish the run without further decisions. */
export const FINISH_FREELY = -1;

export interface Decider {
  /**
   * Picks the task to run at decision point `index` among `runnable` (pids); null abandons the
   * run; FINISH_FREELY lets it run to its end (first runnable task first) without being observed.
   */
  choose(index: number, runnable: readonly number[], stateKey: () => string | null): number | null;
  /** `pid` tried to run at decision point `index` and blocked without changing anything shared. */
  blocked(index: number, pid: number): void;
  /** The transition chosen at decision point `index` has finished. */
  transition(index: number, t: Transition): void;
}

export interface ControlledResult {
  /** false when the decider abandoned the run */
  finished: boolean;
  stdout: string;
  exit: { code: number; signal: string | null };
  stopReason: StopReason;
  schedule: string;
  /** the program looked at pid values (printed a number equal to a child's pid, asked getpid, ran ps) */
  pidsObserved: boolean;
  /** the decider let the run finish unobserved (the search's budget ran out during it) */
  free: boolean;
}

/** The same environment `runProgram` gives programs, so that replays are step-exact. */
const DEFAULT_ENV = ['HOME=/home/student', 'PATH=/bin:/usr/bin', 'USER=student', 'SHELL=/bin/sh', 'TERM=xterm'];

/** Library functions that touch only the calling process (no slice ends at them). */
const LOCAL_CALLS = new Set<string>([
  'sprintf', 'snprintf', 'setvbuf', 'setbuf',
  'atoi', 'atol', 'atoll', 'strtol', 'strtoul', 'strtoll', 'strtoull', 'abs', 'labs', 'llabs', 'rand', 'srand',
  'getenv', 'setenv', 'unsetenv',
  'strlen', 'strcpy', 'strncpy', 'strcat', 'strncat', 'strcmp', 'strncmp', 'strchr', 'strrchr', 'strstr',
  'memset', 'memcpy', 'memmove', 'memcmp', 'strerror', 'strnlen', 'memchr', 'strspn', 'strcspn', 'strpbrk',
  'isdigit', 'isalpha', 'isalnum', 'isspace', 'isupper', 'islower', 'ispunct', 'isprint', 'isxdigit',
  'toupper', 'tolower', 'getpid', 'gettid', 'getuid', 'time',
  'sigemptyset', 'sigfillset', 'sigaddset', 'sigdelset', 'sigismember', 'brk', 'sbrk', 'isatty',
  'vsprintf', 'vsnprintf', 'sscanf', 'vsscanf', 'strtod', 'strtof', 'atof',
  'alloca', '__lab_stack_save', '__lab_stack_restore', '__lab_sort_scratch', '__lab_sort_start', '__lab_sort_run',
  'sqrt', 'fabs', 'floor', 'ceil', 'trunc', 'round', 'fmod', 'fmin', 'fmax', 'exp', 'log', 'pow', 'sin', 'cos',
  'sqrtf', 'fabsf', 'floorf', 'ceilf', 'truncf', 'roundf', 'fmodf', '__lab_fpclassify', '__lab_signbit', '__lab_isinf',
]);

/** Calls that write to a descriptor (a failed pipe write raises SIGPIPE). */
const OUTPUT_CALLS = new Set<string>([
  'printf', 'fprintf', 'dprintf', 'puts', 'putchar', 'fputs', 'fputc', 'putc', 'fflush', 'perror', 'fwrite',
  'write', '__lab_flush_all', 'vprintf', 'vfprintf', 'vdprintf',
]);

/** Calls that format numbers (a pid printed is a pid observed). */
const FORMAT_CALLS = new Set<string>(['printf', 'fprintf', 'dprintf', 'sprintf', 'snprintf']);

/** Calls that look at pid values directly. */
const PID_CALLS = new Set<string>(['getpid', 'getppid', 'gettid', '__lab_ps']);

/** Calls whose arguments the footprint needs (a pid, a descriptor, waitpid's options). */
const ARG_CALLS = new Set<string>(['kill', 'waitpid', 'read']);

interface Slice {
  pid: number;
  task: Task;
  before: Snapshot;
  footprint: Footprint;
  /** the address space's name when the task shares it, else 0 */
  owner: number;
  /** pages of the shared address space read and written (tasks that share memory only) */
  pages: PageAccess | null;
  /** the slice called wait, or waitpid without WNOHANG */
  blockingWait: boolean;
  /** what the calls of the slice returned */
  results: string[];
  living: number;
  calls: string[];
}

/** Thrown through the kernel to abandon a run (not an Error: no stack to capture). */
class AbandonRun {}

interface PageAccess {
  reads: Set<number>;
  writes: Set<number>;
}

/**
 * Watches the pages a task touches through its TLB: every translation it fills while `target()`
 * is set is recorded, and pages filled for reading are cached read-only so that a later write
 * comes back through the slow path and is recorded too. The caller empties the TLB first.
 */
function watchPages(tlb: Tlb, target: () => PageAccess | null): void {
  const fillRead = tlb.fillRead.bind(tlb);
  const fillWrite = tlb.fillWrite.bind(tlb);
  tlb.fillRead = (vpn: number, address: number): DataView => {
    const view = fillRead(vpn, address);
    const pages = target();
    if (pages) {
      pages.reads.add(vpn);
      tlb.writable[vpn & TLB_MASK] = 0;
    }
    return view;
  };
  tlb.fillWrite = (vpn: number, address: number): DataView => {
    target()?.writes.add(vpn);
    return fillWrite(vpn, address);
  };
}

/** Runs `image` once under `decider`'s choices. */
export function runControlled(image: ProgramImage, options: ExploreRunOptions, decider: Decider): ControlledResult {
  const kernelOptions: Partial<KernelOptions> = {
    stdoutIsPipe: options.stdoutPipe,
    pageSize: options.pageSize,
    forkCopy: options.forkCopy,
    nprocLimit: options.nprocLimit,
    maxSteps: options.maxSteps,
    stdin: typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : options.stdin,
  };
  for (const key of Object.keys(kernelOptions) as (keyof KernelOptions)[]) {
    if (kernelOptions[key] === undefined) delete kernelOptions[key];
  }
  let index = 0;
  let slice: Slice | null = null;
  let machine!: Machine;
  const names = new PipeNames();
  let current: Snapshot | null = null;
  let pidsObserved = false;
  const watched = new WeakSet<Tlb>();
  const pageTarget = (): PageAccess | null => slice?.pages ?? null;

  /** Closes the slice that just ended: a blocked attempt, or a transition. */
  const finishSlice = (): void => {
    if (!slice) return;
    const s = slice;
    slice = null;
    const kernel = machine.kernel;
    const after = snapshot(kernel, names, s.pid);
    current = after;
    const changes = new Footprint();
    addChanges(changes, kernel, s.before, after);
    const task = s.task;
    const blockedNow = task.blockedCall !== null && (task.state === 'S' || task.state === 'D');
    if (blockedNow && changes.isLocal && (s.pages === null || s.pages.writes.size === 0)) {
      decider.blocked(index, s.pid);
      return;
    }
    const fp = s.footprint;
    for (const [key, access] of changes.accesses) fp.write(key, access.token);
    if (s.pages) {
      for (const vpn of s.pages.writes) fp.write(`mem:${s.owner}:${vpn}`);
      for (const vpn of s.pages.reads) if (!s.pages.writes.has(vpn)) fp.read(`mem:${s.owner}:${vpn}`);
      // the kernel writes a thread's memory behind the TLB as it ends (the tid word pthread_join waits on)
      if (task.state === 'Z' || task.state === 'X') fp.write(`mem:${s.owner}:*`);
    }
    if (fp.accesses.has(`sig:${s.pid}`) && s.calls.some((c) => OUTPUT_CALLS.has(c))) addWritePipeReads(fp, task, names);
    const created: number[] = [];
    for (const pid of after.tasks.keys()) if (!s.before.tasks.has(pid) && pid > s.before.maxPid) created.push(pid);
    // a blocking wait that reaped the only zombie it could have reaped was let through by that
    // child's exit: without it, the wait would have slept
    const enabledBy: string[] = [];
    if (s.blockingWait) {
      const zombies = [...s.before.tasks].filter(([, b]) => b.parent === s.pid && b.life.startsWith('Z'));
      const reaped = zombies.filter(([pid]) => !after.tasks.has(pid));
      const anyChild = fp.accesses.has(`zombies:${s.pid}`);
      if (reaped.length === 1 && (!anyChild || zombies.length === 1)) enabledBy.push(`life:${reaped[0][0]}`);
    }
    if (s.owner) historiesValid = false;
    if (historiesValid) {
      const own = histories.get(s.pid) ?? mix('', `start ${s.pid}`);
      for (const c of created) histories.set(c, mix(own, `child ${c}`));
      histories.set(s.pid, mix(own, historyEntry(s, after)));
    }
    decider.transition(index, { pid: s.pid, footprint: fp, created, enabledBy });
    index++;
  };

  let free = false;
  let lastRan: Task | null = null;
  /**
   * Each task's history: a hash of everything that came into it from outside (the results of
   * its calls, the bytes it read, the signals it took), from its creation. Runs are
   * deterministic, so equal histories mean equal registers and memory: with the kernel's shared
   * state, they identify the state without hashing memory. Not kept once tasks share memory.
   */
  const histories = new Map<number, string>();
  let historiesValid = true;
  let ttyHash = mix('', 'tty');
  let ttyChunksHashed = 0;
  const stateKey = (kernel: Kernel): string | null => {
    if (!historiesValid || !current) return null;
    const out = kernel.output;
    for (; ttyChunksHashed < out.length; ttyChunksHashed++) ttyHash = mix(ttyHash, latin1(out[ttyChunksHashed].bytes));
    const parts: string[] = [ttyHash, String(current.tin), String(current.maxPid), current.fs];
    for (const [pid, t] of current.tasks) parts.push(`${pid}|${histories.get(pid) ?? '-'}|${t.life}|${t.parent}|${t.sig}|${t.kids}|${t.comm}`);
    for (const [name, pipe] of current.pipes) parts.push(`${name}|${pipe.ends}|${pipe.bytes.join(',')}`);
    return hash64(parts.join('\n'));
  };
  const chooser = (runnable: readonly Task[]): Task => {
    if (free) {
      lastRan = lastRan && runnable.includes(lastRan) ? lastRan : runnable[0];
      return lastRan;
    }
    finishSlice();
    const pid = decider.choose(index, runnable.map((t) => t.pid), () => stateKey(machine.kernel));
    if (pid === null) throw new AbandonRun();
    if (pid === FINISH_FREELY) {
      free = true;
      slice = null;
      lastRan = runnable[0];
      return lastRan;
    }
    const task = runnable.find((t) => t.pid === pid);
    if (!task) throw new Error(`internal error: the explorer chose ${pid}, which cannot run`);
    const kernel = machine.kernel;
    current ??= snapshot(kernel, names, 0);
    const owner = memoryOwner(kernel, task);
    let pages: PageAccess | null = null;
    if (owner) {
      const tlb = machine.tlbOf(task);
      if (!watched.has(tlb)) {
        watched.add(tlb);
        watchPages(tlb, pageTarget);
      }
      tlb.tag.fill(-1);
      pages = { reads: new Set(), writes: new Set() };
    }
    slice = {
      pid,
      task,
      before: current,
      footprint: new Footprint(),
      owner,
      pages,
      blockingWait: false,
      results: [],
      living: livingProcesses(kernel),
      calls: [],
    };
    return task;
  };

  machine = new Machine({ ...kernelOptions, chooser });
  const kernel = machine.kernel;
  // the explorer reads the kernel's state, not its trace: a trace that keeps nothing costs nothing
  (kernel as unknown as { trace: Trace }).trace = new Trace(0);
  const original = machine.builtin.bind(machine);
  machine.builtin = (ctx: CpuContext, id: number, nargs: number, kinds: number): boolean => {
    const name = BUILTIN_NAMES[id] ?? '';
    if (!pidsObserved && (PID_CALLS.has(name) || (FORMAT_CALLS.has(name) && printsChildPid(machine, nargs, kinds)))) {
      pidsObserved = true;
    }
    const s = slice;
    if (!s) return original(ctx, id, nargs, kinds);
    if (free) {
      original(ctx, id, nargs, kinds);
      return false;
    }
    const local = LOCAL_CALLS.has(name) && !s.owner;
    if (!local) {
      const args = ARG_CALLS.has(name) ? machine.callFor(s.task, nargs, kinds) : null;
      const arg0 = args && nargs > 0 ? args.i32(0) : 0;
      const arg2 = args && nargs > 2 ? args.i32(2) : 0;
      s.calls.push(name);
      if (name === 'wait' || (name === 'waitpid' && !(arg2 & 1))) s.blockingWait = true;
      addReads(s.footprint, kernel, s.task, { name, arg0, arg2 }, s.living, names);
    }
    // the kernel preempts after every call when the explorer chooses (preemptsAtSyscalls), so
    // the machine always ends the slice here; a call that touches only the caller goes on
    original(ctx, id, nargs, kinds);
    const task = s.task;
    // what the call returned (the top of the evaluation stack), for the task's history
    if (!local) s.results.push(ctx.esp > 0 ? `${ctx.evalI32[2 * (ctx.esp - 1)]}.${ctx.evalI32[2 * (ctx.esp - 1) + 1]}.${ctx.pc}` : `.${ctx.pc}`);
    return local && task.state === 'R' && task.blockedCall === null && !kernel.needResched && !kernel.stopReason;
  };
  const argv = [`./${image.name}`, ...(options.args ?? [])];
  seedFiles(machine, options.files ?? []);
  const program = kernel.boot(image, argv, DEFAULT_ENV);
  let finished = true;
  try {
    kernel.run();
    if (!free) finishSlice();
  } catch (e) {
    if (e instanceof AbandonRun) finished = false;
    else if (e instanceof UnsupportedFunction) {
      kernel.stopReason = 'exited';
      doExit(kernel, program, exitedStatus(127));
    } else throw e;
  }
  const status = program.exitCode;
  const done = program.state === 'Z' || program.state === 'X';
  const signal = done && (status & 0x7f) !== 0 ? status & 0x7f : 0;
  // chunk by chunk (a character split across two writes decodes as one), not byte by byte
  const decoder = new TextDecoder();
  let stdout = '';
  for (const chunk of kernel.output) stdout += decoder.decode(chunk.bytes, { stream: true });
  stdout += decoder.decode();
  return {
    finished,
    stdout,
    exit: {
      code: !done ? -1 : signal ? 128 + signal : (status >> 8) & 0xff,
      signal: signal ? SIGNAL_NAMES[signal] ?? `SIG${signal}` : null,
    },
    stopReason: kernel.stopReason ?? 'exited',
    schedule: formatSchedule(kernel.schedule),
    pidsObserved,
    free,
  };
}

/** True when an argument of the current formatting call equals the pid of a task the program made. */
function printsChildPid(machine: Machine, nargs: number, kinds: number): boolean {
  const kernel = machine.kernel;
  const task = kernel.current;
  if (!task) return false;
  const first = kernel.program.pid;
  const call = machine.callFor(task, nargs, kinds);
  for (let i = 0; i < nargs; i++) {
    const v = call.i32(i);
    if (v > first && (kernel.tasks.has(v) || kernel.released.some((t) => t.pid === v))) return true;
  }
  return false;
}

/**
 * One slice's entry in its task's history: its calls and their results, and how the shared state
 * it could have read changed (pipes drained, input consumed, children reaped, signals taken).
 */
function historyEntry(s: Slice, after: Snapshot): string {
  const parts = [s.calls.join(','), s.results.join(',')];
  const own = s.before.tasks.get(s.pid);
  const now = after.tasks.get(s.pid);
  parts.push(`${own?.sig ?? ''}>${now?.sig ?? ''}`, `${s.before.tin}>${after.tin}`);
  for (const [name, b] of s.before.pipes) {
    const a = after.pipes.get(name);
    if (!a || a.ends !== b.ends || a.bytes.length !== b.bytes.length) parts.push(`${name}:${b.bytes.join(' ')}>${a?.bytes.join(' ') ?? 'closed'}`);
  }
  for (const [pid, b] of s.before.tasks) {
    const a = after.tasks.get(pid);
    if (!a || a.life !== b.life || a.parent !== b.parent) parts.push(`${pid}:${b.life}>${a?.life ?? 'gone'}`);
  }
  return parts.join(';');
}

/** Folds `text` into the hash `h`. */
function mix(h: string, text: string): string {
  return hash64(h + '\u0000' + text);
}

/** A 64-bit hash of `text` (two independent 32-bit multiplicative lanes), as 16 hex digits. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

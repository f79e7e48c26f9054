/**
 * One controlled execution for the explorer: the program runs on a fresh machine whose scheduler
 * asks a `Decider` which runnable task runs at every scheduling point, and each transition (a
 * task's run from one scheduling point to the next: up to and including its next system call or
 * visible library call, or until it blocks, stops or exits) is reported with its footprint
 * (footprint.ts), the objects it read and wrote.
 *
 * A choice where the task only tried a call that blocked (a wait with no zombie child, a read of
 * an empty pipe) and changed nothing else is a blocked attempt, not a transition: the task is
 * disabled in that state, and running it later does the same thing. That holds only when nothing
 * can tell "blocked in the call" from "about to make it": not when the task catches a signal (a
 * handler interrupts a blocked call with EINTR), not for sleep and pause (the clock or a signal
 * ends them), and not when the program runs ps (it shows who sleeps); those are transitions.
 *
 * Which zombie: a wait for any child (`wait(NULL)`, `waitpid(-1, NULL, 0)`) whose result the
 * program only tests for being positive (`while (wait(NULL) > 0)`) reaps some zombie child, and
 * the program cannot tell which: the reaping is like taking one from a counter that exits add
 * to. Its footprint then says so (it reads no child's life and writes no child's; exits and such
 * reaps commute), so that the search does not try every order in which a parent could reap its
 * children, k! of them, when none changes the output. That holds while nothing else shows which
 * children are left: a wait with a status or whose result is used, waitpid for one child, kill,
 * ps. A run that makes such a call says so (reapedChildShown) and the search starts again with
 * every wait precise (waitsPrecise).
 *
 * The search (search.ts) tells the runner which decisions replay a known prefix: those run at
 * full speed, without observation.
 */
import { BUILTIN_NAMES } from '../lang/builtins.ts';
import type { ProgramImage } from '../lang/image.ts';
import type { CpuContext } from '../kernel/context.ts';
import type { Kernel, StopReason } from '../kernel/kernel.ts';
import { formatSchedule } from '../kernel/sched.ts';
import { SIGNAL_NAMES } from '../kernel/signals.ts';
import type { Task } from '../kernel/task.ts';
import type { Machine } from '../vm/machine.ts';
import { bootMachine, runMachine, type RunRequest } from '../vm/run.ts';
import { Footprint } from './footprint.ts';
import type { MmStruct } from '../kernel/mm/mm.ts';
import { PipeNames, addChanges, addReads, addWritePipeReads, livingProcesses, memoryOwner, pageKey, showsReapedChild, snapshot, type Snapshot } from './observe.ts';
import { Op, OPERANDS } from '../lang/isa.ts';
import { StateHasher, type MmHashes } from './state-hash.ts';

/** How to run the program (the engine's request, vm/run.ts; its schedule-picking options unused). */
export interface ExploreRunOptions extends Omit<RunRequest, 'source' | 'policy' | 'seed' | 'quantum' | 'schedule'> {
  /** every blocked attempt is a transition (the program shows which tasks sleep: ps) */
  blockingVisible?: boolean;
  /** every wait reads and writes the children it looks at (the program shows which it reaped: see the header) */
  waitsPrecise?: boolean;
}

/** One transition of the run. */
export interface Transition {
  pid: number;
  footprint: Footprint;
  /** tasks this transition created (fork, vfork, clone) */
  created: number[];
  /**
   * true when the clock jumped just before this transition (every task slept, the first timer
   * was due)
   */
  afterClockJump: boolean;
  /**
   * Objects whose change by another task is what let this transition happen at all: the zombie a
   * wait reaped when it could reap no other child (waitpid for that child, or its only child).
   * The two can never be enabled together, so their order is not a race to try the other way.
   */
  enabledBy: string[];
}

/** What `Decider.choose` may answer instead of a pid: finish the run without further decisions. */
export const FINISH_FREELY = -1;

/** The state at a decision point, computed only when asked (hashing costs). */
export interface StateView {
  /** the state's content hash (state-hash.ts) */
  key(): string;
  /** the hashes of its address spaces, to adopt when a later run replays to this state */
  mmHashes(): MmHashes;
  /** takes the address-space hashes an earlier run computed at this same state */
  adopt(hashes: MmHashes): void;
}

/** The explorer's side of a run. */
export interface Decider {
  /**
   * Picks the task to run at decision point `index` among `runnable` (pids); null abandons the
   * run; FINISH_FREELY lets it run to its end (first runnable task first) without being observed.
   */
  choose(index: number, runnable: readonly number[], state: StateView): number | null;
  /** The transition chosen at decision point `index` has finished. */
  transition(index: number, t: Transition): void;
  /** The task chosen at decision point `index` only blocked (see the header); choose is asked again. */
  blocked(index: number, pid: number): void;
  /** True for decision points the search knows already (their transitions are not observed). */
  known(index: number): boolean;
  /** At a known decision point: true when the task just chosen replays a blocked attempt. */
  replaysAttempt(index: number): boolean;
}

/** Calls that may block until another task acts, and whose blocked attempt changes nothing. */
const WAITING_CALLS = new Set<string>([
  'wait', 'waitpid', 'wait3', 'wait4', 'read', 'write', '__lab_futex_wait', 'getchar', 'fgetc', 'getc', 'fgets', 'scanf',
]);

export interface ControlledResult {
  /** false when the decider abandoned the run */
  finished: boolean;
  stdout: string;
  exit: { code: number; signal: string | null };
  stopReason: StopReason;
  schedule: string;
  /** the program looked at pid values (printed a number equal to a child's pid, ran ps) */
  pidsObserved: boolean;
  /** the program ran ps, which shows which tasks sleep */
  psUsed: boolean;
  /** the program made a call that shows which child a wait reaped (see the header) */
  reapedChildShown: boolean;
  /** the decider let the run finish unobserved (the search's budget ran out during it) */
  free: boolean;
  /** decision points the run went through */
  decisions: number;
}

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
  'sqrt', 'fabs', 'floor', 'ceil', 'trunc', 'round', 'fmod', 'fmin', 'fmax', 'exp', 'log', 'pow', 'sin', 'cos',
  'sqrtf', 'fabsf', 'floorf', 'ceilf', 'truncf', 'roundf', 'fmodf', '__lab_fpclassify', '__lab_signbit', '__lab_isinf',
  // the caller's own address space (a shared mapping's frames are watched as pages: observe.ts pageKey)
  'mmap', 'munmap', 'mprotect', 'getpagesize', 'sysconf',
]);

/**
 * Library functions that are only computation on the caller's memory, as if written in C: never
 * a point where another task may run, even for threads that share the memory (their page
 * accesses are watched like any other code's). glibc's allocator was C code of the runtime and
 * is now native (vm/libc/malloc): it must not add choices to the search.
 */
const MEMORY_ONLY_CALLS = new Set<string>([
  'malloc', 'free', 'calloc', 'realloc', 'alloca', '__lab_stack_save', '__lab_stack_restore', '__lab_mmap', '__lab_munmap',
  '__lab_sort_scratch', '__lab_sort_start', '__lab_sort_run',
]);

/** Calls that write to a descriptor (a failed pipe write raises SIGPIPE). */
const OUTPUT_CALLS = new Set<string>([
  'printf', 'fprintf', 'dprintf', 'puts', 'putchar', 'fputs', 'fputc', 'putc', 'fflush', 'perror', 'fwrite',
  'write', '__lab_flush_all', 'vprintf', 'vfprintf', 'vdprintf',
]);

/** Calls that format numbers (a pid printed is a pid observed). */
const FORMAT_CALLS = new Set<string>(['printf', 'fprintf', 'dprintf', 'sprintf', 'snprintf']);

/** Calls that show pid values themselves. */
const PID_CALLS = new Set<string>(['__lab_ps']);

/** Calls that return a pid to the caller (fork returns the child's, wait the reaped one's). */
const PID_RESULTS = new Set<string>(['fork', 'vfork', 'clone', 'getpid', 'getppid', 'gettid', 'wait', 'waitpid', 'wait3', 'wait4']);

/** Calls whose arguments the footprint needs (a pid, a descriptor, waitpid's options). */
const ARG_CALLS = new Set<string>(['kill', 'waitpid', 'wait4', 'read', 'setpgid']);

/** Calls that set a timer: their order decides which task the clock wakes first. */
const TIMER_CALLS = new Set<string>(['sleep', 'usleep', 'nanosleep', 'alarm']);

interface Slice {
  pid: number;
  task: Task;
  before: Snapshot;
  footprint: Footprint;
  /** the address space's name when the task shares it, else 0 */
  owner: number;
  /** pages of the shared address space read and written (tasks that share memory only) */
  pages: PageAccess | null;
  living: number;
  calls: string[];
  afterClockJump: boolean;
  /** the pid argument of the wait the slice made (-1: any child), or null when it made none */
  waitPid: number | null;
  /** the task's own part before the slice (state-hash.ts), in case the slice is a blocked attempt */
  ownBefore: [number, number];
  /** the slice's wait reaps whichever zombie child, and the program cannot tell which (see the header) */
  anyZombie: boolean;
}

/** Thrown through the kernel to abandon a run (not an Error: no stack to capture). */
class AbandonRun {}

/** The footprint keys of the pages a slice read and wrote (observe.ts pageKey). */
interface PageAccess {
  reads: Set<string>;
  writes: Set<string>;
}

/** Runs `image` once under `decider`'s choices. */
export function runControlled(image: ProgramImage, options: ExploreRunOptions, decider: Decider): ControlledResult {
  let index = 0;
  let slice: Slice | null = null;
  /** the task of the slice being replayed without observation, if any */
  let replayed: Task | null = null;
  let machine!: Machine;
  let hasher!: StateHasher;
  const names = new PipeNames();
  let current: Snapshot | null = null;
  let pidsObserved = false;
  let maxPid = 0;
  /** kernel.time - kernel.steps changes only when the clock jumps */
  let clockOffset = 0;

  /** Notes what the task that just ran may have changed (its memory, the pids in use). */
  const afterRun = (task: Task): void => {
    hasher.touched(task);
    for (const pid of machine.kernel.tasks.keys()) if (pid > maxPid) maxPid = pid;
  };

  /** Closes the slice that just ended and reports its transition (or blocked attempt). */
  const finishSlice = (): void => {
    if (replayed) {
      afterRun(replayed);
      if (replayingAttempt) hasher.blockedAttempt(replayed, replayedOwnBefore!);
      else index++;
      replayed = null;
      current = null;
      return;
    }
    if (!slice) return;
    const s = slice;
    slice = null;
    afterRun(s.task);
    const kernel = machine.kernel;
    const after = snapshot(kernel, names, s.pid);
    current = after;
    const changes = new Footprint();
    addChanges(changes, kernel, s.before, after);
    if (isBlockedAttempt(s, changes)) {
      hasher.blockedAttempt(s.task, s.ownBefore);
      decider.blocked(index, s.pid);
      return;
    }
    const fp = s.footprint;
    for (const [key, access] of changes.accesses) {
      if (access.write) fp.write(key, access.token);
      if (access.read) fp.read(key);
    }
    if (s.pages) {
      for (const key of s.pages.writes) fp.write(key);
      for (const key of s.pages.reads) if (!s.pages.writes.has(key)) fp.read(key);
      // the kernel writes a thread's memory behind the TLB as it ends (the tid word pthread_join waits on)
      const task = s.task;
      if (task.state === 'Z' || task.state === 'X') fp.write(`mem:${s.owner}:*`);
    }
    if (fp.accesses.has(`sig:${s.pid}`) && s.calls.some((c) => OUTPUT_CALLS.has(c))) addWritePipeReads(fp, s.task, names);
    if (s.anyZombie) reapedAnyZombie(s, after, fp);
    const created: number[] = [];
    for (const pid of after.tasks.keys()) if (!s.before.tasks.has(pid) && pid > s.before.maxPid) created.push(pid);
    decider.transition(index, { pid: s.pid, footprint: fp, created, afterClockJump: s.afterClockJump, enabledBy: reapedOnly(s, after) });
    index++;
  };

  /** True when the slice only tried a waiting call that blocked, and nothing can tell (see the header). */
  const isBlockedAttempt = (s: Slice, changes: Footprint): boolean => {
    const task = s.task;
    if (options.blockingVisible || task.blockedCall === null || (task.state !== 'S' && task.state !== 'D')) return false;
    if (s.calls.length !== 1 || !WAITING_CALLS.has(s.calls[0])) return false;
    if (s.pages !== null && s.pages.writes.size > 0) return false;
    for (const [key, access] of changes.accesses) if (access.read || key !== `run:${s.pid}`) return false;
    return !catchesSignals(task);
  };

  let free = false;
  let replayingAttempt = false;
  let replayedOwnBefore: [number, number] | null = null;
  let psUsed = false;
  let reapedChildShown = false;
  const pidsSeen = new PidsSeen();
  let lastRan: Task | null = null;
  /** the task of the current slice shares its memory (threads, vfork): every call ends its slice */
  let sliceShared = false;
  const state: StateView = {
    key: () => hasher.key(maxPid),
    mmHashes: () => hasher.exportMms(),
    adopt: (hashes) => hasher.adopt(hashes),
  };
  const chooser = (runnable: readonly Task[]): Task => {
    if (free) {
      lastRan = lastRan && runnable.includes(lastRan) ? lastRan : runnable[0];
      return lastRan;
    }
    finishSlice();
    const kernel = machine.kernel;
    const offset = kernel.time - kernel.steps;
    const jumped = offset !== clockOffset;
    clockOffset = offset;
    const known = decider.known(index);
    const pid = decider.choose(index, runnable.map((t) => t.pid), state);
    if (pid === null) throw new AbandonRun();
    if (pid === FINISH_FREELY) {
      free = true;
      lastRan = runnable[0];
      return lastRan;
    }
    const task = runnable.find((t) => t.pid === pid);
    if (!task) throw new Error(`internal error: the explorer chose ${pid}, which cannot run`);
    const owner = memoryOwner(kernel, task);
    sliceShared = owner !== 0;
    if (known) {
      replayed = task;
      replayingAttempt = decider.replaysAttempt(index);
      replayedOwnBefore = replayingAttempt ? hasher.ownPart(task) : null;
      hasher.running(task);
      return task;
    }
    const ownBefore = hasher.ownPart(task);
    hasher.running(task);
    current ??= snapshot(kernel, names, 0);
    let pages: PageAccess | null = null;
    if (owner) {
      // the engine reports the pages the task touches from here on (tlb.ts pageWatch)
      const access: PageAccess = { reads: new Set(), writes: new Set() };
      const tlb = machine.tlbOf(task);
      const mm = task.mm as MmStruct;
      tlb.pageWatch = (vpn, write) => (write ? access.writes : access.reads).add(pageKey(mm, owner, vpn));
      tlb.flush();
      pages = access;
    }
    const footprint = new Footprint();
    // the task takes its pending signals as it returns to user mode, before anything else
    footprint.read(`sig:${pid}`);
    slice = {
      pid, task, before: current, footprint, owner, pages, ownBefore,
      living: livingProcesses(kernel), calls: [], afterClockJump: jumped, waitPid: null, anyZombie: false,
    };
    return task;
  };

  const booted = bootMachine(image, options, { chooser, trace: 'none' });
  machine = booted.machine;
  const program = booted.program;
  const kernel = machine.kernel;
  hasher = new StateHasher(kernel);
  machine.callObserver = {
    before(task, id, nargs, kinds) {
      const name = BUILTIN_NAMES[id] ?? '';
      if (!pidsObserved && (PID_CALLS.has(name) || (FORMAT_CALLS.has(name) && printsPidSeen(machine, pidsSeen.of(task), nargs, kinds)))) {
        pidsObserved = true;
      }
      if (name === '__lab_ps') psUsed = true;
      const reaps = REAP_CALLS.has(name) && !options.waitsPrecise;
      const shows = reaps && showsReaped(task, name, nargs, kinds);
      if (shows) reapedChildShown = true;
      const s = slice;
      if (free || !s || (LOCAL_CALLS.has(name) && !sliceShared) || MEMORY_ONLY_CALLS.has(name)) return;
      const args = ARG_CALLS.has(name) ? machine.callFor(s.task, nargs, kinds) : null;
      const arg0 = args && nargs > 0 ? args.i32(0) : 0;
      const arg2 = args && nargs > 2 ? args.i32(2) : 0;
      s.calls.push(name);
      if (name === 'wait' || name === 'wait3') s.waitPid = -1;
      else if (name === 'waitpid' || name === 'wait4') s.waitPid = arg0;
      s.anyZombie = reaps && !shows && (name === 'wait' || name === 'waitpid');
      if (TIMER_CALLS.has(name)) s.footprint.write('timers');
      addReads(s.footprint, kernel, s.task, { name, arg0, arg2 }, s.living, names);
    },
    after(task, id, ctx) {
      const name = BUILTIN_NAMES[id] ?? '';
      if (name === 'pipe') namePipes(task);
      if (PID_RESULTS.has(name)) pidsSeen.noteResult(kernel, task, ctx);
      // every call that others can see is a scheduling point; one that touches only the caller
      // goes on (decided the same way when the slice is replayed, so that slices end at the same calls)
      const local = LOCAL_CALLS.has(name) && !sliceShared;
      return !free && local && task.state === 'R' && task.blockedCall === null && !kernel.needResched && !kernel.stopReason;
    },
  };
  /** Whether `task`'s call `name` (about to run) shows which child a wait reaped (observe.ts). */
  const showsReaped = (task: Task, name: string, nargs: number, kinds: number): boolean => {
    const ctx = task.ctx;
    if (ctx.image.code[ctx.pc] !== Op.CALL_BUILTIN) return true;
    return showsReapedChild(name, ctx.image, ctx.pc + 1 + OPERANDS[Op.CALL_BUILTIN], machine.callFor(task, nargs, kinds));
  };
  /** Names the pipes a task just made after it ("pid.n"), the same in every run. */
  const namePipes = (task: Task): void => {
    for (const e of task.files.fds) if (e?.file.pipe) names.nameOf(e.file.pipe, task.pid);
  };
  clockOffset = kernel.time - kernel.steps;
  let finished = true;
  try {
    runMachine(machine, program);
    if (!free) finishSlice();
  } catch (e) {
    if (!(e instanceof AbandonRun)) throw e;
    finished = false;
  }
  const status = program.exitCode;
  const done = program.state === 'Z' || program.state === 'X';
  // the machine is done with: the next run's takes its frames' storage
  kernel.memory.phys.recycle();
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
    psUsed,
    reapedChildShown,
    free,
    decisions: index,
  };
}

/**
 * A wait that reaped whichever zombie child (Slice.anyZombie): its footprint forgets which child
 * it looked at and reaped, and keeps that it took one zombie of its task's.
 */
function reapedAnyZombie(s: Slice, after: Snapshot, fp: Footprint): void {
  const kids = s.before.tasks.get(s.pid)?.kids.split(',').filter(Boolean).map(Number) ?? [];
  const reaped = kids.filter((c) => !after.tasks.has(c) && s.before.tasks.get(c)?.life.startsWith('Z'));
  if (reaped.length !== 1 || s.calls.length !== 1) return;
  for (const [key, access] of [...fp.accesses]) if (key.startsWith('life:') && !access.write) fp.accesses.delete(key);
  fp.accesses.delete(`life:${reaped[0]}`);
  fp.accesses.delete(`zombies:${s.pid}`);
  fp.write(`zombies:${s.pid}`, '-');
}

/** Calls whose use shows, or depends on, which of its zombie children a wait reaped. */
const REAP_CALLS = new Set<string>(['wait', 'waitpid', 'wait3', 'wait4', 'waitid', 'kill', '__lab_ps', 'killpg', 'setpgid', 'getpgid', 'getpgrp', 'getsid']);

/**
 * The zombie a wait of the slice reaped when it could have reaped no other (waitpid for it, or
 * the parent's only child), as the object whose change enabled the wait (Transition.enabledBy).
 */
function reapedOnly(s: Slice, after: Snapshot): string[] {
  if (s.waitPid === null) return [];
  const kids = s.before.tasks.get(s.pid)?.kids.split(',').filter(Boolean).map(Number) ?? [];
  const reaped = kids.filter((c) => !after.tasks.has(c) && s.before.tasks.get(c)?.life.startsWith('Z'));
  if (reaped.length !== 1) return [];
  const c = reaped[0];
  return s.waitPid === c || (s.waitPid <= 0 && kids.length === 1) ? [`life:${c}`] : [];
}

/** True when the task runs a handler of its own for some signal (one could interrupt a blocked call). */
function catchesSignals(task: Task): boolean {
  const actions = task.sighand.actions;
  for (let sig = 1; sig < actions.length; sig++) if (actions[sig].handler > 1) return true;
  return false;
}

/**
 * The pid values each process has been handed (by fork, wait, getpid, getppid): a number it
 * prints that is one of them is taken for a pid (a light taint: a pid computed with, or passed
 * through a pipe, is not followed). A child starts with its parent's values; threads share theirs.
 */
class PidsSeen {
  private readonly byProcess = new Map<number, Set<number>>();

  /** The values the process of `task` has been handed. */
  of(task: Task): Set<number> {
    let set = this.byProcess.get(task.tgid);
    if (!set) {
      set = new Set(task.parent ? this.byProcess.get(task.parent.tgid) : undefined);
      this.byProcess.set(task.tgid, set);
    }
    return set;
  }

  /** `task` just returned from a call that returns a pid (the top of its evaluation stack). */
  noteResult(kernel: Kernel, task: Task, ctx: CpuContext): void {
    if (task.state === 'Z' || task.state === 'X' || task.blockedCall !== null || ctx.esp === 0) return;
    const value = ctx.evalI32[2 * (ctx.esp - 1)];
    if (value <= 0) return;
    this.of(task).add(value);
    // a new child starts with what its parent had seen (its own pid comes with getpid)
    const child = kernel.tasks.get(value);
    if (child && child.parent === task && !this.byProcess.has(child.tgid)) this.byProcess.set(child.tgid, new Set(this.of(task)));
  }
}

/** True when an argument of the current formatting call is a pid the printing process was handed (other than its own program's first one). */
function printsPidSeen(machine: Machine, seen: Set<number>, nargs: number, kinds: number): boolean {
  const kernel = machine.kernel;
  const task = kernel.current;
  if (!task || seen.size === 0) return false;
  const first = kernel.program.pid;
  const call = machine.callFor(task, nargs, kinds);
  for (let i = 0; i < nargs; i++) {
    const v = call.i32(i);
    if (v > first && seen.has(v)) return true;
  }
  return false;
}

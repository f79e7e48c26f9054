/**
 * The simulated kernel: its state (the process table, the run queue, memory, the terminal, the
 * trace) and boot. The machine (vm/machine.ts) plugs in the CPU. What the kernel does lives in
 * a file per part, as in Linux:
 *
 *   fork.ts        kernel_clone / copy_process          exec.ts    execve
 *   exit.ts        do_exit, exit_notify, release_task   wait.ts    wait4
 *   sched-core.ts  the scheduler loop, sleep and wake   sched.ts   policies and schedules
 *   signal.ts      sending and delivering signals       time.ts    the clock, nanosleep, alarm
 *   fs.ts          descriptors and pipes                tty.ts     the terminal
 *   sys.ts         getpid, prctl, rlimits, brk          futex.ts   futexes
 *
 * Boot creates init (pid 1) and a shell (pid 2), both kernel threads written in TypeScript, and
 * runs the student's program as the shell's child (pid 3), the way a terminal would.
 */
import type { ProgramImage } from '../lang/image.ts';
import type { CpuContext } from './context.ts';
import { FdTable, newOpenFile, type OpenFile } from './files.ts';
import { countCatFrames, startPipeCat, stdoutPipe, type PipeCat } from './pipe-cat.ts';
import { HOME, RamFs, STUDENT } from './ramfs.ts';
import { traceFdTable, traceFile } from './fs.ts';
import type { Fault } from './mmu.ts';
import type { SigHand, Task } from './task.ts';
import { PF_FORKNOEXEC } from './task.ts';
import { Trace, type EventDetails, type TraceEvent, type TraceKeep, type TraceKind } from './trace.ts';
import { O_RDWR, SIGCHLD } from './uapi.ts';
import { AddressSpaces, type Mm } from './memory.ts';
import { newSigHand } from './signal.ts';
import { Op, codeAddress, codeIndex } from '../lang/isa.ts';
import { execImage, type ExecError } from './exec.ts';
import { releaseTask } from './exit.ts';
import { schedule, wakeUp } from './sched-core.ts';
import { seededRandom, type Policy, type ScheduleEntry } from './sched.ts';
import type { OutputChunk, Terminal } from './tty.ts';
import { Warnings, type WarningKind } from './warnings.ts';
import { mmEventDetails, mmSnapshot } from './mm-trace.ts';
import type { MmEvent } from './mm/events.ts';
import { userLine } from './inspect.ts';
import { MAX_FRAMES, framesFor } from './budgets.ts';

/**
 * Why run() returned. 'cancelled': `interrupted` said so; 'paused': a replay reached the trace
 * position it was asked for (pauseAfterEvents).
 */
/**
 * The most events the kernel may record between two slices of the CPU: far more than any system
 * call makes, so only a kernel loop that never ends reaches it (KernelRunaway stops the run).
 */
export const MAX_EVENTS_PER_SLICE = 5_000_000;

/** The kernel did more work than any step of a program can ask for: the run is stopped, the host goes on. */
export class KernelRunaway extends Error {
  constructor() {
    super(`the lab's kernel stopped this run: it did more than ${MAX_EVENTS_PER_SLICE.toLocaleString('en-US')} things without running the program (an internal error of the lab; please report it)`);
    this.name = 'KernelRunaway';
  }
}

/**
 * The shell's exec of the program failed at boot (arguments larger than ARG_MAX: E2BIG; a
 * program whose memory does not fit the machine: ENOMEM): nothing of the program ran.
 */
export class BootExecError extends Error {
  constructor(readonly errno: ExecError) {
    super(`cannot start the program: ${errno}`);
    this.name = 'BootExecError';
  }
}

export type StopReason = 'exited' | 'step-limit' | 'time-limit' | 'endless-loop' | 'deadlock' | 'output-limit' | 'cancelled' | 'paused' | 'kernel-limit';
export type { OutputChunk } from './tty.ts';

/**
 * The default step budget: enough for ordinary programs (a 200×200 matrix multiply takes 170
 * million steps, a merge sort of 100,000 numbers 85 million, qsort 30 million), a few seconds of
 * the host's time for a program that never ends (an endless loop is seen much sooner: machine.ts).
 */
export const DEFAULT_MAX_STEPS = 500_000_000;
/** The default RLIMIT_NPROC: a loop of 8 forks (256 processes) runs as on Linux; a fork bomb meets it. */
export const DEFAULT_NPROC = 512;

export interface KernelOptions {
  pageSize: number;
  /** frames of physical memory (at most budgets.ts framesFor(pageSize): 128 MiB) */
  maxFrames: number;
  /** instruction budget of the whole run */
  maxSteps: number;
  /** wall-clock budget of the run in milliseconds, or null for none ('time-limit' when it runs out) */
  timeLimitMs: number | null;
  /** bytes of terminal output before the run is stopped */
  maxOutputBytes: number;
  /** RLIMIT_NPROC: processes the user may have */
  nprocLimit: number;
  stdin: Uint8Array;
  /** stdout of the program is a pipe (fully buffered) rather than the terminal */
  stdoutIsPipe: boolean;
  forkCopy: 'cow' | 'eager';
  /** steps a task may run before the scheduler looks at others */
  quantum: number;
  /** RLIMIT_CORE in bytes: 0 (no core dumps) as on most Linux systems */
  coreLimit: number;
  /** the scheduler's policy (sched.ts) and the random policy's seed */
  policy: Policy;
  seed: number;
  /** a recorded schedule to replay instead of the policy, or null */
  replay: ScheduleEntry[] | null;
  /**
   * The schedule explorer's hand on the scheduler (src-main/explore), or null: when set, it picks
   * the next task among the runnable ones at every scheduling point (after the replay, if any).
   */
  chooser: ((runnable: readonly Task[]) => Task) | null;
  /**
   * Asked between time slices: true stops the run there ('cancelled'), keeping what ran (a job
   * cancelled from another thread, src-main/host/pool.ts), or null. It never changes a step.
   */
  interrupted: (() => boolean) | null;
  /**
   * A replay's stop (vm/replay.ts), or null: once the trace holds this many events the run stops
   * as soon as the instruction that raised the last of them is complete (stopReason 'paused').
   */
  pauseAfterEvents: number | null;
  /** which events the trace keeps (trace.ts TraceKeep); counters are kept whatever this says */
  trace: TraceKeep;
}

export const DEFAULT_KERNEL_OPTIONS: KernelOptions = {
  pageSize: 4096,
  maxFrames: MAX_FRAMES,
  maxSteps: DEFAULT_MAX_STEPS,
  timeLimitMs: null,
  maxOutputBytes: 1 << 20,
  nprocLimit: DEFAULT_NPROC,
  stdin: new Uint8Array(0),
  stdoutIsPipe: false,
  forkCopy: 'cow',
  quantum: 1_000_000,
  coreLimit: 0,
  policy: 'parent-first',
  seed: 1,
  replay: null,
  chooser: null,
  interrupted: null,
  pauseAfterEvents: null,
  trace: 'all',
};

/** The quantum of round-robin when none is given: short enough to interleave small programs. */
export const ROUND_ROBIN_QUANTUM = 200;

/** The CPU as the kernel sees it: runs a task for a while. */
export interface Cpu {
  run(task: Task, budget: number): { steps: number; fault: Fault | null; faultPc: number };
}

export class Kernel {
  readonly options: KernelOptions;
  /** zombies now and at most (the student's processes only) */
  zombies = 0;
  zombiesPeak = 0;
  /** tasks that are the kernel's own (init, the shell): not the user's processes */
  kernelThreadCount = 0;
  /** the process table: every task not yet reaped (pid → task) */
  readonly tasks = new Map<number, Task>();
  /** tasks that were reaped, in the order they left the table (for the run's report) */
  readonly released: Task[] = [];
  readonly trace: Trace;
  /** what happened, counted whatever the trace keeps (forks, vforks, other clones, execs) */
  readonly counts = { forks: 0, vforks: 0, clones: 0, execs: 0 };
  /** the first fault that killed a task (its signal), for the run's message */
  fatalFault: { pid: number; signal: number | string; reason: string; address: number; line: number | null } | null = null;
  readonly warnings = new Warnings();
  readonly memory: AddressSpaces;
  readonly output: OutputChunk[] = [];
  /** the id the next pipe gets (numbered per machine, so that a run's trace never depends on earlier runs) */
  nextPipeId = 1;
  outputBytes = 0;
  readonly terminal: Terminal;
  /** the number the next open file description gets (per run, for the trace) */
  nextFileId = 1;
  /** the terminal as an open file (descriptors 0, 1, 2 of the shell and its children) */
  readonly ttyFile: OpenFile = newOpenFile(this.nextFileId++, 'tty', O_RDWR, null, null, '/dev/tty');
  /** with --stdout pipe, the `cat` of `prog | cat` the shell started after the program (pipe-cat.ts), else null */
  pipeCat: PipeCat | null = null;
  /** the run's file system: programs, the home directory, /tmp, seeded files */
  readonly fs = new RamFs();
  steps = 0;
  /**
   * Steps of an endless loop the lab skipped instead of running them (counted in `steps` and
   * the clock, as the program did run them, but not against the step budget: they cost nothing)
   */
  skippedSteps = 0;
  /** simulated time, in nanoseconds */
  time = 0;
  /** the pid the next task gets (alloc_pid) */
  nextPid = 1;
  readonly runQueue: Task[] = [];
  current: Task | null = null;
  /** set by a system call that wants the scheduler to pick again (fork, yield, a wake-up) */
  needResched = false;
  stopReason: StopReason | null = null;
  /** why the run stopped, for people (deadlock: who waits for what) */
  stopDetail = '';
  cpu: Cpu | null = null;
  /** every scheduling decision of this run, for replay */
  readonly schedule: ScheduleEntry[] = [];
  /** the random policy's generator */
  readonly random: () => number;
  /** where a replay is: the recorded decision being followed and the steps run of it */
  readonly replayCursor = { index: 0, done: 0 };
  /**
   * Fault injection (Linux's should_fail): called at each step of copy_process with the step's
   * name; a negative errno makes that step fail. Tests use it to check the unwinding.
   */
  injectFault: ((step: string) => number) | null = null;
  init!: Task;
  shell!: Task;
  /** the student's program (the shell's child) */
  program!: Task;
  /** the student's program (booted by the shell): the only image whose lines the trace names */
  userImage: ProgramImage | null = null;
  /** the task the CPU ran last (a `switch` event is traced when it changes) */
  lastRan: Task | null = null;
  /**
   * A slice cut short by the step budget or a replay's pause: the task and the steps of its slice
   * still to run. Going on (a replay resumed) runs it first, for what is left, so that the run
   * interleaves as if it had not stopped.
   */
  unfinishedSlice: { task: Task; steps: number } | null = null;
  /** the task on whose behalf memory is being changed outside the CPU (exec, exit), if any */
  private actor: Task | null = null;
  /** every address space alive, by id (for the trace's memory events) */
  readonly liveMms = new Map<number, Mm>();
  /**
   * False while the CPU runs compiled code in a slice of several instructions, when task.ctx.pc
   * is where the slice began: events then carry no line rather than a wrong one. The machine
   * sets it; system calls and single steps see exact registers.
   */
  pcExact = true;

  constructor(options: Partial<KernelOptions> = {}) {
    this.options = { ...DEFAULT_KERNEL_OPTIONS, ...options };
    this.preempts = this.options.policy === 'random' || Boolean(this.options.chooser);
    this.trace = new Trace(undefined, this.options.trace);
    this.memory = new AddressSpaces(this.options.pageSize, Math.min(this.options.maxFrames, framesFor(this.options.pageSize)));
    this.terminal = { input: this.options.stdin, inputPos: 0 };
    this.random = seededRandom(this.options.seed);
    this.memory.phys.sink = (e) => this.traceMmEvent(e);
  }

  // ---------------------------------------------------------------- boot

  /**
   * Creates init and the shell, then starts `image` as the shell's child. The program is a file
   * of the working directory (so that it can exec ./NAME, itself).
   */
  boot(image: ProgramImage, argv: string[], envp: string[]): Task {
    this.fs.putFile(`${HOME}/${image.name}`, new Uint8Array(0), { uid: STUDENT, mode: 0o755, program: () => image });
    this.init = this.createKernelThread('init', null, (self) => this.initLoop(self));
    this.shell = this.createKernelThread('sh', this.init, (self) => this.shellLoop(self));
    const files = new FdTable();
    files.install(0, this.ttyFile);
    // --stdout pipe: the shell runs `prog | cat` (pipe-cat.ts)
    const pipe = this.options.stdoutIsPipe ? stdoutPipe(this) : null;
    files.install(1, pipe ? pipe.writeEnd : this.ttyFile);
    files.install(2, this.ttyFile);
    const task = this.allocTask(image.name, this.shell, files);
    const cat = pipe ? this.allocTask('cat', this.shell, pipe.catFiles) : null;
    // init and the shell lead sessions of their own; the shell puts the program (and the cat of
    // `prog | cat`) in a new process group of its session, as a job-control shell does
    for (const leader of [this.init, this.shell]) leader.signal = { ...leader.signal, pgid: leader.pid, sid: leader.pid, leader: true };
    for (const job of [task, ...(cat ? [cat] : [])]) job.signal = { ...job.signal, pgid: task.pid, sid: this.shell.pid };
    for (const t of [this.init, this.shell, task, ...(cat ? [cat] : [])]) {
      this.event(t, 'task-new', { ppid: t.parent?.tgid ?? 0, command: t.comm, mm: null, state: t.kernelThread ? 'S' : 'R' });
    }
    // the descriptors the shell gave it: the terminal (and stdout's pipe with --stdout pipe)
    traceFile(this, task, this.ttyFile);
    if (files.fds[1]!.file !== this.ttyFile) traceFile(this, task, files.fds[1]!.file);
    traceFdTable(this, files);
    const error = execImage(this, task, image, argv, envp);
    if (error) throw new BootExecError(error);
    this.program = task;
    this.userImage = image;
    wakeUp(this, task);
    if (cat) startPipeCat(this, cat, envp);
    return task;
  }

  private createKernelThread(comm: string, parent: Task | null, loop: (self: Task) => void): Task {
    const task = this.allocTask(comm, parent, new FdTable());
    task.kernelThread = loop;
    this.kernelThreadCount++;
    task.state = 'S';
    task.waitingFor = { kind: 'child', pid: -1 };
    return task;
  }

  /** A task at boot: a new task struct with the next pid, in the table as a child of `parent`. */
  private allocTask(comm: string, parent: Task | null, files: FdTable): Task {
    const task = newTask(comm, parent, files, this.time, this.options.nprocLimit);
    task.pid = task.tgid = this.nextPid++;
    this.attachTask(task);
    return task;
  }

  /** The task enters the process table and its parent's list of children. */
  attachTask(task: Task): void {
    task.parent?.children.push(task);
    this.tasks.set(task.pid, task);
  }

  /** init: reaps every zombie child it has (orphans it adopted), promptly. */
  private initLoop(self: Task): void {
    for (const child of [...self.children]) if (child.state === 'Z') releaseTask(this, child, self);
  }

  /** The shell: waits for the program it started and reaps it. */
  private shellLoop(self: Task): void {
    for (const child of [...self.children]) if (child.state === 'Z') releaseTask(this, child, self);
  }

  // ---------------------------------------------------------------- running

  /** Runs until every process of the program has finished, or a limit stops the run (sched-core.ts). */
  run(): StopReason {
    return schedule(this);
  }

  /** True when the policy (or the explorer's chooser) wants a scheduling decision after every system call. */
  get preemptsAtSyscalls(): boolean {
    return this.preempts;
  }
  /** preemptsAtSyscalls, decided once: the policy and the chooser are given at construction (asked at every library call) */
  private readonly preempts: boolean;

  /** True when no process of the program is left (init and the shell do not count). */
  programFinished(): boolean {
    for (const t of this.tasks.values()) if (!t.kernelThread) return false;
    return true;
  }

  /** Every task the run created, reaped or not, by pid (for reports). */
  allTasks(): Task[] {
    return [...this.released, ...this.tasks.values()].sort((a, b) => a.pid - b.pid);
  }

  /** Runs `fn` with memory events traced as `task`'s (exec and exit change memory outside the CPU). */
  asActor<T>(task: Task, fn: () => T): T {
    const actor = this.actor;
    this.actor = task;
    try {
      return fn();
    } finally {
      this.actor = actor;
    }
  }

  // ---------------------------------------------------------------- user memory the kernel writes

  /** Sets errno in the task's memory (the program's `errno` variable). */
  setErrno(task: Task, code: number): void {
    const symbol = task.ctx.image.symbols.find((s) => s.name === 'errno' && s.kind === 'object');
    if (!symbol) return;
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setInt32(0, code, true);
    this.memory.writeUser(task.mm, symbol.address, bytes);
  }

  /** The text address a signal handler returns to: the rt_sigreturn call in `__lab_restorer`. */
  restorerAddress(image: ProgramImage): number {
    const f = image.functions.find((fn) => fn.name === '__lab_restorer');
    if (!f) throw new Error('internal error: the C runtime has no __lab_restorer');
    for (let pc = f.entryPc; pc < f.endPc; pc++) if (image.code[pc] === Op.CALL_BUILTIN) return codeAddress(pc);
    throw new Error('internal error: __lab_restorer does not call rt_sigreturn');
  }

  /** The code index of a function address (a handler), or -1. */
  codeIndexOf(image: ProgramImage, address: number): number {
    return codeIndex(address, image.code.length);
  }

  // ---------------------------------------------------------------- trace

  /** Raises a teaching warning about `task` at the current step (warnings.ts). */
  warn(kind: WarningKind, task: Task, message: string, line?: number | null): void {
    const known = line ?? this.lineOf(task);
    if (this.warnings.add(kind, task, this.steps, message, known)) {
      this.event(task, 'warning', { warningKind: kind, message, ...(known !== null ? { line: known } : {}) });
    }
  }

  /**
   * Records a kernel event for `task` at the current step and time, with the task's line in the
   * user's source when it is known (`details.line`, when given, wins).
   */
  event<K extends TraceKind>(task: Task, kind: K, details: EventDetails[K] & { line?: number }): void {
    this.count(task, kind, details);
    if (this.offer(kind)) this.record(task, kind, details);
  }

  /**
   * Like event(), for details that cost something to build (a whole descriptor table): `build`
   * runs only when the trace keeps the event. Not for the kinds count() reads.
   */
  eventLazily<K extends TraceKind>(task: Task, kind: K, build: () => EventDetails[K]): void {
    if (this.offer(kind)) this.record(task, kind, build());
  }

  /**
   * Offers an event to the trace (Trace.offer), where a replay's pause counts it and the kernel's
   * work budget too (MAX_EVENTS_PER_SLICE); true: build and record it.
   */
  private offer(kind: TraceKind): boolean {
    if (++this.eventsThisSlice > MAX_EVENTS_PER_SLICE) throw new KernelRunaway();
    if ((this.eventsThisSlice & 63) === 0) this.endSliceWhenOverdue();
    const keep = this.trace.offer(kind);
    const pause = this.options.pauseAfterEvents;
    if (pause !== null && this.trace.recorded >= pause && !this.stopReason) this.stopReason = 'paused';
    return keep;
  }

  /** Keeps what a run reports without its trace: processes made, programs run, the first fatal fault. */
  private count<K extends TraceKind>(task: Task, kind: K, details: EventDetails[K] & { line?: number }): void {
    if (kind === 'clone') {
      const what = (details as EventDetails['clone']).what;
      if (what === 'fork') this.counts.forks++;
      else if (what === 'vfork') this.counts.vforks++;
      else this.counts.clones++;
    } else if (kind === 'exec' && task !== this.pipeCat?.task) {
      this.counts.execs++;
    } else if (kind === 'fault' && this.fatalFault === null) {
      const fault = details as EventDetails['fault'] & { line?: number };
      if (fault.signal !== undefined) {
        this.fatalFault = { pid: task.pid, signal: fault.signal, reason: fault.reason, address: fault.address, line: fault.line ?? this.lineOf(task) };
      }
    }
  }

  /** Builds event `kind` and adds it to the trace (after trace.offer accepted it). */
  private record<K extends TraceKind>(task: Task, kind: K, details: EventDetails[K] & { line?: number }): void {
    const trace = this.trace;
    const line = this.lineOf(task);
    const e = line !== null
      ? { step: this.steps, time: this.time, pid: task.pid, kind, line, ...details }
      : { step: this.steps, time: this.time, pid: task.pid, kind, ...details };
    trace.add(e as TraceEvent);
  }

  /** events since the scheduler last gave the CPU a slice (the kernel's work budget, MAX_EVENTS_PER_SLICE) */
  eventsThisSlice = 0;
  /** when (Date.now()) the run's time limit passes; Infinity without one (set by schedule) */
  deadline = Infinity;

  /**
   * Ends the current slice at the next system call once the time limit passed or the run was
   * cancelled, so that a slice of slow system calls cannot hold the run past its limit (the
   * scheduler then stops it, as between any two slices).
   */
  private endSliceWhenOverdue(): void {
    const interrupted = this.options.interrupted;
    if (Date.now() > this.deadline || (interrupted && interrupted())) this.needResched = true;
  }

  /**
   * The user's source line `task` is at, or null when unknown (see pcExact) or when the task runs
   * another program than the student's (after exec of /bin/sh, say: its lines are not the student's).
   */
  lineOf(task: Task): number | null {
    if (!task.ctx || task.kernelThread || task.ctx.image !== this.userImage) return null;
    if (!this.pcExact && task === this.current) return null;
    return userLine(task.mm as Mm | null, task.ctx.image, task.ctx.pc, task.ctx.fp);
  }

  /** Traces the whole page table of `mm` (`mm-snapshot`) as `task` sees it now. */
  traceMmSnapshot(task: Task, mm: Mm): void {
    this.liveMms.set(mm.id, mm);
    if (this.offer('mm-snapshot')) this.record(task, 'mm-snapshot', { ...mmSnapshot(mm) });
  }

  /** The last event of a run: why it stopped, in words for people. */
  endRun(message: string | null): void {
    const task = this.program ?? this.init;
    this.trace.add({ step: this.steps, time: this.time, pid: task.pid, kind: 'run-end', reason: this.stopReason ?? 'exited', message });
  }

  /** The memory manager's sink: its events enter the trace for the task they happened to. */
  private traceMmEvent(e: MmEvent): void {
    const task = this.actor ?? this.current;
    if (this.pipeCat) countCatFrames(this.pipeCat, e, task, this.memory.phys.framesInUse);
    if (!task || e.kind === 'segv' || !this.offer(e.kind)) return;
    const converted = mmEventDetails(e, (id) => this.liveMms.get(id) ?? null);
    // mmEventDetails pairs each kind with its own details (KindAndDetails); TypeScript cannot follow the pairing through a union
    if (converted) this.record(task, converted.kind, converted.details as EventDetails[typeof converted.kind]);
  }
}

/**
 * A task struct with no pid yet (alloc_pid gives one) and no memory; `files` is its descriptor
 * table and `sighand` its signal handlers (fresh defaults when not given); its own working
 * directory and limits.
 */
export function newTask(comm: string, parent: Task | null, files: FdTable, now: number, nproc: number, sighand: SigHand = newSigHand()): Task {
  return {
    pid: 0,
    tgid: 0,
    comm,
    state: 'R',
    flags: PF_FORKNOEXEC,
    parent,
    realParent: parent,
    children: [],
    exitSignal: SIGCHLD,
    exitCode: 0,
    mm: null,
    files,
    fs: { users: 1, cwd: '/home/student' },
    signal: { users: 1, nproc: { cur: nproc, max: nproc }, pgid: parent?.signal.pgid ?? 0, sid: parent?.signal.sid ?? 0, leader: false },
    ctx: null as unknown as CpuContext,
    vforkDone: null,
    childSubreaper: false,
    waitingFor: null,
    startTime: now,
    exitTime: 0,
    steps: 0,
    reapedBy: null,
    reparentedTo: null,
    sighand,
    pending: new Set(),
    blocked: new Set(),
    savedSigmask: null,
    alarmAt: null,
    timerDeadline: null,
    blockedCall: null,
    wouldReturn: null,
    clearChildTid: 0,
    stopSignal: 0,
    forkFailures: 0,
    vforkFrame: 0,
    vforkSp: 0,
    pipeWritten: 0,
    vforkLine: null,
    execFailed: false,
    stopReported: true,
    continueReported: true,
    kernelThread: null,
  };
}


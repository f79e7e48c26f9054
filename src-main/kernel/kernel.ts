/**
 * The simulated kernel: the process table, the scheduler loop, the terminal, and the life cycle
 * of a task (exec, exit, reaping). The machine (vm/machine.ts) plugs in the CPU.
 *
 * Boot creates init (pid 1) and a shell (pid 2), both kernel threads written in TypeScript, and
 * runs the student's program as the shell's child (pid 3), the way a terminal would.
 */
import type { ProgramImage } from '../lang/image.ts';
import { STACK_TOP, ARG_MAX, lineOf } from '../lang/image.ts';
import { createContext, pushI32, type CpuContext } from './context.ts';
import { FdTable, type OpenFile, type Terminal } from './files.ts';
import { Fault } from './mmu.ts';
import type { Task, WaitReason } from './task.ts';
import { PF_EXITING, PF_FORKNOEXEC } from './task.ts';
import { Trace, type EventDetails, type TraceEvent, type TraceKind, type WakeReason } from './trace.ts';
import {
  SIGCHLD, SIGKILL, SIGNAL_NAMES, defaultAction, exitedStatus, signalNumber, signaledStatus,
} from './signals.ts';
import { AddressSpaces, type Mm } from './memory.ts';
import { closeFd, closeOnExec } from './fs.ts';
import { deliverSignals, flushSignalHandlers, newSigHand, sendSignal, autoReaps } from './signal.ts';
import { Op, codeAddress, codeIndex } from '../lang/isa.ts';
import { SIGALRM } from './signals.ts';
import type { ProgramLookup } from './exec.ts';
import { seededRandom, type Policy, type ScheduleEntry } from './sched.ts';
import { Warnings, type WarningKind } from './warnings.ts';
import { mmEventDetails, mmSnapshot } from './mm-trace.ts';
import type { MmEvent } from './mm/events.ts';
import { userLine } from './inspect.ts';

/**
 * Why run() returned. 'cancelled': `interrupted` said so; 'paused': a replay reached the trace
 * position it was asked for (pauseAfterEvents).
 */
export type StopReason = 'exited' | 'step-limit' | 'deadlock' | 'output-limit' | 'cancelled' | 'paused';

export interface KernelOptions {
  pageSize: number;
  maxFrames: number;
  /** instruction budget of the whole run */
  maxSteps: number;
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
}

export const DEFAULT_KERNEL_OPTIONS: KernelOptions = {
  pageSize: 4096,
  maxFrames: 32768,
  maxSteps: 50_000_000,
  maxOutputBytes: 1 << 20,
  nprocLimit: 64,
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
};

/** The quantum of round-robin when none is given: short enough to interleave small programs. */
export const ROUND_ROBIN_QUANTUM = 200;

/** The CPU as the kernel sees it: runs a task for a while. */
export interface Cpu {
  run(task: Task, budget: number): { steps: number; fault: Fault | null; faultPc: number };
}

/** One piece of terminal output, with the task that wrote it. */
export interface OutputChunk {
  pid: number;
  fd: number;
  bytes: Uint8Array;
  step: number;
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
  readonly trace = new Trace();
  readonly warnings = new Warnings();
  readonly memory: AddressSpaces;
  readonly output: OutputChunk[] = [];
  /** the id the next pipe gets (numbered per machine, so that a run's trace never depends on earlier runs) */
  nextPipeId = 1;
  outputBytes = 0;
  readonly terminal: Terminal;
  /** the terminal as an open file (descriptors 0, 1, 2 of the shell and its children) */
  readonly ttyFile: OpenFile = { kind: 'tty', pipe: null, refs: 0 };
  readonly stdoutPipeFile: OpenFile = { kind: 'null', pipe: null, refs: 0 };
  steps = 0;
  /** simulated time, in nanoseconds */
  time = 0;
  private nextPid = 1;
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
  private readonly random: () => number;
  private replayIndex = 0;
  private replayDone = 0;
  /** the file system of programs exec can run (set by the machine) */
  programs: ProgramLookup = () => 'ENOENT';
  init!: Task;
  shell!: Task;
  /** the student's program (the shell's child) */
  program!: Task;
  /** the task the CPU ran last (a `switch` event is traced when it changes) */
  private lastRan: Task | null = null;
  /** the task on whose behalf memory is being changed outside the CPU (exec, exit), if any */
  private actor: Task | null = null;
  /** every address space alive, by id (for the trace's memory events) */
  private readonly liveMms = new Map<number, Mm>();
  /**
   * False while the CPU runs compiled code in a slice of several instructions, when task.ctx.pc
   * is where the slice began: events then carry no line rather than a wrong one. The machine
   * sets it; system calls and single steps see exact registers.
   */
  pcExact = true;

  constructor(options: Partial<KernelOptions> = {}) {
    this.options = { ...DEFAULT_KERNEL_OPTIONS, ...options };
    this.memory = new AddressSpaces(this.options.pageSize, this.options.maxFrames);
    this.terminal = { input: this.options.stdin, inputPos: 0 };
    this.random = seededRandom(this.options.seed);
    this.memory.phys.sink = (e) => this.traceMmEvent(e);
  }

  // ---------------------------------------------------------------- boot

  /** Creates init and the shell, then starts `image` as the shell's child. */
  boot(image: ProgramImage, argv: string[], envp: string[]): Task {
    this.init = this.createKernelThread('init', null, (self) => this.initLoop(self));
    this.shell = this.createKernelThread('sh', this.init, (self) => this.shellLoop(self));
    const files = new FdTable();
    files.install(0, this.ttyFile);
    files.install(1, this.options.stdoutIsPipe ? this.stdoutPipeFile : this.ttyFile);
    files.install(2, this.ttyFile);
    const task = this.allocTask(image.name, this.shell, files);
    for (const t of [this.init, this.shell, task]) {
      this.event(t, 'task-new', { ppid: t.parent?.tgid ?? 0, command: t.comm, mm: null });
    }
    const error = this.execImage(task, image, argv, envp);
    if (error) throw new Error(`cannot start the program: ${error}`);
    this.program = task;
    this.wakeUp(task);
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

  /** allocproc: a new task in the table with the next pid, as a child of `parent`. */
  allocTask(comm: string, parent: Task | null, files: FdTable): Task {
    const pid = this.nextPid++;
    const task: Task = {
      pid,
      tgid: pid,
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
      ctx: null as unknown as CpuContext,
      vforkDone: null,
      childSubreaper: false,
      waitingFor: null,
      startTime: this.time,
      exitTime: 0,
      steps: 0,
      reapedBy: null,
      reparentedTo: null,
      sighand: newSigHand(),
      pending: new Set(),
      blocked: new Set(),
      alarmAt: null,
      blockedCall: null,
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
    parent?.children.push(task);
    this.tasks.set(pid, task);
    return task;
  }

  // ---------------------------------------------------------------- exec

  /**
   * Replaces the task's memory with a fresh address space for `image` and points its registers at
   * the program's entry with argc, argv and envp. Returns an errno name on failure (the task is
   * unchanged), or null.
   */
  execImage(task: Task, image: ProgramImage, argv: string[], envp: string[]): string | null {
    const encoder = new TextEncoder();
    const strings = [...argv, ...envp].map((s) => encoder.encode(s));
    const total = strings.reduce((n, s) => n + s.length + 1 + 8, 0);
    if (total > ARG_MAX) return 'E2BIG';
    const actor = this.actor;
    this.actor = task;
    try {
      return this.execImageAs(task, image, argv, envp, strings);
    } finally {
      this.actor = actor;
    }
  }

  private execImageAs(task: Task, image: ProgramImage, argv: string[], envp: string[], strings: Uint8Array[]): string | null {
    const mm = this.memory.createFromImage(image);
    if (!mm) return 'ENOMEM';
    this.liveMms.set(mm.id, mm);
    // Lay out the strings at the top of the stack, then the argv and envp arrays below them.
    let sp = STACK_TOP - 16;
    const addresses: number[] = [];
    for (const s of strings) {
      sp -= s.length + 1;
      const bytes = new Uint8Array(s.length + 1);
      bytes.set(s);
      if (!this.memory.writeUser(mm, sp, bytes)) {
        this.memory.mmput(mm);
        return 'ENOMEM';
      }
      addresses.push(sp);
    }
    sp = Math.floor(sp / 16) * 16;
    const argvAddrs = addresses.slice(0, argv.length);
    const envAddrs = addresses.slice(argv.length);
    const table = [...argvAddrs, 0, ...envAddrs, 0];
    sp -= table.length * 8;
    sp = Math.floor(sp / 16) * 16;
    const tableBytes = new Uint8Array(table.length * 8);
    const view = new DataView(tableBytes.buffer);
    table.forEach((p, i) => {
      view.setUint32(i * 8, p >>> 0, true);
      view.setUint32(i * 8 + 4, Math.floor(p / 4294967296), true);
    });
    if (!this.memory.writeUser(mm, sp, tableBytes)) {
      this.memory.mmput(mm);
      return 'ENOMEM';
    }
    const argvAddress = sp;
    const envpAddress = sp + (argv.length + 1) * 8;
    // a return address of 0 and a saved fp of 0, as if _start had been called from nowhere
    sp -= 16;
    if (!this.memory.writeUser(mm, sp, new Uint8Array(16))) {
      this.memory.mmput(mm);
      return 'ENOMEM';
    }
    const old = task.mm as Mm | null;
    if (old) this.mmRelease(task);
    task.mm = mm;
    if (old) this.mmPut(task, old);
    const ctx = createContext(image, image.entryPc, sp);
    ctx.fp = sp;
    pushPointer(ctx, envpAddress);
    pushPointer(ctx, argvAddress);
    pushI32(ctx, argv.length);
    ctx.nargs = 3;
    // the registers change in place: whoever holds the task's context sees the new program
    if (task.ctx) Object.assign(task.ctx, ctx);
    else task.ctx = ctx;
    // the CPU must not go on with translations of the old address space
    this.needResched = true;
    task.comm = baseName(argv[0] ?? image.name);
    task.flags &= ~PF_FORKNOEXEC;
    if (old) {
      closeOnExec(this, task);
      flushSignalHandlers(task);
    }
    this.event(task, 'exec', { program: image.name, argv, mm: mm.id });
    this.traceMmSnapshot(task, mm);
    return null;
  }

  // ---------------------------------------------------------------- scheduling

  /** Makes a task runnable and queues it; a sleeping or stopped task's wake-up is traced with `reason`. */
  wakeUp(task: Task, reason: WakeReason = 'wake'): void {
    if (task.state === 'Z' || task.state === 'X') return;
    if (task.state !== 'R') this.event(task, 'wake', { reason });
    task.state = 'R';
    task.waitingFor = null;
    if (!this.runQueue.includes(task)) this.runQueue.push(task);
  }

  /** Puts the current task to sleep on `reason` (it leaves the run queue). */
  sleepOn(task: Task, reason: WaitReason, uninterruptible = false): void {
    task.state = uninterruptible ? 'D' : 'S';
    task.waitingFor = reason;
    this.event(task, 'block', blockDetails(reason));
    const i = this.runQueue.indexOf(task);
    if (i >= 0) this.runQueue.splice(i, 1);
    this.needResched = true;
  }

  /** Runs until every process of the program has finished, or a limit stops the run. */
  run(): StopReason {
    const cpu = this.cpu;
    if (!cpu) throw new Error('no CPU attached to the kernel');
    const interrupted = this.options.interrupted;
    while (!this.stopReason) {
      if (interrupted && interrupted()) {
        this.stopReason = 'cancelled';
        break;
      }
      this.runKernelThreads();
      if (this.programFinished()) {
        this.stopReason = 'exited';
        break;
      }
      const task = this.pickNext();
      if (!task) {
        if (this.advanceClock()) continue;
        this.stopReason = 'deadlock';
        this.stopDetail = this.describeDeadlock();
        break;
      }
      const budget = Math.min(this.sliceFor(task), this.options.maxSteps - this.steps);
      if (budget <= 0) {
        this.stopReason = 'step-limit';
        break;
      }
      this.current = task;
      this.needResched = false;
      if (task !== this.lastRan) {
        this.event(task, 'switch', { from: this.lastRan?.pid ?? null });
        this.lastRan = task;
      }
      if (!deliverSignals(this, task)) {
        this.current = null;
        continue;
      }
      if (this.stopReason === 'paused') {
        // a replay reached its position in the switch or a signal delivery: not one more instruction
        this.current = null;
        break;
      }
      const result = cpu.run(task, budget);
      this.recordDecision(task, result.steps);
      this.steps += result.steps;
      task.steps += result.steps;
      // the simulated CPU runs one instruction a nanosecond
      this.time += result.steps;
      this.fireAlarms();
      if (result.fault) this.handleFault(task, result.fault, result.faultPc);
      this.current = null;
      // a task that used its whole quantum goes to the back of the queue
      const i = this.runQueue.indexOf(task);
      if (i >= 0 && task.state === 'R' && result.steps >= budget) {
        this.runQueue.splice(i, 1);
        this.runQueue.push(task);
      }
      if (this.steps >= this.options.maxSteps && !this.stopReason && !this.programFinished()) {
        this.stopReason = 'step-limit';
      }
    }
    return this.stopReason;
  }

  /**
   * The task to run next: the recorded choice when replaying, a seeded random runnable task for
   * the random policy, otherwise the first runnable task in the queue.
   */
  private pickNext(): Task | null {
    const runnable = this.runQueue.filter((t) => t.state === 'R' && !t.kernelThread);
    if (runnable.length === 0) return null;
    const replay = this.options.replay;
    if (replay && this.replayIndex < replay.length) {
      const wanted = replay[this.replayIndex].pid;
      return runnable.find((t) => t.pid === wanted) ?? runnable[0];
    }
    if (this.options.chooser) return this.options.chooser(runnable);
    if (this.options.policy === 'random') return runnable[Math.floor(this.random() * runnable.length)];
    return runnable[0];
  }

  /** How many steps the chosen task may run before the scheduler decides again. */
  private sliceFor(task: Task): number {
    const replay = this.options.replay;
    if (replay && this.replayIndex < replay.length && replay[this.replayIndex].pid === task.pid) {
      return Math.max(1, replay[this.replayIndex].steps - this.replayDone);
    }
    return this.options.quantum;
  }

  /**
   * Appends a decision to the run's schedule, merging consecutive slices of the same task; when
   * replaying, moves to the next recorded decision once the current one's steps are used up.
   */
  private recordDecision(task: Task, steps: number): void {
    const replay = this.options.replay;
    if (replay && this.replayIndex < replay.length && replay[this.replayIndex].pid === task.pid) {
      this.replayDone += steps;
      if (this.replayDone >= replay[this.replayIndex].steps || task.state !== 'R') {
        this.replayIndex++;
        this.replayDone = 0;
      }
    }
    const last = this.schedule[this.schedule.length - 1];
    if (last && last.pid === task.pid) last.steps += steps;
    else this.schedule.push({ pid: task.pid, steps });
  }

  /** True when the policy (or the explorer's chooser) wants a scheduling decision after every system call. */
  get preemptsAtSyscalls(): boolean {
    return this.options.policy === 'random' || Boolean(this.options.chooser);
  }

  /** Lets init and the shell do their work (reaping) whenever they have something to do. */
  private runKernelThreads(): void {
    for (const t of [this.init, this.shell]) {
      if (t && t.kernelThread && t.state !== 'Z' && t.state !== 'X') t.kernelThread(t);
    }
  }

  /** True when no process of the program is left (init and the shell do not count). */
  programFinished(): boolean {
    for (const t of this.tasks.values()) if (!t.kernelThread) return false;
    return true;
  }

  /** Every task the run created, reaped or not, by pid (for reports). */
  allTasks(): Task[] {
    return [...this.released, ...this.tasks.values()].sort((a, b) => a.pid - b.pid);
  }

  /** When every task sleeps on a timer (sleep or alarm), jumps the clock to the first wake-up. */
  private advanceClock(): boolean {
    let next = Infinity;
    for (const t of this.tasks.values()) {
      if (t.state === 'Z' || t.state === 'X') continue;
      if (t.state === 'S' && t.waitingFor?.kind === 'sleep') next = Math.min(next, t.waitingFor.until);
      if (t.alarmAt !== null) next = Math.min(next, t.alarmAt);
    }
    if (next === Infinity) return false;
    this.time = Math.max(this.time, next);
    for (const t of this.tasks.values()) {
      if (t.state === 'S' && t.waitingFor?.kind === 'sleep' && t.waitingFor.until <= this.time) this.wakeUp(t, 'timer');
    }
    this.fireAlarms();
    return true;
  }

  /** Sends SIGALRM to every process whose alarm is due. */
  private fireAlarms(): void {
    for (const t of this.tasks.values()) {
      if (t.alarmAt !== null && t.alarmAt <= this.time && t.state !== 'Z' && t.state !== 'X') {
        t.alarmAt = null;
        sendSignal(this, t, SIGALRM);
      }
    }
  }

  /**
   * A child stopped or continued: its parent gets SIGCHLD (unless it asked for SA_NOCLDSTOP)
   * and wakes if it waits for children (waitpid with WUNTRACED or WCONTINUED reports it).
   */
  notifyParentStopped(task: Task): void {
    const parent = task.parent;
    if (!parent || parent.kernelThread) return;
    const action = parent.sighand.actions[SIGCHLD];
    if (!(action.flags & 1)) sendSignal(this, parent, SIGCHLD, task);
    if (parent.state === 'S' && parent.waitingFor?.kind === 'child') this.wakeUp(parent, 'child-stopped');
  }

  /** send_signal (see signal.ts). */
  sendSignal(task: Task, sig: number, from: Task | null = null): void {
    sendSignal(this, task, sig, from);
  }

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

  private describeDeadlock(): string {
    const parts: string[] = [];
    for (const t of this.tasks.values()) {
      if (t.kernelThread || t.state === 'Z' || t.state === 'X') continue;
      const w = t.waitingFor;
      const what = !w ? 'nothing' : w.kind === 'child' ? 'a child to exit' : w.kind === 'pipe-read'
        ? `input on pipe descriptor ${w.fd}` : w.kind === 'pipe-write' ? `room in pipe descriptor ${w.fd}`
        : w.kind === 'terminal-read' ? 'terminal input' : w.kind === 'pause' ? 'a signal (pause)'
        : w.kind === 'vfork' ? `vfork child ${w.child} to exec or exit` : w.kind;
      parts.push(`process ${t.pid} (${t.comm}) waits for ${what}`);
    }
    return parts.join('; ');
  }

  // ---------------------------------------------------------------- init and the shell

  /** init: reaps every zombie child it has (orphans it adopted), promptly. */
  private initLoop(self: Task): void {
    for (const child of [...self.children]) if (child.state === 'Z') this.releaseTask(child, self);
  }

  /** The shell: waits for the program it started and reaps it. */
  private shellLoop(self: Task): void {
    for (const child of [...self.children]) if (child.state === 'Z') this.releaseTask(child, self);
  }

  // ---------------------------------------------------------------- exit

  /** Handles a CPU fault: the task receives the signal (the default action kills it). */
  handleFault(task: Task, fault: Fault, pc: number): void {
    const sig = fault.signal === 'SIGKILL' ? SIGKILL : signalNumber(fault.signal);
    this.event(task, 'fault', {
      signal: fault.signal,
      reason: fault.reason,
      address: fault.address,
      write: fault.write,
      pc,
      line: lineOf(task.ctx.image, pc)?.line,
      page: Math.floor(fault.address / this.options.pageSize),
    });
    this.killBySignal(task, sig);
  }

  /**
   * Ends a task with signal `sig` as its default action would. Signals whose action is "core"
   * dump no core: RLIMIT_CORE is 0, as on most Linux systems, so WCOREDUMP is 0 too.
   */
  killBySignal(task: Task, sig: number): void {
    const dumped = defaultAction(sig) === 'core' && this.options.coreLimit > 0;
    this.doExit(task, signaledStatus(sig, dumped));
  }

  /**
   * do_exit: releases the task's memory and files, hands its children to a reaper, notifies the
   * parent, and leaves a zombie. Does not return to the task.
   */
  doExit(task: Task, status: number): void {
    if (task.state === 'Z' || task.state === 'X') return;
    task.flags |= PF_EXITING;
    task.exitCode = status;
    task.exitTime = this.time;
    this.exitMm(task);
    this.exitFiles(task);
    const q = this.runQueue.indexOf(task);
    if (q >= 0) this.runQueue.splice(q, 1);
    task.state = 'Z';
    task.waitingFor = null;
    if (!task.kernelThread) {
      this.zombies++;
      this.zombiesPeak = Math.max(this.zombiesPeak, this.zombies);
    }
    this.event(task, 'exit', { status, code: (status >> 8) & 0xff, signal: status & 0x7f ? SIGNAL_NAMES[status & 0x7f] : null });
    this.needResched = true;
    this.exitNotify(task);
  }

  /** exit_mm: mm_release (clear the tid word, finish a vfork), then drop the address space. */
  private exitMm(task: Task): void {
    this.mmRelease(task);
    const mm = task.mm as Mm | null;
    task.mm = null;
    if (mm) this.mmPut(task, mm);
  }

  /** mmput on behalf of `task`; traces `mm-release` when it was the address space's last user. */
  private mmPut(task: Task, mm: Mm): void {
    const actor = this.actor;
    this.actor = task;
    try {
      if (this.memory.mmput(mm)) {
        this.liveMms.delete(mm.id);
        this.event(task, 'mm-release', { mm: mm.id });
      }
    } finally {
      this.actor = actor;
    }
  }

  /**
   * mm_release: the task stops using its memory (exit or exec). CLONE_CHILD_CLEARTID's word is
   * zeroed and its waiters woken (pthread_join), and a vfork parent wakes (complete_vfork_done).
   */
  mmRelease(task: Task): void {
    if (task.clearChildTid && task.mm) {
      this.memory.writeUser(task.mm, task.clearChildTid, new Uint8Array(4));
      this.futexWake(task.mm, task.clearChildTid, Infinity);
      task.clearChildTid = 0;
    }
    this.completeVforkDone(task);
  }

  /** complete_vfork_done: the parent blocked in vfork may run again. */
  completeVforkDone(task: Task): void {
    const done = task.vforkDone;
    if (!done) return;
    task.vforkDone = null;
    this.event(task, 'vfork-done', { parent: done.parent.pid });
    if (done.parent.state === 'D') this.wakeUp(done.parent, 'vfork-done');
  }

  /** Wakes up to `count` tasks sleeping on the futex word at `address` of `mm`. */
  futexWake(mm: unknown, address: number, count: number): number {
    let woken = 0;
    for (const t of this.tasks.values()) {
      if (woken >= count) break;
      if (t.state === 'S' && t.waitingFor?.kind === 'futex' && t.waitingFor.address === address && t.mm === mm) {
        this.wakeUp(t, 'futex');
        woken++;
      }
    }
    return woken;
  }

  private exitFiles(task: Task): void {
    const files = task.files;
    files.users--;
    if (files.users > 0) return;
    for (let fd = 0; fd < files.fds.length; fd++) if (files.fds[fd]) closeFd(this, task, fd);
  }

  /**
   * exit_notify: reparents the children, then tells the parent with the exit signal, or is
   * reaped at once when the parent ignores SIGCHLD (SIG_IGN or SA_NOCLDWAIT).
   */
  private exitNotify(task: Task): void {
    this.forgetOriginalParent(task);
    const parent = task.parent;
    if (!parent) return;
    if (task.exitSignal === -1) {
      // a thread (CLONE_THREAD) is never a zombie: it is released at once
      this.releaseTask(task, task);
      return;
    }
    if (!parent.kernelThread && autoReaps(parent)) {
      this.releaseTask(task, parent);
    } else if (task.exitSignal && !parent.kernelThread) {
      sendSignal(this, parent, task.exitSignal, task);
    }
    if (parent.state === 'S' && parent.waitingFor?.kind === 'child') this.wakeUp(parent, 'child-exited');
    if (parent.kernelThread) parent.kernelThread(parent);
  }

  /** forget_original_parent: every child goes to the nearest subreaper ancestor, else init. */
  private forgetOriginalParent(task: Task): void {
    if (task.children.length === 0) return;
    let reaper: Task = this.init;
    for (let p = task.parent; p; p = p.parent) {
      if (p.childSubreaper && p.state !== 'Z') {
        reaper = p;
        break;
      }
    }
    for (const child of task.children) {
      child.parent = reaper;
      child.realParent = reaper;
      child.reparentedTo = reaper.pid;
      reaper.children.push(child);
      this.event(child, 'reparent', { from: task.pid, to: reaper.pid });
      const who = reaper === this.init ? 'init (pid 1)' : `the subreaper ${reaper.pid} (${reaper.comm})`;
      this.warn('orphan-reparented', child, `process ${child.pid} became an orphan when its parent ${task.pid} exited; ${who} adopted it, so getppid() now returns ${reaper.tgid}`);
      if (child.state === 'Z') {
        this.warn('zombie-not-reaped', child, `process ${child.pid} exited but its parent ${task.pid} never called wait() for it; it stayed a zombie until ${who} reaped it`);
      }
    }
    task.children = [];
  }

  /** release_task: the zombie is reaped by `reaper` and leaves the process table. */
  releaseTask(task: Task, reaper: Task): void {
    if (task.state === 'Z' && !task.kernelThread) this.zombies--;
    task.state = 'X';
    task.reapedBy = reaper.pid;
    this.tasks.delete(task.pid);
    this.released.push(task);
    const parent = task.parent;
    if (parent) parent.children = parent.children.filter((c) => c !== task);
    this.event(task, 'reap', { by: reaper.pid, status: task.exitCode, zombieFor: this.time - task.exitTime });
  }

  // ---------------------------------------------------------------- terminal

  /** A write to the terminal by `task` on descriptor `fd`. Stops the run at the output limit. */
  terminalWrite(task: Task, fd: number, bytes: Uint8Array): void {
    const room = this.options.maxOutputBytes - this.outputBytes;
    const kept = bytes.length > room ? bytes.subarray(0, Math.max(0, room)) : bytes;
    if (kept.length > 0) {
      this.output.push({ pid: task.pid, fd, bytes: kept.slice(), step: this.steps });
      this.outputBytes += kept.length;
      this.event(task, 'output', { fd, text: new TextDecoder().decode(kept) });
    }
    if (bytes.length > room) {
      this.stopReason = 'output-limit';
      this.needResched = true;
    }
  }

  /**
   * Reads up to `max` bytes of terminal input (empty at end of input). The terminal is in
   * canonical mode: one read returns at most one line.
   */
  terminalRead(max: number): Uint8Array {
    const t = this.terminal;
    const newline = t.input.indexOf(10, t.inputPos);
    const lineEnd = newline < 0 ? t.input.length : newline + 1;
    const n = Math.min(max, lineEnd - t.inputPos);
    const bytes = t.input.subarray(t.inputPos, t.inputPos + n);
    t.inputPos += n;
    return bytes.slice();
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
    const trace = this.trace;
    if (trace.full) {
      trace.dropped++;
      return;
    }
    const line = this.lineOf(task);
    const e = line !== null
      ? { step: this.steps, time: this.time, pid: task.pid, kind, line, ...details }
      : { step: this.steps, time: this.time, pid: task.pid, kind, ...details };
    trace.add(e as TraceEvent);
    const pause = this.options.pauseAfterEvents;
    if (pause !== null && trace.events.length >= pause && !this.stopReason) this.stopReason = 'paused';
  }

  /** The user's source line `task` is at, or null when unknown (see pcExact). */
  lineOf(task: Task): number | null {
    if (!task.ctx || task.kernelThread) return null;
    if (!this.pcExact && task === this.current) return null;
    return userLine(task.mm as Mm | null, task.ctx.image, task.ctx.pc, task.ctx.fp);
  }

  /** Traces the whole page table of `mm` (`mm-snapshot`) as `task` sees it now. */
  traceMmSnapshot(task: Task, mm: Mm): void {
    this.liveMms.set(mm.id, mm);
    if (this.trace.full) {
      this.trace.dropped++;
      return;
    }
    this.event(task, 'mm-snapshot', { ...mmSnapshot(mm) });
  }

  /** The last event of a run: why it stopped, in words for people. */
  endRun(message: string | null): void {
    const task = this.program ?? this.init;
    this.trace.add({ step: this.steps, time: this.time, pid: task.pid, kind: 'run-end', reason: this.stopReason ?? 'exited', message });
  }

  /** The memory manager's sink: its events enter the trace for the task they happened to. */
  private traceMmEvent(e: MmEvent): void {
    const task = this.actor ?? this.current;
    if (!task) return;
    const converted = mmEventDetails(e, (id) => this.liveMms.get(id) ?? null);
    // mmEventDetails pairs each kind with its own details (KindAndDetails); TypeScript cannot follow the pairing through a union
    if (converted) this.event(task, converted.kind, converted.details as EventDetails[typeof converted.kind]);
  }
}

/** The details of a `block` event: what the task waits on, for programs and for people. */
function blockDetails(reason: WaitReason): EventDetails['block'] {
  switch (reason.kind) {
    case 'child':
      return { on: 'wait', waitPid: reason.pid, detail: reason.pid > 0 ? `child ${reason.pid}` : 'any child' };
    case 'pipe-read':
    case 'pipe-write':
      return { on: reason.kind, fd: reason.fd, detail: `descriptor ${reason.fd}` };
    case 'terminal-read':
      return { on: 'terminal-read', detail: 'terminal input' };
    case 'sleep':
      return { on: 'sleep', until: reason.until, detail: `until ${reason.until} ns` };
    case 'pause':
      return { on: 'pause', detail: 'a signal' };
    case 'vfork':
      return { on: 'vfork', child: reason.child, detail: `vfork child ${reason.child} to exec or exit` };
    case 'futex':
      return { on: 'futex', address: reason.address, detail: `futex word at 0x${reason.address.toString(16)}` };
    case 'stopped':
      return { on: 'stopped', detail: 'SIGCONT' };
  }
}

function pushPointer(ctx: CpuContext, address: number): void {
  ctx.evalF64[ctx.esp++] = address;
}

function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i >= 0 ? path.slice(i + 1) : path;
}

export { exitedStatus };

/**
 * The machine: the kernel with the CPU plugged in and the C library wired to it.
 *
 * It is where a builtin call from compiled code lands: the CPU saves its registers and asks the
 * machine to run builtin `id`; the machine finds the native (library function or system call),
 * gives it typed access to the arguments and the task's memory, and puts the result back.
 */
import { BUILTIN_NAMES, builtinId } from '../lang/builtins.ts';
import { callNameAsWritten, type ProgramImage } from '../lang/image.ts';
import type { CpuContext } from '../kernel/context.ts';
import { growEvalStack } from '../kernel/context.ts';
import { Kernel, type KernelOptions } from '../kernel/kernel.ts';
import type { Task } from '../kernel/task.ts';
import { interpretSlice, runSlice, SliceEnd, type CpuHost, type SliceResult } from './interpreter.ts';
import { Tlb } from './tlb.ts';
import { UserMemory } from './user-memory.ts';
import { userLine, userLineAt } from '../kernel/inspect.ts';
import { BLOCK, NORETURN, NativeCall, type NativeFunction, type Sys } from './libc/native.ts';
import { STDIO_NATIVES } from './libc/stdio.ts';
import { STRING_NATIVES } from './libc/string.ts';
import { CTYPE_NATIVES } from './libc/ctype.ts';
import { STDLIB_NATIVES } from './libc/stdlib.ts';
import { STACK_NATIVES } from './libc/stack.ts';
import { UNISTD_NATIVES } from './libc/unistd.ts';
import { STRINGS_NATIVES } from './libc/strings.ts';
import { UnsupportedFunction } from './unsupported.ts';
import { SORT_NATIVES } from './libc/qsort.ts';
import { MATH_NATIVES } from './libc/math.ts';
import { MALLOC_NATIVES } from './libc/malloc/natives.ts';
import { SIGSET_NATIVES } from './libc/sigset.ts';
import { systemCallNatives } from './syscalls.ts';
import { BLOCKED, sysLseek, sysRead, sysWrite } from '../kernel/fs.ts';
import { deliverSignals, forceAbort } from '../kernel/signal.ts';
import { sysBrk } from '../kernel/sys.ts';
import { MAP_FAILED, doMunmap, mapAnonymous } from '../kernel/mm/mmap.ts';
import { endlessLoop, soleRunner } from '../kernel/sched-core.ts';
import { probeEndlessLoop } from './loop-probe.ts';
import { installPrograms } from './bin/programs.ts';
import { NORETURN_CALLS, SYSCALL_BY_NAME, SYSTEM_CALL_NAMES } from './syscalls.ts';
import { errnoName } from './libc/errno-names.ts';
import { Kind, codeAddress } from '../lang/isa.ts';
import { lineDetails } from '../kernel/detail.ts';
import { functionOf } from '../kernel/inspect.ts';
import type { RecordLookup } from '../kernel/c-values.ts';
import type { MmStruct } from '../kernel/mm/mm.ts';
import { Fault } from '../kernel/mmu.ts';
import { Memcheck } from './memcheck/memcheck.ts';

/** Detail mode (docs/trace.md): `line` events while the budget lasts. */
export interface DetailOptions {
  /** line events to record before the run goes back to full speed */
  limit: number;
  /** struct and union layouts of the user's program, for values like {.a = 1} */
  records: RecordLookup;
  /**
   * false: line events say only where (line and function; depth 0, no variables). A replay
   * (vm/replay.ts) needs the events, not what they say, and deep recursion makes depth and
   * variables costly at every line.
   */
  values?: boolean;
}

/**
 * A vfork child is watched (run one instruction at a time, its writes checked) for at most this
 * many instructions: one that runs longer without writing its parent's memory runs at full
 * speed from then on, unwatched.
 */
export const VFORK_WATCH_STEPS = 200_000;

/** Steps a task runs before the first endless-loop probe (then twice as many before each next one). */
export const FIRST_PROBE_STEPS = 1_000_000;

/** Default budget of `line` events in detail mode. */
export const DEFAULT_DETAIL_LIMIT = 20_000;

const TWO32 = 4294967296;

/** The C library's natives by builtin id (system calls, bound to a machine, are added per machine). */
const LIBRARY_NATIVES: readonly (NativeFunction | undefined)[] = (() => {
  const table: Record<string, NativeFunction | undefined> = {
    ...STDIO_NATIVES,
    ...STRING_NATIVES,
    ...CTYPE_NATIVES,
    ...STDLIB_NATIVES,
    ...STACK_NATIVES,
    ...SORT_NATIVES,
    ...MATH_NATIVES,
    ...MALLOC_NATIVES,
    ...SIGSET_NATIVES,
    ...UNISTD_NATIVES,
    ...STRINGS_NATIVES,
  };
  return BUILTIN_NAMES.map((name) => table[name]);
})();
const SYSCALL_NAMES_BY_ID: readonly (string | undefined)[] = BUILTIN_NAMES.map((name) => SYSTEM_CALL_NAMES.get(name));
const NORETURN_BY_ID: readonly boolean[] = BUILTIN_NAMES.map((name) => NORETURN_CALLS.has(name));
const PATH_ARGS_BY_ID: readonly (number | null)[] = BUILTIN_NAMES.map((name) => SYSCALL_BY_NAME.get(name)?.pathArg ?? null);

export class Machine implements CpuHost {
  readonly kernel: Kernel;
  private readonly natives: (NativeFunction | undefined)[];
  /** per builtin id: the system call's name in the trace (syscalls.ts), or undefined for a library function */
  private readonly syscallNames = SYSCALL_NAMES_BY_ID;
  /** per builtin id: true for a system call that does not return when it succeeds (traced before it runs) */
  private readonly noReturn = NORETURN_BY_ID;
  /** per builtin id: the system call's path argument (traced as a string), or null */
  private readonly pathArgs = PATH_ARGS_BY_ID;
  private readonly symbolCache = new WeakMap<ProgramImage, Map<string, number>>();

  constructor(options: Partial<KernelOptions> = {}) {
    this.kernel = new Kernel(options);
    installPrograms(this.kernel.fs);
    // the library's natives, then this machine's system calls (which win, as they did in one table)
    this.natives = LIBRARY_NATIVES.slice();
    for (const [name, fn] of Object.entries(systemCallNatives(this))) {
      const id = builtinId(name);
      if (id >= 0) this.natives[id] = fn;
    }
    this.kernel.cpu = { run: (task, budget) => this.runTask(task, budget) };
  }

  private detail: DetailOptions | null = null;
  private detailLeft = 0;
  /** per task, where its last `line` event was (line and frame: a recursive call's same line is new) */
  private readonly lastLine = new WeakMap<Task, { line: number; fp: number }>();
  /** true while the CPU runs one instruction at a time (detail mode, a watched vfork child) */
  private stepping = false;
  /** the first write a watched vfork child made that its parent will see, or null */
  private vforkWrite: number | null = null;
  /** instructions each vfork child ran while watched (one at a time) */
  private readonly vforkWatched = new WeakMap<Task, number>();

  /** memcheck's observer while the run asks for memcheck (vm/memcheck), else null */
  private memcheck: Memcheck | null = null;

  /** Turns memcheck on for this run (before kernel.run): its tasks then run one instruction at a time. */
  setMemcheck(limit?: number): void {
    this.memcheck ??= new Memcheck(this.kernel, limit);
  }

  /** Turns detail mode on for this run (before kernel.run). */
  setDetail(options: DetailOptions): void {
    this.detail = options;
    this.detailLeft = options.limit;
  }

  /**
   * Runs `task` for at most `budget` steps: at full speed (one interpreter slice), or one
   * instruction at a time while detail mode has budget left or the task is a vfork child whose
   * writes are watched. Returns what the kernel's Cpu contract asks.
   */
  private runTask(task: Task, budget: number): { steps: number; fault: Fault | null; faultPc: number } {
    const tlb = this.tlbOf(task);
    const watch = this.watchVforkChild(task, tlb);
    if (!watch && !(this.detail && this.detailLeft > 0) && !this.memcheck?.watches(task)) {
      if (task.steps >= (this.nextProbe.get(task) ?? FIRST_PROBE_STEPS) && soleRunner(this.kernel, task)) return this.probeTask(task, budget);
      return this.sliceTask(task, budget);
    }
    return this.stepTask(task, budget);
  }

  /** per task, how many steps it must have run before the next endless-loop probe (doubling) */
  private readonly nextProbe = new WeakMap<Task, number>();
  /** library calls and system calls made so far (a probe ends at one) */
  private builtinCalls = 0;

  /**
   * Runs `task` under the endless-loop probe (loop-probe.ts). When it came back to the same state
   * the run stops there ('endless-loop', with where); otherwise the next probe waits twice as long.
   */
  private probeTask(task: Task, budget: number): { steps: number; fault: Fault | null; faultPc: number } {
    const kernel = this.kernel;
    const baseSteps = kernel.steps;
    const baseTime = kernel.time;
    this.nextProbe.set(task, Math.max(task.steps, FIRST_PROBE_STEPS) * 2);
    this.stepping = true;
    try {
      const r = probeEndlessLoop(task, this.tlbOf(task), this, budget, () => this.builtinCalls, (steps) => {
        kernel.steps = baseSteps + steps;
        kernel.time = baseTime + steps;
      });
      const skipped = r.endless ? endlessLoop(kernel, task, r.period, r.steps) : 0;
      return { steps: r.steps + skipped, fault: r.fault, faultPc: r.faultPc };
    } finally {
      this.stepping = false;
      kernel.steps = baseSteps;
      kernel.time = baseTime;
    }
  }

  /**
   * Runs `task` at full speed for at most `budget` steps. A builtin that traced events ends the
   * interpreter's slice right after itself: its events get their exact step and time, and the
   * task goes on with the rest of its budget (the scheduler sees one slice, as before).
   */
  private sliceTask(task: Task, budget: number): { steps: number; fault: Fault | null; faultPc: number } {
    const kernel = this.kernel;
    const baseSteps = kernel.steps;
    const baseTime = kernel.time;
    let steps = 0;
    kernel.pcExact = false;
    try {
      for (;;) {
        this.softYield = false;
        this.builtinEvents = -1;
        const warned = kernel.warnings.items.length;
        const r = runSlice(task.ctx, this.tlbOf(task), this, budget - steps);
        if (this.builtinEvents >= 0) this.stampEvents(this.builtinEvents, warned, steps + r.steps - 1, baseSteps, baseTime);
        steps += r.steps;
        if (r.end === SliceEnd.Fault) return { steps, fault: r.fault, faultPc: r.faultPc };
        if (!this.softYield || steps >= budget || task.state !== 'R' || kernel.stopReason) return { steps, fault: null, faultPc: 0 };
        kernel.steps = baseSteps + steps;
        kernel.time = baseTime + steps;
      }
    } finally {
      this.softYield = false;
      kernel.pcExact = true;
      kernel.steps = baseSteps;
      kernel.time = baseTime;
    }
  }

  /**
   * Gives the trace's events from index `from` on, and the warnings from index `fromWarning` on
   * (each the record of a `warning` event), the step `offset` steps into the slice.
   */
  private stampEvents(from: number, fromWarning: number, offset: number, baseSteps: number, baseTime: number): void {
    const events = this.kernel.trace.events;
    for (let i = from; i < events.length; i++) {
      events[i].step = baseSteps + offset;
      events[i].time = baseTime + offset;
    }
    const warnings = this.kernel.warnings.items;
    for (let i = fromWarning; i < warnings.length; i++) warnings[i].step = baseSteps + offset;
  }

  /**
   * Runs `task` one instruction at a time (so that every event sees its exact pc and step),
   * tracing `line` events in detail mode and the first write of a vfork child to its parent's
   * memory. The kernel's step and time advance as the steps are made and are put back at the
   * end: the scheduler loop adds the slice's steps itself.
   */
  private stepTask(task: Task, budget: number): { steps: number; fault: Fault | null; faultPc: number } {
    const kernel = this.kernel;
    const baseSteps = kernel.steps;
    const baseTime = kernel.time;
    let steps = 0;
    this.stepping = true;
    try {
      if (this.detail && this.detailLeft > 0) this.traceLine(task);
      while (steps < budget && !kernel.stopReason) {
        const pc = task.ctx.pc;
        const tlb = this.tlbOf(task);
        const r = this.memcheck?.watches(task) ? this.memcheckStep(task, tlb, budget - steps) : runSlice(task.ctx, tlb, this, 1);
        steps += r.steps;
        kernel.steps = baseSteps + steps;
        kernel.time = baseTime + steps;
        if (task.vforkDone) this.vforkWatched.set(task, (this.vforkWatched.get(task) ?? 0) + r.steps);
        if (this.vforkWrite !== null) this.reportVforkWrite(task, tlb, pc);
        if (r.end === SliceEnd.Fault) return { steps, fault: r.fault, faultPc: r.faultPc };
        if (task.state === 'R' && this.detail && this.detailLeft > 0) this.traceLine(task);
        if (r.end === SliceEnd.Yield || r.steps === 0) break;
        // detail mode's budget ran out and no vfork child is watched: back to full speed
        if (!(this.detail && this.detailLeft > 0) && !this.watchVforkChild(task, this.tlbOf(task)) && !this.memcheck?.watches(task)) {
          // (kernel.steps and time stay at this point of the slice for the events to come)
          this.stepping = false;
          const rest = this.runTask(task, budget - steps);
          return { ...rest, steps: steps + rest.steps };
        }
      }
      return { steps, fault: null, faultPc: 0 };
    } finally {
      this.stepping = false;
      kernel.steps = baseSteps;
      kernel.time = baseTime;
    }
  }

  /**
   * One step of stepTask under memcheck: a batch of instructions memcheck can follow ahead
   * (Memcheck.batch) when no line event or vfork write needs each step, else one instruction
   * between Memcheck.before and after. The interpreter runs them, without the compiled path's
   * lookups, which so few steps never use.
   */
  private memcheckStep(task: Task, tlb: Tlb, left: number): SliceResult {
    const memcheck = this.memcheck!;
    const planned = !(this.detail && this.detailLeft > 0) && tlb.writeCheck === null ? memcheck.batch(task, left) : 0;
    if (planned > 0) {
      const r = interpretSlice(task.ctx, tlb, this, planned);
      memcheck.finishBatch(task, planned, r.steps, r.end === SliceEnd.Fault);
      return r;
    }
    memcheck.before(task);
    const r = interpretSlice(task.ctx, tlb, this, 1);
    memcheck.after(task, r.end === SliceEnd.Fault);
    return r;
  }

  /** Traces a `line` event when `task` stands on a new line of the user's program. */
  private traceLine(task: Task): void {
    const ctx = task.ctx;
    const mm = task.mm as MmStruct | null;
    // line events are lines of the student's file: not of /bin/sh after an exec
    if (!mm || !this.detail || ctx.image !== this.kernel.userImage) return;
    // cheap test first: most steps stay on the line they were on
    const line = userLineAt(ctx.image, ctx.pc);
    if (line === null) return;
    const last = this.lastLine.get(task);
    if (last !== undefined && last.line === line && last.fp === ctx.fp) return;
    const d = this.detail.values === false ? whereOnly(ctx.image, ctx.pc, line) : lineDetails(mm, ctx.image, ctx.pc, ctx.fp, this.detail.records);
    if (!d) return;
    if (last !== undefined) {
      last.line = line;
      last.fp = ctx.fp;
    } else this.lastLine.set(task, { line, fp: ctx.fp });
    this.kernel.event(task, 'line', { line: d.line, fn: d.fn, depth: d.depth, vars: d.vars });
    if (--this.detailLeft === 0) {
      this.kernel.event(task, 'detail-limit', { limit: this.detail.limit, message: `detail mode recorded ${this.detail.limit} line events; the rest of the run has kernel events only` });
    }
  }

  /**
   * A vfork child that has not been warned about writing its parent's memory runs with a TLB
   * that shows every write to a check (tlb.ts). Returns true while the child is watched.
   */
  private watchVforkChild(task: Task, tlb: Tlb): boolean {
    const watched = this.vforkWatched.get(task) ?? 0;
    if (!task.vforkDone || watched >= VFORK_WATCH_STEPS || this.kernel.warnings.has('vfork-child-wrote-memory', task)) {
      tlb.writeCheck = null;
      return false;
    }
    if (tlb.writeCheck === null) {
      const mm = task.mm as MmStruct;
      const errno = this.symbolAddress(task.ctx.image, 'errno');
      // cached writable entries would let writes bypass the check: start from an empty cache
      tlb.tag.fill(NaN);
      tlb.writeCheck = (address) => {
        if (this.vforkWrite !== null || address === errno) return;
        // the child's own frames (calls it makes) lie below the stack pointer vfork was called with
        if (address >= mm.stackLimit && address < task.vforkSp && address < mm.stackTop) return;
        this.vforkWrite = address;
      };
    }
    return true;
  }

  /**
   * The watched vfork child just stored to `vforkWrite` at instruction `pc`: the warning, unless
   * the store is the assignment of vfork's own result (`pid = vfork()`), which the parent
   * repeats when it resumes.
   */
  private reportVforkWrite(task: Task, tlb: Tlb, pc: number): void {
    const address = this.vforkWrite!;
    this.vforkWrite = null;
    const kernel = this.kernel;
    const mm = task.mm as MmStruct | null;
    const line = mm ? userLine(mm, task.ctx.image, pc, task.ctx.fp) : null;
    if (line !== null && line === task.vforkLine && address < (task.vforkFrame || Infinity) + 16 && address >= task.vforkSp) return;
    const where = mm && address >= mm.stackLimit && address < mm.stackTop ? 'its parent\'s stack frame' : 'memory it shares with its parent';
    kernel.warn('vfork-child-wrote-memory', task, `the vfork child ${task.pid} wrote to ${where} (address 0x${address.toString(16)}): the parent sees the change when it resumes. Between vfork() and exec or _exit, the child must not modify memory`, line);
    tlb.writeCheck = null;
  }

  /** The task's TLB over its current address space (a new one after exec or for a new task). */
  tlbOf(task: Task): Tlb {
    const ctx = task.ctx;
    let tlb = ctx.tlb as Tlb | null;
    const mmu = this.kernel.memory.mmuFor(task.mm);
    if (!tlb || tlb.mmu !== mmu) {
      tlb = new Tlb(mmu);
      ctx.tlb = tlb;
    }
    return tlb;
  }

  /** Address of a global symbol of the program the task runs, 0 when there is none. */
  symbolAddress(image: ProgramImage, name: string): number {
    let map = this.symbolCache.get(image);
    if (!map) {
      map = new Map();
      for (const s of image.symbols) if (s.kind === 'object' && s.binding === 'global') map.set(s.name, s.address);
      this.symbolCache.set(image, map);
    }
    return map.get(name) ?? 0;
  }

  private readonly plumbing = new WeakMap<Task, { tlb: Tlb; image: ProgramImage; call: NativeCall }>();
  /** the last task taskCall served and its entry of `plumbing` (most calls come from the same task) */
  private lastPlumbingTask: Task | null = null;
  private lastPlumbing: { tlb: Tlb; image: ProgramImage; call: NativeCall } | undefined = undefined;

  /** Builds the view of a call that natives use (a new object each time). */
  callFor(task: Task, nargs: number, kinds: number): NativeCall {
    const call = this.taskCall(task);
    return new NativeCall(task.ctx, nargs, kinds, call.mem, call.errnoAddress, call.symbolAddress, call.sys);
  }

  /**
   * The task's own NativeCall, made once per address space and program (memory, errno and system
   * calls bound to the task), which every library call of the task reuses: library calls do not
   * nest, and nothing keeps the object after the call.
   */
  private taskCall(task: Task): NativeCall {
    const image = task.ctx.image;
    const tlb = this.tlbOf(task);
    let p = task === this.lastPlumbingTask ? this.lastPlumbing : this.plumbing.get(task);
    if (!p || p.tlb !== tlb || p.image !== image) {
      const mem = new UserMemory(tlb);
      if (this.memcheck) mem.written = this.memcheck.libraryWrote(task);
      const call = new NativeCall(task.ctx, 0, 0, mem, this.symbolAddress(image, 'errno'), (n) => this.symbolAddress(image, n), this.sysFor(task));
      p = { tlb, image, call };
      this.plumbing.set(task, p);
    }
    this.lastPlumbingTask = task;
    this.lastPlumbing = p;
    return p.call;
  }

  /**
   * CpuHost: runs builtin `id` for the current task (see interpreter.ts for the contract).
   * A call that made events ends the CPU's slice right after it (runTask resumes the task at
   * once), so that runTask knows the exact step of those events. Whether the trace keeps them
   * does not matter (Trace.recorded): keeping fewer events never moves a step.
   */
  builtin(ctx: CpuContext, id: number, nargs: number, kinds: number): boolean {
    this.builtinCalls++;
    if (this.stepping) return this.runBuiltin(ctx, id, nargs, kinds);
    const trace = this.kernel.trace;
    const before = trace.recorded;
    const kept = trace.events.length;
    const goOn = this.runBuiltin(ctx, id, nargs, kinds);
    if (trace.recorded === before) return goOn;
    this.builtinEvents = kept;
    if (goOn) this.softYield = true;
    return false;
  }

  /** index in the trace where the events the slice's last builtin made begin (when it kept any), or -1 */
  private builtinEvents = -1;
  /** true when the slice ended only so that the events of a builtin get their step */
  private softYield = false;

  private runBuiltin(ctx: CpuContext, id: number, nargs: number, kinds: number): boolean {
    const kernel = this.kernel;
    const task = kernel.current;
    if (!task) throw new Error('internal error: a builtin ran with no current task');
    const wasExact = kernel.pcExact;
    kernel.pcExact = true;
    const observer = this.callObserver;
    try {
      if (observer === null) return this.callBuiltin(task, ctx, id, nargs, kinds);
      observer.before(task, id, nargs, kinds);
      return observer.after(task, id, ctx, this.callBuiltin(task, ctx, id, nargs, kinds));
    } finally {
      kernel.pcExact = wasExact;
    }
  }

  /** The schedule explorer's hook on library and system calls (CallObserver), or null. */
  callObserver: CallObserver | null = null;

  private callBuiltin(task: Task, ctx: CpuContext, id: number, nargs: number, kinds: number): boolean {
    const kernel = this.kernel;
    const fn = this.natives[id];
    if (!fn) {
      const name = BUILTIN_NAMES[id] ?? `#${id}`;
      kernel.event(task, 'unsupported', { function: name });
      throw new UnsupportedFunction(name);
    }
    const name = BUILTIN_NAMES[id];
    if (task.vforkDone) this.checkVforkChild(task, name === '__lab_flush_all' ? 'exit' : callNameAsWritten(ctx.image, ctx.pc, name));
    const call = this.taskCall(task).reuse(nargs, kinds);
    leaveCallFrame(call.mem, ctx);
    const syscall = this.syscallNames[id];
    const noReturn = this.noReturn[id];
    const args = syscall !== undefined ? syscallArgs(call, syscall, this.pathArgs[id]) : null;
    if (syscall !== undefined && noReturn) kernel.event(task, 'syscall', { name: syscall, args: args ?? [], result: null, errno: null });
    const result = fn.fn(call);
    if (syscall !== undefined && result !== BLOCK && !noReturn) this.traceSyscall(task, call, syscall, args!, result, fn.ret);
    if (result === BLOCK) {
      // the task sleeps in this call; remember it so that a signal can interrupt it (EINTR)
      task.blockedCall ??= { name, nargs, ret: fn.ret };
      return false;
    }
    task.blockedCall = null;
    task.wouldReturn = null;
    // the task may have exited inside the call (exit(), a fatal signal): nothing to push then
    if (task.state === 'Z' || task.state === 'X') return false;
    if (result !== NORETURN) {
      ctx.esp -= nargs;
      pushResult(ctx, fn.ret, result);
      ctx.pc += 4;
    }
    // back to user mode: signals that arrived (raise, kill of oneself, SIGPIPE) are delivered now
    if (task.pending.size > 0 && !deliverSignals(kernel, task)) return false;
    if (kernel.preemptsAtSyscalls) return false;
    return !kernel.needResched && task.state === 'R' && !kernel.stopReason;
  }

  /**
   * A vfork child shares its parent's memory and may only call exec or _exit. Returning from the
   * function that called vfork pops the parent's frame; calling other functions overwrites the
   * parent's stack below it.
   */
  private checkVforkChild(task: Task, name: string): void {
    const kernel = this.kernel;
    if (this.vforkChildReturned(task)) {
      // no line of the student's is running any more: name the vfork() the frame belonged to
      const line = kernel.lineOf(task) ?? task.vforkLine;
      kernel.warn('vfork-child-returned', task, `the vfork child ${task.pid} returned from the function that called vfork()${task.vforkLine !== null ? ` on line ${task.vforkLine}` : ''}: that frame is its parent's, which will find it clobbered. A vfork child may only call exec or _exit`, line);
    } else if (!/^exec|^_exit$|^_Exit$/.test(name)) {
      kernel.warn('vfork-child-called-function', task, `the vfork child ${task.pid} called ${name}() while it shares its parent's memory and stack: only exec and _exit are safe after vfork()`);
    }
  }

  /**
   * Whether a vfork child has left the frame of the function that called vfork: its frame pointer
   * is above that frame, or back at that level in code that is not the student's (the C runtime
   * that called main, after main returned: its frame sits where main's did).
   */
  private vforkChildReturned(task: Task): boolean {
    const frame = task.vforkFrame;
    if (!frame) return false;
    if (task.ctx.fp > frame) return true;
    return task.ctx.fp === frame && task.ctx.image === this.kernel.userImage && task.mm !== null
      && userLine(task.mm as MmStruct, task.ctx.image, task.ctx.pc, task.ctx.fp) === null;
  }

  /** Traces a finished system call: its result, and errno's name when it failed. */
  private traceSyscall(task: Task, call: NativeCall, name: string, args: (number | string)[], result: unknown, ret: NativeFunction['ret']): void {
    let value: number | null = result === NORETURN ? 0 : typeof result === 'bigint' ? Number(result) : typeof result === 'number' ? result : null;
    if (ret === 'void') value = null;
    const failed = value === -1 && task.state !== 'Z' && task.state !== 'X';
    const errno = failed ? errnoName(call.errno()) ?? null : null;
    this.kernel.event(task, 'syscall', { name, args, result: value, errno });
  }

  /** The system calls library code makes, on behalf of `task` (traced as `syscall` events). */
  sysFor(task: Task): Sys {
    return {
      write: (fd, bytes) => {
        const r = this.kernelWrite(task, fd, bytes);
        this.kernel.event(task, 'syscall', { name: 'write', args: [fd, bytes.length], result: r < 0 ? -1 : r, errno: r < 0 ? errnoName(-r) ?? null : null });
        return r;
      },
      read: (fd, max) => {
        const r = this.kernelRead(task, fd, max);
        if (r !== BLOCK) {
          const n = typeof r === 'number' ? r : r.length;
          this.kernel.event(task, 'syscall', { name: 'read', args: [fd, max], result: n < 0 ? -1 : n, errno: n < 0 ? errnoName(-n) ?? null : null });
        }
        return r;
      },
      lseek: (fd, offset, whence) => {
        const r = sysLseek(this.kernel, task, fd, offset, whence);
        this.kernel.event(task, 'syscall', { name: 'lseek', args: [fd, offset, whence], result: r < 0 ? -1 : r, errno: r < 0 ? errnoName(-r) ?? null : null });
        return r;
      },
      isatty: (fd) => task.files.get(fd)?.file.kind === 'tty',
      brk: (want) => {
        // asking where the break is costs glibc no system call (it keeps __curbrk)
        const r = sysBrk(this.kernel, task, want);
        if (want !== 0) this.kernel.event(task, 'syscall', { name: 'brk', args: [want], result: r, errno: null });
        return r;
      },
      mmap: (length, name) => {
        const r = mapAnonymous(task.mm as MmStruct, length, name);
        this.kernel.event(task, 'syscall', { name: 'mmap', args: [0, length], result: r, errno: r === MAP_FAILED ? 'ENOMEM' : null });
        return r;
      },
      munmap: (address, length) => {
        const mm = task.mm as MmStruct;
        const r = doMunmap(mm, address, length);
        if (r === 0) this.kernel.event(task, 'munmap', { mm: mm.id, start: address, end: address + Math.ceil(length / mm.pageSize) * mm.pageSize });
        this.kernel.event(task, 'syscall', { name: 'munmap', args: [address, length], result: r < 0 ? -1 : 0, errno: r < 0 ? errnoName(-r) ?? null : null });
        return r;
      },
      abort: () => forceAbort(this.kernel, task),
      warn: (kind, message) => this.kernel.warn(kind, task, message),
    };
  }

  kernelWrite(task: Task, fd: number, bytes: Uint8Array): number {
    // library writes never block (native.ts, Sys.write)
    return sysWrite(this.kernel, task, fd, bytes) as number;
  }

  kernelRead(task: Task, fd: number, max: number): Uint8Array | number | typeof BLOCK {
    const r = sysRead(this.kernel, task, fd, max);
    return r === BLOCKED ? BLOCK : r;
  }
}

/**
 * Watches every library and system call of a run (the schedule explorer, src-main/explore): it
 * is told of each call before and after it runs, and decides whether the task goes on after it
 * or the scheduler picks again (a scheduling point).
 */
export interface CallObserver {
  /** `task` is about to make builtin `id` (its arguments readable with Machine.callFor). */
  before(task: Task, id: number, nargs: number, kinds: number): void;
  /**
   * `task` made builtin `id` (the result, when it returned one, on top of ctx's evaluation
   * stack); `goOn` is whether the machine would go on running it. Returns whether it goes on.
   */
  after(task: Task, id: number, ctx: CpuContext, goOn: boolean): boolean;
}

export { UnsupportedFunction } from './unsupported.ts';

/**
 * The arguments of a system call for the trace: numbers, and its path argument (the table's
 * pathArg: an exec's program, open's file) as a string; write and read give [fd, count].
 */
function syscallArgs(call: NativeCall, name: string, pathArg: number | null): (number | string)[] {
  const args: (number | string)[] = [];
  for (let i = 0; i < call.nargs; i++) {
    if (i === pathArg) {
      try {
        args.push(new TextDecoder().decode(call.mem.cString(call.ptr(i), 4096)));
        continue;
      } catch (e) {
        if (!(e instanceof Fault)) throw e;
      }
    }
    const kind = call.kind(i);
    args.push(kind === Kind.PTR ? call.ptr(i) : kind === Kind.F64 ? call.f64(i) : call.long(i));
  }
  if ((name === 'write' || name === 'read') && args.length === 3) return [args[0], args[2]];
  return args;
}

/** Pushes a native's return value onto the evaluation stack with the right kind. */
function pushResult(ctx: CpuContext, ret: NativeFunction['ret'], value: number | bigint | undefined): void {
  if (ret === 'void') return;
  if ((ctx.esp + 1) * 8 > ctx.evalBuffer.byteLength) growEvalStack(ctx);
  const s = ctx.esp++;
  const v = value ?? 0;
  switch (ret) {
    case 'i32':
      ctx.evalI32[2 * s] = Number(v) | 0;
      ctx.evalI32[2 * s + 1] = Number(v) < 0 ? -1 : 0;
      return;
    case 'i64':
      if (typeof v === 'bigint') ctx.evalI64[s] = BigInt.asIntN(64, v);
      else {
        ctx.evalI32[2 * s] = v | 0;
        ctx.evalI32[2 * s + 1] = Math.floor(v / TWO32) | 0;
      }
      return;
    case 'f64':
      ctx.evalF64[s] = Number(v);
      return;
    case 'ptr':
      ctx.evalF64[s] = typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : v;
      return;
  }
}

/**
 * A call into the C library leaves on the stack what a call to glibc leaves on x86-64: the
 * return address at sp - 8 (isa.ts), and below it the library function's own data, because
 * glibc is built without frame pointers; the lab writes 0 there (a saved register that held
 * zero). The natives run in the host, but their calls still write there, so a vfork child that
 * returned from the function that called vfork and then calls printf or _exit overwrites that
 * function's saved return address and frame pointer, and the parent, resuming in it, returns
 * with a broken frame and crashes, as it does on Linux (SIGSEGV).
 */
function leaveCallFrame(mem: UserMemory, ctx: CpuContext): void {
  mem.pushFrame(ctx, codeAddress(ctx.pc + 4), false);
}

/** A line event's fields without depth or variables (DetailOptions.values false); null where lineDetails gives null. */
function whereOnly(image: ProgramImage, pc: number, line: number): { line: number; fn: string; depth: number; vars: [] } | null {
  const fn = functionOf(image, pc);
  return fn ? { line, fn: fn.name, depth: 0, vars: [] } : null;
}

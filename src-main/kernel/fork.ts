/**
 * Process creation: kernel_clone and copy_process (kernel/fork.c in Linux).
 *
 * fork is clone(SIGCHLD), vfork is clone(CLONE_VM | CLONE_VFORK | SIGCHLD), and a thread is a
 * clone that shares memory, files, handlers and the thread group. copy_process builds the child
 * in the steps of COPY_PROCESS, in Linux's order; the `clone` event lists the steps it took, and
 * when a step fails, the steps already done are undone in reverse order (Linux's bad_fork_*
 * labels), so that the parent and the machine are as they were.
 */
import type { Kernel } from './kernel.ts';
import { newTask } from './kernel.ts';
import type { Task } from './task.ts';
import { PF_EXITING, PF_FORKNOEXEC } from './task.ts';
import { copyContext, createContext, pushI32, type CpuContext } from './context.ts';
import { dupMm } from './mm/fork.ts';
import { mmget, type MmStruct } from './mm/mm.ts';
import { copySigHand } from './signal.ts';
import { releaseFile, traceFdTable } from './fs.ts';
import { sleepOn, wakeUp } from './sched-core.ts';
import {
  CLONE_CHILD_CLEARTID, CLONE_CHILD_SETTID, CLONE_FILES, CLONE_FS, CLONE_NEWNS, CLONE_PARENT,
  CLONE_PARENT_SETTID, CLONE_SIGHAND, CLONE_THREAD, CLONE_VFORK, CLONE_VM, CSIGNAL, EAGAIN, EINVAL,
  ENOMEM, errnoName,
} from './uapi.ts';
import type { CloneWhat } from './trace.ts';

export interface CloneArgs {
  flags: number;
  /** new stack top for the child (clone), or 0 to keep the parent's stack (fork, vfork) */
  stack: number;
  /** for clone(): the child starts by calling fn(arg) through the runtime's __lab_clone_start */
  fn: number;
  arg: number;
  parentTid: number;
  childTid: number;
  /** number of argument slots of the system call (the child pops them as the parent does) */
  nargs: number;
}

/** Linux's checks of clone's flags (copy_process): the combinations that make no sense. */
export function checkCloneFlags(flags: number): number {
  if ((flags & (CLONE_NEWNS | CLONE_FS)) === (CLONE_NEWNS | CLONE_FS)) return -EINVAL;
  if (flags & CLONE_THREAD && !(flags & CLONE_SIGHAND)) return -EINVAL;
  if (flags & CLONE_SIGHAND && !(flags & CLONE_VM)) return -EINVAL;
  return 0;
}

/**
 * kernel_clone: creates the child, makes it runnable, and returns its pid, or -errno when it
 * could not (EINVAL for bad flags, EAGAIN at RLIMIT_NPROC, ENOMEM when frames run out).
 * A CLONE_VFORK parent then sleeps until the child execs or exits.
 */
export function kernelClone(k: Kernel, parent: Task, args: CloneArgs): number {
  const bad = checkCloneFlags(args.flags);
  if (bad) return bad;
  const child = copyProcess(k, parent, args);
  if (typeof child === 'number') return child;
  wakeUpNewTask(k, child);
  if (args.flags & CLONE_VFORK) {
    child.vforkDone = { parent };
    child.vforkFrame = args.stack ? 0 : parent.ctx.fp;
    child.vforkSp = args.stack ? 0 : parent.ctx.sp;
    child.vforkLine = k.lineOf(parent);
    sleepOn(k, parent, { kind: 'vfork', child: child.pid }, true);
  }
  return child.pid;
}

/** copy_process's work in progress: the caller, its request, and the child being built. */
interface Fork {
  k: Kernel;
  parent: Task;
  args: CloneArgs;
  flags: number;
  child: Task;
  mm: MmStruct | null;
}

/** One step of copy_process: does its part (0, or -errno having taken nothing) and can undo it. */
export interface CopyStep {
  /** the step's name in Linux (the trace lists it); copy_mm is share_mm with CLONE_VM */
  name: string;
  label(flags: number): string;
  run(f: Fork): number;
  undo(f: Fork): void;
}

const nothing = (): void => {};
const NPROC_CHECK = step('rlimit_nproc_check', checkNprocLimit, nothing);

/** The steps of copy_process, in the order Linux takes them (and this code too). */
export const COPY_PROCESS: readonly CopyStep[] = [
  step('dup_task_struct', dupTaskStruct, nothing),
  NPROC_CHECK,
  step('copy_files', copyFiles, undoCopyFiles),
  step('copy_fs', copyFs, (f) => f.child.fs.users--),
  step('copy_sighand', copySighand, (f) => f.child.sighand.users--),
  step('copy_signal', copySignal, (f) => f.child.signal.users--),
  { name: 'copy_mm', label: (flags) => (flags & CLONE_VM ? 'share_mm' : 'copy_mm'), run: copyMm, undo: undoCopyMm },
  step('copy_thread', copyThread, nothing),
  step('alloc_pid', allocPid, nothing),
];

function step(name: string, run: (f: Fork) => number, undo: (f: Fork) => void): CopyStep {
  return { name, label: () => name, run, undo };
}

/**
 * copy_process: the child task, or -errno after undoing, in reverse order, every step already
 * done. Each step may be made to fail by the kernel's fault injection (Kernel.injectFault).
 */
function copyProcess(k: Kernel, parent: Task, args: CloneArgs): Task | number {
  const f: Fork = { k, parent, args, flags: args.flags, child: null as unknown as Task, mm: null };
  const done: CopyStep[] = [];
  for (const s of COPY_PROCESS) {
    const injected = k.injectFault ? k.injectFault(s.name) : 0;
    const r = injected < 0 ? injected : s.run(f);
    if (r < 0) {
      const undone: string[] = [];
      for (let i = done.length - 1; i >= 0; i--) {
        done[i].undo(f);
        undone.push(done[i].label(f.flags));
      }
      forkFailed(k, f, s, undone, -r, injected < 0);
      return r;
    }
    done.push(s);
  }
  const child = f.child;
  k.attachTask(child);
  setTidWords(k, f);
  k.event(parent, 'clone', {
    child: child.pid,
    flags: f.flags,
    what: describeClone(f.flags, args.stack),
    steps: done.map((s) => s.label(f.flags)),
    childParent: child.parent!.pid,
    tgid: child.tgid,
    mm: f.mm!.id,
    command: child.comm,
  });
  if (!(f.flags & CLONE_VM)) {
    // dup_mm: the child's page table, and the parent's, whose private pages are now COW too
    k.traceMmSnapshot(child, f.mm!);
    if (k.options.forkCopy !== 'eager') k.traceMmSnapshot(parent, parent.mm as MmStruct);
  }
  // the child's descriptors (copy_files: the same open files as the parent's)
  traceFdTable(k, child.files);
  return child;
}

/** fork, vfork, a thread, a clone sharing memory, or a clone. */
function describeClone(flags: number, stack: number): CloneWhat {
  if (flags & CLONE_THREAD) return 'thread';
  if (flags & CLONE_VFORK) return 'vfork';
  if (flags & CLONE_VM) return 'clone-vm';
  return stack ? 'clone' : 'fork';
}

/**
 * Traces a failed copy_process: the step that failed and the steps undone (RLIMIT_NPROC once
 * per process, with the teaching warning: a fork bomb retries millions of times).
 */
function forkFailed(k: Kernel, f: Fork, failedStep: CopyStep, undone: string[], errno: number, injected: boolean): void {
  const parent = f.parent;
  const firstFailure = parent.forkFailures++ === 0;
  if (failedStep === NPROC_CHECK && !injected && !firstFailure) return;
  const failed = failedStep.label(f.flags);
  if (failedStep === NPROC_CHECK && !injected) {
    const limit = parent.signal.nproc.cur;
    k.event(parent, 'fork-failed', { reason: 'RLIMIT_NPROC', limit, failedAt: failed, undone });
    k.warn('fork-failed-rlimit', parent, `fork() failed with EAGAIN: the user already has ${limit} processes (RLIMIT_NPROC). A loop that forks without its children exiting is a fork bomb; check fork()'s return value for -1`);
    return;
  }
  const reason = errnoName(errno) ?? 'ENOMEM';
  k.event(parent, 'fork-failed', { reason, failedAt: failed, undone, ...(injected ? { injected: true } : {}) });
}

// ---------------------------------------------------------------- the steps

/** dup_task_struct: the child starts as a copy of the caller's task struct, with nothing shared yet. */
function dupTaskStruct(f: Fork): number {
  const { parent, flags } = f;
  const realParent = flags & (CLONE_PARENT | CLONE_THREAD) ? parent.realParent ?? parent : parent;
  // files and handlers are the caller's until copy_files and copy_sighand decide
  const child = newTask(parent.comm, realParent, parent.files, f.k.time, parent.signal.nproc.cur, parent.sighand);
  child.flags = (parent.flags & ~PF_EXITING) | PF_FORKNOEXEC;
  child.exitSignal = flags & CLONE_THREAD ? -1 : flags & CSIGNAL;
  // pending signals are not inherited; the blocked set is
  child.blocked = new Set(parent.blocked);
  f.child = child;
  return 0;
}

/**
 * Processes (and threads) the user owns now, for RLIMIT_NPROC: every task in the table but the
 * kernel's own (init and the shell). Zombies count until they are reaped, as in Linux.
 */
function userTasks(k: Kernel): number {
  return k.tasks.size - k.kernelThreadCount;
}

/** The RLIMIT_NPROC check: -EAGAIN when the user already has as many processes as the caller's limit. */
function checkNprocLimit(f: Fork): number {
  return userTasks(f.k) >= f.parent.signal.nproc.cur ? -EAGAIN : 0;
}

/** copy_files: CLONE_FILES shares the caller's descriptor table, otherwise the child gets a copy (dup_fd). */
function copyFiles(f: Fork): number {
  if (f.flags & CLONE_FILES) {
    f.parent.files.users++;
    f.child.files = f.parent.files;
  } else f.child.files = f.parent.files.duplicate();
  return 0;
}

function undoCopyFiles(f: Fork): void {
  const files = f.child.files;
  if (--files.users > 0) return;
  for (const entry of files.fds) if (entry) releaseFile(f.k, entry.file);
  files.fds = [];
}

/** copy_fs: CLONE_FS shares the working directory, otherwise the child gets a copy. */
function copyFs(f: Fork): number {
  if (f.flags & CLONE_FS) {
    f.parent.fs.users++;
    f.child.fs = f.parent.fs;
  } else f.child.fs = { users: 1, cwd: f.parent.fs.cwd };
  return 0;
}

/** copy_sighand: CLONE_SIGHAND shares the signal handlers, otherwise the child gets a copy. */
function copySighand(f: Fork): number {
  if (f.flags & CLONE_SIGHAND) {
    f.parent.sighand.users++;
    f.child.sighand = f.parent.sighand;
  } else f.child.sighand = copySigHand(f.parent.sighand);
  return 0;
}

/**
 * copy_signal: a thread shares its process's limits, group and session; a new process gets a
 * copy of the limits and starts in its parent's process group and session (never as a leader).
 */
function copySignal(f: Fork): number {
  const own = f.parent.signal;
  if (f.flags & CLONE_THREAD) {
    own.users++;
    f.child.signal = own;
  } else f.child.signal = { users: 1, nproc: { ...own.nproc }, pgid: own.pgid, sid: own.sid, leader: false };
  return 0;
}

/** copy_mm: CLONE_VM shares the address space; otherwise dup_mm copies it (COW, or eagerly). */
function copyMm(f: Fork): number {
  const parentMm = f.parent.mm as MmStruct;
  if (f.flags & CLONE_VM) f.mm = mmget(parentMm);
  else {
    const copy = dupMm(parentMm, { eager: f.k.options.forkCopy === 'eager' });
    if ('error' in copy) return -ENOMEM;
    f.mm = copy;
  }
  f.child.mm = f.mm;
  return 0;
}

/** Drops the child's hold on its address space: a copy's frames are freed with it. */
function undoCopyMm(f: Fork): void {
  const mm = f.mm!;
  f.child.mm = null;
  f.mm = null;
  f.k.memory.mmput(mm);
}

/** copy_thread: the child's registers (it returns 0 from the call, or starts in fn on its own stack). */
function copyThread(f: Fork): number {
  f.child.ctx = f.args.stack ? startContext(f.parent.ctx, f.args) : forkContext(f.parent.ctx, f.args.nargs);
  return 0;
}

/** alloc_pid: the child's pid (and thread group: its own, or the caller's for a thread). */
function allocPid(f: Fork): number {
  const child = f.child;
  child.pid = f.k.nextPid++;
  child.tgid = f.flags & CLONE_THREAD ? f.parent.tgid : child.pid;
  return 0;
}

/** The tid words of CLONE_CHILD_CLEARTID, CLONE_PARENT_SETTID and CLONE_CHILD_SETTID. */
function setTidWords(k: Kernel, f: Fork): void {
  const { flags, args, child, parent } = f;
  if (flags & CLONE_CHILD_CLEARTID) child.clearChildTid = args.childTid;
  if (flags & CLONE_PARENT_SETTID && args.parentTid) putTid(k, parent, args.parentTid, child.pid);
  if (flags & CLONE_CHILD_SETTID && args.childTid) putTid(k, child, args.childTid, child.pid);
}

/** The child of fork/vfork resumes after the system call with 0 as its result. */
function forkContext(parent: CpuContext, nargs: number): CpuContext {
  const ctx = copyContext(parent);
  ctx.esp -= nargs;
  pushI32(ctx, 0);
  ctx.pc += 4;
  return ctx;
}

/** The child of clone(fn, stack, …) starts in the runtime's __lab_clone_start(fn, arg) on its stack. */
function startContext(parent: CpuContext, args: CloneArgs): CpuContext {
  const image = parent.image;
  const start = image.functions.find((f) => f.name === '__lab_clone_start');
  if (!start) throw new Error('internal error: the C runtime has no __lab_clone_start');
  const top = Math.floor(args.stack / 16) * 16 - 16;
  const ctx = createContext(image, start.entryPc, top);
  ctx.fp = top;
  ctx.evalF64[ctx.esp++] = args.arg;
  ctx.evalF64[ctx.esp++] = args.fn;
  ctx.nargs = 2;
  return ctx;
}

function putTid(k: Kernel, task: Task, address: number, tid: number): void {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setInt32(0, tid, true);
  k.memory.writeUser(task.mm, address, bytes);
}

/**
 * wake_up_new_task: the child joins the run queue behind its parent (the parent runs first), or,
 * with the child-first policy, in front of it, and the parent gives up the CPU.
 */
function wakeUpNewTask(k: Kernel, child: Task): void {
  wakeUp(k, child);
  if (k.options.policy === 'child-first') {
    const q = k.runQueue;
    q.splice(q.indexOf(child), 1);
    q.unshift(child);
    k.needResched = true;
  }
}

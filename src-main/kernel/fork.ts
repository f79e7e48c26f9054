/**
 * Process creation: kernel_clone and copy_process (kernel/fork.c in Linux).
 *
 * fork is clone(SIGCHLD), vfork is clone(CLONE_VM | CLONE_VFORK | SIGCHLD), and a thread is a
 * clone that shares memory, files, handlers and the thread group. copy_process builds the child
 * step by step (each step is traced, so the viewer can show it) and undoes what it built, in
 * reverse order, when a step fails.
 */
import type { Kernel } from './kernel.ts';
import type { Task } from './task.ts';
import { PF_FORKNOEXEC } from './task.ts';
import { copyContext, createContext, pushI32, type CpuContext } from './context.ts';
import { dupMm } from './mm/fork.ts';
import { mmget, type MmStruct } from './mm/mm.ts';
import { copySigHand } from './signal.ts';

export const CSIGNAL = 0xff;
export const CLONE_VM = 0x100;
export const CLONE_FS = 0x200;
export const CLONE_FILES = 0x400;
export const CLONE_SIGHAND = 0x800;
export const CLONE_PTRACE = 0x2000;
export const CLONE_VFORK = 0x4000;
export const CLONE_PARENT = 0x8000;
export const CLONE_THREAD = 0x10000;
export const CLONE_NEWNS = 0x20000;
export const CLONE_SYSVSEM = 0x40000;
export const CLONE_SETTLS = 0x80000;
export const CLONE_PARENT_SETTID = 0x100000;
export const CLONE_CHILD_CLEARTID = 0x200000;
export const CLONE_DETACHED = 0x400000;
export const CLONE_UNTRACED = 0x800000;
export const CLONE_CHILD_SETTID = 0x1000000;
export const CLONE_STOPPED = 0x2000000;

const EAGAIN = 11;
const ENOMEM = 12;
const EINVAL = 22;

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
 * Processes (and threads) the user owns now, for RLIMIT_NPROC: every task in the table but the
 * kernel's own (init and the shell). Zombies count until they are reaped, as in Linux.
 */
function userTasks(k: Kernel): number {
  return k.tasks.size - k.kernelThreadCount;
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
    k.sleepOn(parent, { kind: 'vfork', child: child.pid }, true);
  }
  return child.pid;
}

/** copy_process: the child task, or -errno after undoing every step already done. */
function copyProcess(k: Kernel, parent: Task, args: CloneArgs): Task | number {
  const flags = args.flags;
  if (userTasks(k) >= k.options.nprocLimit) {
    // traced once per process: a fork bomb retries millions of times
    if (parent.forkFailures++ === 0) {
      k.event(parent, 'fork-failed', { reason: 'RLIMIT_NPROC', limit: k.options.nprocLimit });
      k.warn('fork-failed-rlimit', parent, `fork() failed with EAGAIN: the user already has ${k.options.nprocLimit} processes (RLIMIT_NPROC). A loop that forks without its children exiting is a fork bomb; check fork()'s return value for -1`);
    }
    return -EAGAIN;
  }
  // copy_mm first: it is the step that can fail for want of memory
  let mm: MmStruct;
  if (flags & CLONE_VM) mm = mmget(parent.mm as MmStruct);
  else {
    const copy = dupMm(parent.mm as MmStruct, { eager: k.options.forkCopy === 'eager' });
    if ('error' in copy) {
      k.event(parent, 'fork-failed', { reason: 'ENOMEM' });
      return -ENOMEM;
    }
    mm = copy;
  }
  // dup_task_struct and alloc_pid
  const realParent = flags & (CLONE_PARENT | CLONE_THREAD) ? parent.realParent ?? parent : parent;
  const files = flags & CLONE_FILES ? parent.files : parent.files.duplicate();
  if (flags & CLONE_FILES) files.users++;
  const child = k.allocTask(parent.comm, realParent, files);
  child.mm = mm;
  child.flags = (parent.flags & ~0x4) | PF_FORKNOEXEC;
  child.tgid = flags & CLONE_THREAD ? parent.tgid : child.pid;
  child.exitSignal = flags & CLONE_THREAD ? -1 : flags & CSIGNAL;
  // copy_sighand; pending signals are not inherited; the blocked set is
  if (flags & CLONE_SIGHAND) {
    child.sighand = parent.sighand;
    parent.sighand.users++;
  } else child.sighand = copySigHand(parent.sighand);
  child.blocked = new Set(parent.blocked);
  child.ctx = args.stack ? startContext(parent.ctx, args) : forkContext(parent.ctx, args.nargs);
  // copy_thread done; the tid words
  if (flags & CLONE_CHILD_CLEARTID) child.clearChildTid = args.childTid;
  if (flags & CLONE_PARENT_SETTID && args.parentTid) putTid(k, parent, args.parentTid, child.pid);
  if (flags & CLONE_CHILD_SETTID && args.childTid) putTid(k, child, args.childTid, child.pid);
  k.event(parent, 'clone', {
    child: child.pid,
    flags,
    what: flags & CLONE_THREAD ? 'thread' : flags & CLONE_VFORK ? 'vfork' : flags & CLONE_VM ? 'clone-vm' : args.stack ? 'clone' : 'fork',
    steps: copyProcessSteps(flags),
    childParent: realParent.pid,
    tgid: child.tgid,
    mm: mm.id,
    command: child.comm,
  });
  if (!(flags & CLONE_VM)) {
    // dup_mm: the child's page table, and the parent's, whose private pages are now COW too
    k.traceMmSnapshot(child, mm);
    if (k.options.forkCopy !== 'eager') k.traceMmSnapshot(parent, parent.mm as MmStruct);
  }
  return child;
}

/** The steps of copy_process, in the order Linux takes them, as the trace lists them. */
function copyProcessSteps(flags: number): string[] {
  return [
    'dup_task_struct',
    'rlimit_nproc_check',
    'copy_files',
    'copy_fs',
    'copy_sighand',
    'copy_signal',
    flags & CLONE_VM ? 'share_mm' : 'copy_mm',
    'copy_thread',
    'alloc_pid',
  ];
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
  k.wakeUp(child);
  if (k.options.policy === 'child-first') {
    const q = k.runQueue;
    q.splice(q.indexOf(child), 1);
    q.unshift(child);
    k.needResched = true;
  }
}

/**
 * The task: Linux's `struct task_struct`, trimmed to what the lab teaches.
 *
 * States use the letters `ps` shows: R running or runnable, S sleeping (interruptible: wait,
 * sleep, pause, a pipe read), D uninterruptible (a vfork parent waiting for vfork_done), T stopped,
 * Z zombie (exited, waiting for its parent to reap it), X dead (reaped; gone from the table).
 */
import type { CpuContext } from './context.ts';
import type { FdTable } from './files.ts';

export type TaskState = 'R' | 'S' | 'D' | 'T' | 'Z' | 'X';

/** Task flags (PF_*), as in include/linux/sched.h. */
export const PF_EXITING = 0x4;
export const PF_FORKNOEXEC = 0x40;
export const PF_SUPERPRIV = 0x100;

/** What a sleeping task waits for, so a deadlock report can name it. */
export type WaitReason =
  | { kind: 'child'; pid: number }
  | { kind: 'pipe-read'; fd: number }
  | { kind: 'pipe-write'; fd: number }
  | { kind: 'terminal-read' }
  | { kind: 'sleep'; until: number }
  | { kind: 'pause' }
  | { kind: 'vfork'; child: number }
  | { kind: 'futex'; address: number }
  | { kind: 'stopped' };

/** One signal's disposition (struct k_sigaction): SIG_DFL 0, SIG_IGN 1, or a handler's address. */
export interface SigAction {
  handler: number;
  flags: number;
  /** signals blocked while the handler runs (a set of signal numbers) */
  mask: Set<number>;
}

/** Signal handlers (struct sighand_struct), shared by CLONE_SIGHAND tasks. */
export interface SigHand {
  users: number;
  actions: SigAction[];
}

/** The file system context (struct fs_struct), shared by CLONE_FS tasks: the working directory. */
export interface FsStruct {
  users: number;
  /** absolute path of the working directory */
  cwd: string;
}

/** A resource limit (struct rlimit): the soft limit the kernel enforces and the hard ceiling. */
export interface Rlimit {
  cur: number;
  max: number;
}

/**
 * What the threads of a process share (struct signal_struct): its resource limits. Copied by
 * fork, shared by CLONE_THREAD.
 */
export interface SignalStruct {
  users: number;
  /** RLIMIT_NPROC: processes the user may have (fork fails with EAGAIN at it) */
  nproc: Rlimit;
  /** the process group and the session the process is in (a child starts in its parent's) */
  pgid: number;
  sid: number;
  /** true for the session's leader (setsid made it), which may not change its group */
  leader: boolean;
}

/** A system call the task is blocked in, so a signal can interrupt it (EINTR) or it can resume. */
export interface BlockedCall {
  name: string;
  nargs: number;
  ret: 'i32' | 'i64' | 'ptr' | 'void' | 'f64';
}

/**
 * What a system call returns when it must wait: the kernel put the task to sleep, and the VM
 * makes the same call again when the task wakes up.
 */
export const BLOCKED = 'blocked' as const;

export interface Task {
  pid: number;
  /** thread group id: the pid of the group leader; getpid() returns it */
  tgid: number;
  /** program name (the `comm` field): argv[0]'s base name at exec */
  comm: string;
  state: TaskState;
  flags: number;
  /** who gets SIGCHLD and reaps us; parent === realParent unless ptraced (never, in the lab) */
  parent: Task | null;
  realParent: Task | null;
  children: Task[];
  /** the low byte of clone's flags: the signal sent to the parent at exit (SIGCHLD for fork) */
  exitSignal: number;
  /** the wait status word once the task has exited (as Linux encodes it) */
  exitCode: number;
  /** the address space, shared by CLONE_VM tasks (threads, a vfork child) */
  mm: unknown;
  files: FdTable;
  fs: FsStruct;
  /** the process's shared state (resource limits), shared by its threads */
  signal: SignalStruct;
  /** the CPU registers (VM state) */
  ctx: CpuContext;
  /** set while a vfork child runs; completeVforkDone wakes the parent */
  vforkDone: { parent: Task } | null;
  /** PR_SET_CHILD_SUBREAPER */
  childSubreaper: boolean;
  /** what the task sleeps on, when state is S or D */
  waitingFor: WaitReason | null;
  /** simulated time (ns) of creation and exit, for zombie lifetimes */
  startTime: number;
  exitTime: number;
  /** steps (VM instructions) run by this task */
  steps: number;
  /** the pid that reaped this task, and the pid it was reparented to (null if never) */
  reapedBy: number | null;
  reparentedTo: number | null;
  sighand: SigHand;
  /** signals sent to this task and not yet delivered, and those it blocks */
  pending: Set<number>;
  blocked: Set<number>;
  /**
   * the blocked set sigsuspend replaced while it sleeps (Linux's saved_sigmask), or null: the
   * signal frame of the handler that ends the sleep saves it, so rt_sigreturn restores it
   */
  savedSigmask: Set<number> | null;
  /** simulated time when SIGALRM is due (alarm), or null */
  alarmAt: number | null;
  /** the deadline of the nanosleep the task sleeps in (restart_block), or null */
  timerDeadline: number | null;
  /** the signal that stopped the task, and whether a wait has reported the stop / a continue yet */
  stopSignal: number;
  stopReported: boolean;
  continueReported: boolean;
  /** a vfork child: the frame pointer of the function that called vfork (0 otherwise) */
  vforkFrame: number;
  /**
   * a vfork child: the stack pointer when vfork was called (the child's own frames go below it;
   * everything from it up is its parent's) and the line of the vfork call (null when unknown)
   */
  vforkSp: number;
  vforkLine: number | null;
  /** an exec of this task failed since it was forked (it may be running its parent's code) */
  execFailed: boolean;
  /** how many of this task's forks failed (EAGAIN, ENOMEM) */
  forkFailures: number;
  /** CLONE_CHILD_CLEARTID: the address zeroed (and futex-woken) when the task exits, or 0 */
  clearChildTid: number;
  /** bytes a blocking write(2) to a full pipe has written so far (it goes on from there) */
  pipeWritten: number;
  /** the system call the task sleeps in, if any */
  blockedCall: BlockedCall | null;
  /**
   * While the task sleeps in a call that looks for what it waits for before it looks at signals
   * (do_wait, pipe_read): whether that call, made again, would return now. Null for the others,
   * which a signal interrupts at once.
   */
  wouldReturn: (() => boolean) | null;
  /** kernel-only tasks (init, the shell) run native code instead of bytecode */
  kernelThread: ((self: Task) => void) | null;
}

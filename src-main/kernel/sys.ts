/**
 * Small system calls about the calling process (kernel/sys.c in Linux): its ids, prctl, its
 * resource limits, and the program break (mm/mmap.c's brk). Each returns what Linux returns:
 * a value, or -errno.
 */
import type { Kernel } from './kernel.ts';
import type { Mm } from './memory.ts';
import type { Rlimit, Task } from './task.ts';
import { EINVAL, EPERM, PR_GET_CHILD_SUBREAPER, PR_GET_NAME, PR_SET_CHILD_SUBREAPER, PR_SET_NAME, RLIMIT_NPROC } from './uapi.ts';

/** The lab's student user. */
export const STUDENT_UID = 1000;
/** A task's name (comm) holds at most 15 characters (TASK_COMM_LEN 16 with its NUL). */
export const TASK_COMM_LEN = 16;

/** getpid(2): the thread group's id (the process id), not the thread's own. */
export function sysGetpid(task: Task): number {
  return task.tgid;
}

/** gettid(2): the task's own id. */
export function sysGettid(task: Task): number {
  return task.pid;
}

/** getppid(2): the parent process's id (init's or a subreaper's after reparenting). */
export function sysGetppid(task: Task): number {
  return task.parent?.tgid ?? 0;
}

/** getuid(2): everyone in the lab is the student. */
export function sysGetuid(): number {
  return STUDENT_UID;
}

/** What prctl gets or gives: a number, or a name (PR_SET_NAME, PR_GET_NAME). */
export interface PrctlArg {
  value: number;
  name: string;
}

/**
 * prctl(2) with the options students meet: PR_SET_CHILD_SUBREAPER / PR_GET_CHILD_SUBREAPER,
 * PR_SET_NAME / PR_GET_NAME (15 characters). Getters fill `arg`. -EINVAL for other options.
 */
export function sysPrctl(k: Kernel, task: Task, option: number, arg: PrctlArg): number {
  switch (option) {
    case PR_SET_CHILD_SUBREAPER:
      task.childSubreaper = arg.value !== 0;
      k.event(task, 'subreaper', { on: task.childSubreaper });
      return 0;
    case PR_GET_CHILD_SUBREAPER:
      arg.value = task.childSubreaper ? 1 : 0;
      return 0;
    case PR_SET_NAME:
      task.comm = arg.name.slice(0, TASK_COMM_LEN - 1);
      return 0;
    case PR_GET_NAME:
      arg.name = task.comm.slice(0, TASK_COMM_LEN - 1);
      return 0;
    default:
      return -EINVAL;
  }
}

/** The limit `resource` of the task's process, or null for a resource the lab does not keep. */
function rlimitOf(task: Task, resource: number): Rlimit | null {
  return resource === RLIMIT_NPROC ? task.signal.nproc : null;
}

/**
 * getrlimit(2): the soft and hard limit of `resource` (RLIMIT_NPROC; the others the lab does
 * not enforce read as unlimited, Infinity). -EINVAL for a resource number out of range.
 */
export function sysGetrlimit(task: Task, resource: number): Rlimit | number {
  if (resource < 0 || resource >= 16) return -EINVAL;
  const limit = rlimitOf(task, resource);
  return limit ? { ...limit } : { cur: Infinity, max: Infinity };
}

/**
 * setrlimit(2): sets the soft and hard limit of `resource`. The soft limit may not exceed the
 * hard one (-EINVAL), and an unprivileged user may lower the hard limit but not raise it
 * (-EPERM). Limits the lab does not enforce are accepted and ignored.
 */
export function sysSetrlimit(task: Task, resource: number, wanted: Rlimit): number {
  if (resource < 0 || resource >= 16 || wanted.cur > wanted.max) return -EINVAL;
  const limit = rlimitOf(task, resource);
  if (!limit) return 0;
  if (wanted.max > limit.max) return -EPERM;
  limit.cur = wanted.cur;
  limit.max = wanted.max;
  return 0;
}

/**
 * brk(2): moves the task's program break to `want` (0 asks where it is) and returns the break
 * it now has: the old one when the move was refused (as Linux's brk, which glibc's brk() and
 * sbrk() turn into -1 / ENOMEM). Traces `brk` when the break moved.
 */
export function sysBrk(k: Kernel, task: Task, want: number): number {
  const mm = task.mm as Mm;
  const from = mm.brk;
  const got = k.memory.brk(mm, want);
  if (got !== from) k.event(task, 'brk', { mm: mm.id, from, to: got });
  return got;
}

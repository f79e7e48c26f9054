/**
 * Process groups and sessions (Linux's kernel/sys.c: setpgid, getpgid, getsid, setsid). A
 * process group is the set of processes whose `signal.pgid` is its id; kill(-pgid) and
 * waitpid(-pgid) name one. The shell puts the program in a group of its own (kernel.ts boot),
 * and a child starts in its parent's group and session (fork.ts copySignal). Each call returns a
 * value or -errno, with Linux's checks in Linux's order.
 */
import type { Kernel } from './kernel.ts';
import type { Task } from './task.ts';
import { EACCES, EINVAL, EPERM, ESRCH } from './uapi.ts';
import { PF_FORKNOEXEC } from './task.ts';

/** The task with id `pid` that a call about a process may name (not yet reaped), or null. */
function findProcess(k: Kernel, pid: number): Task | null {
  const t = k.tasks.get(pid);
  return t && t.state !== 'X' ? t : null;
}

/** True when some process (a zombie too, until it is reaped) is in process group `pgid`. */
export function groupExists(k: Kernel, pgid: number): boolean {
  for (const t of k.tasks.values()) if (t.state !== 'X' && t.signal.pgid === pgid) return true;
  return false;
}

/** The processes of group `pgid` that a signal or a wait may reach: user processes, not yet reaped. */
export function groupMembers(k: Kernel, pgid: number): Task[] {
  return [...k.tasks.values()].filter((t) => !t.kernelThread && t.state !== 'X' && t.tgid === t.pid && t.signal.pgid === pgid);
}

/** The leader of the caller's thread group (what "the calling process" means). */
function groupLeader(k: Kernel, task: Task): Task {
  return k.tasks.get(task.tgid) ?? task;
}

/**
 * setpgid(2): puts process `pid` (0: the caller) in process group `pgid` (0: a group of its own,
 * pgid = pid). The process must be the caller or a child of the caller's: -ESRCH otherwise; a
 * child in another session is -EPERM, a child that has exec'd -EACCES; a thread that is not its
 * process's leader -EINVAL; a session leader cannot move (-EPERM), nor join a group that does not
 * exist in the caller's session (-EPERM). -EINVAL for a negative pgid.
 */
export function sysSetpgid(k: Kernel, task: Task, pid: number, pgid: number): number {
  const caller = groupLeader(k, task);
  if (pid === 0) pid = caller.pid;
  if (pgid === 0) pgid = pid;
  if (pgid < 0) return -EINVAL;
  const p = findProcess(k, pid);
  if (!p || p.kernelThread) return -ESRCH;
  if (p.tgid !== p.pid) return -EINVAL;
  if (p.realParent && p.realParent.tgid === caller.tgid) {
    if (p.signal.sid !== caller.signal.sid) return -EPERM;
    if (!(p.flags & PF_FORKNOEXEC)) return -EACCES;
  } else if (p !== caller) return -ESRCH;
  if (p.signal.leader) return -EPERM;
  if (pgid !== pid && !sessionHasGroup(k, caller.signal.sid, pgid)) return -EPERM;
  p.signal.pgid = pgid;
  return 0;
}

/** True when process group `pgid` exists with a member in session `sid`. */
function sessionHasGroup(k: Kernel, sid: number, pgid: number): boolean {
  for (const t of k.tasks.values()) if (t.state !== 'X' && t.signal.pgid === pgid && t.signal.sid === sid) return true;
  return false;
}

/** getpgid(2): the process group of process `pid` (0: the caller), or -ESRCH. */
export function sysGetpgid(k: Kernel, task: Task, pid: number): number {
  const p = pid === 0 ? task : findProcess(k, pid);
  return p ? p.signal.pgid : -ESRCH;
}

/** getsid(2): the session of process `pid` (0: the caller), or -ESRCH. */
export function sysGetsid(k: Kernel, task: Task, pid: number): number {
  const p = pid === 0 ? task : findProcess(k, pid);
  return p ? p.signal.sid : -ESRCH;
}

/**
 * setsid(2): the caller starts a new session and a new process group, both with its pid, and
 * leads them; it has no controlling terminal then (the lab's terminal stays open on its
 * descriptors). -EPERM when a process group with the caller's pid exists already (the caller
 * leads a group: a program the shell started, until it forks and the child calls setsid).
 */
export function sysSetsid(k: Kernel, task: Task): number {
  const caller = groupLeader(k, task);
  if (groupExists(k, caller.pid)) return -EPERM;
  caller.signal.pgid = caller.pid;
  caller.signal.sid = caller.pid;
  caller.signal.leader = true;
  return caller.pid;
}

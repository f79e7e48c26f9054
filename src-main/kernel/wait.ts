/**
 * wait and waitpid (do_wait in kernel/exit.c): a parent collects the exit status of a child
 * that has become a zombie, which releases the child from the process table.
 */
import type { Kernel } from './kernel.ts';
import type { Task } from './task.ts';
import { BLOCKED } from './task.ts';
import { ECHILD, WCONTINUED, WNOHANG, WUNTRACED } from './uapi.ts';
import { releaseTask } from './exit.ts';
import { sleepOn } from './sched-core.ts';

/**
 * The children of `task` that waitpid(pid) may collect (threads are not waited for): -1 any,
 * > 0 that one, 0 those in the caller's process group, < -1 those in process group -pid.
 */
function eligibleChildren(task: Task, pid: number): Task[] {
  return task.children.filter((c) => c.tgid === c.pid && waitMatches(task, c, pid));
}

function waitMatches(task: Task, child: Task, pid: number): boolean {
  if (pid > 0) return child.pid === pid;
  if (pid === -1) return true;
  return child.signal.pgid === (pid === 0 ? task.signal.pgid : -pid);
}

/**
 * do_wait: reaps a zombie child matching `pid` (-1 any child, > 0 that child, 0 or < -1 a
 * child of a process group) and returns
 * its pid and wait status; 0 with WNOHANG when children live but none has exited; -ECHILD when
 * there is no such child; BLOCKED after putting the task to sleep until a child changes state.
 */
export function doWait(k: Kernel, task: Task, pid: number, options: number): { pid: number; status: number } | number | typeof BLOCKED {
  const children = eligibleChildren(task, pid);
  if (children.length === 0) return -ECHILD;
  for (const child of children) {
    if (child.state === 'Z') return waitTaskZombie(k, task, child);
    if (options & WUNTRACED && child.state === 'T' && !child.stopReported) {
      // wait_task_stopped: reported once, as (signal << 8) | 0x7f
      child.stopReported = true;
      return { pid: child.pid, status: (child.stopSignal << 8) | 0x7f };
    }
    if (options & WCONTINUED && !child.continueReported) {
      child.continueReported = true;
      return { pid: child.pid, status: 0xffff };
    }
  }
  if (options & WNOHANG) return 0;
  task.wouldReturn = () => waitWouldReturn(task, pid, options);
  sleepOn(k, task, { kind: 'child', pid });
  return BLOCKED;
}

/**
 * True when waitpid(pid, options) would return now, were it made again: a child it waits for
 * has a state to report, or none is left (ECHILD). do_wait looks for such a child before it
 * looks at signals, so a signal that arrives with a child's exit is delivered after the wait
 * has returned that child (and a handler without SA_RESTART does not make it fail with EINTR).
 */
function waitWouldReturn(task: Task, pid: number, options: number): boolean {
  const children = eligibleChildren(task, pid);
  if (children.length === 0) return true;
  return children.some(
    (child) =>
      child.state === 'Z' ||
      (options & WUNTRACED && child.state === 'T' && !child.stopReported) ||
      (options & WCONTINUED && !child.continueReported),
  );
}

/** wait_task_zombie: takes the zombie's status and releases it (release_task). */
function waitTaskZombie(k: Kernel, parent: Task, zombie: Task): { pid: number; status: number } {
  const status = zombie.exitCode;
  releaseTask(k, zombie, parent);
  return { pid: zombie.pid, status };
}

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

/** The children of `task` that waitpid(pid) may collect (threads are not waited for). */
function eligibleChildren(task: Task, pid: number): Task[] {
  return task.children.filter((c) => c.tgid === c.pid && (pid <= 0 || pid === -1 || c.pid === pid));
}

/**
 * do_wait: reaps a zombie child matching `pid` (-1 or 0 any child, > 0 that child) and returns
 * its pid and wait status; 0 with WNOHANG when children live but none has exited; -ECHILD when
 * there is no such child; BLOCKED after putting the task to sleep until a child changes state.
 */
export function doWait(k: Kernel, task: Task, pid: number, options: number): { pid: number; status: number } | number | typeof BLOCKED {
  task.waitQuery = null;
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
  task.waitQuery = { pid, options };
  sleepOn(k, task, { kind: 'child', pid });
  return BLOCKED;
}

/**
 * True when the wait `task` sleeps in would return now, were it made again: a child it waits for
 * has a state to report, or none is left (ECHILD). do_wait looks for such a child before it
 * looks at signals, so a signal that arrives with a child's exit is delivered after the wait
 * has returned that child (and a handler without SA_RESTART does not make it fail with EINTR).
 */
export function waitWouldReturn(task: Task): boolean {
  const query = task.waitQuery;
  if (!query) return false;
  const children = eligibleChildren(task, query.pid);
  if (children.length === 0) return true;
  return children.some(
    (child) =>
      child.state === 'Z' ||
      (query.options & WUNTRACED && child.state === 'T' && !child.stopReported) ||
      (query.options & WCONTINUED && !child.continueReported),
  );
}

/** wait_task_zombie: takes the zombie's status and releases it (release_task). */
function waitTaskZombie(k: Kernel, parent: Task, zombie: Task): { pid: number; status: number } {
  const status = zombie.exitCode;
  releaseTask(k, zombie, parent);
  return { pid: zombie.pid, status };
}

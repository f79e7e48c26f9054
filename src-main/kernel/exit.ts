/**
 * The exit path (kernel/exit.c in Linux): a task ends (exit, exit_group, a fatal signal or
 * fault), gives back its memory and files, hands its children to a reaper, tells its parent, and
 * stays a zombie until it is reaped (release_task).
 *
 *   doExit → exitMm (mmRelease → completeVforkDone) → exitFiles → exitFs → exitNotify
 *          (forgetOriginalParent, the exit signal, or an immediate reap) → zombie
 *   releaseTask: the zombie leaves the process table (wait, init, or a parent ignoring SIGCHLD)
 */
import { userLine } from './inspect.ts';
import type { Kernel } from './kernel.ts';
import type { Mm } from './memory.ts';
import type { Fault } from './mmu.ts';
import type { Task } from './task.ts';
import { PF_EXITING } from './task.ts';
import { SIGKILL } from './uapi.ts';
import { SIGNAL_NAMES, defaultAction, exitedStatus, signalNumber, signaledStatus } from './signals.ts';
import { autoReaps, sendSignal } from './signal.ts';
import { closeFd, traceFdTable } from './fs.ts';
import { futexWake } from './futex.ts';
import { wakeUp } from './sched-core.ts';

/** A CPU fault (bad access, division by zero, out of memory): the task receives the signal, whose default action kills it. */
export function handleFault(k: Kernel, task: Task, fault: Fault, pc: number): void {
  const sig = fault.signal === 'SIGKILL' ? SIGKILL : signalNumber(fault.signal);
  // a line of the student's file: a fault inside the C library is at the line that called it
  const line = task.ctx.image === k.userImage ? userLine(task.mm as Mm | null, task.ctx.image, pc, task.ctx.fp) : null;
  k.event(task, 'fault', {
    signal: fault.signal,
    reason: fault.reason,
    address: fault.address,
    write: fault.write,
    pc,
    ...(line !== null ? { line } : {}),
    page: Math.floor(fault.address / k.options.pageSize),
  });
  killBySignal(k, task, sig);
}

/**
 * Ends a task with signal `sig` as its default action would. Signals whose action is "core"
 * dump no core: RLIMIT_CORE is 0, as on most Linux systems, so WCOREDUMP is 0 too.
 */
export function killBySignal(k: Kernel, task: Task, sig: number): void {
  const dumped = defaultAction(sig) === 'core' && k.options.coreLimit > 0;
  doExit(k, task, signaledStatus(sig, dumped));
}

/** exit_group(2): every other thread of the process ends, then the caller, with `code`. Does not return. */
export function doGroupExit(k: Kernel, task: Task, code: number): void {
  const status = exitedStatus(code);
  for (const t of [...k.tasks.values()]) if (t !== task && t.tgid === task.tgid) doExit(k, t, status);
  doExit(k, task, status);
}

/**
 * do_exit: releases the task's memory and files, hands its children to a reaper, notifies the
 * parent, and leaves a zombie (`status` is the wait status word). Does not return to the task.
 */
export function doExit(k: Kernel, task: Task, status: number): void {
  if (task.state === 'Z' || task.state === 'X') return;
  task.flags |= PF_EXITING;
  task.exitCode = status;
  task.exitTime = k.time;
  exitMm(k, task);
  exitFiles(k, task);
  exitFs(task);
  const q = k.runQueue.indexOf(task);
  if (q >= 0) k.runQueue.splice(q, 1);
  task.state = 'Z';
  task.waitingFor = null;
  // the program's zombies (not the `cat` of --stdout pipe, which is the shell's: pipe-cat.ts)
  if (!task.kernelThread && task !== k.pipeCat?.task) {
    k.zombies++;
    k.zombiesPeak = Math.max(k.zombiesPeak, k.zombies);
  }
  k.event(task, 'exit', { status, code: (status >> 8) & 0xff, signal: status & 0x7f ? SIGNAL_NAMES[status & 0x7f] : null });
  k.needResched = true;
  exitNotify(k, task);
}

/** exit_mm: mm_release (clear the tid word, finish a vfork), then drop the address space. */
function exitMm(k: Kernel, task: Task): void {
  mmRelease(k, task);
  const mm = task.mm as Mm | null;
  task.mm = null;
  if (mm) mmPut(k, task, mm);
}

/** mmput on behalf of `task`; traces `mm-release` when it was the address space's last user. */
export function mmPut(k: Kernel, task: Task, mm: Mm): void {
  k.asActor(task, () => {
    if (k.memory.mmput(mm)) {
      k.liveMms.delete(mm.id);
      k.event(task, 'mm-release', { mm: mm.id });
    }
  });
}

/**
 * mm_release: the task stops using its memory (exit or exec). CLONE_CHILD_CLEARTID's word is
 * zeroed and its waiters woken (pthread_join), and a vfork parent wakes (complete_vfork_done).
 */
export function mmRelease(k: Kernel, task: Task): void {
  if (task.clearChildTid && task.mm) {
    k.memory.writeUser(task.mm, task.clearChildTid, new Uint8Array(4));
    futexWake(k, task.mm, task.clearChildTid, Infinity);
    task.clearChildTid = 0;
  }
  completeVforkDone(k, task);
}

/** complete_vfork_done: the parent blocked in vfork may run again. */
function completeVforkDone(k: Kernel, task: Task): void {
  const done = task.vforkDone;
  if (!done) return;
  task.vforkDone = null;
  k.event(task, 'vfork-done', { parent: done.parent.pid });
  if (done.parent.state === 'D') wakeUp(k, done.parent, 'vfork-done');
}

/** exit_files: the last task using a descriptor table closes every descriptor in it. */
function exitFiles(k: Kernel, task: Task): void {
  const files = task.files;
  files.users--;
  if (files.users > 0) {
    // the table lives on for the tasks that share it; this one no longer has descriptors
    k.eventLazily(task, 'fd-table', () => ({ fds: [] }));
    return;
  }
  for (let fd = 0; fd < files.fds.length; fd++) if (files.fds[fd]) closeFd(k, task, fd, false);
  traceFdTable(k, files);
}

/** exit_fs: the task stops using its working directory. */
function exitFs(task: Task): void {
  task.fs.users--;
}

/**
 * exit_notify: reparents the children, then tells the parent with the exit signal, or is
 * reaped at once when the parent ignores SIGCHLD (SIG_IGN or SA_NOCLDWAIT).
 */
function exitNotify(k: Kernel, task: Task): void {
  forgetOriginalParent(k, task);
  const parent = task.parent;
  if (!parent) return;
  if (task.exitSignal === -1) {
    // a thread (CLONE_THREAD) is never a zombie: it is released at once
    releaseTask(k, task, task);
    return;
  }
  if (!parent.kernelThread && autoReaps(parent)) {
    releaseTask(k, task, parent);
  } else if (task.exitSignal && !parent.kernelThread) {
    sendSignal(k, parent, task.exitSignal, task);
  }
  if (parent.state === 'S' && parent.waitingFor?.kind === 'child') wakeUp(k, parent, 'child-exited');
  if (parent.kernelThread) parent.kernelThread(parent);
}

/** forget_original_parent: every child goes to the nearest subreaper ancestor, else init. */
function forgetOriginalParent(k: Kernel, task: Task): void {
  if (task.children.length === 0) return;
  let reaper: Task = k.init;
  for (let p = task.parent; p; p = p.parent) {
    if (p.childSubreaper && p.state !== 'Z') {
      reaper = p;
      break;
    }
  }
  // the list is taken first: a reaper adding to it while it is walked (init's own exit) would never end
  const orphans = task.children;
  task.children = [];
  for (const child of orphans) {
    child.parent = reaper;
    child.realParent = reaper;
    child.reparentedTo = reaper.pid;
    reaper.children.push(child);
    k.event(child, 'reparent', { from: task.pid, to: reaper.pid });
    const who = reaper === k.init ? 'init (pid 1)' : `the subreaper ${reaper.pid} (${reaper.comm})`;
    k.warn('orphan-reparented', child, `process ${child.pid} became an orphan when its parent ${task.pid} exited; ${who} adopted it, so getppid() now returns ${reaper.tgid}`);
    if (child.state === 'Z') {
      k.warn('zombie-not-reaped', child, `process ${child.pid} exited but its parent ${task.pid} never called wait() for it; it stayed a zombie until ${who} reaped it`);
    }
  }
}

/**
 * release_task: the zombie is reaped by `reaper` and leaves the process table; its share of the
 * signal handlers and of the process's limits goes with it (__exit_signal).
 */
export function releaseTask(k: Kernel, task: Task, reaper: Task): void {
  if (task.state === 'Z' && !task.kernelThread && task !== k.pipeCat?.task) k.zombies--;
  task.state = 'X';
  task.reapedBy = reaper.pid;
  task.sighand.users--;
  task.signal.users--;
  k.tasks.delete(task.pid);
  k.released.push(task);
  const parent = task.parent;
  if (parent) parent.children = parent.children.filter((c) => c !== task);
  k.event(task, 'reap', { by: reaper.pid, status: task.exitCode, zombieFor: k.time - task.exitTime });
}

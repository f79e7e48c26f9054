/**
 * The scheduler loop (kernel/sched/core.c in Linux): waking tasks up, putting them to sleep, and
 * the loop that picks the next runnable task, lets the CPU run it for a slice, and stops the run
 * when every process is gone, a limit is reached, or nobody can run any more. Which task runs
 * is the policy's choice (sched.ts), a recorded schedule's, or the explorer's.
 */
import type { Kernel, StopReason } from './kernel.ts';
import type { Task, WaitReason } from './task.ts';
import type { ScheduleEntry } from './sched.ts';
import type { EventDetails, WakeReason } from './trace.ts';
import { deliverSignals } from './signal.ts';
import { handleFault } from './exit.ts';
import { advanceClock, fireAlarms } from './time.ts';

/** Makes a task runnable and queues it; a sleeping or stopped task's wake-up is traced with `reason`. */
export function wakeUp(k: Kernel, task: Task, reason: WakeReason = 'wake'): void {
  if (task.state === 'Z' || task.state === 'X') return;
  if (task.state !== 'R') k.event(task, 'wake', { reason });
  task.state = 'R';
  task.waitingFor = null;
  if (!k.runQueue.includes(task)) k.runQueue.push(task);
  // the `cat` of `prog | cat` (--stdout pipe) passes text on as soon as it has some (pickNext)
  if (task === k.pipeCat?.task) k.needResched = true;
}

/** Puts a task to sleep on `reason` (it leaves the run queue); the scheduler picks again. */
export function sleepOn(k: Kernel, task: Task, reason: WaitReason, uninterruptible = false): void {
  task.state = uninterruptible ? 'D' : 'S';
  task.waitingFor = reason;
  k.event(task, 'block', blockDetails(reason));
  const i = k.runQueue.indexOf(task);
  if (i >= 0) k.runQueue.splice(i, 1);
  k.needResched = true;
}

/** The scheduler loop: runs until every process of the program has finished, or a limit stops the run. */
export function schedule(k: Kernel): StopReason {
  const cpu = k.cpu;
  if (!cpu) throw new Error('no CPU attached to the kernel');
  const interrupted = k.options.interrupted;
  const deadline = k.options.timeLimitMs === null ? Infinity : Date.now() + k.options.timeLimitMs;
  k.deadline = deadline;
  while (!k.stopReason) {
    k.eventsThisSlice = 0;
    if (interrupted && interrupted()) {
      k.stopReason = 'cancelled';
      break;
    }
    if (deadline !== Infinity && Date.now() > deadline) {
      k.stopReason = 'time-limit';
      break;
    }
    runKernelThreads(k);
    if (k.programFinished()) {
      k.stopReason = 'exited';
      break;
    }
    const unfinished = unfinishedSlice(k);
    const task = unfinished?.task ?? pickNext(k);
    if (!task) {
      if (advanceClock(k)) continue;
      k.stopReason = 'deadlock';
      k.stopDetail = describeDeadlock(k);
      break;
    }
    const slice = unfinished?.steps ?? sliceFor(k, task);
    const budget = Math.min(slice, k.options.maxSteps - (k.steps - k.skippedSteps));
    if (budget <= 0) {
      k.stopReason = 'step-limit';
      break;
    }
    k.current = task;
    k.needResched = false;
    if (task !== k.lastRan) {
      k.event(task, 'switch', { from: k.lastRan?.pid ?? null });
      k.lastRan = task;
    }
    if (!deliverSignals(k, task)) {
      // the task stopped or died taking a signal before it ran an instruction: still a decision
      // ("4:0"), or a replay could not make it (a stop that sends its parent SIGCHLD)
      recordDecision(k, task, 0);
      k.current = null;
      continue;
    }
    if (k.stopReason === 'paused') {
      // a replay reached its position in the switch or a signal delivery: not one more instruction
      k.current = null;
      break;
    }
    const result = cpu.run(task, budget);
    recordDecision(k, task, result.steps);
    k.steps += result.steps;
    task.steps += result.steps;
    // the simulated CPU runs one instruction a nanosecond
    k.time += result.steps;
    fireAlarms(k);
    if (result.fault) handleFault(k, task, result.fault, result.faultPc);
    k.current = null;
    // a task that used its whole quantum goes to the back of the queue
    const i = k.runQueue.indexOf(task);
    if (i >= 0 && task.state === 'R' && result.steps >= slice) {
      k.runQueue.splice(i, 1);
      k.runQueue.push(task);
    }
    if (k.steps - k.skippedSteps >= k.options.maxSteps && !k.stopReason && !k.programFinished()) {
      k.stopReason = 'step-limit';
    }
    // stopped in the middle of the task's slice: going on finishes that slice first
    const stop = k.stopReason as StopReason | null;
    const cut = (stop === 'paused' || stop === 'step-limit') && !k.needResched && result.steps < slice;
    k.unfinishedSlice = cut ? { task, steps: slice - result.steps } : null;
  }
  return k.stopReason;
}

/** The slice a stopped run left unfinished, taken (once) while its task can still run on it. */
function unfinishedSlice(k: Kernel): { task: Task; steps: number } | null {
  const left = k.unfinishedSlice;
  k.unfinishedSlice = null;
  return left && left.task.state === 'R' && k.runQueue.includes(left.task) ? left : null;
}

/**
 * The task to run next: the recorded choice when replaying, the explorer's choice, a seeded
 * random runnable task for the random policy, otherwise the first runnable task in the queue
 * (the `cat` of --stdout pipe first).
 */
function pickNext(k: Kernel): Task | null {
  const runnable = k.runQueue.filter((t) => t.state === 'R' && !t.kernelThread);
  if (runnable.length === 0) return null;
  const replay = k.options.replay;
  const cursor = k.replayCursor;
  if (replay && cursor.index < replay.length) {
    const wanted = replay[cursor.index].pid;
    return runnable.find((t) => t.pid === wanted) ?? runnable[0];
  }
  if (k.options.chooser) return k.options.chooser(runnable);
  if (k.options.policy === 'random') return runnable[Math.floor(k.random() * runnable.length)];
  // `prog | cat` (--stdout pipe): the fixed policies run cat whenever it can run, so that text
  // reaches the terminal in the order it was written (the explorer and random try every order)
  const cat = k.pipeCat?.task;
  if (cat && runnable.includes(cat)) return cat;
  return runnable[0];
}

/** How many steps the chosen task may run before the scheduler decides again. */
function sliceFor(k: Kernel, task: Task): number {
  const replay = k.options.replay;
  const cursor = k.replayCursor;
  if (replay && cursor.index < replay.length && replay[cursor.index].pid === task.pid) {
    return Math.max(1, replay[cursor.index].steps - cursor.done);
  }
  return k.options.quantum;
}

/** Schedule entries whose task stopped being runnable at their end (see recordDecision). */
const closedEntries = new WeakSet<ScheduleEntry>();

/**
 * Appends a decision to the run's schedule, merging consecutive slices of the same task unless
 * the first ended with the task asleep (a replay moves on to the next entry when the task blocks,
 * so "3:40 3:43", where 3 slept in between and woke with nobody else running, must stay two);
 * when replaying, moves to the next recorded decision once the current one's steps are used up.
 */
function recordDecision(k: Kernel, task: Task, steps: number): void {
  const replay = k.options.replay;
  const cursor = k.replayCursor;
  if (replay && cursor.index < replay.length && replay[cursor.index].pid === task.pid) {
    cursor.done += steps;
    if (cursor.done >= replay[cursor.index].steps || task.state !== 'R') {
      cursor.index++;
      cursor.done = 0;
    }
  }
  let last = k.schedule[k.schedule.length - 1];
  if (last && last.pid === task.pid && !closedEntries.has(last)) last.steps += steps;
  else {
    last = { pid: task.pid, steps };
    k.schedule.push(last);
  }
  if (task.state !== 'R') closedEntries.add(last);
}

/** Lets init and the shell do their work (reaping) whenever they have something to do. */
function runKernelThreads(k: Kernel): void {
  for (const t of [k.init, k.shell]) {
    if (t && t.kernelThread && t.state !== 'Z' && t.state !== 'X') t.kernelThread(t);
  }
}

/**
 * Whether `task` alone decides what happens next, but for timers: no other task can run, no
 * other task shares its memory, no signal waits for it. Then a task that comes back to the same
 * state is in an endless loop, which only a timer (alarm, a sleeper waking) can end
 * (vm/loop-probe.ts, endlessLoop).
 */
export function soleRunner(k: Kernel, task: Task): boolean {
  if (task.pending.size > 0 || task.kernelThread) return false;
  for (const t of k.tasks.values()) {
    if (t === task || t.state === 'Z' || t.state === 'X') continue;
    if (t.state === 'R' || t.mm === task.mm) return false;
  }
  return true;
}

/** The simulated time of the next timer (an alarm, a sleeper's wake-up), or Infinity. */
function nextTimer(k: Kernel): number {
  let next = Infinity;
  for (const t of k.tasks.values()) {
    if (t.state === 'Z' || t.state === 'X') continue;
    if (t.alarmAt !== null) next = Math.min(next, t.alarmAt);
    if (t.state === 'S' && t.waitingFor?.kind === 'sleep') next = Math.min(next, t.waitingFor.until);
  }
  return next;
}

/**
 * `task` (alone: soleRunner) came back to the same state after `period` steps, `steps` steps
 * into its slice. With no timer to come, the run stops: an endless loop. With one, nothing can
 * change before it, so the lab skips whole turns of the loop up to it (they count as run, in
 * steps and time, but not against the step budget) and returns how many steps it skipped.
 */
export function endlessLoop(k: Kernel, task: Task, period: number, steps: number): number {
  const now = k.time + steps;
  const next = nextTimer(k);
  const line = k.lineOf(task);
  if (next === Infinity) {
    k.stopReason = 'endless-loop';
    k.stopDetail = `process ${task.pid} (${task.comm}) came back to exactly the same state${line !== null ? ` at line ${line}` : ''}: the same registers and the same memory, so it would go round for ever`;
    return 0;
  }
  const skipped = Math.max(0, Math.floor((next - now) / period) * period);
  if (skipped > 0) {
    k.skippedSteps += skipped;
    k.event(task, 'loop-skip', { steps: skipped, period, until: now + skipped });
  }
  return skipped;
}

/** Who waits for what, when nobody can run: the deadlock report. */
function describeDeadlock(k: Kernel): string {
  const blocked: { pid: number; comm: string; what: string }[] = [];
  for (const t of k.tasks.values()) {
    if (t.kernelThread || t.state === 'Z' || t.state === 'X') continue;
    const w = t.waitingFor;
    const what = !w ? 'nothing' : w.kind === 'child' ? 'a child to exit' : w.kind === 'pipe-read'
      ? `input on pipe descriptor ${w.fd}` : w.kind === 'pipe-write' ? `room in pipe descriptor ${w.fd}`
      : w.kind === 'terminal-read' ? 'terminal input' : w.kind === 'pause' ? 'a signal (pause)'
      : w.kind === 'vfork' ? `vfork child ${w.child} to exec or exit` : w.kind;
    blocked.push({ pid: t.pid, comm: t.comm, what });
  }
  if (blocked.length <= MAX_DEADLOCK_LISTED) return blocked.map((b) => `process ${b.pid} (${b.comm}) waits for ${b.what}`).join('; ');
  return describeBlockedGroups(blocked);
}

/** Processes named one by one in a deadlock's message; beyond, they are counted by what they wait for. */
const MAX_DEADLOCK_LISTED = 6;

/** "processes 4, 5, 6 and 197 more (k3) wait for a signal (pause)": the blocked, grouped by program and wait. */
function describeBlockedGroups(blocked: { pid: number; comm: string; what: string }[]): string {
  const groups = new Map<string, { comm: string; what: string; pids: number[] }>();
  for (const b of blocked) {
    const key = `${b.comm}\0${b.what}`;
    const g = groups.get(key) ?? { comm: b.comm, what: b.what, pids: [] };
    g.pids.push(b.pid);
    groups.set(key, g);
  }
  return [...groups.values()].map(({ comm, what, pids }) => {
    if (pids.length === 1) return `process ${pids[0]} (${comm}) waits for ${what}`;
    const named = pids.length <= 4 ? `${pids.slice(0, -1).join(', ')} and ${pids[pids.length - 1]}` : `${pids.slice(0, 3).join(', ')} and ${pids.length - 3} more`;
    return `processes ${named} (${comm}) wait for ${what}`;
  }).join('; ');
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

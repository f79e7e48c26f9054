/**
 * Simulated time (kernel/time in Linux): the clock advances one nanosecond per instruction run,
 * and jumps to the next timer when every task sleeps, so `sleep(10)` costs nothing real.
 * nanosleep (sleep, usleep) and alarm live here.
 */
import type { Kernel } from './kernel.ts';
import type { Task } from './task.ts';
import { EINVAL, SIGALRM } from './uapi.ts';
import { sendSignal } from './signal.ts';
import { sleepOn, wakeUp } from './sched-core.ts';
import { BLOCKED } from './task.ts';

export const NSEC_PER_SEC = 1e9;
/** what time() returns at the start of a run (seconds since the epoch) */
export const BOOT_EPOCH_SECONDS = 1_700_000_000;

/** When every task sleeps on a timer (sleep or alarm), jumps the clock to the first wake-up. */
export function advanceClock(k: Kernel): boolean {
  let next = Infinity;
  for (const t of k.tasks.values()) {
    if (t.state === 'Z' || t.state === 'X') continue;
    if (t.state === 'S' && t.waitingFor?.kind === 'sleep') next = Math.min(next, t.waitingFor.until);
    if (t.alarmAt !== null) next = Math.min(next, t.alarmAt);
  }
  if (next === Infinity) return false;
  k.time = Math.max(k.time, next);
  for (const t of k.tasks.values()) {
    if (t.state === 'S' && t.waitingFor?.kind === 'sleep' && t.waitingFor.until <= k.time) wakeUp(k, t, 'timer');
  }
  fireAlarms(k);
  return true;
}

/** Sends SIGALRM to every process whose alarm is due. */
export function fireAlarms(k: Kernel): void {
  for (const t of k.tasks.values()) {
    if (t.alarmAt !== null && t.alarmAt <= k.time && t.state !== 'Z' && t.state !== 'X') {
      t.alarmAt = null;
      sendSignal(k, t, SIGALRM);
    }
  }
}

/**
 * alarm(2): SIGALRM after `seconds` (0 cancels); returns the seconds the previous alarm had left
 * (rounded, at least 1 while one is pending), as Linux's alarm_setitimer.
 */
export function sysAlarm(k: Kernel, task: Task, seconds: number): number {
  const left = task.alarmAt === null ? 0 : Math.max(1, Math.round((task.alarmAt - k.time) / NSEC_PER_SEC));
  task.alarmAt = seconds === 0 ? null : k.time + seconds * NSEC_PER_SEC;
  return left;
}

/**
 * nanosleep(2) for `sec` seconds and `nsec` nanoseconds of simulated time: 0 once the deadline
 * has passed, else BLOCKED (the task sleeps until the clock reaches it; the scheduler runs
 * others meanwhile or jumps the clock). The call is made again when the task wakes and goes on
 * with the same deadline (task.timerDeadline, Linux's restart_block). -EINVAL for a negative
 * time or nanoseconds beyond 999,999,999.
 */
export function sysNanosleep(k: Kernel, task: Task, sec: number, nsec: number): number | typeof BLOCKED {
  if (sec < 0 || nsec < 0 || nsec >= NSEC_PER_SEC) return -EINVAL;
  const deadline = task.timerDeadline ?? k.time + sec * NSEC_PER_SEC + nsec;
  if (k.time >= deadline) {
    task.timerDeadline = null;
    return 0;
  }
  task.timerDeadline = deadline;
  sleepOn(k, task, { kind: 'sleep', until: deadline });
  return BLOCKED;
}

/** The nanoseconds an interrupted nanosleep had left (0 when none was pending); clears the deadline. */
export function sleepTimeLeft(k: Kernel, task: Task): number {
  const deadline = task.timerDeadline;
  task.timerDeadline = null;
  return deadline === null ? 0 : Math.max(0, deadline - k.time);
}

/** time(2): seconds since the epoch on the simulated clock. */
export function sysTime(k: Kernel): number {
  return sysTimeAt(k.time);
}

/** The seconds since the epoch at simulated time `ns` (file times, time()). */
export function sysTimeAt(ns: number): number {
  return Math.floor(ns / NSEC_PER_SEC) + BOOT_EPOCH_SECONDS;
}

/**
 * Futexes (kernel/futex in Linux), as much as pthread_join and the lab's mutex need: a task
 * sleeps while a word of its memory holds a value, and is woken by another task of the same
 * address space.
 */
import type { Kernel } from './kernel.ts';
import type { Task } from './task.ts';
import { BLOCKED } from './task.ts';
import { EAGAIN } from './uapi.ts';
import { sleepOn, wakeUp } from './sched-core.ts';

/**
 * FUTEX_WAIT: sleeps on the word at `address` (holding `current`, read by the caller) while it
 * equals `expected`; -EAGAIN when it no longer does.
 */
export function futexWait(k: Kernel, task: Task, address: number, current: number, expected: number): number | typeof BLOCKED {
  if (current !== expected) return -EAGAIN;
  sleepOn(k, task, { kind: 'futex', address });
  return BLOCKED;
}

/** FUTEX_WAKE: wakes up to `count` tasks sleeping on the word at `address` of `mm`; returns how many. */
export function futexWake(k: Kernel, mm: unknown, address: number, count: number): number {
  let woken = 0;
  for (const t of k.tasks.values()) {
    if (woken >= count) break;
    if (t.state === 'S' && t.waitingFor?.kind === 'futex' && t.waitingFor.address === address && t.mm === mm) {
      wakeUp(k, t, 'futex');
      woken++;
    }
  }
  return woken;
}

/**
 * The scheduler's policy: which runnable task runs next, and for how long. One simulated CPU.
 *
 *   parent-first  the running task keeps the CPU until it blocks or exits (or a long quantum
 *                 ends); a new child waits its turn, as on current Linux;
 *   child-first   the same, but a new child runs before its parent (the historical behaviour);
 *   round-robin   every task runs at most `quantum` steps, then goes to the back of the queue;
 *   random        at every scheduling point (each system call, each quantum) a runnable task
 *                 is chosen with a seeded generator: the same seed gives the same run.
 *
 * Every decision is recorded as "pid:steps", so a run can be replayed step for step with
 * `--schedule` (the replay follows the recorded choices instead of the policy).
 */

export type Policy = 'parent-first' | 'child-first' | 'round-robin' | 'random';
export const POLICIES: readonly Policy[] = ['parent-first', 'child-first', 'round-robin', 'random'];

/** One decision: the task that ran and how many steps it ran before the next decision. */
export interface ScheduleEntry {
  pid: number;
  steps: number;
}

/** A schedule as text: "3:120 4:7 3:55" (pid:steps, in order). */
export function formatSchedule(entries: readonly ScheduleEntry[]): string {
  return entries.map((e) => `${e.pid}:${e.steps}`).join(' ');
}

/** Parses formatSchedule's text; throws an Error naming the bad entry. */
export function parseSchedule(text: string): ScheduleEntry[] {
  const out: ScheduleEntry[] = [];
  for (const part of text.trim().split(/[\s,]+/).filter(Boolean)) {
    const m = /^(\d+):(\d+)$/.exec(part);
    if (!m) throw new Error(`bad schedule entry "${part}" (expected pid:steps)`);
    out.push({ pid: Number(m[1]), steps: Number(m[2]) });
  }
  return out;
}

/** A seeded generator (mulberry32): the random policy's only source of choices. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

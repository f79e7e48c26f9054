/**
 * Teaching warnings: mistakes the kernel saw a program make, each with the task, the step and
 * the source line, in words for someone learning fork (spec/kernel-model.md, section 10).
 * The kinds are part of `forklab run --json` (spec/cli.md): add kinds, never rename them.
 */
import type { Task } from './task.ts';

export type WarningKind =
  | 'vfork-child-wrote-memory'
  | 'vfork-child-called-function'
  | 'vfork-child-returned'
  | 'exec-failed-fell-through'
  | 'fork-with-unflushed-stdout'
  | 'zombie-not-reaped'
  | 'orphan-reparented'
  | 'fork-failed-rlimit'
  | 'double-free'
  | 'invalid-free'
  | 'heap-overflow'
  // memcheck (a run that asks for it: vm/memcheck)
  | 'use-after-free'
  | 'uninitialised-value'
  | 'missing-return';

export interface Warning {
  kind: WarningKind;
  pid: number;
  step: number;
  line: number | null;
  message: string;
}

export class Warnings {
  readonly items: Warning[] = [];
  private readonly seen = new Set<string>();

  /**
   * Records a warning once per kind and process (a loop does not repeat it a thousand times).
   * `line` is the user's source line, null when unknown (Kernel.warn finds it).
   * Returns true when the warning is new.
   */
  add(kind: WarningKind, task: Task, step: number, message: string, line: number | null): boolean {
    const key = `${kind}:${task.pid}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.items.push({ kind, pid: task.pid, step, line, message });
    return true;
  }

  /** True when `kind` was already raised for `task`. */
  has(kind: WarningKind, task: Task): boolean {
    return this.seen.has(`${kind}:${task.pid}`);
  }
}

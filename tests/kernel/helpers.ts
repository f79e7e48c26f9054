/**
 * Shared by the kernel contract tests: run a C program (with the usual headers) through the
 * whole engine, or boot a machine and keep it to look at the kernel's state after the run.
 */
import { expect } from 'vitest';
import { compileProgram, runProgram, type RunRequest, type RunResult } from '../../src-main/vm/run.ts';
import { Machine } from '../../src-main/vm/machine.ts';
import type { KernelOptions } from '../../src-main/kernel/kernel.ts';
import type { EventOf, TraceEvent, TraceKind } from '../../src-main/kernel/trace.ts';
export { eventsOf } from '../../src-main/kernel/trace.ts';

export const HEAD = [
  '#define _GNU_SOURCE',
  '#include <stdio.h>', '#include <stdlib.h>', '#include <string.h>', '#include <unistd.h>',
  '#include <sys/wait.h>', '#include <sched.h>', '#include <signal.h>', '#include <errno.h>',
  '#include <sys/prctl.h>', '',
].join('\n');

/** Number of lines HEAD adds before the program's first line. */
export const HEAD_LINES = HEAD.split('\n').length - 1;

/** Runs `body` (after HEAD); fails the test if it does not compile. */
export function run(body: string, options: Omit<RunRequest, 'source'> = {}): RunResult {
  const r = runProgram({ source: HEAD + body, ...options });
  expect(r.ok, r.diagnosticsText).toBe(true);
  return r;
}

/** Boots a machine on `body` and runs it to its end; returns the machine to inspect. */
export function boot(body: string, options: Partial<KernelOptions> = {}): Machine {
  const compiled = compileProgram(HEAD + body);
  expect(compiled.ok, JSON.stringify(compiled.diagnostics)).toBe(true);
  const machine = new Machine(options);
  machine.kernel.boot(compiled.image!, ['./prog'], ['PATH=/bin:/usr/bin']);
  machine.kernel.run();
  return machine;
}


/** `e`, checked to be of `kind` (fails the test otherwise), with that kind's fields. */
export function expectKind<K extends TraceKind>(e: TraceEvent | undefined, kind: K): EventOf<K> {
  expect(e?.kind).toBe(kind);
  return e as EventOf<K>;
}

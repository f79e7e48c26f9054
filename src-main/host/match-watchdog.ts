/**
 * The clock that stops a pack's pattern matching at its time limit (packs/regex.ts): the match
 * runs inside a node:vm script with a `timeout`, whose watchdog interrupts even a regular
 * expression that backtracks (V8 checks for interrupts while it backtracks). Importing this
 * module installs it for the thread: the pool's worker and the command line do.
 */
import vm from 'node:vm';
import { MatchTimeoutError, installMatchWatchdog } from '../packs/regex.ts';

const context = vm.createContext({ work: null as null | (() => unknown) });
const script = new vm.Script('work()');

/** Runs `work` for at most `ms` milliseconds (MatchWatchdog). */
export function matchWithin<T>(work: () => T, ms: number, limitMs: number): T {
  context.work = work;
  try {
    return script.runInContext(context, { timeout: Math.max(1, Math.ceil(ms)) }) as T;
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new MatchTimeoutError(limitMs);
    throw e;
  } finally {
    context.work = null;
  }
}

installMatchWatchdog(matchWithin);

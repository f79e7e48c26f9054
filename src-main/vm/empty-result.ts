/**
 * The result of a run that ran nothing: kept apart from run.ts so that the command line's main
 * thread can build one (a worker that died) without loading the compiler and the machine.
 */
import type { RunResult } from './run.ts';

/** A result with nothing run yet: no output, no processes, zero counters (callers override what they know). */
export function emptyResult(): RunResult {
  return {
    ok: true,
    diagnostics: [],
    diagnosticsText: '',
    stdout: '',
    stdoutBytes: new Uint8Array(0),
    exit: { code: 0, signal: null },
    stopReason: 'exited',
    stopMessage: null,
    processes: [],
    stats: {
      steps: 0, forks: 0, vforks: 0, clones: 0, execs: 0, cowFaults: 0, pagesCopied: 0, pagesReused: 0,
      framesPeak: 0, zombiesPeak: 0, zombiesAtEnd: 0, orphansReparented: 0,
    },
    warnings: [],
    trace: [],
    traceDropped: 0,
    schedule: '',
    program: { functions: [] },
    files: [],
  };
}

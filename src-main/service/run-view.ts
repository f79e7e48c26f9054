/**
 * RunView: a run as the app sees it, plain JSON (no typed arrays), built from the engine's
 * RunResult (src-main/vm/run.ts) and the request that produced it.
 */
import { TRACE_VERSION } from '../kernel/trace.ts';
import { runRequestFor, type RunRequest as EngineRunRequest, type RunResult } from '../vm/run.ts';
import type { LabDiagnostic, RunOptions, RunRequest, RunStatsInfo, RunView } from './contract.ts';
import { toRunView as runResultView } from '../checker/run-view.ts';

/** The engine request for a LabApi run: the options, with the detail mode the viewer needs and memcheck's warnings. */
export function engineRequest(request: RunRequest): EngineRunRequest {
  return { source: request.source, fileName: request.fileName ?? 'prog.c', ...runRequestFor(request.options ?? {}), detail: true, memcheck: true };
}

/** Converts the engine's result to the JSON-safe view (the checker's conversion: one for both). */
export function toRunView(result: RunResult, request: RunRequest): RunView {
  return runResultView(result, request.source, request.fileName ?? 'prog.c', request.options ?? {}, null);
}

/** A diagnostic without the engine's file field, with its notes (an empty list when it has none). */
export function toLabDiagnostic(d: { severity: 'error' | 'warning'; line: number; column: number; message: string; notes?: string[] }): LabDiagnostic {
  return { severity: d.severity, line: d.line, column: d.column, message: d.message, notes: [...(d.notes ?? [])] };
}

/**
 * The view of a run that was cancelled before it kept anything (a run cancelled while it runs
 * keeps what ran: its own view, with stopReason 'cancelled').
 */
export function cancelledRunView(request: RunRequest): RunView {
  return emptyRunView(request, 'cancelled', 'the run was cancelled before it started');
}

/** The view of a run whose worker died under it (out of memory): a result, with the reason. */
export function failedRunView(request: RunRequest, message: string): RunView {
  return emptyRunView(request, 'host-limit', message);
}

function emptyRunView(request: RunRequest, stopReason: string, stopMessage: string): RunView {
  return {
    ok: true,
    diagnostics: [],
    stdout: '',
    exit: { code: -1, signal: null },
    stopReason,
    stopMessage,
    processes: [],
    stats: emptyStats(),
    warnings: [],
    schedule: '',
    traceVersion: TRACE_VERSION,
    trace: [],
    traceDropped: 0,
    program: { fileName: request.fileName ?? 'prog.c', source: request.source, functions: [] },
    options: { ...(request.options ?? {}) } as RunOptions,
  };
}

function emptyStats(): RunStatsInfo {
  return {
    steps: 0, forks: 0, vforks: 0, clones: 0, execs: 0, cowFaults: 0, pagesCopied: 0, pagesReused: 0,
    framesPeak: 0, zombiesPeak: 0, zombiesAtEnd: 0, orphansReparented: 0,
  };
}

/**
 * The runs a grading makes: the submission is compiled once, and each distinct set of run options
 * runs once (every check with the same options reads the same run). Options merge in this order:
 * the grader's defaults, the exercise's `run`, the check's `run`, and what a robust check varies.
 */
import type { CheckFields, PackRunOptions } from '../packs/types.ts';
import type { RunOptions } from '../vm/run.ts';
import type { ProgramImage } from '../lang/image.ts';
import { formatDiagnostics, reportedDiagnostics } from '../lang/diagnostics.ts';
import { compileProgram, recordLayouts, runImage, runRequestFor, type RunRequest, type RunResult } from '../vm/run.ts';
import type { TraceKind } from '../kernel/trace.ts';

/** The step budget of a graded run when the pack sets none (a runaway loop stops here). */
export const GRADE_MAX_STEPS = 5_000_000;
/** The output budget of a graded run (a loop that never stops printing stops here). */
export const GRADE_MAX_OUTPUT = 64 * 1024;

export interface CompiledSubmission {
  /** the submission's text (detail mode reads its struct layouts from it) */
  source: string;
  ok: boolean;
  image: ProgramImage | null;
  diagnostics: RunResult['diagnostics'];
  diagnosticsText: string;
}

/** Compiles a submission once for every run of a grading. */
export function compileSubmission(source: string, fileName: string): CompiledSubmission {
  const compiled = compileProgram(source, fileName);
  const diagnostics = reportedDiagnostics(compiled.diagnostics);
  const diagnosticsText = formatDiagnostics(compiled.diagnostics, new Map([[fileName, source]]));
  return { source, ok: compiled.ok && compiled.image !== null, image: compiled.image, diagnostics, diagnosticsText };
}

/** options layered left to right (later wins), with the grader's defaults first */
export function mergeRunOptions(...layers: (RunOptions | undefined)[]): RunOptions {
  const out: RunOptions = { maxSteps: GRADE_MAX_STEPS };
  for (const layer of layers) if (layer) Object.assign(out, layer);
  return out;
}

/** A stable key for a set of run options (the same options → the same key). */
export function optionsKey(options: RunOptions): string {
  const entries = Object.entries(options).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/**
 * The trace events the checks read and link to (tests/checker/trace-kinds.test.ts holds the
 * checker's code to it): a graded run keeps only these, unless the viewer shows it (detail).
 */
export const GRADING_TRACE: readonly TraceKind[] = [
  'clone', 'exit', 'reap', 'reparent', 'subreaper', 'syscall', 'output', 'fault', 'cow-copy', 'frame-alloc', 'frame-free', 'warning', 'run-end',
];

/** The VM's request for these options. */
export function toRunRequest(options: RunOptions, fileName: string, detail: boolean): Omit<RunRequest, 'source'> {
  const request: Omit<RunRequest, 'source'> = {
    ...runRequestFor(options),
    fileName,
    maxSteps: options.maxSteps ?? GRADE_MAX_STEPS,
    maxOutputBytes: GRADE_MAX_OUTPUT,
    trace: GRADING_TRACE,
  };
  if (detail) request.detail = true;
  return request;
}

/**
 * Whether an exercise's runs need memcheck (vm/memcheck): when a check reads the teaching
 * warnings (a `warnings` check, or one inside `robust`), so that memcheck's kinds can be asked
 * for and `absent: all` counts them. Other runs skip its cost (the viewer's run has it anyway).
 */
export function needsMemcheck(checks: readonly CheckFields[]): boolean {
  return checks.some((c) => c.type === 'warnings' || (c.check !== undefined && needsMemcheck([c.check])));
}

/** Runs of one submission, cached by options. */
export class RunCache {
  private readonly runs = new Map<string, RunResult>();
  /** the options of the first run made (the one GradeView.run shows) */
  firstOptions: RunOptions | null = null;

  constructor(
    private readonly compiled: CompiledSubmission,
    private readonly fileName: string,
    private readonly base: PackRunOptions,
    /** detail mode for the first run only (the one the app's viewer replays) */
    private readonly detailFirst = false,
    /** memcheck for every run (needsMemcheck); the viewer's run has it anyway, as in the viewer */
    private readonly memcheck = false,
  ) {}

  /** The run with `options` over the exercise's options. */
  run(options?: RunOptions): RunResult {
    const merged = mergeRunOptions(this.base, options);
    const key = optionsKey(merged);
    let result = this.runs.get(key);
    if (!result) {
      const first = this.firstOptions === null;
      if (first) this.firstOptions = merged;
      const detail = first && this.detailFirst;
      const request = toRunRequest(merged, this.fileName, detail);
      if (this.memcheck || detail) request.memcheck = true;
      // the viewer shows structs field by field, as runProgram's detail runs do
      if (detail) request.records = recordLayouts(this.compiled.source, this.fileName);
      result = runImage(this.compiled.image!, request);
      this.runs.set(key, result);
    }
    return result;
  }

  /** The first run made, if any. */
  first(): RunResult | null {
    return this.firstOptions ? this.runs.get(optionsKey(this.firstOptions)) ?? null : null;
  }
}

/** Why a run says nothing reliable about the program's behaviour, in words for students; null when it ended normally. */
export function runProblem(result: RunResult): string | null {
  switch (result.stopReason) {
    case 'step-limit':
      return `the program did not finish: it was stopped after ${result.stats.steps.toLocaleString('en-US')} steps (the step limit). Is there an endless loop, or a process waiting for something that never comes?`;
    case 'output-limit':
      return `the program printed too much: it was stopped at the output limit (${GRADE_MAX_OUTPUT.toLocaleString('en-US')} bytes). Is a loop printing without end?`;
    case 'deadlock':
      return `the program got stuck: every process was blocked for good${deadlockWhy(result.stopMessage)}`;
    case 'exited':
      return null;
    default:
      return result.stopMessage ?? `the run stopped: ${String(result.stopReason)}`;
  }
}

/** "; process 3 (prog) waits for input on pipe descriptor 3" from the kernel's stop message, or "" when it says no more. */
function deadlockWhy(stopMessage: string | undefined | null): string {
  if (!stopMessage) return '';
  const why = stopMessage
    .replace(/^stopped: /, '')
    .replace(/^every process (is|was) blocked for good\s*/, '')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  return why ? `; ${why}` : '';
}

/** "process 4 was killed by SIGSEGV (line 12)" for the processes a signal killed; null if none. */
export function crashNote(result: RunResult): string | null {
  const killed = result.processes.filter((p) => p.signal !== null && p.signal !== 'SIGKILL' && p.signal !== 'SIGTERM' && p.signal !== 'SIGINT');
  if (killed.length === 0) return null;
  const fault = result.trace.find((e) => e.kind === 'fault' && e.signal !== undefined && e.signal !== null);
  const where = fault && fault.line ? ` at line ${fault.line}` : '';
  const first = killed[0];
  return `process ${first.pid} crashed: killed by ${first.signal}${where}`;
}

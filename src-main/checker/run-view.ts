/**
 * A VM RunResult as the contract's RunView (src-main/service/contract.ts): plain JSON, with the
 * program's functions and the options it ran with.
 */
import type { RunOptions, RunView } from '../service/contract.ts';
import type { RunResult } from '../vm/run.ts';
import type { ProgramImage } from '../lang/image.ts';
import { TRACE_VERSION } from '../kernel/trace.ts';

/** The RunView of a run of `source` (the image gives the user's functions when the run does not). */
export function toRunView(result: RunResult, source: string, fileName: string, options: RunOptions, image: ProgramImage | null): RunView {
  const userFile = image ? image.files.indexOf(fileName) : -1;
  const functions =
    result.program.functions.length > 0 || !image
      ? result.program.functions
      : image.functions.filter((f) => f.file === userFile).map((f) => ({ name: f.name, line: f.line }));
  return {
    ok: result.ok,
    diagnostics: result.diagnostics.map((d) => ({ severity: d.severity, line: d.line, column: d.column, message: d.message, notes: [...(d.notes ?? [])] })),
    stdout: result.stdout,
    exit: { ...result.exit },
    stopReason: result.stopReason,
    stopMessage: result.stopMessage,
    processes: result.processes.map((p) => ({ ...p })),
    stats: { ...result.stats },
    warnings: result.warnings.map((w) => ({ kind: w.kind, pid: w.pid, step: w.step, line: w.line, message: w.message })),
    schedule: result.schedule,
    traceVersion: TRACE_VERSION,
    trace: result.trace,
    traceDropped: result.traceDropped,
    program: { fileName, source, functions },
    options: { ...options },
  };
}

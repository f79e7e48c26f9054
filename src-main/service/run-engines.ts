/**
 * The engines of runs and diagnostics (jobs.ts): the compiler and the machine only, so that a
 * worker doing only these never loads the pack format or the checker.
 */
import { reportedDiagnostics } from '../lang/diagnostics.ts';
import { compileProgram, runProgram } from '../vm/run.ts';
import { inspectRun } from '../vm/replay.ts';
import type { InspectRequest, LabDiagnostic, StepInspection } from './contract.ts';
import type { RunEngines } from './jobs.ts';
import { engineRequest, toLabDiagnostic, toRunView } from './run-view.ts';

/**
 * Compiles only. Diagnostics of the program's file keep their place; one found in a header is
 * put on line 1 with the header's name, so the editor still shows it.
 */
export function diagnoseSource(source: string, fileName = 'prog.c'): LabDiagnostic[] {
  return reportedDiagnostics(compileProgram(source, fileName).diagnostics).map((d) =>
    toLabDiagnostic(d.file === fileName ? d : { ...d, line: 1, column: 1, message: `${d.file}:${d.line}: ${d.message}` }),
  );
}

/** The state at one position of a run, by replaying the run's own request (detail mode included). */
export function inspectStep(request: InspectRequest): StepInspection {
  const inspection = inspectRun(engineRequest(request.run), request);
  if (!inspection) throw new Error('the program did not compile');
  return inspection;
}

export const runEngines: RunEngines = {
  run: (request, control) => toRunView(runProgram({ ...engineRequest(request), interrupted: control.cancelled }), request),
  inspect: inspectStep,
  engineRun: (request, control) => runProgram({ ...request, interrupted: control.cancelled }),
  diagnose: diagnoseSource,
};

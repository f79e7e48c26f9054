/**
 * The engines of runs and diagnostics (jobs.ts): the compiler and the machine only, so that a
 * worker doing only these never loads the pack format or the checker.
 */
import { reportedDiagnostics } from '../lang/diagnostics.ts';
import { SeedError, compileProgram, runProgram } from '../vm/run.ts';
import { BootExecError } from '../kernel/kernel.ts';
import { inspectRun } from '../vm/replay.ts';
import type { InspectRequest, LabDiagnostic, StepInspection } from './contract.ts';
import type { RunEngines } from './jobs.ts';
import { engineRequest, toLabDiagnostic, toRunView } from './run-view.ts';
import { RequestError } from './validate.ts';

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
  if (!inspection) throw new RequestError('the program to inspect does not compile');
  return inspection;
}

/**
 * Does `work`; a file the request gives the program that cannot be put in its file system, or
 * arguments the program cannot even start with (a replay, an exploration), are the request's fault (400).
 */
export function refusingBadFiles<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof SeedError) throw new RequestError(e.message);
    if (e instanceof BootExecError) throw new RequestError(`the program cannot start with these options (exec fails with ${e.errno})`);
    throw e;
  }
}

export const runEngines: RunEngines = {
  run: (request, control) => refusingBadFiles(() => toRunView(runProgram({ ...engineRequest(request), interrupted: control.cancelled }), request)),
  inspect: (request) => refusingBadFiles(() => inspectStep(request)),
  engineRun: (request, control) => refusingBadFiles(() => runProgram({ ...request, interrupted: control.cancelled })),
  diagnose: diagnoseSource,
};

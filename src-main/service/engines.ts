/**
 * The real domain functions behind the service's jobs and packs: the engine (src-main/vm/run.ts),
 * the explorer (src-main/explore) and the pack format and checker (src-main/packs,
 * src-main/checker). Loaded by the worker thread and, for what is quick, by the service itself.
 */
import { compileProgram, runProgram } from '../vm/run.ts';
import type { ExploreRequest, ExploreView, LabDiagnostic } from './contract.ts';
import type { Engines } from './jobs.ts';
import type { PackEngine, PackFiles } from './packs.ts';
import { engineRequest, toLabDiagnostic, toRunView } from './run-view.ts';

/**
 * Compiles only. Diagnostics of the program's file keep their place; one found in a header is
 * put on line 1 with the header's name, so the editor still shows it.
 */
export function diagnoseSource(source: string, fileName = 'prog.c'): LabDiagnostic[] {
  return compileProgram(source, fileName)
    .diagnostics.filter((d) => d.severity !== 'note')
    .map((d) =>
      toLabDiagnostic(
        d.file === fileName
          ? { severity: d.severity as 'error' | 'warning', line: d.line, column: d.column, message: d.message }
          : { severity: d.severity as 'error' | 'warning', line: 1, column: 1, message: `${d.file}:${d.line}: ${d.message}` },
      ),
    );
}

/** Raised for a part of the lab that this build does not have yet. */
export class NotAvailableError extends Error {
  constructor(what: string) {
    super(`${what} is not available in this build of the lab`);
    this.name = 'NotAvailableError';
  }
}

function exploreUnavailable(_request: ExploreRequest): ExploreView {
  throw new NotAvailableError('the schedule explorer');
}

/** The pack engine; packs.ts documents the contract. */
export const packEngine: PackEngine = {
  describe(_files: PackFiles) {
    throw new NotAvailableError('exercise packs');
  },
  grade(_files: PackFiles) {
    throw new NotAvailableError('grading');
  },
  unzip(_bytes: Uint8Array) {
    throw new NotAvailableError('importing packs');
  },
};

/** The engines the jobs use. */
export const engines: Engines = {
  run: (request) => toRunView(runProgram(engineRequest(request)), request),
  explore: exploreUnavailable,
  grade: (files, exerciseId, source) => packEngine.grade(files, exerciseId, source),
};

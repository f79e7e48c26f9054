/**
 * The real domain functions behind the service's jobs (jobs.ts), in three groups a worker loads
 * as its jobs need them: runs and diagnostics (run-engines.ts), grading and exploring
 * (grade-engines.ts), and reading packs (pack-engines.ts). `engines` is all of them, for doing
 * jobs in the calling thread (tests, InlineCompute).
 */
import type { Engines } from './jobs.ts';
import { gradeEngines } from './grade-engines.ts';
import { packEngines } from './pack-engines.ts';
import { runEngines } from './run-engines.ts';

export { diagnoseSource } from './run-engines.ts';
export { APP_GRADING, exploreSource } from './grade-engines.ts';
export { describePack, loadPackOrThrow } from './pack-engines.ts';

/** Every engine. */
export const engines: Engines = { ...runEngines, ...gradeEngines, ...packEngines };

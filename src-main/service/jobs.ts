/**
 * Jobs: the work of the lab that runs a student's or an instructor's code or data (a run, an
 * exploration, grading, compiling for diagnostics, reading a pack), described as plain data so
 * that a worker thread can do it (src-main/host/pool.ts) and be stopped, and so that a job that
 * exhausts its worker is a result for that job, never a dead host (../shared/design.md, Budgets).
 */
import type { ValidationReport } from '../checker/validate-pack.ts';
import { compilingUnder } from '../lang/limits.ts';
import type { Exercise, Pack } from '../packs/types.ts';
import type { RunRequest as EngineRunRequest, RunResult } from '../vm/run.ts';
import type { ExploreRequest, ExploreView, GradeView, InspectRequest, LabDiagnostic, RunRequest, RunView, StepInspection } from './contract.ts';
import type { PackFiles, PackInfo } from './packs.ts';

/** How a submission is graded: the app's (public and sealed checks, the run in detail) or the instructor's. */
export interface GradeJobOptions {
  includeSecret: boolean;
  /** false: the GradeView's run is null (forklab grade does not keep runs) */
  includeRun: boolean;
  /** the run in detail mode (docs/trace.md), for the viewer */
  detail: boolean;
  fileName?: string;
}

export type Job =
  | { kind: 'run'; request: RunRequest }
  /** the engine's state at one position of a run (the run replayed to it: vm/replay.ts) */
  | { kind: 'inspect'; request: InspectRequest }
  | { kind: 'explore'; request: ExploreRequest }
  /** grades a submission against an exercise of a loaded pack (`pack-describe` gives it) */
  | { kind: 'grade'; exercise: Exercise; packId: string; source: string; options?: GradeJobOptions }
  /** grades an answer to a question (0-based ticked choices) */
  | { kind: 'answer'; exercise: Exercise; packId: string; ticked: number[] }
  | { kind: 'diagnose'; source: string; fileName?: string }
  | { kind: 'pack-unzip'; bytes: Uint8Array }
  | { kind: 'pack-describe'; pack: PackFiles }
  | { kind: 'pack-validate'; pack: PackFiles }
  /** the engine's own result (forklab run): stdout bytes, the trace only in detail mode */
  | { kind: 'engine-run'; request: EngineRunRequest };

/** What each kind of job resolves with. */
export interface JobResults {
  run: RunView;
  inspect: StepInspection;
  explore: ExploreView;
  grade: GradeView;
  answer: GradeView;
  diagnose: LabDiagnostic[];
  'pack-unzip': PackFiles;
  'pack-describe': { info: PackInfo; pack: Pack };
  'pack-validate': ValidationReport;
  'engine-run': RunResult;
}

export type JobResult<J extends Job> = JobResults[J['kind']];

/** Kinds of job that stop by themselves, keeping what they did, when asked to (JobControl.cancelled). */
export const PARTIAL_ON_CANCEL: ReadonlySet<Job['kind']> = new Set(['run', 'engine-run']);

/**
 * Kinds of job that stop by themselves soon after they are asked to (JobControl.cancelled), so
 * their worker need not be terminated: runs (keeping what ran), and compiling for diagnostics
 * (the compiler looks at the flag as it goes: lang/limits.ts compileTick).
 */
export const STOPS_WHEN_ASKED: ReadonlySet<Job['kind']> = new Set([...PARTIAL_ON_CANCEL, 'diagnose']);

/**
 * Kinds of job cancelled gently even before a worker starts them: the worker refuses a job whose
 * flag is already raised, so a cancel never has to terminate a worker it may just have been handed
 * to. Diagnoses: the editor supersedes one at every pause in typing.
 */
export const CANCELLED_GENTLY: ReadonlySet<Job['kind']> = new Set(['diagnose']);

/** What a job can ask of whoever runs it while it works. */
export interface JobControl {
  /** true once the job was asked to stop: a run stops at its next time slice and keeps what ran */
  cancelled(): boolean;
}

const NEVER_CANCELLED: JobControl = { cancelled: () => false };

/** The engines of runs and diagnostics (run-engines.ts): the compiler and the machine. */
export interface RunEngines {
  run(request: RunRequest, control: JobControl): RunView;
  inspect(request: InspectRequest): StepInspection;
  engineRun(request: EngineRunRequest, control: JobControl): RunResult;
  diagnose(source: string, fileName?: string): LabDiagnostic[];
}

/** The engines of grading and exploring (grade-engines.ts): the checker and the explorer. */
export interface GradeEngines {
  explore(request: ExploreRequest): ExploreView;
  grade(exercise: Exercise, packId: string, source: string, options?: GradeJobOptions): GradeView;
  answer(exercise: Exercise, packId: string, ticked: number[]): GradeView;
}

/** The engines that read packs (pack-engines.ts). */
export interface PackEngines {
  unzipPack(bytes: Uint8Array): PackFiles;
  describePack(pack: PackFiles): { info: PackInfo; pack: Pack };
  validatePack(pack: PackFiles): ValidationReport;
}

/** The domain functions jobs call (engines.ts gives them all). */
export type Engines = RunEngines & GradeEngines & PackEngines;

/** Which group of engines does each kind of job (a worker loads a group when a job first needs it). */
export const ENGINE_GROUP: Readonly<Record<Job['kind'], 'run' | 'grade' | 'pack'>> = {
  run: 'run',
  inspect: 'run',
  'engine-run': 'run',
  diagnose: 'run',
  explore: 'grade',
  grade: 'grade',
  answer: 'grade',
  'pack-unzip': 'pack',
  'pack-describe': 'pack',
  'pack-validate': 'pack',
};

/**
 * Does one job to its end; throws what the engine throws. Every compilation the job makes stops
 * when the job is cancelled (throwing a CancelledError) and has its time limit (lang/limits.ts).
 */
export function performJob<J extends Job>(job: J, engines: Engines, control: JobControl = NEVER_CANCELLED): JobResult<J> {
  return compilingUnder({ cancelled: control.cancelled }, () => perform(job, engines, control)) as JobResult<J>;
}

function perform(job: Job, engines: Engines, control: JobControl): JobResults[Job['kind']] {
  switch (job.kind) {
    case 'run':
      return engines.run(job.request, control);
    case 'inspect':
      return engines.inspect(job.request);
    case 'explore':
      return engines.explore(job.request);
    case 'grade':
      return engines.grade(job.exercise, job.packId, job.source, job.options);
    case 'answer':
      return engines.answer(job.exercise, job.packId, job.ticked);
    case 'diagnose':
      return engines.diagnose(job.source, job.fileName);
    case 'pack-unzip':
      return engines.unzipPack(job.bytes);
    case 'pack-describe':
      return engines.describePack(job.pack);
    case 'pack-validate':
      return engines.validatePack(job.pack);
    case 'engine-run':
      return engines.engineRun(job.request, control);
    default:
      throw new Error(`unknown job ${JSON.stringify((job as { kind: unknown }).kind)}`);
  }
}

/** What a cancelled job's promise rejects with. */
export class CancelledError extends Error {
  constructor(what = 'job') {
    super(`Cancelled: the ${what} was stopped before it finished`);
    this.name = 'CancelledError';
  }
}

/** True for a CancelledError, also one that crossed a thread (only its name and message survive). */
export function isCancelled(e: unknown): boolean {
  return e instanceof CancelledError || (e instanceof Error && e.message.startsWith('Cancelled:'));
}

/**
 * What a job's promise rejects with when its worker died under it (out of memory, most often):
 * the job's result, never the host's end.
 */
export class WorkerDiedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerDiedError';
  }
}

/** True for a WorkerDiedError, also one that crossed a thread. */
export function isWorkerDied(e: unknown): e is Error {
  return e instanceof Error && e.name === 'WorkerDiedError';
}

/** Where jobs are done: in-process (InlineCompute) or in worker threads (src-main/host/pool.ts). */
export interface Compute {
  /** Starts a job; rejects with CancelledError when cancel(jobId) stops it before it kept anything. */
  start<J extends Job>(jobId: string, job: J): Promise<JobResult<J>>;
  /** Stops a running job (a run keeps what ran); false when no such job runs. */
  cancel(jobId: string): boolean;
  /** Stops every worker. */
  close(): Promise<void>;
}

/** Does jobs in the calling thread: they cannot be cancelled once started (tests, simple tools). */
export class InlineCompute implements Compute {
  constructor(private readonly engines: Engines) {}

  async start<J extends Job>(_jobId: string, job: J): Promise<JobResult<J>> {
    return performJob(job, this.engines);
  }

  cancel(): boolean {
    return false;
  }

  async close(): Promise<void> {}
}

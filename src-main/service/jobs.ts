/**
 * Jobs: the long work of the lab (a run, an exploration, grading a submission), described as
 * plain data so that it can be done in-process or sent to a worker thread and cancelled there.
 */
import type { ExploreRequest, ExploreView, GradeView, InspectRequest, RunRequest, RunView, StepInspection } from './contract.ts';
import type { PackFiles } from './packs.ts';

export type Job =
  | { kind: 'run'; request: RunRequest }
  | { kind: 'inspect'; request: InspectRequest }
  | { kind: 'explore'; request: ExploreRequest }
  | { kind: 'grade'; pack: PackFiles; exerciseId: string; source: string }
  | { kind: 'answer'; pack: PackFiles; exerciseId: string; ticked: number[] };

export type JobResult<J extends Job> = J extends { kind: 'run' }
  ? RunView
  : J extends { kind: 'inspect' }
    ? StepInspection
    : J extends { kind: 'explore' }
      ? ExploreView
      : GradeView;

/** The domain functions a job calls (engines.ts gives the real ones). */
export interface Engines {
  run(request: RunRequest): RunView;
  /** the state at one position of a run (vm/replay.ts) */
  inspect(request: InspectRequest): StepInspection;
  explore(request: ExploreRequest): ExploreView;
  grade(pack: PackFiles, exerciseId: string, source: string): GradeView;
  /** grades an answer to a question (0-based ticked choices) */
  answer(pack: PackFiles, exerciseId: string, ticked: number[]): GradeView;
}

/** Does one job to its end; throws what the engine throws. */
export function performJob<J extends Job>(job: J, engines: Engines): JobResult<J> {
  switch (job.kind) {
    case 'run':
      return engines.run(job.request) as JobResult<J>;
    case 'inspect':
      return engines.inspect(job.request) as JobResult<J>;
    case 'explore':
      return engines.explore(job.request) as JobResult<J>;
    case 'grade':
      return engines.grade(job.pack, job.exerciseId, job.source) as JobResult<J>;
    case 'answer':
      return engines.answer(job.pack, job.exerciseId, job.ticked) as JobResult<J>;
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

/** Where jobs are done: in-process (InlineCompute) or in worker threads (src-main/host/worker-pool.ts). */
export interface Compute {
  /** Starts a job; rejects with CancelledError when cancel(jobId) stops it. */
  start<J extends Job>(jobId: string, job: J): Promise<JobResult<J>>;
  /** Stops a running job; false when no such job runs. */
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

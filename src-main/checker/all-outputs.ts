/**
 * The `all-outputs` check: every terminal output the schedule explorer (src-main/explore) finds
 * for the program must be accepted (one of `accepted`, exactly, or satisfying `lines`). The
 * search is bounded by runs only (`maxRuns`, default 500), never by time, so grading stays
 * deterministic. A failure carries the schedule that produces the unaccepted output, and links
 * into the run that schedule replays (the first output event that goes wrong).
 */
import { exploreImage, stoppedRunsInWords } from '../explore/explore.ts';
import type { CheckFields } from '../packs/types.ts';
import { evaluateOutput } from './output.ts';
import { mergeRunOptions, runProblem } from './runs.ts';
import { NO_LINK, type EvalContext, type Outcome } from './types.ts';

/** Runs at most, when the check sets no maxRuns. */
export const ALL_OUTPUTS_MAX_RUNS = 500;

/** Grades every output the explorer finds. */
export function evaluateAllOutputs(check: CheckFields, ctx: EvalContext): Outcome {
  const maxRuns = check.maxRuns ?? ALL_OUTPUTS_MAX_RUNS;
  const options = mergeRunOptions(ctx.baseOptions, check.run);
  const view = exploreImage(ctx.image!, { ...options, maxRuns, maxMs: Number.MAX_SAFE_INTEGER });
  const asOutput: CheckFields = check.accepted ? { type: 'output', anyOf: check.accepted } : { type: 'output', lines: check.lines };
  const cut = view.complete ? ''
    : view.runsStopped ? ` (${stoppedRunsInWords(view.runsStopped)})`
    : ` (the search stopped after ${view.schedulesExplored} runs, so not every schedule was tried)`;
  for (const found of view.outputs) {
    const replay = ctx.run({ ...check.run, schedule: found.schedule });
    const problem = runProblem(replay);
    const outcome = problem ? null : evaluateOutput(asOutput, replay, ctx);
    if (problem || !outcome!.passed) {
      const n = view.outputs.length;
      return {
        passed: false,
        fraction: 0,
        detail: `${n === 1 ? 'the only output' : `one of the ${n} outputs`} the program can produce is not accepted: ${problem ?? outcome!.detail}${cut}`,
        link: outcome?.link ?? NO_LINK,
        schedule: found.schedule,
      };
    }
  }
  const n = view.outputs.length;
  return {
    passed: true,
    fraction: 1,
    detail: `all ${n} output${n === 1 ? '' : 's'} the program can produce ${n === 1 ? 'is' : 'are'} accepted${cut}`,
    link: NO_LINK,
  };
}

/**
 * One check evaluated against a submission: the dispatch by type, the shared handling of runs that
 * did not end normally (step limit, output limit, deadlock: each with its own message), and the
 * `robust` check, which evaluates its inner check under each scheduler policy and seed.
 * `all-outputs` asks the schedule explorer (all-outputs.ts).
 */
import type { CheckFields, PackRunOptions } from '../packs/types.ts';
import type { RunOptions } from '../service/contract.ts';
import type { RunResult } from '../vm/run.ts';
import { evaluateAllOutputs } from './all-outputs.ts';
import { evaluateCalls } from './calls.ts';
import { evaluateCases } from './cases.ts';
import { evaluateMemory } from './memory.ts';
import { evaluateOutput } from './output.ts';
import { evaluateExit, evaluateOrphans, evaluateProcesses, evaluateTree } from './process-facts.ts';
import { runProblem } from './runs.ts';
import { endLink } from './trace-links.ts';
import { NO_LINK, type EvalContext, type Outcome } from './types.ts';
import { evaluateWarnings } from './warnings.ts';
import { evaluateZombies } from './zombies.ts';

type RunEvaluator = (check: CheckFields, result: RunResult, ctx: EvalContext) => Outcome;

const RUN_EVALUATORS: Partial<Record<CheckFields['type'], RunEvaluator>> = {
  output: evaluateOutput,
  exit: evaluateExit,
  processes: evaluateProcesses,
  tree: evaluateTree,
  zombies: evaluateZombies,
  orphans: evaluateOrphans,
  memory: evaluateMemory,
  warnings: evaluateWarnings,
};

/** Evaluates one check; never throws for what the program does. */
export function evaluateCheck(check: CheckFields, ctx: EvalContext): Outcome {
  if (check.type === 'compiles') {
    return ctx.image
      ? { passed: true, fraction: 1, detail: 'the program compiles', link: NO_LINK }
      : { passed: false, fraction: 0, detail: 'the program does not compile', link: NO_LINK };
  }
  if (!ctx.image) return { passed: false, fraction: 0, detail: 'the program does not compile', link: NO_LINK, error: true };
  if (check.type === 'calls') return evaluateCalls(check, ctx, ctx.run(check.run));
  if (check.type === 'robust') return evaluateRobust(check, ctx);
  if (check.type === 'output' && check.cases) return evaluateCases(check, ctx);
  if (check.type === 'all-outputs') return evaluateAllOutputs(check, ctx);
  const evaluate = RUN_EVALUATORS[check.type];
  if (!evaluate) return { passed: false, fraction: 0, detail: `this lab cannot evaluate checks of type ${check.type}`, link: NO_LINK, error: true };
  const result = ctx.run(check.run);
  const problem = runProblem(result);
  if (problem) return { passed: false, fraction: 0, detail: problem, link: endOfRun(result) };
  return evaluate(check, result, ctx);
}

/** Where a run that did not finish stopped: the last event of the trace. */
function endOfRun(result: RunResult): Outcome['link'] {
  const last = result.trace[result.trace.length - 1];
  return last ? { step: last.step, pid: last.pid, line: typeof last.line === 'number' ? last.line : null } : endLink(result);
}

/** The configurations a robust check tries: each policy, and each seed for `random` (1, 2, 3 by default). */
export function robustConfigurations(check: CheckFields): PackRunOptions[] {
  const out: PackRunOptions[] = [];
  for (const policy of check.policies ?? []) {
    if (policy === 'random') for (const seed of check.seeds?.length ? check.seeds : [1, 2, 3]) out.push({ policy, seed });
    else out.push({ policy });
  }
  return out;
}

function describeConfiguration(c: PackRunOptions): string {
  return c.policy === 'random' ? `the random scheduler (seed ${c.seed})` : `the ${c.policy} scheduler`;
}

/** `robust`: the inner check passes under every configuration; partial credit by configurations passed. */
function evaluateRobust(check: CheckFields, ctx: EvalContext): Outcome {
  const inner = check.check!;
  const configurations = robustConfigurations(check);
  let passed = 0;
  let firstFailure: { config: PackRunOptions; outcome: Outcome; schedule: string } | null = null;
  let lastPass: { outcome: Outcome; config: PackRunOptions; schedule: string } | null = null;
  for (const config of configurations) {
    const run = (options?: RunOptions): RunResult => ctx.run({ ...check.run, ...options, ...config });
    const outcome = evaluateCheck({ ...inner, run: { ...check.run, ...inner.run } }, { ...ctx, run });
    if (outcome.passed) {
      passed++;
      lastPass = { outcome, config, schedule: run(inner.run).schedule };
    } else if (!firstFailure) {
      firstFailure = { config, outcome, schedule: run(inner.run).schedule };
    }
  }
  const total = configurations.length;
  if (!firstFailure) {
    return {
      passed: true,
      fraction: 1,
      detail: `passed under all ${total} schedulers tried`,
      link: lastPass?.outcome.link ?? NO_LINK,
      schedule: lastPass?.schedule,
      options: lastPass ? { ...check.run, ...inner.run, ...lastPass.outcome.options, ...lastPass.config } : undefined,
    };
  }
  return {
    passed: false,
    fraction: total > 0 ? passed / total : 0,
    detail: `failed under ${total - passed} of the ${total} schedulers tried; under ${describeConfiguration(firstFailure.config)}, ${firstFailure.outcome.detail}`,
    link: firstFailure.outcome.link,
    schedule: firstFailure.schedule,
    options: { ...check.run, ...inner.run, ...firstFailure.outcome.options, ...firstFailure.config },
  };
}

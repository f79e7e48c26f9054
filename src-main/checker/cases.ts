/**
 * An output check's test-case table (`cases`): each case runs the program with its own input
 * (stdin, arguments, files) over the check's run options and compares the output as an output check
 * would; the check earns the points of the cases that pass. The link points into the first
 * failing case's run, whose options come with it so the app can replay that run.
 */
import type { CheckFields, TestCase } from '../packs/types.ts';
import type { RunOptions } from '../service/contract.ts';
import { compareOutput } from './output.ts';
import { programPids } from './pids.ts';
import { crashNote, runProblem } from './runs.ts';
import { endLink } from './trace-links.ts';
import type { EvalContext, Outcome } from './types.ts';

/** Grades every case; partial credit by the points of the cases passed. */
export function evaluateCases(check: CheckFields, ctx: EvalContext): Outcome {
  const cases = check.cases ?? [];
  const total = cases.reduce((n, c) => n + c.points, 0);
  const results = cases.map((c) => {
    const options = caseOptions(check, c);
    return { options, outcome: evaluateCase(check, c, ctx, options) };
  });
  const earned = cases.reduce((n, c, i) => n + (results[i].outcome.passed ? c.points : 0), 0);
  const passed = results.filter((r) => r.outcome.passed).length;
  const n = cases.length;
  const index = results.findIndex((r) => !r.outcome.passed);
  if (index < 0) {
    const last = results[n - 1];
    return { passed: true, fraction: 1, detail: `all ${n} case${n === 1 ? '' : 's'} passed`, link: last.outcome.link, options: last.options };
  }
  const { outcome, options } = results[index];
  return {
    passed: false,
    fraction: total > 0 ? earned / total : 0,
    detail: `${passed} of ${n} cases passed; ${caseName(cases[index], index, ctx.reveal)}: ${outcome.detail}`,
    link: outcome.link,
    options,
  };
}

/** A case's run options: the check's, with the case's stdin, arguments and files (a case's file replaces the check's of the same path). */
function caseOptions(check: CheckFields, c: TestCase): RunOptions {
  const options: RunOptions = { ...check.run };
  if (c.stdin !== undefined) options.stdin = c.stdin;
  if (c.args !== undefined) options.args = c.args;
  if (c.files !== undefined) options.files = [...(options.files ?? []).filter((f) => !c.files!.some((g) => g.path === f.path)), ...c.files];
  return options;
}

function evaluateCase(check: CheckFields, c: TestCase, ctx: EvalContext, options: RunOptions): Outcome {
  const result = ctx.run(options);
  const problem = runProblem(result);
  if (problem) return { passed: false, fraction: 0, detail: problem, link: endLink(result) };
  const outcome = compareOutput(c, result, ctx.reveal, check.normalizePids ? programPids(result) : null);
  if (!outcome.passed) {
    const crash = crashNote(result);
    if (crash) outcome.detail += `; note: ${crash}`;
  }
  return outcome;
}

/** "case 2 (no input)", "case 3 "empty list"", with the input shown when the check is public. */
function caseName(c: TestCase, index: number, reveal: boolean): string {
  const name = `case ${index + 1}${c.title ? ` "${c.title}"` : ''}`;
  if (!reveal || c.title) return name;
  const input: string[] = [];
  if (c.args !== undefined) input.push(c.args.length === 0 ? 'no arguments' : `arguments ${c.args.map((a) => JSON.stringify(a)).join(' ')}`);
  if (c.stdin !== undefined) input.push(c.stdin === '' ? 'no input' : `input ${JSON.stringify(c.stdin.length > 40 ? `${c.stdin.slice(0, 37)}...` : c.stdin)}`);
  if (c.files !== undefined && c.files.length > 0) input.push(`file${c.files.length === 1 ? '' : 's'} ${c.files.map((f) => f.path).join(', ')}`);
  return input.length > 0 ? `${name} (${input.join(', ')})` : name;
}

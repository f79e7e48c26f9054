/**
 * The `warnings` check: teaching warnings of the given kinds absent (or none at all with
 * `absent: all`), and those of `present` raised. Partial credit: the share of kinds as expected.
 * The link points at the first unwanted warning (where it was raised), or the first wanted one.
 */
import type { CheckFields } from '../packs/types.ts';
import type { RunResult, RunWarning } from '../vm/run.ts';
import { NO_LINK, type EvalContext, type Link, type Outcome } from './types.ts';

function warningLink(w: RunWarning | undefined): Link {
  return w ? { step: w.step, pid: w.pid, line: w.line } : NO_LINK;
}

/** Grades the run's warnings. */
export function evaluateWarnings(check: CheckFields, result: RunResult, ctx: EvalContext): Outcome {
  const warnings = result.warnings;
  const unwanted = check.absent === 'all' ? warnings : warnings.filter((w) => (check.absent as string[] | undefined)?.includes(w.kind));
  const absentKinds = check.absent === 'all' ? ['all'] : check.absent ?? [];
  const badAbsentKinds = check.absent === 'all' ? (unwanted.length > 0 ? 1 : 0) : new Set(unwanted.map((w) => w.kind)).size;
  const present = check.present ?? [];
  const missing = present.filter((k) => !warnings.some((w) => w.kind === k));
  const total = absentKinds.length + present.length;
  const bad = badAbsentKinds + missing.length;
  if (bad === 0) {
    const wanted = warnings.find((w) => present.includes(w.kind));
    return {
      passed: true,
      fraction: 1,
      detail: present.length > 0 ? `the lab warned as expected: ${wanted?.message ?? present.join(', ')}` : 'no teaching warning of the kinds checked',
      link: warningLink(wanted),
    };
  }
  const parts: string[] = [];
  if (unwanted.length > 0) {
    const w = unwanted[0];
    parts.push(`the lab warned (${w.kind}): ${w.message}${unwanted.length > 1 ? ` (and ${unwanted.length - 1} more)` : ''}`);
  }
  if (missing.length > 0) parts.push(ctx.reveal ? `the lab did not warn ${missing.join(', ')}` : 'an expected teaching warning did not happen');
  return {
    passed: false,
    fraction: total > 0 ? (total - bad) / total : 0,
    detail: parts.join('; '),
    link: warningLink(unwanted[0]),
  };
}

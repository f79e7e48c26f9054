/**
 * The `warnings` check: teaching warnings of the given kinds absent (or none at all with
 * `absent: all`), and those of `present` raised. Partial credit: the share of kinds as expected.
 * The link points at the first unwanted warning (where it was raised), or the first wanted one.
 */
import type { CheckFields } from '../packs/types.ts';
import type { WarningKind } from '../kernel/warnings.ts';
import type { RunResult, RunWarning } from '../vm/run.ts';
import { listInWords } from './output.ts';
import { NO_LINK, type EvalContext, type Link, type Outcome } from './types.ts';

/** What each kind of teaching warning says happened, for "the lab did not warn …" (students never read the kinds' ids). */
const WARNED_THAT: Record<WarningKind, string> = {
  'vfork-child-wrote-memory': "that a vfork child wrote its parent's memory",
  'vfork-child-called-function': 'that a vfork child called a function before exec or _exit',
  'vfork-child-returned': 'that a vfork child returned from the function that called vfork',
  'exec-failed-fell-through': 'that a failed exec went on into the code after it',
  'fork-with-unflushed-stdout': "that fork copied printf output still waiting in stdout's buffer",
  'zombie-not-reaped': 'that a child was left a zombie, never waited for',
  'orphan-reparented': 'that an orphan was handed over to init',
  'fork-failed-rlimit': 'that fork failed at the limit of processes',
  'double-free': 'that a block was freed twice',
  'invalid-free': 'that free was given a pointer malloc did not return',
  'heap-overflow': 'that a write went past the end of a malloc block',
  'use-after-free': 'that memory was used after it was freed',
  'uninitialised-value': 'that a value was used before the program gave it one',
  'missing-return': 'that a function ended without return and its value was used',
};

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
    const more = unwanted.length - 1;
    parts.push(`the lab warned: ${w.message}${more > 0 ? ` (and ${more} more warning${more === 1 ? '' : 's'})` : ''}`);
  }
  if (missing.length > 0) {
    const said = missing.map((k) => WARNED_THAT[k as WarningKind] ?? `"${k}"`);
    parts.push(ctx.reveal ? `the lab did not warn ${listInWords(said)}` : 'an expected teaching warning did not happen');
  }
  return {
    passed: false,
    fraction: total > 0 ? (total - bad) / total : 0,
    detail: parts.join('; '),
    link: warningLink(unwanted[0]),
  };
}

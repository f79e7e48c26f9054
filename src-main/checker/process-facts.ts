/**
 * Process facts: how the first process ended (`exit`), how many processes the program made
 * (`processes`), the tree's shape (`tree`), zombies at the end and at peak (`zombies`), and
 * orphans and who reaped them (`orphans`). Each links to the event that decides it: the exit,
 * the clone that made one process too many, the zombie's exit, the orphan's reparenting.
 */
import type { TraceEvent } from '../kernel/trace.ts';
import type { CheckFields } from '../packs/types.ts';
import type { RunResult } from '../vm/run.ts';
import { firstShapeDifference, formatShape, processTree, shapeOf } from './process-tree.ts';
import { crashNote } from './runs.ts';
import { endLink, exitEvent, linkTo } from './trace-links.ts';
import { NO_LINK, type EvalContext, type Outcome } from './types.ts';

const pass = (detail: string, link = NO_LINK): Outcome => ({ passed: true, fraction: 1, detail, link });
const fail = (detail: string, link: Outcome['link']): Outcome => ({ passed: false, fraction: 0, detail, link });

function describeEnd(result: RunResult): string {
  const { code, signal } = result.exit;
  if (signal) return `was killed by ${signal}`;
  return `ended with exit status ${code}`;
}

/** `exit`: the first process ended with `code` and/or by `signal`. */
export function evaluateExit(check: CheckFields, result: RunResult, ctx: EvalContext): Outcome {
  const first = result.processes[0];
  const link = first ? linkTo(exitEvent(result, first.pid)) : endLink(result);
  const okCode = check.code === undefined || (result.exit.signal === null && result.exit.code === check.code);
  const okSignal = check.signal === undefined ? result.exit.signal === null || check.code === undefined : result.exit.signal === check.signal;
  const got = describeEnd(result);
  if (okCode && okSignal) return pass(`the program ${got}, as expected`, link);
  const want = check.signal ? `killed by ${check.signal}` : `exit status ${check.code}`;
  let detail = `the program ${got}${ctx.reveal ? `; expected: ${want}` : ''}`;
  const crash = crashNote(result);
  if (crash && !check.signal) detail += ` (${crash})`;
  return fail(detail, link);
}

/** The program's processes, the first included, threads and execs not counted. */
export function countProcesses(result: RunResult): { count: number; creations: TraceEvent[] } {
  const { all } = processTree(result);
  return { count: all.length, creations: all.map((n) => n.created).filter((e): e is TraceEvent => e !== null) };
}

/** `processes`: `count`, or between `min` and `max`. */
export function evaluateProcesses(check: CheckFields, result: RunResult, ctx: EvalContext): Outcome {
  const { count, creations } = countProcesses(result);
  const min = check.count ?? check.min ?? 1;
  const max = check.count ?? check.max ?? Infinity;
  const lastCreation = linkTo(creations[creations.length - 1]);
  const want = check.count !== undefined ? `${check.count}` : max === Infinity ? `at least ${min}` : check.min === undefined ? `at most ${max}` : `${min} to ${max}`;
  const made = `the program made ${count} process${count === 1 ? '' : 'es'} (itself included)`;
  if (count >= min && count <= max) return pass(made, lastCreation.step !== null ? lastCreation : endLink(result));
  if (count > max) {
    // the creation of the first process too many (the (max+1)-th process is creations[max - 1])
    const culprit = creations[Math.max(0, max - 1)];
    return fail(`${made}${ctx.reveal ? `, expected ${want}` : ''}: too many; this fork made one too many`, linkTo(culprit));
  }
  return fail(`${made}${ctx.reveal ? `, expected ${want}` : ''}: too few`, endLink(result));
}

/** `tree`: the process tree has the expected shape. */
export function evaluateTree(check: CheckFields, result: RunResult, ctx: EvalContext): Outcome {
  const { root } = processTree(result);
  if (!root) return fail('no process ran', endLink(result));
  const expected = (check.shape ?? []) as unknown[];
  const diff = firstShapeDifference(root, expected);
  const actual = formatShape(shapeOf(root));
  if (!diff) return pass(`the process tree has the expected shape ${actual}`, endLink(result));
  const who = diff.node === root ? 'the first process' : `process ${diff.node.pid}`;
  const n = diff.node.children.length;
  let link = linkTo(diff.node.created);
  if (diff.extra) {
    // the first child beyond the expected number, found by walking the expected shape again
    const expectedHere = expectedChildrenAt(root, diff.node, expected);
    link = linkTo(diff.node.children[expectedHere]?.created);
  }
  if (link.step === null) link = endLink(result);
  const detail = `${who} has ${n} child${n === 1 ? '' : 'ren'}, ${diff.extra ? 'more' : 'fewer'} than the expected tree has there; the tree is ${actual}${
    ctx.reveal ? `, expected ${formatShape(expected)}` : ''
  }`;
  return fail(detail, link);
}

function expectedChildrenAt(node: ReturnType<typeof processTree>['root'], target: NonNullable<ReturnType<typeof processTree>['root']>, expected: unknown[]): number {
  if (!node) return 0;
  if (node === target) return expected.length;
  for (let i = 0; i < node.children.length && i < expected.length; i++) {
    const found = expectedChildrenAt(node.children[i], target, Array.isArray(expected[i]) ? (expected[i] as unknown[]) : []);
    if (found >= 0) return found;
  }
  return -1;
}

/** `zombies`: at most `atEnd` zombies left when the run ends, at most `peak` at once. */
export function evaluateZombies(check: CheckFields, result: RunResult, ctx: EvalContext): Outcome {
  const problems: string[] = [];
  let link = endLink(result);
  let parts = 0;
  let good = 0;
  if (check.atEnd !== undefined) {
    parts++;
    const zombies = result.processes.filter((p) => p.state === 'zombie');
    if (zombies.length <= check.atEnd) good++;
    else {
      problems.push(`${zombies.length} zombie${zombies.length === 1 ? ' is' : 's are'} left when the program ends (process ${zombies.map((z) => z.pid).join(', ')}: exited, never waited for)${ctx.reveal ? `, at most ${check.atEnd} allowed` : ''}`);
      link = linkTo(exitEvent(result, zombies[0].pid));
    }
  }
  if (check.peak !== undefined) {
    parts++;
    const peak = result.stats.zombiesPeak;
    if (peak <= check.peak) good++;
    else {
      problems.push(`${peak} zombies existed at the same time${ctx.reveal ? `, at most ${check.peak} allowed` : ''}`);
      if (problems.length === 1) link = linkTo(zombieExceeding(result, check.peak));
    }
  }
  if (problems.length === 0) return pass('no more zombies than allowed', link);
  return { passed: false, fraction: parts > 0 ? good / parts : 0, detail: problems.join('; '), link };
}

/** The exit event that made the zombie count go above `max` (zombies counted from exit and reap events). */
function zombieExceeding(result: RunResult, max: number): TraceEvent | undefined {
  const { all } = processTree(result);
  const processes = new Set(all.map((n) => n.pid));
  const zombies = new Set<number>();
  for (const e of result.trace) {
    if (e.kind === 'exit' && processes.has(e.pid)) {
      zombies.add(e.pid);
      if (zombies.size > max) return e;
    } else if (e.kind === 'reap') zombies.delete(e.pid);
  }
  return undefined;
}

/** `orphans`: exactly `count` processes were reparented, and who reaped them. */
export function evaluateOrphans(check: CheckFields, result: RunResult, ctx: EvalContext): Outcome {
  const orphans = result.processes.filter((p) => p.reparentedTo !== null);
  const reparent = (pid: number): TraceEvent | undefined => result.trace.find((e) => e.kind === 'reparent' && e.pid === pid);
  const problems: string[] = [];
  let link = orphans.length > 0 ? linkTo(reparent(orphans[0].pid)) : endLink(result);
  let parts = 0;
  let good = 0;
  if (check.count !== undefined) {
    parts++;
    if (orphans.length === check.count) good++;
    else problems.push(`${orphans.length} process${orphans.length === 1 ? ' was' : 'es were'} orphaned (reparented)${ctx.reveal ? `, expected ${check.count}` : ''}`);
  }
  if (check.reapedBy !== undefined) {
    parts++;
    const wrong = wronglyReaped(check.reapedBy, result);
    if (!wrong) good++;
    else {
      problems.push(wrong.detail);
      if (wrong.event) link = linkTo(wrong.event);
    }
  }
  if (problems.length === 0) {
    const by = orphans.map((o) => `${o.pid} → ${o.reparentedTo}`).join(', ');
    return pass(orphans.length === 0 ? 'no process was orphaned' : `orphans and their new parents as expected (${by})`, link);
  }
  return { passed: false, fraction: parts > 0 ? good / parts : 0, detail: problems.join('; '), link };
}

/**
 * Who must reap: `init` (every orphan went to pid 1 and is not left a zombie), `subreaper` (every
 * orphan went to a process of the program), `parent` (no orphans; each child was reaped by the
 * process that created it). Returns what is wrong, or null.
 */
function wronglyReaped(by: 'init' | 'subreaper' | 'parent', result: RunResult): { detail: string; event?: TraceEvent } | null {
  const orphans = result.processes.filter((p) => p.reparentedTo !== null);
  const reparentOf = (pid: number) => result.trace.find((e) => e.kind === 'reparent' && e.pid === pid);
  const programPids = new Set(result.processes.map((p) => p.pid));
  if (by === 'init' || by === 'subreaper') {
    if (orphans.length === 0) return { detail: 'no process was orphaned, so none was reaped by ' + (by === 'init' ? 'init' : 'a subreaper') };
    for (const o of orphans) {
      const ok = by === 'init' ? o.reparentedTo === 1 : programPids.has(o.reparentedTo!);
      if (!ok) return { detail: `process ${o.pid} was handed to ${o.reparentedTo === 1 ? 'init (pid 1)' : `process ${o.reparentedTo}`}, not to ${by === 'init' ? 'init' : 'a subreaper of the program'}`, event: reparentOf(o.pid) };
      if (o.reapedBy === null) return { detail: `process ${o.pid} was never reaped by its new parent ${o.reparentedTo}`, event: reparentOf(o.pid) };
    }
    return null;
  }
  if (orphans.length > 0) return { detail: `process ${orphans[0].pid} was orphaned: its parent ended before it and did not reap it`, event: reparentOf(orphans[0].pid) };
  const { all } = processTree(result);
  for (const node of all) {
    if (node.parent === null) continue;
    const info = result.processes.find((p) => p.pid === node.pid);
    if (info && info.reapedBy !== node.parent) {
      return { detail: `process ${node.pid} was not reaped by its parent ${node.parent}`, event: exitEvent(result, node.pid) };
    }
  }
  return null;
}

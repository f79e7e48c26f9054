/**
 * PIDs in expected output (`normalizePids: true` on an output check): `<pid>` stands for the pid
 * of any process of the program and `<pidN>` for the N-th process it created (`<pid1>` is the
 * program itself), so an expected text need not know which pids the kernel handed out.
 */
import type { RunResult } from '../vm/run.ts';
import { processTree } from './process-tree.ts';

const PLACEHOLDER = /<pid(\d*)>/g;

/** The pids of the program's processes, in creation order (the program itself first). */
export function programPids(result: RunResult): number[] {
  return processTree(result).all.map((n) => n.pid);
}

/** Whether a text or pattern holds a placeholder. */
export function hasPidPlaceholder(text: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(text);
}

/**
 * The expected text with each placeholder replaced by the pid the actual output shows at that
 * place (read left to right while the two agree), or by the first candidate after they part; the
 * result is then compared as any expected text, so a difference is reported where it is.
 */
export function resolvePids(expected: string, actual: string, pids: number[]): string {
  const parts = expected.split(PLACEHOLDER);
  let out = '';
  let pos = 0;
  let agree = true;
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      const literal = parts[i];
      if (agree && actual.startsWith(literal, pos)) pos += literal.length;
      else agree = false;
      out += literal;
      continue;
    }
    const chosen = choosePid(candidatesFor(parts[i], pids), agree ? actual.slice(pos) : '');
    if (agree && actual.startsWith(chosen, pos)) pos += chosen.length;
    else agree = false;
    out += chosen;
  }
  return out;
}

/** A regular expression's source with `<pid>` as the alternatives of the run's pids and `<pidN>` as that pid. */
export function pidPattern(source: string, pids: number[]): string {
  return source.replace(PLACEHOLDER, (_m, n: string) => {
    const candidates = candidatesFor(n, pids);
    return candidates.length === 1 ? candidates[0] : `(?:${candidates.join('|')})`;
  });
}

/** The pids a placeholder may stand for, longest first ("" = any; "2" = the second process). */
function candidatesFor(n: string, pids: number[]): string[] {
  if (n !== '') {
    const pid = pids[Number(n) - 1];
    // a process the run did not make: a number no pid has, so the comparison fails there
    return [pid === undefined ? `<no process ${n}>` : String(pid)];
  }
  return pids.map(String).sort((a, b) => b.length - a.length);
}

/** The candidate the text starts with (the first one when none does). */
function choosePid(candidates: string[], text: string): string {
  return candidates.find((c) => text.startsWith(c) && !/^\d/.test(text.slice(c.length))) ?? candidates.find((c) => text.startsWith(c)) ?? candidates[0] ?? '';
}

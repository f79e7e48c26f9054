/**
 * The regular expressions of packs (docs/packs.md, "Regular expressions"): RE2 syntax, matched by
 * re2js in time linear in the text, so no pattern can hang validation or grading on a student's
 * output ((a+)+b, ^(\w+\s?)*$ included). RE2 has no backreferences (\1) and no lookaround
 * ((?=…), (?!…), (?<=…)); a pattern that needs them is matched by JavaScript's own engine, which
 * may backtrack for ever.
 *
 * So every match also has a time limit: the matches made for one check take at most
 * CHECK_MATCH_MS together (withMatchTimeLimit), and one beyond it throws MatchTimeoutError, which
 * the checker reports as that check "timed out". Linear is not enough on its own either: RE2's
 * time grows with the pattern's size times the text's (a pattern of many `[\s\S]{1000}` on a
 * megabyte of output takes seconds). The limit needs a clock that can interrupt JavaScript, which
 * domain code cannot have: each host installs one (installMatchWatchdog; src-main/host/
 * match-watchdog.ts does it with node:vm for the pool's workers and the command line).
 */
import { RE2JS } from 're2js';

export interface PackRegex {
  /** 're2' (linear time) or 'js' (backreferences or lookaround: backtracking) */
  readonly engine: 're2' | 'js';
  /** True when the pattern matches somewhere in `text`. */
  test(text: string): boolean;
  /** True when the pattern matches the whole of `text` (as if between ^ and $ of the whole text). */
  matchesWhole(text: string): boolean;
  /** The index of the first of `lines` from `from` on that the pattern matches somewhere in, or -1. */
  firstMatchingLine(lines: readonly string[], from?: number): number;
}

/** Milliseconds of matching one check may use, all its patterns and texts together. */
export const CHECK_MATCH_MS = 2000;

/** How the message of a check whose matching timed out begins. */
export const MATCH_TIMED_OUT = "timed out: matching the check's pattern";

/** Matching took longer than the check's time limit. */
export class MatchTimeoutError extends Error {
  constructor(limitMs: number) {
    super(`${MATCH_TIMED_OUT} against the output took longer than ${formatSeconds(limitMs)} (the time limit of a check's patterns)`);
    this.name = 'MatchTimeoutError';
  }
}

/**
 * Runs `work` and stops it once it has run `ms` milliseconds, throwing MatchTimeoutError(limitMs);
 * returns what `work` returned. A host gives one (installMatchWatchdog).
 */
export type MatchWatchdog = <T>(work: () => T, ms: number, limitMs: number) => T;

let watchdog: MatchWatchdog | null = null;

/** What is left of the time limit of the check being evaluated (null outside withMatchTimeLimit). */
let budget: { limitMs: number; leftMs: number } | null = null;

/** Gives the lab's matches a clock that can stop them (without one, matches are not time-limited). */
export function installMatchWatchdog(w: MatchWatchdog | null): void {
  watchdog = w;
}

/** True when matches are time-limited in this thread. */
export function hasMatchWatchdog(): boolean {
  return watchdog !== null;
}

/**
 * Evaluates one check (`evaluate`) with `limitMs` of matching for all its patterns; a match that
 * goes beyond throws MatchTimeoutError out of `evaluate`. Nested calls share the outer limit.
 */
export function withMatchTimeLimit<T>(limitMs: number, evaluate: () => T): T {
  if (budget) return evaluate();
  budget = { limitMs, leftMs: limitMs };
  try {
    return evaluate();
  } finally {
    budget = null;
  }
}

/** Runs one match within the time left (CHECK_MATCH_MS on its own outside a check). */
function bounded<T>(work: () => T): T {
  if (!watchdog) return work();
  const own = budget ?? { limitMs: CHECK_MATCH_MS, leftMs: CHECK_MATCH_MS };
  if (own.leftMs <= 0) throw new MatchTimeoutError(own.limitMs);
  const start = performance.now();
  try {
    return watchdog(work, Math.max(1, Math.ceil(own.leftMs)), own.limitMs);
  } finally {
    own.leftMs -= performance.now() - start;
  }
}

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0 };

/** Backreferences and lookaround: what JavaScript has and RE2 lacks. */
const JS_ONLY = /\\[1-9]|\\k<|\(\?<?[=!]/;

const cache = new Map<string, PackRegex>();

/** The compiled pattern; throws an Error saying what is wrong with it. Flags are letters of "imsu". */
export function packRegex(source: string, flags = ''): PackRegex {
  const key = `${flags}/${source}`;
  let re = cache.get(key);
  if (!re) {
    re = compile(source, flags);
    if (cache.size >= 256) cache.delete(cache.keys().next().value as string);
    cache.set(key, re);
  }
  return re;
}

/** Why the pattern cannot be used (a sentence), or null. */
export function packRegexProblem(source: string, flags = ''): string | null {
  try {
    packRegex(source, flags);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The time-limited PackRegex over plain test and whole-match functions. */
function timeLimited(engine: PackRegex['engine'], test: (text: string) => boolean, whole: (text: string) => boolean): PackRegex {
  return {
    engine,
    test: (text) => bounded(() => test(text)),
    matchesWhole: (text) => bounded(() => whole(text)),
    firstMatchingLine: (lines, from = 0) =>
      bounded(() => {
        for (let i = from; i < lines.length; i++) if (test(lines[i])) return i;
        return -1;
      }),
  };
}

function compile(source: string, flags: string): PackRegex {
  const bad = [...flags].find((f) => !(f in FLAG_BITS));
  if (bad !== undefined) throw new Error(`unknown flag "${bad}" (flags are letters of imsu)`);
  if (JS_ONLY.test(source)) return compileJs(source, flags);
  let bits = 0;
  for (const f of flags) bits |= FLAG_BITS[f];
  let re: ReturnType<typeof RE2JS.compile>;
  try {
    re = RE2JS.compile(source, bits);
  } catch (e) {
    throw new Error((e as Error).message.replace(/^error parsing regexp: /, ''));
  }
  return timeLimited('re2', (text) => re.test(text), (text) => re.testExact(text));
}

function compileJs(source: string, flags: string): PackRegex {
  const unanchored = new RegExp(source, flags);
  const whole = new RegExp(`(?:${source})(?![\\s\\S])`, `${flags}y`);
  return timeLimited(
    'js',
    (text) => unanchored.test(text),
    (text) => {
      whole.lastIndex = 0;
      return whole.test(text);
    },
  );
}

/** "2 s", "0.5 s". */
function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

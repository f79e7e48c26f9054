/**
 * The regular expressions of packs (docs/packs.md, "Regular expressions"): RE2 syntax, matched by
 * re2js in time linear in the text, so no pattern can hang validation or grading on a student's
 * output ((a+)+b, ^(\w+\s?)*$ included). RE2 has no backreferences (\1) and no lookaround
 * ((?=…), (?!…), (?<=…)); a pattern that needs them is matched by JavaScript's own engine, which
 * may backtrack: such patterns are bounded by the grading time limit per submission instead.
 */
import { RE2JS } from 're2js';

export interface PackRegex {
  /** 're2' (linear time) or 'js' (backreferences or lookaround: backtracking) */
  readonly engine: 're2' | 'js';
  /** True when the pattern matches somewhere in `text`. */
  test(text: string): boolean;
  /** True when the pattern matches the whole of `text` (as if between ^ and $ of the whole text). */
  matchesWhole(text: string): boolean;
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
  return { engine: 're2', test: (text) => re.test(text), matchesWhole: (text) => re.testExact(text) };
}

function compileJs(source: string, flags: string): PackRegex {
  const unanchored = new RegExp(source, flags);
  const whole = new RegExp(`(?:${source})(?![\\s\\S])`, `${flags}y`);
  return {
    engine: 'js',
    test: (text) => unanchored.test(text),
    matchesWhole: (text) => {
      whole.lastIndex = 0;
      return whole.test(text);
    },
  };
}

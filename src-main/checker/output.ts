/**
 * The `output` check: the terminal text compared exactly, trimmed, with a regular expression
 * matching the whole text, with any of several texts, or line by line (required and forbidden
 * patterns, each searched for within a line); with `normalizePids`, `<pid>` placeholders stand
 * for the program's pids (pids.ts). The link points at the output event that wrote the first
 * wrong character (or the forbidden line). Messages never show a raw pattern: a simple one is
 * shown as an example line (describe-pattern.ts).
 */
import { packRegex } from '../packs/regex.ts';
import type { CheckFields, ExpectedOutput, LinesSpec } from '../packs/types.ts';
import type { RunResult } from '../vm/run.ts';
import { patternExample } from './describe-pattern.ts';
import { pidPattern, programPids, resolvePids } from './pids.ts';
import { crashNote } from './runs.ts';
import { endLink, linkTo, outputEventAt } from './trace-links.ts';
import { NO_LINK, type EvalContext, type Link, type Outcome } from './types.ts';

/** Grades the terminal text of `result` against an output check. */
export function evaluateOutput(check: CheckFields, result: RunResult, ctx: EvalContext): Outcome {
  const outcome = compareOutput(check, result, ctx.reveal, check.normalizePids ? programPids(result) : null);
  if (!outcome.passed) {
    const crash = crashNote(result);
    if (crash) outcome.detail += `; note: ${crash}`;
  }
  return outcome;
}

/** The terminal text of `result` against one expected output; `pids` given resolves `<pid>` placeholders. */
export function compareOutput(expected: ExpectedOutput, result: RunResult, reveal: boolean, pids: number[] | null): Outcome {
  const out = result.stdout;
  const text = (t: string, actual: string): string => (pids ? resolvePids(t, actual, pids) : t);
  const pattern = (p: string): string => (pids ? pidPattern(p, pids) : p);
  if (expected.exact !== undefined) return compareText(out, text(expected.exact, out), result, reveal, '');
  if (expected.trimmed !== undefined) {
    const actual = trimOutput(out);
    return compareText(actual, text(trimOutput(expected.trimmed), actual), result, reveal, ' (trailing spaces and final newlines ignored)');
  }
  if (expected.regex !== undefined) return matchWhole(out, pattern(expected.regex), expected.flags ?? '', result, reveal);
  if (expected.anyOf !== undefined) return matchAny(out, expected.anyOf.map((t) => text(t, out)), result, reveal);
  const lines = expected.lines ?? {};
  return matchLines(out, { ...lines, required: lines.required?.map(pattern), forbidden: lines.forbidden?.map(pattern) }, result, reveal);
}

/** Trailing spaces of each line and the final newlines removed. */
export function trimOutput(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\r]+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

/** "…" quoted for a message, cut at 80 characters. */
export function quote(text: string): string {
  const cut = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return JSON.stringify(cut);
}

/** A whole output quoted for a message: all of it up to 300 characters, else its first lines and how many more there are. */
export function quoteOutput(text: string): string {
  if (text.length <= 300) return JSON.stringify(text);
  const lines = splitLines(text);
  const shown: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > 300) break;
    shown.push(line);
    length += line.length + 1;
  }
  if (shown.length === 0) return JSON.stringify(`${text.slice(0, 297)}...`);
  const more = lines.length - shown.length;
  return `${JSON.stringify(`${shown.join('\n')}\n`)} and ${more} more line${more === 1 ? '' : 's'}`;
}

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

function lineNumberAt(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text[i] === '\n') n++;
  return n;
}

function lineOf(text: string, n: number): string | undefined {
  return text.split('\n')[n - 1];
}

function compareText(actual: string, expected: string, result: RunResult, reveal: boolean, how: string): Outcome {
  if (actual === expected) return { passed: true, fraction: 1, detail: `the output is as expected${how}`, link: lastOutputLink(result) };
  const at = firstDifference(actual, expected);
  const n = lineNumberAt(actual, at);
  const link = linkTo(outputEventAt(result, at));
  const got = lineOf(actual, n);
  const want = lineOf(expected, n);
  let detail: string;
  if (at >= actual.length) {
    detail = actual.length === 0 ? 'the program printed nothing' : `the output stops too early, after line ${n - (actual.endsWith('\n') ? 1 : 0)}`;
    if (reveal) detail += `; the next expected line is ${quote(want ?? '')}`;
  } else if (at >= expected.length) {
    detail = `the output goes on after the expected end: line ${n} is ${quote(got ?? '')}`;
  } else {
    detail = `line ${n} differs: the program printed ${quote(got ?? '')}`;
    if (reveal) detail += `, expected ${quote(want ?? '')}`;
  }
  return { passed: false, fraction: 0, detail: detail + how, link: linkOrEnd(link, result) };
}

/** The regex must match the whole output (as if between ^ and $ of the whole text). */
export function wholeMatch(text: string, regex: string, flags: string): boolean {
  return packRegex(regex, flags.replace(/[gy]/g, '')).matchesWhole(text);
}

function matchWhole(actual: string, regex: string, flags: string, result: RunResult, reveal: boolean): Outcome {
  if (wholeMatch(actual, regex, flags)) return { passed: true, fraction: 1, detail: 'the output has the expected form', link: lastOutputLink(result) };
  const example = reveal ? patternExample(regex) : null;
  const printed = actual.length === 0 ? 'the program printed nothing' : printedInBrief(actual);
  const detail = `the output does not have the expected form${example !== null ? ` (expected something like ${quoteOutput(example)})` : ''}: ${printed}`;
  return { passed: false, fraction: 0, detail, link: linkOrEnd(lastOutputLink(result), result) };
}

/**
 * What the program printed, for a message that cannot say which line is wrong: the text when it is
 * one short line, else only how many lines (a quote cut short could stop just before the line that
 * matters, lines quoted with \n are hard to read, and the student has the whole output in the terminal).
 */
function printedInBrief(text: string): string {
  if (text.length <= 160 && splitLines(text).length <= 1) return `the program printed ${JSON.stringify(text)}`;
  const n = splitLines(text).length;
  return `the program printed ${n} line${n === 1 ? '' : 's'} (the terminal shows them)`;
}

function matchAny(actual: string, texts: string[], result: RunResult, reveal: boolean): Outcome {
  if (texts.includes(actual)) return { passed: true, fraction: 1, detail: 'the output is one of the accepted outputs', link: lastOutputLink(result) };
  // point at the place where the output leaves the closest accepted text
  const best = Math.max(...texts.map((t) => firstDifference(actual, t)));
  const n = lineNumberAt(actual, best);
  const none = texts.length === 1 ? 'the output is not the accepted one: it differs from it' : `the output is none of the ${texts.length} accepted outputs: it differs from all of them`;
  const detail = `${none} by line ${n} (${quote(lineOf(actual, n) ?? '')})${
    reveal ? `; accepted: ${texts.map(quote).join(' or ')}` : ''
  }`;
  return { passed: false, fraction: 0, detail, link: linkOrEnd(linkTo(outputEventAt(result, best)), result) };
}

/** Lines of the text without the empty string after a final newline. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Which required patterns are missing and which forbidden ones appear, over the output's lines. */
export function checkLines(text: string, spec: LinesSpec): { missing: string[]; forbiddenAt: { pattern: string; line: number }[]; total: number } {
  const lines = splitLines(text);
  const missing: string[] = [];
  let from = 0;
  for (const pattern of spec.required ?? []) {
    const re = packRegex(pattern);
    const start = spec.ordered ? from : 0;
    const found = re.firstMatchingLine(lines, start);
    if (found < 0) missing.push(pattern);
    else if (spec.ordered) from = found + 1;
  }
  const forbiddenAt: { pattern: string; line: number }[] = [];
  for (const pattern of spec.forbidden ?? []) {
    const re = packRegex(pattern);
    const found = re.firstMatchingLine(lines);
    if (found >= 0) forbiddenAt.push({ pattern, line: found + 1 });
  }
  return { missing, forbiddenAt, total: (spec.required?.length ?? 0) + (spec.forbidden?.length ?? 0) };
}

/**
 * What a `lines` pattern asks for, in words: it is searched for within a line, so `^…$` reads "a
 * line like "…"", `^…` "a line starting with "…"", `…$` "a line ending with "…"" and a bare
 * pattern "a line containing "…""; alternatives (`a|b`) are joined with "or". A pattern too
 * complex to give an example of reads "a line of the expected form".
 */
export function describeLine(pattern: string): string {
  const alternatives = topLevelAlternatives(pattern).map(describeAlternative);
  if (alternatives.some((a) => a === null)) return 'a line of the expected form';
  return alternatives.join(' or ');
}

function describeAlternative(pattern: string): string | null {
  const start = pattern.startsWith('^');
  const end = /(^|[^\\])\$$/.test(pattern);
  const example = patternExample(pattern);
  if (example === null || example === '' || example === '…') return null;
  const where = start && end ? 'a line like' : start ? 'a line starting with' : end ? 'a line ending with' : 'a line containing';
  return `${where} ${quote(example.replace(/^…|…$/g, ''))}`;
}

/** `a|b` split at its top level (not inside parentheses or brackets); the whole pattern when it has no such `|`. */
function topLevelAlternatives(pattern: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(pattern.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(pattern.slice(from));
  return parts;
}

/** "a, b and c"; "a or b; and c" when an item has an "or" of its own. */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const sep = items.some((i) => i.includes(' or ')) ? ['; ', '; and '] : [', ', ' and '];
  return `${items.slice(0, -1).join(sep[0])}${sep[1]}${items[items.length - 1]}`;
}

function matchLines(actual: string, spec: LinesSpec, result: RunResult, reveal: boolean): Outcome {
  const { missing, forbiddenAt, total } = checkLines(actual, spec);
  const bad = missing.length + forbiddenAt.length;
  if (bad === 0) return { passed: true, fraction: 1, detail: 'every required line is there and no forbidden one', link: lastOutputLink(result) };
  const parts: string[] = [];
  if (missing.length > 0) {
    parts.push(
      reveal
        ? `missing ${listInWords(missing.map(describeLine))}${spec.ordered ? ' (the lines must come in the order given)' : ''}`
        : `${missing.length} required line${missing.length > 1 ? 's are' : ' is'} missing${spec.ordered ? ' or out of order' : ''}`,
    );
  }
  let link: Link = lastOutputLink(result);
  if (forbiddenAt.length > 0) {
    const first = forbiddenAt[0];
    const lines = splitLines(actual);
    parts.push(`line ${first.line} (${quote(lines[first.line - 1])}) should not be there`);
    const offset = lines.slice(0, first.line - 1).reduce((n, l) => n + l.length + 1, 0);
    link = linkTo(outputEventAt(result, offset));
  }
  return { passed: false, fraction: total > 0 ? (total - bad) / total : 0, detail: parts.join('; '), link: linkOrEnd(link, result) };
}

function lastOutputLink(result: RunResult): Link {
  for (let i = result.trace.length - 1; i >= 0; i--) if (result.trace[i].kind === 'output') return linkTo(result.trace[i]);
  return NO_LINK;
}

function linkOrEnd(link: Link, result: RunResult): Link {
  return link.step !== null ? link : endLink(result);
}

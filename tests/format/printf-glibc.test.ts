/**
 * formatPrintf against glibc, byte for byte: the recorded fixture (no gcc needed), and a fresh
 * run of gcc over the same cases when gcc is installed (it is on the dev machines and in CI).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPrintf } from '../../src-main/vm/libc/format.ts';
import { caseArgs } from './case-args.ts';
import { glibcPrintf, hasGcc } from './gcc-printf.ts';
import { type PrintfCase, casesFingerprint, printfCases } from './printf-cases.ts';

interface Fixture {
  fingerprint: string;
  expected: string[];
}

/** What formatPrintf prints for a case, as a latin1 string. */
function ours(c: PrintfCase): string {
  const bytes = formatPrintf(Buffer.from(c.fmt, 'latin1'), caseArgs(c));
  return Buffer.from(bytes).toString('latin1');
}

/** The cases whose output differs from the expected one (empty when all match). */
function mismatches(cases: PrintfCase[], expected: string[]): string[] {
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const actual = ours(c);
    if (actual !== expected[i]) {
      failures.push(`${JSON.stringify(c.fmt)} ${JSON.stringify(c.args)}: glibc ${JSON.stringify(expected[i])}, ours ${JSON.stringify(actual)}`);
    }
  });
  return failures;
}

describe('formatPrintf matches glibc', () => {
  it('on the recorded fixture', () => {
    const fixture = JSON.parse(readFileSync(new URL('./printf-fixture.json', import.meta.url), 'utf8')) as Fixture;
    const cases = printfCases();
    expect(cases.length).toBeGreaterThan(1000);
    // A different fingerprint means printf-cases.ts changed: run record-printf-fixture.ts.
    expect(fixture.fingerprint).toBe(casesFingerprint(cases));
    expect(mismatches(cases, fixture.expected).slice(0, 30)).toEqual([]);
  });

  it.runIf(hasGcc())('on a fresh gcc run of the cases', () => {
    const cases = printfCases();
    expect(mismatches(cases, glibcPrintf(cases)).slice(0, 30)).toEqual([]);
  });
});

/**
 * parseInteger / parseDouble against glibc's strtol, strtoul and strtod: the recorded fixture,
 * and a fresh gcc run of the same cases when gcc is installed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDouble, parseInteger } from '../../src-main/vm/libc/strconv.ts';
import { type DoubleResult, type IntegerResult, glibcStrconv } from './gcc-strconv.ts';
import { hasGcc } from './gcc-printf.ts';
import { type IntegerCase, doubleCases, integerCases } from './strconv-cases.ts';

const EINVAL = 22;
const ERANGE = 34;

/** Our integer parse in glibc's terms (an invalid base leaves endptr untouched: -1). */
function ourInteger(c: IntegerCase): IntegerResult {
  const r = parseInteger(Buffer.from(c.input, 'latin1'), 0, c.base, c.kind);
  return { value: r.value.toString(), end: r.einval ? -1 : r.end, errno: r.einval ? EINVAL : r.erange ? ERANGE : 0 };
}

/** Our strtod in glibc's terms. */
function ourDouble(input: string): DoubleResult {
  const r = parseDouble(Buffer.from(input, 'latin1'), 0);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, r.value);
  return { bits: view.getBigUint64(0).toString(16).padStart(16, '0'), end: r.end, erange: r.erange };
}

/** Descriptions of the cases where ours differs from glibc's. */
function mismatches<C, R>(cases: C[], expected: R[], ours: (c: C) => R): string[] {
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const actual = ours(c);
    if (JSON.stringify(actual) !== JSON.stringify(expected[i])) {
      failures.push(`${JSON.stringify(c)}: glibc ${JSON.stringify(expected[i])}, ours ${JSON.stringify(actual)}`);
    }
  });
  return failures;
}

interface Fixture {
  integers: (IntegerCase & { expected: IntegerResult })[];
  doubles: { input: string; expected: DoubleResult }[];
}

describe('strconv matches glibc', () => {
  const fixture = JSON.parse(readFileSync(new URL('./strconv-fixture.json', import.meta.url), 'utf8')) as Fixture;

  it('strtol and strtoul on the recorded fixture', () => {
    expect(fixture.integers.length).toBeGreaterThan(500);
    expect(mismatches(fixture.integers, fixture.integers.map((c) => c.expected), ourInteger)).toEqual([]);
  });

  it('strtod on the recorded fixture', () => {
    expect(fixture.doubles.length).toBeGreaterThan(50);
    expect(mismatches(fixture.doubles.map((c) => c.input), fixture.doubles.map((c) => c.expected), ourDouble)).toEqual([]);
  });

  it.runIf(hasGcc())('on a fresh gcc run of the cases', () => {
    const integers = integerCases();
    const doubles = doubleCases();
    const glibc = glibcStrconv(integers, doubles);
    expect(mismatches(integers, glibc.integers, ourInteger)).toEqual([]);
    expect(mismatches(doubles, glibc.doubles, ourDouble)).toEqual([]);
  });
});

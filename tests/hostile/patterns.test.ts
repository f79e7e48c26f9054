/**
 * Hostile patterns (issue 15, item 4): a check whose regular expression backtracks for ever on a
 * student's output (lookahead or a backreference sends it to JavaScript's engine), and an RE2
 * pattern so large that even linear matching takes seconds. Every match has a time limit
 * (packs/regex.ts): the check is "timed out", the other checks are graded, and the same holds in
 * validation (`forklab pack validate`), the app's Check (a pool worker) and grading.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import '../../src-main/host/match-watchdog.ts';
import { gradeExercise } from '../../src-main/checker/grade.ts';
import { builtFile } from '../../src-main/host/built.ts';
import { WorkerPool } from '../../src-main/host/pool.ts';
import { loadPack } from '../../src-main/packs/load.ts';
import { CHECK_MATCH_MS, MatchTimeoutError, packRegex, withMatchTimeLimit } from '../../src-main/packs/regex.ts';
import { EXERCISE_YAML, tinyPack } from '../packs/tiny-pack.ts';
import { elapsed } from './bounds.ts';

const BIN = join(import.meta.dirname, '../../bin/forklab.mjs');

/** 2^40 ways to split the a's before the lookahead gives up: hours on JavaScript's engine. */
const CATASTROPHIC = '^(?=(a+)+b)';
/** A program whose output the catastrophic pattern backtracks on. */
const AAAA = '#include <stdio.h>\nint main(void) { printf("%s\\n", "' + 'a'.repeat(40) + '"); return 0; }\n';
/** RE2, linear in the text, but 2,000 states wide: 160 s on a megabyte of a's before time limits. */
const HUGE_RE2 = '(?:[\\s\\S]{1000}[\\s\\S]{1000}|[\\s\\S]{999}[^a]{1000})$';

/** The tiny pack with one more output check, a regex, whose solution and starter print 40 a's. */
function packWithPattern(regex: string, extra = '', starter: string | null = AAAA): ReturnType<typeof tinyPack> {
  const check = `  - id: form
    uuid: 66666666-6666-4666-8666-666666666666
    type: output
    points: 1
    regex: ${JSON.stringify(regex)}
${extra}`;
  return tinyPack({
    'hello-fork/exercise.yaml': `${EXERCISE_YAML}${check}`,
    ...(starter === null ? {} : { 'hello-fork/starter.c': starter }),
  });
}

/** A line of a's on which CATASTROPHIC's match, compiled, takes at least `ms` ms; and that time. */
function lineCostingAtLeast(ms: number): { text: string; ms: number } {
  const re = packRegex(CATASTROPHIC);
  for (let n = 16; ; n++) {
    const text = 'a'.repeat(n);
    re.test(text); // the first match of a length runs V8's regexp interpreter: time the next
    const start = performance.now();
    re.test(text);
    const took = performance.now() - start;
    if (took >= ms || n >= 30) return { text, ms: took };
  }
}

const pool = new WorkerPool({ workerFile: builtFile('worker.mjs'), threads: 1, heapMb: 256 });
afterAll(() => pool.close());

describe('hostile patterns', () => {
  it('a backtracking match is stopped at the time limit', () => {
    const t = elapsed();
    expect(() => withMatchTimeLimit(300, () => packRegex(CATASTROPHIC).test('a'.repeat(40)))).toThrow(MatchTimeoutError);
    expect(t()).toBeLessThan(2000);
  });

  it('the matches of one check share its time limit, line by line too', () => {
    // Calibrated on this machine: lines long enough that one (after V8 compiles the pattern) takes
    // ≥ 20 ms, a limit of 10 lines' time, and 50 lines. Each line alone is well inside the limit,
    // so only a limit shared by the lines stops them (a fixed length was ~10 ms a line here and
    // under the limit in total on a slightly faster machine).
    const oneLine = lineCostingAtLeast(20);
    const limit = Math.ceil(10 * oneLine.ms);
    const lines = Array.from({ length: 50 }, () => oneLine.text);
    const t = elapsed();
    expect(() => withMatchTimeLimit(limit, () => packRegex(CATASTROPHIC).firstMatchingLine(lines))).toThrow(/timed out/);
    expect(t()).toBeLessThan(limit + 2000);
  });

  it('an RE2 pattern too large for a long output times out instead of taking seconds', () => {
    const t = elapsed();
    expect(() => withMatchTimeLimit(300, () => packRegex(HUGE_RE2).test('a'.repeat(1 << 20)))).toThrow(MatchTimeoutError);
    expect(t()).toBeLessThan(2000);
  });

  it('grading: the check times out, the others are graded', { timeout: 30_000 }, () => {
    const exercise = loadPack(packWithPattern(CATASTROPHIC)).pack!.exercises[0];
    const t = elapsed();
    const view = gradeExercise(exercise, AAAA, { includeSecret: true, includeRun: false });
    expect(t()).toBeLessThan(CHECK_MATCH_MS + 8000);
    const form = view.tests.find((c) => c.id === 'form')!;
    expect(form.status).toBe('error');
    expect(form.points).toBe(0);
    expect(form.message).toMatch(/Not checked: timed out: matching the check's pattern against the output took longer than 2 s/);
    expect(view.tests.find((c) => c.id === 'compiles')!.status).toBe('passed');
  });

  it("the app's Check in a pool worker: the check times out, the worker answers", { timeout: 30_000 }, async () => {
    const exercise = loadPack(packWithPattern(CATASTROPHIC)).pack!.exercises[0];
    const t = elapsed();
    const view = await pool.run({ kind: 'grade', exercise, packId: 'tiny', source: AAAA });
    expect(t()).toBeLessThan(CHECK_MATCH_MS + 10_000);
    expect(view.tests.find((c) => c.id === 'form')!.message).toMatch(/timed out/);
    expect(view.gradable).toBe(true);
  });

  it('forklab pack validate refuses the pattern with a clear message, in bounded time', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'forklab-hostile-pattern-'));
    for (const [name, data] of Object.entries(packWithPattern(CATASTROPHIC))) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    const t = elapsed();
    const r = spawnSync(process.execPath, [BIN, 'pack', 'validate', dir], { encoding: 'utf8', timeout: 50_000 });
    expect(t()).toBeLessThan(40_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/check "form" timed out on starter\.c: its pattern takes too long to match/);
  });

  it("the Gradescope autograder: a student's output that makes a valid pack's pattern backtrack times out that check, and results.json is written", { timeout: 180_000 }, () => {
    // the starter and solution print no a's, so the pack validates and exports; the student's does
    const root = mkdtempSync(join(tmpdir(), 'forklab-hostile-autograder-'));
    const pack = join(root, 'pack');
    for (const [name, data] of Object.entries(packWithPattern(CATASTROPHIC, '', null))) {
      mkdirSync(join(pack, name, '..'), { recursive: true });
      writeFileSync(join(pack, name), data);
    }
    const zip = join(root, 'export.zip');
    const exported = spawnSync(process.execPath, [BIN, 'pack', 'export', '--gradescope', pack, '-o', zip], { encoding: 'utf8', timeout: 120_000 });
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(/written to/);
    const ag = join(root, 'autograder');
    mkdirSync(join(ag, 'source'), { recursive: true });
    const unzipped = spawnSync('unzip', ['-q', zip, '-d', join(ag, 'source')], { encoding: 'utf8' });
    expect(unzipped.stderr).toBe('');
    expect(unzipped.status).toBe(0);
    mkdirSync(join(ag, 'submission'), { recursive: true });
    writeFileSync(join(ag, 'submission', 'hello-fork.c'), AAAA);
    const t = elapsed();
    const r = spawnSync('bash', [join(ag, 'source', 'run_autograder')], {
      env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, AUTOGRADER_ROOT: ag },
      encoding: 'utf8',
      timeout: 60_000,
    });
    spawnSync('pkill', ['-f', root]); // the node under bash, should the time-out have stopped only bash
    expect(r.signal, 'run_autograder was stopped by the test: the match never ended').toBeNull();
    expect(t()).toBeLessThan(30_000);
    const results = JSON.parse(readFileSync(join(ag, 'results', 'results.json'), 'utf8'));
    const form = results.tests.find((c: { name: string }) => c.name.endsWith(': form'));
    expect(form).toMatchObject({ score: 0, status: 'failed' });
    expect(form.output).toMatch(/timed out/);
    expect(results.tests.find((c: { name: string }) => c.name.endsWith(': compiles'))).toMatchObject({ status: 'passed' });
  });
});

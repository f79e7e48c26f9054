/**
 * `forklab pack validate` and `forklab grade` end to end through bin/forklab.mjs (so the worker
 * threads run through tsx as they do for users), on the tiny pack in a temporary folder: every
 * results format, the summary, secret checks, and the same results on a second run.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { NO_WAIT, SOLUTION, STARTER, tinyPack } from '../packs/tiny-pack.ts';

const BIN = join(import.meta.dirname, '../../bin/forklab.mjs');

function forklab(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function setUp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'forklab-grade-'));
  for (const [name, data] of Object.entries(tinyPack())) {
    mkdirSync(join(dir, 'pack', name, '..'), { recursive: true });
    writeFileSync(join(dir, 'pack', name), data);
  }
  const subs = join(dir, 'subs');
  mkdirSync(join(subs, 'ann'), { recursive: true });
  mkdirSync(join(subs, 'bob'), { recursive: true });
  writeFileSync(join(subs, 'ann', 'hello-fork.c'), SOLUTION);
  writeFileSync(join(subs, 'bob', 'hello-fork.c'), NO_WAIT);
  writeFileSync(join(subs, 'cid.c'), STARTER);
  writeFileSync(join(subs, 'dan.c'), 'int main(void) { return 0 }\n');
  return dir;
}

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

describe('forklab pack validate', () => {
  it('accepts the tiny pack and reports its exercises as JSON', () => {
    const dir = setUp();
    const r = forklab(dir, ['pack', 'validate', 'pack', '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ valid: true, errors: [] });
    expect(report.exercises).toEqual([
      { id: 'hello-fork', title: 'Hello from two processes', topics: ['fork', 'wait'], maxPoints: 5, solutionPoints: 5, starterPoints: 2, wrongSubmissions: 1 },
    ]);
  });

  it('exits 1 and names file and line when a wrong submission passes what it should fail', () => {
    const dir = setUp();
    writeFileSync(join(dir, 'pack', 'hello-fork', 'wrong', 'no-wait.c'), SOLUTION);
    const r = forklab(dir, ['pack', 'validate', 'pack']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('hello-fork/exercise.yaml:12: wrong[0].fails[0]: wrong/no-wait.c passes check "child-first", which it should fail');
  });

  it('prints the JSON Schema', () => {
    const r = forklab(tmpdir(), ['pack', 'schema']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).definitions.exercise.required).toContain('checks');
  });
});

describe('forklab grade', () => {
  it('grades a folder of submissions in worker threads, in every format, the same way twice', { timeout: 300_000 }, () => {
    const dir = setUp();
    // the json runs use two worker threads; the other formats grade in-process (faster for 4 submissions)
    const run = (format: string, out: string) =>
      forklab(dir, ['grade', '--pack', 'pack', '--exercise', 'hello-fork', 'subs', '--out', out, '--format', format, '--jobs', format === 'json' ? '2' : '1']);
    const first = run('json', 'out-json');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('graded 4 submissions of 4 students');
    const files = readTree(join(dir, 'out-json'));
    expect(Object.keys(files)).toEqual([
      'ann/hello-fork.json', 'bob/hello-fork.json', 'cid/hello-fork.json', 'dan/hello-fork.json', 'skipped.csv', 'submissions.csv', 'summary.csv', 'summary.json',
    ]);
    expect(files['summary.csv']).toBe(
      'student,hello-fork,total,max,missing,notes,pack_id,pack_version\n' +
        'ann,5,5,5,,,tiny,1.2.3\n' +
        'bob,2,2,5,,,tiny,1.2.3\n' +
        'cid,2,2,5,,,tiny,1.2.3\n' +
        'dan,0,0,5,,hello-fork: does not compile,tiny,1.2.3\n',
    );
    expect(files['submissions.csv'].split('\n')[1]).toBe(`ann,hello-fork,5,5,1,true,3,3,${join('subs', 'ann', 'hello-fork.c')},ann/hello-fork.json`);
    expect(files['skipped.csv']).toBe('path,student,reason\n');
    const ann = JSON.parse(files['ann/hello-fork.json']);
    expect(ann).toMatchObject({ student: 'ann', packId: 'tiny', exerciseId: 'hello-fork', points: 5, max_points: 5, score: 1, gradable: true });
    // the secret check ran
    expect(ann.tests.map((t: { id: string }) => t.id)).toEqual(['compiles', 'child-first', 'secret-reaped']);

    const again = run('json', 'out-json-2');
    expect(again.stdout).toBe(first.stdout.replace('out-json', 'out-json-2'));
    expect(readTree(join(dir, 'out-json-2'))).toEqual(files);

    expect(run('gradescope', 'out-gs').status).toBe(0);
    const gs = JSON.parse(readFileSync(join(dir, 'out-gs', 'bob', 'hello-fork', 'results.json'), 'utf8'));
    expect(gs.score).toBe(2);
    expect(gs.tests[1]).toMatchObject({ name: 'child-first', number: '2', score: 0, max_score: 3, status: 'failed' });
    expect(gs.tests.map((t: { visibility: string }) => t.visibility)).toEqual(['visible', 'visible', 'hidden']);

    expect(run('prairielearn', 'out-pl').status).toBe(0);
    const pl = JSON.parse(readFileSync(join(dir, 'out-pl', 'dan', 'hello-fork', 'results.json'), 'utf8'));
    // a compile error is graded: 0 points, and it counts; secret checks never appear
    expect(pl).toMatchObject({ gradable: true, score: 0 });
    expect(pl.tests[0]).toMatchObject({ name: 'compiles', points: 0, max_points: 1 });
    expect(pl.tests.map((t: { name: string }) => t.name)).toEqual(['compiles', 'child-first']);
    const plAnn = JSON.parse(readFileSync(join(dir, 'out-pl', 'ann', 'hello-fork', 'results.json'), 'utf8'));
    expect(plAnn).toMatchObject({ gradable: true, score: 1 });

    expect(run('csv', 'out-csv').status).toBe(0);
    const csv = readFileSync(join(dir, 'out-csv', 'bob', 'hello-fork.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('check,status,points,max_points,visibility,step,message');
    expect(csv[2]).toMatch(/^child-first,failed,0,3,public,\d+,"?The program prints the expected output\. Failed: line 1 differs/);
  });

  it('prints one submission\'s results object with --json, the exercise taken from the file name', () => {
    const dir = setUp();
    writeFileSync(join(dir, 'hello-fork.c'), SOLUTION);
    const r = forklab(dir, ['grade', '--pack', 'pack', 'hello-fork.c', '--json', '--out', 'o']);
    expect(r.status).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res).toMatchObject({ points: 5, max_points: 5, score: 1 });
    for (const t of res.tests) expect(Object.keys(t)).toEqual(expect.arrayContaining(['name', 'status', 'points', 'max_points', 'message']));
  });

  it('usage errors exit 2, an invalid pack exits 1', () => {
    const dir = setUp();
    expect(forklab(dir, ['grade', 'subs']).status).toBe(2);
    expect(forklab(dir, ['grade', '--pack', 'pack', 'subs', '--format', 'xml']).status).toBe(2);
    writeFileSync(join(dir, 'pack', 'pack.yaml'), 'id: Bad Id\n');
    const r = forklab(dir, ['grade', '--pack', 'pack', '--exercise', 'hello-fork', 'subs']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('pack.yaml:1: id:');
  });
});

/**
 * The Gradescope and PrairieLearn autograders as the platforms run them: `forklab pack export`
 * writes the zip, a temporary folder is laid out as the platform lays it out (its paths moved by
 * AUTOGRADER_ROOT / GRADE_ROOT), the entry script runs with bash and Node, and its results.json is
 * checked against the platform's format (the export made by the built `forklab`, as users run it): one file across every exercise, secret checks hidden
 * (Gradescope) or absent (PrairieLearn), a missing exercise and a compile error scored 0.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { buildHandIn } from '../../src-main/checker/handin.ts';
import { NO_WAIT, PACK_YAML, SOLUTION, tinyPack, twoLinesQuestion } from '../packs/tiny-pack.ts';


const BIN = join(import.meta.dirname, '../../bin/forklab.mjs');

function writeTree(dir: string, files: Record<string, Uint8Array | string>): void {
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
}

/** Exports the autograder of a two-exercise pack (the tiny pack and a question) and unzips it into `into`. */
async function exportInto(target: '--gradescope' | '--prairielearn', root: string, into: string, extra: string[] = []): Promise<Record<string, Uint8Array>> {
  const pack = join(root, 'pack');
  writeTree(pack, tinyPack({
    'pack.yaml': PACK_YAML.replace('[hello-fork]', '[hello-fork, two-lines]'),
    ...twoLinesQuestion(),
  }));
  const zip = join(root, 'export.zip');
  // with the built command, as users run it (out/node is not where the sources are)
  const exported = spawnSync(process.execPath, [BIN, 'pack', 'export', target, pack, '-o', zip, ...extra], { encoding: 'utf8', timeout: 120_000 });
  expect(exported.stderr).toBe('');
  expect(exported.status).toBe(0);
  // unpacked with unzip, as the platforms do (it keeps the scripts' modes)
  mkdirSync(into, { recursive: true });
  expect(spawnSync('unzip', ['-q', zip, '-d', into]).status).toBe(0);
  return unzipSync(new Uint8Array(readFileSync(zip)));
}

/** Runs a script with bash, node on the PATH, and these variables. */
function runScript(script: string, env: Record<string, string>): { status: number | null; stderr: string } {
  const r = spawnSync('bash', [script], { env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stderr: r.stderr };
}

describe('Gradescope', () => {
  it('run_autograder writes one results.json across the exercises of the submission', { timeout: 180_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'forklab-gs-'));
    const ag = join(root, 'autograder');
    await exportInto('--gradescope', root, join(ag, 'source'), ['--secret-visibility', 'after_due_date']);
    for (const script of ['setup.sh', 'run_autograder']) {
      expect(statSync(join(ag, 'source', script)).mode & 0o111, `${script} is executable`).not.toBe(0);
      expect(spawnSync('bash', ['-n', join(ag, 'source', script)]).status, `${script} parses`).toBe(0);
    }
    // a submission as Gradescope lays it out: the student's files in /autograder/submission
    writeTree(join(ag, 'submission'), { 'hello-fork.c': SOLUTION, 'two-lines.txt': '1 2' });
    const r = runScript(join(ag, 'source', 'run_autograder'), { AUTOGRADER_ROOT: ag });
    expect(r.stderr).toBe('');
    const results = JSON.parse(readFileSync(join(ag, 'results', 'results.json'), 'utf8'));
    expect(results.score).toBe(8);
    expect(results.tests.map((t: { name: string }) => t.name)).toEqual([
      'Hello from two processes: compiles',
      'Hello from two processes: child-first',
      'Hello from two processes: secret-reaped',
      'Which outputs?: Output 1: "child", "parent"',
      'Which outputs?: Output 2: "parent", "child"',
      'Which outputs?: Output 3: "parent"',
    ]);
    for (const t of results.tests) {
      expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'number', 'output', 'score', 'status', 'visibility']);
      expect(['passed', 'failed']).toContain(t.status);
    }
    expect(results.tests[2].visibility).toBe('after_due_date');
    expect(results.tests[1].visibility).toBe('visible');

    // a hand-in zip instead, for another pack version, with one exercise: the other scores 0
    writeTree(join(ag, 'submission2'), {
      'handin.zip': await buildHandIn({ student: 'ann', pack: { id: 'tiny', uuid: '11111111-1111-4111-8111-111111111111', version: '1.2.3' }, createdAt: new Date(), exercises: [{ id: 'hello-fork', text: NO_WAIT, answer: false }] }),
    });
    const ag2 = join(root, 'ag2');
    mkdirSync(ag2);
    spawnSync('cp', ['-r', join(ag, 'source'), ag2]);
    spawnSync('cp', ['-r', join(ag, 'submission2'), join(ag2, 'submission')]);
    expect(runScript(join(ag2, 'source', 'run_autograder'), { AUTOGRADER_ROOT: ag2 }).status).toBe(0);
    const second = JSON.parse(readFileSync(join(ag2, 'results', 'results.json'), 'utf8'));
    expect(second.score).toBe(2);
    expect(second.tests.at(-1)).toMatchObject({ name: 'Which outputs?: nothing handed in', score: 0, max_score: 3, status: 'failed' });
  });
});

describe('PrairieLearn', () => {
  it('run.sh grades /grade/student: secret checks never in the output, a compile error scored 0 and gradable', { timeout: 180_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'forklab-pl-'));
    const unpacked = join(root, 'export');
    const files = await exportInto('--prairielearn', root, unpacked, ['--exercise', 'hello-fork']);
    expect(Object.keys(files)).toContain('image/Dockerfile');
    expect(new TextDecoder().decode(files['image/Dockerfile'])).toContain('FROM node:20');
    expect(JSON.parse(new TextDecoder().decode(files['info.json.externalGradingOptions']))).toMatchObject({ externalGradingOptions: { enabled: true, entrypoint: '/forklab/run.sh' } });
    const grade = join(root, 'grade');
    // PrairieLearn copies the question's tests/ folder to /grade/tests and the student's files to /grade/student
    mkdirSync(grade, { recursive: true });
    spawnSync('cp', ['-r', join(unpacked, 'tests'), grade]);
    writeTree(join(grade, 'student'), { 'hello-fork.c': 'int main(void) { return 0 }\n' });
    const env = { GRADE_ROOT: grade, FORKLAB_BUNDLE: join(unpacked, 'image', 'forklab-autograde.mjs') };
    expect(runScript(join(unpacked, 'image', 'run.sh'), env).status).toBe(0);
    const broken = JSON.parse(readFileSync(join(grade, 'results', 'results.json'), 'utf8'));
    expect(broken).toMatchObject({ gradable: true, score: 0 });
    expect(broken.message).toContain('hello-fork: the program does not compile (0 points)');
    expect(JSON.stringify(broken)).not.toContain('secret-reaped');
    expect(JSON.stringify(broken)).not.toContain('zombie');

    writeTree(join(grade, 'student'), { 'hello-fork.c': SOLUTION });
    expect(runScript(join(unpacked, 'image', 'run.sh'), env).status).toBe(0);
    const good = JSON.parse(readFileSync(join(grade, 'results', 'results.json'), 'utf8'));
    expect(good).toMatchObject({ gradable: true, score: 1 });
    expect(good.tests.map((t: { name: string }) => t.name)).toEqual(['compiles', 'child-first']);
    for (const t of good.tests) expect(Object.keys(t).sort()).toEqual(['description', 'max_points', 'message', 'name', 'output', 'points']);
    expect(good.message).toContain('1 more check counted in the score is not shown.');
  });
});

/**
 * `forklab grade` as a gradebook (in-process, through the CLI's main): a row per student with a
 * column per exercise, 0 and "missing" for nothing handed in, weights, names kept exactly,
 * skipped.csv with reasons, --exercise grading only files named for it, one student's folder,
 * hand-in zips from the app (a changed file refused), and an unreadable answer said as such.
 * Also `forklab check` and `forklab pack export --student`.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { main } from '../../src-main/cli/main.ts';
import type { Output } from '../../src-main/cli/command.ts';
import { buildHandIn } from '../../src-main/checker/handin.ts';
import { NO_WAIT, PACK_YAML, SOLUTION, tinyPack, twoLinesQuestion } from '../packs/tiny-pack.ts';


/** The tiny pack with a question added and hello-fork weighted 20. */
function twoExercisePack(root: string): string {
  const files = tinyPack({
    'pack.yaml': PACK_YAML.replace('[hello-fork]', '[hello-fork, two-lines]') + 'weights: { hello-fork: 20 }\n',
    ...twoLinesQuestion(),
  });
  const dir = join(root, 'pack');
  writeTree(dir, files);
  return dir;
}

function writeTree(dir: string, files: Record<string, Uint8Array | string>): void {
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
}

/** Runs `forklab ARGS` in this process. */
async function forklab(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) => ({ write: (s: string) => (add(String(s)), true) }) as unknown as Output;
  const status = await main(args, sink((s) => (stdout += s)), sink((s) => (stderr += s)));
  return { status, stdout, stderr };
}

describe('forklab grade: the gradebook', () => {
  it('a row per student, weights, missing, names kept exactly, skipped files with reasons', { timeout: 120_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'forklab-book-'));
    const pack = twoExercisePack(root);
    writeTree(join(root, 'class'), {
      'Zoë Lee/hello-fork.c': SOLUTION,
      'Zoë Lee/two-lines.txt': '1 2',
      'bob/hello-fork.c': NO_WAIT,
      'bob/notes.md': 'my notes',
      'carl/cow-curve.c': SOLUTION,
      'dee/two-lines.txt': 'one and three',
    });
    const out = join(root, 'out');
    const r = await forklab(['grade', '--pack', pack, join(root, 'class'), '--out', out]);
    expect(r.stderr).toContain('skipped');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('dee\ttwo-lines\t0/3\t(the answer could not be read)');
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe(
      'student,hello-fork,two-lines,total,max,missing,notes,pack_id,pack_version\n' +
        'Zoë Lee,5,3,23,23,,,tiny,1.2.3\n' +
        'bob,2,0,8,23,two-lines,,tiny,1.2.3\n' +
        'carl,0,0,0,23,hello-fork two-lines,,tiny,1.2.3\n' +
        'dee,0,0,0,23,hello-fork,two-lines: the answer could not be read,tiny,1.2.3\n',
    );
    const skipped = readFileSync(join(out, 'skipped.csv'), 'utf8');
    expect(skipped).toContain(`${join(root, 'class', 'bob', 'notes.md')},bob,not a submission`);
    expect(skipped).toContain(`${join(root, 'class', 'carl', 'cow-curve.c')},carl,"not named after an exercise of the pack (hello-fork, two-lines)"`);
    // the results folder keeps the name as it is
    expect(JSON.parse(readFileSync(join(out, 'Zoë Lee', 'hello-fork.json'), 'utf8'))).toMatchObject({ student: 'Zoë Lee', points: 5 });
  });

  it('--exercise over a class folder grades only files named for that exercise', { timeout: 60_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'forklab-book-'));
    const pack = twoExercisePack(root);
    writeTree(join(root, 'class'), { 'ann/hello-fork.c': SOLUTION, 'carl/cow-curve.c': SOLUTION, 'carl/two-lines.txt': '1' });
    const out = join(root, 'out');
    const r = await forklab(['grade', '--pack', pack, '--exercise', 'hello-fork', join(root, 'class'), '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('carl\thello-fork');
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe(
      'student,hello-fork,total,max,missing,notes,pack_id,pack_version\nann,5,20,20,,,tiny,1.2.3\ncarl,0,0,20,hello-fork,,tiny,1.2.3\n',
    );
    expect(readFileSync(join(out, 'skipped.csv'), 'utf8')).toContain('another exercise than --exercise hello-fork');
  });

  it("one student's folder of files named after exercises is one student, not students named after the exercises", { timeout: 60_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'forklab-book-'));
    const pack = twoExercisePack(root);
    writeTree(join(root, 'alice'), { 'hello-fork.c': SOLUTION, 'two-lines.txt': '1,2' });
    const r = await forklab(['grade', '--pack', pack, join(root, 'alice'), '--out', join(root, 'out')]);
    expect(r.stdout).toBe(`alice\thello-fork\t5/5\nalice\ttwo-lines\t3/3\ngraded 2 submissions of 1 student; results in ${join(root, 'out')}\n`);
  });
});

describe('forklab grade: hand-ins', () => {
  async function handIn(student: string, files: { id: string; text: string; answer: boolean }[]): Promise<Uint8Array> {
    return buildHandIn({ student, pack: { id: 'tiny', uuid: '11111111-1111-4111-8111-111111111111', version: '1.2.0' }, createdAt: new Date('2026-01-02T03:04:05Z'), exercises: files });
  }

  it('grades a folder of hand-in zips and refuses one whose file was changed after hand-in', { timeout: 60_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'forklab-handin-'));
    const pack = twoExercisePack(root);
    const zoe = await handIn('Zoë Lee', [{ id: 'hello-fork', text: SOLUTION, answer: false }, { id: 'two-lines', text: '1 2', answer: true }]);
    const bob = await handIn('bob', [{ id: 'hello-fork', text: NO_WAIT, answer: false }]);
    const tampered = unzipSync(bob);
    tampered['hello-fork.c'] = new TextEncoder().encode(SOLUTION);
    writeTree(join(root, 'zips'), { 'zoe.zip': zoe, 'bob.zip': zipSync(tampered) });
    const out = join(root, 'out');
    const r = await forklab(['grade', '--pack', pack, join(root, 'zips'), '--out', out]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe(
      'student,hello-fork,two-lines,total,max,missing,notes,pack_id,pack_version\n' +
        'Zoë Lee,5,3,23,23,,hello-fork: handed in for version 1.2.0; two-lines: handed in for version 1.2.0,tiny,1.2.3\n',
    );
    expect(readFileSync(join(out, 'skipped.csv'), 'utf8')).toContain('hello-fork.c was changed after it was handed in');
  });
});

describe('forklab check', () => {
  it("runs the public and sealed checks, never secret ones, and says what the instructor's grading adds", { timeout: 60_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'forklab-check-'));
    const pack = twoExercisePack(root);
    writeTree(root, { 'hello-fork.c': SOLUTION, 'mine.c': NO_WAIT });
    const good = await forklab(['check', '--pack', pack, join(root, 'hello-fork.c')]);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('✔ child-first (3/3)');
    expect(good.stdout).not.toContain('secret-reaped');
    expect(good.stdout).toContain("hello-fork: 4 of 4 points; the instructor's grading counts 1 more point from checks you cannot run");
    const bad = await forklab(['check', '--pack', pack, '--exercise', 'hello-fork', join(root, 'mine.c'), '--json']);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ exerciseId: 'hello-fork', points: 1, max_points: 4, heldBack: 1 });
    expect((await forklab(['check', '--pack', pack, join(root, 'mine.c')])).status).toBe(2);
  });
});

describe('forklab pack export --student', () => {
  it('writes a copy without solutions, wrong submissions or secret checks that validates and grades', { timeout: 120_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'forklab-export-'));
    const pack = twoExercisePack(root);
    const zip = join(root, 'pack-student.zip');
    const r = await forklab(['pack', 'export', '--student', pack, '-o', zip]);
    expect(r.stdout).toContain("a student's copy of tiny 1.2.3 (no solutions, wrong submissions or secret checks; 1 point held back)");
    const files = Object.keys(unzipSync(new Uint8Array(readFileSync(zip)))).sort();
    expect(files).toEqual(['tiny/hello-fork/exercise.yaml', 'tiny/hello-fork/prompt.md', 'tiny/hello-fork/starter.c', 'tiny/pack.yaml', 'tiny/two-lines/exercise.yaml', 'tiny/two-lines/program.c', 'tiny/two-lines/prompt.md']);
    const yaml = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(zip)))['tiny/hello-fork/exercise.yaml']);
    expect(yaml).not.toContain('secret');
    expect(yaml).toContain('heldBack: 1');
    const validate = await forklab(['pack', 'validate', zip]);
    expect(validate.stdout).toContain("valid: tiny (a student's copy), 2 exercises");
    expect(validate.status).toBe(0);
    writeTree(root, { 'hello-fork.c': SOLUTION });
    const check = await forklab(['check', '--pack', zip, join(root, 'hello-fork.c')]);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("hello-fork: 4 of 4 points; the instructor's grading counts 1 more point");
    expect((await forklab(['pack', 'export', '--student', zip, '-o', join(root, 'again.zip')])).stderr).toContain("already a student's copy");
  });
});

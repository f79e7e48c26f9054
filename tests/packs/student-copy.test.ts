/**
 * A student's copy (packs/student-copy.ts): no solution, wrong submissions, secret checks or the
 * input files only secret checks read; the YAML otherwise as written (comments kept); it loads,
 * says it is a copy and how many points were held back; a copy of a copy is refused; `forklab
 * grade` with a copy grades as its pack does and says when secret checks were left out.
 */
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src-main/packs/load.ts';
import { studentCopy } from '../../src-main/packs/student-copy.ts';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src-main/cli/main.ts';
import type { Output } from '../../src-main/cli/command.ts';
import { EXERCISE_YAML, SOLUTION, tinyPack } from './tiny-pack.ts';

const BUILTIN = join(import.meta.dirname, '../../exercises/process-basics');

const EX = 'hello-fork/exercise.yaml';

describe('studentCopy', () => {
  it('leaves out what gives answers away, keeps the rest as written', () => {
    const yaml = `# the exercise students see first\n${EXERCISE_YAML.replace('    atEnd: 0\n', '    atEnd: 0\n    run: { stdinFile: secret-input.txt }\n')}  - id: reads
    uuid: 66666666-6666-4666-8666-666666666666
    type: output
    points: 1
    run: { stdinFile: public-input.txt }
    regex: "[\\\\s\\\\S]*"
`;
    const files = tinyPack({ [EX]: yaml, 'hello-fork/secret-input.txt': 'hidden', 'hello-fork/public-input.txt': 'shown', 'hello-fork/notes.txt': 'kept' });
    expect(loadPack(files).errors).toEqual([]);
    const copy = studentCopy(files);
    expect(copy.errors).toEqual([]);
    expect(Object.keys(copy.files).sort()).toEqual([
      'hello-fork/exercise.yaml', 'hello-fork/notes.txt', 'hello-fork/prompt.md', 'hello-fork/public-input.txt', 'hello-fork/starter.c', 'pack.yaml',
    ]);
    const text = new TextDecoder().decode(copy.files[EX]);
    expect(text).toContain('# the exercise students see first');
    expect(text).not.toMatch(/solution|wrong|secret/);
    const { pack } = loadPack(copy.files);
    expect(pack).toMatchObject({ student: true });
    expect(pack!.exercises[0]).toMatchObject({ solution: null, wrong: [], heldBack: 1, maxPoints: 5 });
    expect(pack!.exercises[0].checks.map((c) => c.id)).toEqual(['compiles', 'child-first', 'reads']);
    expect(studentCopy(copy.files).errors).toEqual([{ file: 'pack.yaml', line: 0, field: 'student', message: "this is already a student's copy" }]);
  });

  it('refuses to copy a pack that is not valid, with its errors', () => {
    const errors = studentCopy(tinyPack({ 'hello-fork/starter.c': null })).errors;
    expect(errors).toEqual([expect.objectContaining({ file: EX, field: 'starter', message: 'file not found: hello-fork/starter.c' })]);
  });
});

describe('forklab grade with a student\'s copy', () => {
  const capture = () => {
    let text = '';
    return { out: { write: (s: string) => ((text += s), true) } as unknown as Output, text: () => text };
  };
  const run = async (args: string[]) => {
    const out = capture();
    const err = capture();
    const status = await main(args, out.out, err.out);
    return { status, stdout: out.text(), stderr: err.text() };
  };

  it('grades as its pack does, and warns only when secret checks were left out', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forklab-copy-'));
    const builtin = join(dir, 'builtin-student.zip');
    expect((await run(['pack', 'export', '--student', BUILTIN, '-o', builtin])).status).toBe(0);
    mkdirSync(join(dir, 'ann'));
    writeFileSync(join(dir, 'ann', 'fork-returns.c'), readFileSync(join(BUILTIN, 'fork-returns/solution.c')));
    const graded = await run(['grade', '--pack', builtin, join(dir, 'ann'), '--out', join(dir, 'out1'), '--jobs', '1']);
    expect(graded).toMatchObject({ status: 0, stderr: '' });
    expect(graded.stdout).toContain('ann\tfork-returns\t10/10');

    const tiny = join(dir, 'tiny');
    for (const [name, data] of Object.entries(tinyPack())) {
      mkdirSync(dirname(join(tiny, name)), { recursive: true });
      writeFileSync(join(tiny, name), data);
    }
    const copy = join(dir, 'tiny-student.zip');
    expect((await run(['pack', 'export', '--student', tiny, '-o', copy])).status).toBe(0);
    writeFileSync(join(dir, 'ann', 'hello-fork.c'), SOLUTION);
    const held = await run(['grade', '--pack', copy, join(dir, 'ann', 'hello-fork.c'), '--out', join(dir, 'out2'), '--jobs', '1']);
    expect(held.status).toBe(0);
    expect(held.stderr).toBe(`forklab: ${copy} is a student's copy: its 1 point of secret checks are not graded (grade with the instructor's pack)\n`);
  });
});

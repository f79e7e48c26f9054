/**
 * A student's copy (packs/student-copy.ts): no solution, wrong submissions, secret checks or the
 * input files only secret checks read; the YAML otherwise as written (comments kept); it loads,
 * says it is a copy and how many points were held back; a copy of a copy is refused.
 */
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src-main/packs/load.ts';
import { studentCopy } from '../../src-main/packs/student-copy.ts';
import { EXERCISE_YAML, tinyPack } from './tiny-pack.ts';

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

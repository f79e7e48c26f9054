/**
 * The student's view of a pack: no secret checks, no expected data in sealed checks, no
 * solution, no wrong submissions.
 */
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src-main/packs/load.ts';
import { studentView } from '../../src-main/packs/student-view.ts';
import { EXERCISE_YAML, tinyPack } from './tiny-pack.ts';

describe('studentView', () => {
  it('drops secret checks and the expected data of sealed ones', () => {
    const yaml = EXERCISE_YAML.replace('    points: 3\n    exact:', '    points: 3\n    visibility: sealed\n    message: Child first.\n    exact:');
    const { pack } = loadPack(tinyPack({ 'hello-fork/exercise.yaml': yaml }));
    const view = studentView(pack!);
    const ex = view.exercises[0];
    expect(ex.checks.map((c) => c.id)).toEqual(['compiles', 'child-first']);
    expect(ex.checks[1]).toEqual({ id: 'child-first', uuid: '44444444-4444-4444-8444-444444444444', type: 'output', points: 3, visibility: 'sealed', message: 'Child first.' });
    expect(JSON.stringify(view)).not.toContain('child\\nparent');
    expect(ex.solution).toBeNull();
    expect(ex.wrong).toEqual([]);
    expect(ex.maxPoints).toBe(4);
    // the pack itself is untouched
    expect(pack!.exercises[0].checks).toHaveLength(3);
  });
});

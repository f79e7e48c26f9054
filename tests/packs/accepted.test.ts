/**
 * The built-in exercises accept correct programs written another way than their solution:
 * tests/packs/accepted/EXERCISE/*.c each earn full marks (a check that demands more than the
 * prompt asks, or that reads only one of the ways a correct program may print, fails here).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gradeExercise } from '../../src-main/checker/grade.ts';
import { readPackFolder } from '../../src-main/cli/pack.ts';
import { loadPack } from '../../src-main/packs/load.ts';

const PACK = join(import.meta.dirname, '../../exercises/process-basics');
const ACCEPTED = join(import.meta.dirname, 'accepted');

describe('the built-in pack accepts correct programs written another way', () => {
  const pack = loadPack(readPackFolder(PACK).files).pack!;
  for (const exerciseId of readdirSync(ACCEPTED)) {
    for (const file of readdirSync(join(ACCEPTED, exerciseId))) {
      it(`${exerciseId}: ${file}`, { timeout: 60_000 }, () => {
        const exercise = pack.exercises.find((e) => e.id === exerciseId)!;
        const grade = gradeExercise(exercise, readFileSync(join(ACCEPTED, exerciseId, file), 'utf8'), { includeRun: false });
        const failed = grade.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.message}`);
        expect(failed).toEqual([]);
        expect(grade.points).toBe(grade.max_points);
      });
    }
  }
});

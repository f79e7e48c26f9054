/**
 * Every pack under exercises/ is valid: the schema, the files, the ids, and its programs (each
 * solution earns full marks, each starter does not, each wrong submission fails what it names).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validatePack } from '../../src-main/checker/validate-pack.ts';
import { readPackFolder } from '../../src-main/cli/pack.ts';
import { formatPackError } from '../../src-main/packs/load.ts';

const ROOT = join(import.meta.dirname, '../../exercises');
const packs = existsSync(ROOT) ? readdirSync(ROOT).filter((n) => existsSync(join(ROOT, n, 'pack.yaml'))).sort() : [];

describe('built-in packs', () => {
  it('there is at least one', () => {
    expect(packs.length).toBeGreaterThan(0);
  });

  for (const name of packs) {
    it(`${name} is valid`, { timeout: 600_000 }, () => {
      const disk = readPackFolder(join(ROOT, name));
      expect(disk.errors.map(formatPackError)).toEqual([]);
      const report = validatePack(disk.files);
      expect(report.errors.map(formatPackError)).toEqual([]);
      expect(report.valid).toBe(true);
      for (const ex of report.exercises) {
        if (ex.question) {
          // a question: its search is complete, and some choices are possible, some not
          expect(ex.question.complete, ex.id).toBe(true);
          expect(ex.question.possible, ex.id).toBeGreaterThan(0);
          expect(ex.question.possible, ex.id).toBeLessThan(ex.question.choices);
          continue;
        }
        expect(ex.solutionPoints, ex.id).toBe(ex.maxPoints);
        expect(ex.starterPoints, ex.id).toBeLessThan(ex.maxPoints);
        expect(ex.wrongSubmissions, ex.id).toBeGreaterThan(0);
      }
    });
  }
});

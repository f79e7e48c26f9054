// The built lab checks packs with the schema's validators compiled at build time (ajv standalone
// code, scripts/prebuilt-sources.ts); the sources compile them at first use. Both must say the
// same thing about the same broken pack: `forklab pack validate --json` (built) against
// validatePack in this process (sources), for packs broken in each way the schema checks.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validatePack } from '../../src-main/checker/validate-pack.ts';
import { EXERCISE_YAML, PACK_YAML, tinyPack } from './tiny-pack.ts';

const BIN = join(import.meta.dirname, '../../bin/forklab.mjs');
const root = mkdtempSync(join(tmpdir(), 'forklab-prebuilt-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const BROKEN: Record<string, Record<string, string>> = {
  'an unknown field': { 'hello-fork/exercise.yaml': EXERCISE_YAML.replace('topics:', 'colour: red\ntopics:') },
  'a wrong type': { 'hello-fork/exercise.yaml': EXERCISE_YAML.replace('points: 3', 'points: three') },
  'a missing field': { 'pack.yaml': PACK_YAML.replace(/^title: .*\n/m, '') },
  'a bad pattern and enum': { 'hello-fork/exercise.yaml': EXERCISE_YAML.replace('id: hello-fork', 'id: Hello_Fork').replace('type: zombies', 'type: zombiez') },
};

describe('the validators compiled at build time', () => {
  it.each(Object.keys(BROKEN))('report a pack with %s as the sources do', (name) => {
    const files = tinyPack(BROKEN[name]);
    const dir = join(root, name.replace(/ /g, '-'));
    for (const [path, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), bytes);
    }
    const here = validatePack(files);
    expect(here.valid).toBe(false);
    expect(here.errors.length).toBeGreaterThan(0);
    const r = spawnSync(process.execPath, [BIN, 'pack', 'validate', dir, '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).errors).toEqual(here.errors);
  });
});

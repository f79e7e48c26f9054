/**
 * Hostile data folders (issue 15, item 9): two copies of the lab on one data folder, a read-only
 * progress file, an unreadable one, a save that fails during a check. Nobody's save is lost, no
 * file is silently replaced, every failure is a message and the grade still comes back.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeStorage } from '../../src-main/host/node-storage.ts';
import { LabService } from '../../src-main/service/lab-service.ts';
import { InlineCompute, type Engines } from '../../src-main/service/jobs.ts';
import { engines } from '../../src-main/service/engines.ts';
import { MemoryStorage, type Storage } from '../../src-main/service/storage.ts';
import { PROGRESS_FILE } from '../../src-main/service/progress.ts';
import { readPackFolders } from '../../src-main/host/pack-folder.ts';

const exercisesDir = new URL('../../exercises', import.meta.url).pathname;
const PACK = 'process-basics';

function lab(storage: Storage, compute: Engines = engines): LabService {
  return new LabService({ storage, compute: new InlineCompute(compute), builtinPacks: () => readPackFolders(exercisesDir) });
}

const progressOf = (dir: string) => JSON.parse(readFileSync(join(dir, PROGRESS_FILE), 'utf8')).exercises as Record<string, { draft: string | null; attempts: number }>;

describe('hostile data folders', () => {
  it('two copies of the lab on one folder keep each other\'s saves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forklab-two-labs-'));
    const app = lab(new NodeStorage(dir));
    const host = lab(new NodeStorage(dir));
    await Promise.all([app.start(), host.start()]);
    // both loaded the same (empty) progress; each saves its own drafts, interleaved and at once
    await app.saveDraft(PACK, 'fork-returns', '/* from the app */');
    await host.saveDraft(PACK, 'fork-loop', '/* from the browser host */');
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => app.saveDraft(PACK, `app-${i}`, `app ${i}`)),
      ...Array.from({ length: 10 }, (_, i) => host.saveDraft(PACK, `host-${i}`, `host ${i}`)),
    ]);
    const saved = progressOf(dir);
    expect(saved[`${PACK}/fork-returns`].draft).toBe('/* from the app */');
    expect(saved[`${PACK}/fork-loop`].draft).toBe('/* from the browser host */');
    for (let i = 0; i < 10; i++) {
      expect(saved[`${PACK}/app-${i}`].draft).toBe(`app ${i}`);
      expect(saved[`${PACK}/host-${i}`].draft).toBe(`host ${i}`);
    }
  });

  it('a read-only progress file is not replaced: the save fails with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forklab-read-only-'));
    const before = JSON.stringify({ version: 1, exercises: { [`${PACK}/fork-loop`]: { status: 'passed', bestScore: 1, attempts: 3, failedAttempts: 2, draft: 'mine' } } });
    writeFileSync(join(dir, PROGRESS_FILE), before);
    chmodSync(join(dir, PROGRESS_FILE), 0o444);
    const service = lab(new NodeStorage(dir));
    await expect(service.saveDraft(PACK, 'fork-loop', 'new text')).rejects.toThrow('progress.json is read-only (its permissions allow no writing): the lab does not replace it; make it writable to save again');
    expect(readFileSync(join(dir, PROGRESS_FILE), 'utf8')).toBe(before);
  });

  it('an unreadable progress file still opens the lab, is reported, and is never written over', async () => {
    const storage = new MemoryStorage();
    await storage.writeAtomic(PROGRESS_FILE, '{"version":1,"exercises":{}}');
    const original = storage.read.bind(storage);
    storage.read = async (name) => {
      if (name === PROGRESS_FILE) throw Object.assign(new Error("EACCES: permission denied, open 'progress.json'"), { code: 'EACCES' });
      return original(name);
    };
    const service = lab(storage);
    expect((await service.listPacks()).map((p) => p.id)).toContain(PACK);
    expect((await service.progressNotices()).map((n) => n.message)).toEqual([
      "Your saved progress could not be read (EACCES: permission denied, open 'progress.json'). The lab opened with empty progress and will not save any until the file can be read.",
    ]);
    await expect(service.saveDraft(PACK, 'fork-loop', 'x')).rejects.toThrow(/could not be read .* so the lab does not write over it/);
    expect(new TextDecoder().decode(storage.files.get(PROGRESS_FILE))).toBe('{"version":1,"exercises":{}}');
  });

  it('a check whose progress cannot be saved still answers with its grade, and says why', async () => {
    const storage = new MemoryStorage();
    storage.update = async () => {
      throw new Error('ENOSPC: no space left on device');
    };
    const service = lab(storage);
    const grade = await service.checkExercise({ packId: PACK, exerciseId: 'fork-returns', source: 'int main(void) { return 0; }' });
    expect(grade.tests.length).toBeGreaterThan(0);
    expect(grade.progressError).toBe('Your result could not be saved: ENOSPC: no space left on device');
  });
});

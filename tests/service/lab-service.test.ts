// LabService in-process: run, diagnose, scratch, progress (atomic save, damaged file kept aside),
// exercises and hints, import and export, over a MemoryStorage and small pack engines.
import { describe, expect, it } from 'vitest';
import { LabService, type LabServiceOptions } from '../../src-main/service/lab-service.ts';
import { engines } from '../../src-main/service/engines.ts';
import { InlineCompute, type Engines } from '../../src-main/service/jobs.ts';
import { MemoryStorage, type Storage } from '../../src-main/service/storage.ts';
import { PROGRESS_FILE } from '../../src-main/service/progress.ts';
import type { GradeView } from '../../src-main/service/contract.ts';
import type { PackFiles, PackInfo } from '../../src-main/service/packs.ts';
import type { Pack } from '../../src-main/packs/types.ts';
import { encodeBase64 } from '../../src-main/service/base64.ts';
import { decodePackFiles } from '../../src-main/service/pack-store.ts';

const FORK = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  pid_t pid = fork();
  if (pid == 0) { printf("child\\n"); return 0; }
  wait(NULL);
  printf("parent\\n");
  return 0;
}
`;

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** Pack engines over a tiny JSON "pack" format: enough to test the service's own logic. */
const jsonPacks: Pick<Engines, 'describePack' | 'unzipPack' | 'grade' | 'answer'> = {
  describePack(files: PackFiles) {
    if (!files['pack.json']) throw new Error('pack.json: missing');
    const info = JSON.parse(dec(files['pack.json'])) as PackInfo;
    // the service takes an exercise from the whole pack and hands it to the grading job
    return { info, pack: { id: info.id, exercises: info.exercises } as unknown as Pack };
  },
  grade(exercise, packId, source): GradeView {
    const passed = source.includes('wait(');
    return {
      packId, exerciseId: exercise.id, points: passed ? 2 : 1, max_points: 2, score: passed ? 1 : 0.5, gradable: true,
      tests: [], run: null,
    };
  },
  answer() {
    throw new Error('the JSON test packs hold no questions');
  },
  unzipPack(bytes) {
    // the "zip" of this test engine is the JSON of the file map
    const map = JSON.parse(dec(bytes)) as Record<string, string>;
    return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, enc(v)]));
  },
};

function packFiles(id: string, hints = ['first hint', 'second hint']): PackFiles {
  const info: PackInfo = {
    id, uuid: `uuid-${id}`, title: `Pack ${id}`, version: '1.0.0',
    exercises: [{ id: 'fork-wait', uuid: 'e1', title: 'Fork and wait', topics: ['fork', 'wait'], maxPoints: 2, heldBack: 0, fingerprint: 'f1', promptHtml: '<p>Do it</p>', starter: 'int main(void){return 0;}', hints }],
  };
  return { 'pack.json': enc(JSON.stringify(info)) };
}

function makeService(storage: Storage = new MemoryStorage(), extra: Partial<LabServiceOptions> = {}): LabService {
  const testEngines: Engines = { ...engines, ...jsonPacks };
  return new LabService({
    storage,
    compute: new InlineCompute(testEngines),
    builtinPacks: async () => [packFiles('basics')],
    now: () => new Date('2026-11-29T12:00:00Z'),
    ...extra,
  });
}

describe('LabService runs programs', () => {
  it('runs a fork program and returns a JSON-safe view with its trace', async () => {
    const view = await makeService().run({ source: FORK, fileName: 'fork.c' });
    expect(view.ok).toBe(true);
    expect(view.stdout).toBe('child\nparent\n');
    expect(view.stats.forks).toBe(1);
    expect(view.processes.length).toBeGreaterThanOrEqual(2);
    expect(view.trace.some((e) => e.kind === 'clone')).toBe(true);
    expect(view.program.fileName).toBe('fork.c');
    expect(view.program.source).toBe(FORK);
    // survives JSON unchanged (what IPC, HTTP and workers carry)
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('passes run options to the engine', async () => {
    const view = await makeService().run({ source: FORK, options: { policy: 'child-first', forkCopy: 'eager' } });
    expect(view.options).toEqual({ policy: 'child-first', forkCopy: 'eager' });
    const cow = await makeService().run({ source: FORK });
    expect(view.stats.pagesCopied).toBeGreaterThan(cow.stats.pagesCopied);
  });

  it('reports a compile error as a view, not a rejection', async () => {
    const view = await makeService().run({ source: 'int main(void) { return x; }' });
    expect(view.ok).toBe(false);
    expect(view.stopReason).toBe('compile-error');
    expect(view.diagnostics[0]).toMatchObject({ severity: 'error', line: 1 });
  });

  it('diagnoses without running', async () => {
    const service = makeService();
    expect(await service.diagnose(FORK)).toEqual([]);
    const d = await service.diagnose('int main(void) {\n  return y;\n}\n');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'error', line: 2 });
    expect(d[0].message).toMatch(/y/);
  });

  it('keeps the notes the compiler prints under each diagnostic, for the editor and for runs', async () => {
    const service = makeService();
    const source = 'int main(void) {\n  fork();\n  return y;\n}\n';
    const d = await service.diagnose(source);
    expect(d.map((x) => [x.line, x.message])).toEqual([
      [2, "implicit declaration of function 'fork'"],
      [3, "'y' undeclared (first use in this function)"],
    ]);
    expect(d[0].notes).toEqual(["'fork' is declared in <unistd.h>; add '#include <unistd.h>'"]);
    expect(d[1].notes).toEqual([]);
    const view = await service.run({ source });
    expect(view.diagnostics).toEqual(d);
  });
});

describe('LabService keeps the scratch program', () => {
  it('saves and loads it', async () => {
    const storage = new MemoryStorage();
    const service = makeService(storage);
    expect(await service.loadScratch()).toBeNull();
    await service.saveScratch(FORK);
    expect(await makeService(storage).loadScratch()).toBe(FORK);
  });
});

describe('LabService progress', () => {
  it('records checks, unlocks hints after failures, keeps drafts across restarts', async () => {
    const storage = new MemoryStorage();
    const service = makeService(storage);
    let exercise = await service.openExercise('basics', 'fork-wait');
    expect(exercise).toMatchObject({ status: 'new', hints: [], hintsTotal: 2, failedAttempts: 0, draft: null });
    await service.saveDraft('basics', 'fork-wait', 'int main(void) { /* draft */ return 0; }');
    expect((await service.openExercise('basics', 'fork-wait')).status).toBe('new');
    const first = await service.checkExercise({ packId: 'basics', exerciseId: 'fork-wait', source: 'int main(void){fork();return 0;}' });
    expect(first.points).toBe(1);
    exercise = await service.openExercise('basics', 'fork-wait');
    expect(exercise).toMatchObject({ status: 'attempted', bestScore: 0.5, failedAttempts: 1, hints: ['first hint'] });
    await service.checkExercise({ packId: 'basics', exerciseId: 'fork-wait', source: 'x' });
    await service.checkExercise({ packId: 'basics', exerciseId: 'fork-wait', source: 'y' });
    expect((await service.openExercise('basics', 'fork-wait')).hints).toEqual(['first hint', 'second hint']);
    await service.checkExercise({ packId: 'basics', exerciseId: 'fork-wait', source: 'wait(NULL);' });

    const again = makeService(storage);
    const packs = await again.listPacks();
    expect(packs[0].exercises[0]).toMatchObject({ status: 'passed', bestScore: 1 });
    expect((await again.openExercise('basics', 'fork-wait')).draft).toBe('wait(NULL);');
    expect(await again.progressNotices()).toEqual([]);
  });

  it('moves a damaged progress file aside, reports it once and starts clean', async () => {
    for (const damaged of ['{"version":1,"exercises":{"a/b":{"status":"pas', '{"version":1,"exercises":[]}', '\u00ff\u00fe', '{"version":1,"exercises":{"a/b":{"status":"passed","bestScore":7,"attempts":1,"failedAttempts":0,"draft":null}}}']) {
      const storage = new MemoryStorage();
      const bytes = damaged === '\u00ff\u00fe' ? new Uint8Array([0xff, 0xfe, 0x00]) : enc(damaged);
      await storage.writeAtomic(PROGRESS_FILE, bytes);
      const service = makeService(storage);
      const notices = await service.progressNotices();
      expect(notices).toHaveLength(1);
      expect(notices[0].keptAs).toMatch(/^progress\.damaged-.*\.json$/);
      expect(notices[0].message).toContain(notices[0].keptAs!);
      // the damaged bytes are kept, unchanged, and the lab starts clean
      expect(await storage.read(notices[0].keptAs!)).toEqual(bytes);
      expect(await storage.read(PROGRESS_FILE)).toBeNull();
      expect((await service.listPacks())[0].exercises[0].status).toBe('new');
      expect(await service.progressNotices()).toEqual([]);
      // and saving works again
      await service.saveDraft('basics', 'fork-wait', 'ok');
      expect(JSON.parse(dec((await storage.read(PROGRESS_FILE))!)).exercises['basics/fork-wait'].draft).toBe('ok');
    }
  });

  it('keeps the previous file when a save fails half-way', async () => {
    const storage = new MemoryStorage();
    const service = makeService(storage);
    await service.saveDraft('basics', 'fork-wait', 'first');
    const before = await storage.read(PROGRESS_FILE);
    const failing: Storage = Object.assign(Object.create(storage) as Storage, {
      writeAtomic: async () => {
        throw new Error('disk full');
      },
    });
    const broken = makeService(failing);
    await expect(broken.saveDraft('basics', 'fork-wait', 'second')).rejects.toThrow('disk full');
    expect(await storage.read(PROGRESS_FILE)).toEqual(before);
    expect((await makeService(storage).openExercise('basics', 'fork-wait')).draft).toBe('first');
  });
});

describe('LabService packs', () => {
  it('imports a pack, lists it as imported, and keeps it across restarts', async () => {
    const storage = new MemoryStorage();
    const service = makeService(storage);
    const zip = enc(JSON.stringify({ 'pack.json': dec(packFiles('extra')['pack.json']) }));
    const summary = await service.importPack({ name: 'extra.zip', base64: encodeBase64(zip) });
    expect(summary).toMatchObject({ id: 'extra', origin: 'imported' });
    // the checked files are kept, not the zip (no zip is inflated again at each start)
    expect(await storage.read('packs/extra.zip')).toBeNull();
    expect(decodePackFiles((await storage.read('packs/extra.pack.json'))!)).toEqual(packFiles('extra'));
    const ids = (await makeService(storage).listPacks()).map((p) => [p.id, p.origin]);
    expect(ids).toEqual([['basics', 'builtin'], ['extra', 'imported']]);
  });

  it('converts a zip kept by an earlier version once, and reads the stored files from then on', async () => {
    const storage = new MemoryStorage();
    const zip = enc(JSON.stringify({ 'pack.json': dec(packFiles('old')['pack.json']) }));
    await storage.writeAtomic('packs/old.zip', zip);
    expect((await makeService(storage).listPacks()).map((p) => p.id)).toEqual(['basics', 'old']);
    expect(await storage.list('packs')).toEqual(['old.pack.json']);
    expect((await makeService(storage).listPacks()).map((p) => p.id)).toEqual(['basics', 'old']);
  });

  it('refuses a non-zip, a bad pack, and a pack taking a built-in id', async () => {
    const service = makeService();
    await expect(service.importPack({ name: 'x.tar', base64: '' })).rejects.toThrow(/\.zip/);
    await expect(service.importPack({ name: 'x.zip', base64: encodeBase64(enc('{}')) })).rejects.toThrow(/not a valid pack[\s\S]*pack\.json: missing/);
    const clash = enc(JSON.stringify({ 'pack.json': dec(packFiles('basics')['pack.json']) }));
    await expect(service.importPack({ name: 'b.zip', base64: encodeBase64(clash) })).rejects.toThrow(/already has the id "basics"/);
    await expect(service.importPack({ name: 'x.zip', base64: '!!!' })).rejects.toThrow(/base64/);
  });

  it('exports the student results as JSON', async () => {
    const service = makeService();
    await service.checkExercise({ packId: 'basics', exerciseId: 'fork-wait', source: 'fork' });
    const { fileName, json } = await service.exportResults();
    expect(fileName).toBe('forklab-results-2026-11-29.json');
    const doc = JSON.parse(json);
    expect(doc.packs[0].exercises[0]).toMatchObject({ id: 'fork-wait', status: 'attempted', bestScore: 0.5, attempts: 1, failedAttempts: 1 });
  });

  it('reports a pack that does not load, and an unknown exercise', async () => {
    const service = makeService(new MemoryStorage(), { builtinPacks: async () => [packFiles('basics'), { 'other.txt': enc('') }] });
    expect((await service.listPacks()).map((p) => p.id)).toEqual(['basics']);
    const notices = await service.progressNotices();
    expect(notices.map((n) => n.message).join()).toMatch(/pack\.json: missing/);
    await expect(service.openExercise('basics', 'nope')).rejects.toThrow(/no exercise "nope"/);
    await expect(service.openExercise('nope', 'x')).rejects.toThrow(/no pack "nope"/);
  });
});

// LabService with the real pack loader and checker over the built-in pack (exercises/): list,
// open, check a starter and the reference solution (progress follows), hints unlock, import a
// pack from a real .zip, refuse a zip with a path escape, and explore a program.
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readPackFolder, readPackFolders } from '../../src-main/host/pack-folder.ts';
import { encodeBase64 } from '../../src-main/service/base64.ts';
import { engines } from '../../src-main/service/engines.ts';
import { InlineCompute } from '../../src-main/service/jobs.ts';
import { LabService } from '../../src-main/service/lab-service.ts';
import { MemoryStorage } from '../../src-main/service/storage.ts';

const exercisesDir = new URL('../../exercises', import.meta.url).pathname;

function makeService(storage = new MemoryStorage()): LabService {
  return new LabService({
    storage,
    compute: new InlineCompute(engines),
    builtinPacks: () => readPackFolders(exercisesDir),
  });
}

describe('the built-in pack through the service', () => {
  it('lists the built-in pack with its exercises and no loading problem', async () => {
    const service = makeService();
    const packs = await service.listPacks();
    expect(await service.progressNotices()).toEqual([]);
    const basics = packs.find((p) => p.id === 'process-basics')!;
    expect(basics.origin).toBe('builtin');
    expect(basics.exercises.length).toBeGreaterThanOrEqual(15);
    for (const e of basics.exercises) {
      expect(e.status).toBe('new');
      expect(e.maxPoints).toBeGreaterThan(0);
    }
  });

  it('grades the starter (not full marks) and the solution (full marks), recording progress', async () => {
    const storage = new MemoryStorage();
    const service = makeService(storage);
    const id = 'fork-returns';
    const view = await service.openExercise('process-basics', id);
    expect(view.promptHtml).toMatch(/<p>|<h\d/);
    expect(view.promptHtml).not.toMatch(/<script/i);
    expect(view.starter.length).toBeGreaterThan(0);
    const starter = await service.checkExercise({ packId: 'process-basics', exerciseId: id, source: view.starter });
    expect(starter.packId).toBe('process-basics');
    expect(starter.points).toBeLessThan(starter.max_points);
    expect(starter.tests.length).toBeGreaterThan(0);
    expect(starter.tests.every((t) => t.visibility !== 'secret')).toBe(true);
    const afterFail = await service.openExercise('process-basics', id);
    expect(afterFail.failedAttempts).toBe(1);
    expect(afterFail.hints).toHaveLength(Math.min(1, afterFail.hintsTotal));
    expect(afterFail.status).toBe('attempted');

    const solution = readFileSync(`${exercisesDir}/process-basics/${id}/solution.c`, 'utf8');
    const full = await service.checkExercise({ packId: 'process-basics', exerciseId: id, source: solution });
    expect(full.points).toBe(full.max_points);
    expect(full.run?.trace.length).toBeGreaterThan(0);
    const summary = (await makeService(storage).listPacks()).find((p) => p.id === 'process-basics')!.exercises.find((e) => e.id === id)!;
    expect(summary).toMatchObject({ status: 'passed', bestScore: 1 });
  });

  it("gives an opened exercise its runs' options (argv, stdin), for the app's Run", async () => {
    const service = makeService();
    const view = await service.openExercise('process-basics', 'exec-argv');
    expect(view.run).toMatchObject({ args: ['alpha', 'beta', 'gamma'] });
    expect((await service.openExercise('process-basics', 'fork-returns')).run).toBeDefined();
  });

  it('imports a pack from a real zip and refuses a zip with a path escape', async () => {
    const files = await readPackFolder(`${exercisesDir}/process-basics`);
    const yaml = new TextDecoder().decode(files['pack.yaml']).replace(/^id: process-basics$/m, 'id: basics-copy').replace(/^uuid: .*$/m, 'uuid: 0d7a1c2e-3b4f-4a5b-8c6d-7e8f9a0b1c2d');
    const copy = { ...files, 'pack.yaml': new TextEncoder().encode(yaml) };
    const zipped = zipSync(Object.fromEntries(Object.entries(copy).map(([k, v]) => [`basics-copy/${k}`, v])));
    const storage = new MemoryStorage();
    const service = makeService(storage);
    const summary = await service.importPack({ name: 'basics-copy.zip', base64: encodeBase64(zipped) });
    expect(summary).toMatchObject({ id: 'basics-copy', origin: 'imported' });
    expect((await makeService(storage).listPacks()).map((p) => p.id).sort()).toEqual(['basics-copy', 'process-basics']);

    const evil = zipSync({ 'pack.yaml': files['pack.yaml'], '../escape.txt': new Uint8Array([1]) });
    await expect(service.importPack({ name: 'evil.zip', base64: encodeBase64(evil) })).rejects.toThrow(/\.\./);
    const same = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v])));
    await expect(service.importPack({ name: 'same.zip', base64: encodeBase64(same) })).rejects.toThrow(/already has the id "process-basics"/);
    await expect(service.importPack({ name: 'bad.zip', base64: encodeBase64(new Uint8Array([1, 2, 3])) })).rejects.toThrow(/zip/);
  });
});

describe('explore through the service', () => {
  it('finds both orders of two processes printing without wait', async () => {
    const source = '#include <stdio.h>\n#include <unistd.h>\nint main(void) { if (fork() == 0) { printf("child\\n"); return 0; } printf("parent\\n"); return 0; }\n';
    const view = await makeService().explore({ source });
    expect(view.complete).toBe(true);
    expect(view.outputs.map((o) => o.stdout).sort()).toEqual(['child\nparent\n', 'parent\nchild\n']);
  });

  it('rejects a program that does not compile with the compiler text', async () => {
    await expect(makeService().explore({ source: 'int main(void) { return q; }' })).rejects.toThrow(/did not compile[\s\S]*q/);
  });
});

describe('a question through the service', () => {
  it('opens a question with its program and choices, grades answers and records progress', async () => {
    const storage = new MemoryStorage();
    const service = makeService(storage);
    const id = 'two-children-wait-outputs';
    const view = await service.openExercise('process-basics', id);
    expect(view.question!.program).toContain('wait(NULL)');
    expect(view.question!.choices.length).toBeGreaterThanOrEqual(4);
    expect(view.maxPoints).toBe(view.question!.choices.length);
    expect(view.starter).toBe('');

    // ticking nothing is wrong for every possible output, and earns nothing for the impossible ones
    const none = await service.answerQuestion({ packId: 'process-basics', exerciseId: id, ticked: [] });
    expect(none.points).toBe(0);
    expect(none.tests.length).toBe(view.question!.choices.length);
    const possible = none.tests.flatMap((t, i) => (t.schedule !== undefined ? [i] : []));
    const afterFail = await service.openExercise('process-basics', id);
    expect(afterFail).toMatchObject({ status: 'attempted', failedAttempts: 1, draft: '' });
    expect(afterFail.hints).toHaveLength(1);

    // a possible choice's schedule replays that very output through run
    const replay = await service.run({ source: view.question!.program, options: { ...view.question!.options, schedule: none.tests[possible[0]!]!.schedule } });
    expect(replay.stdout).toBe(view.question!.choices[possible[0]!]);

    const right = await service.answerQuestion({ packId: 'process-basics', exerciseId: id, ticked: [...possible].reverse() });
    expect(right.score).toBe(1);
    const after = await service.openExercise('process-basics', id);
    expect(after).toMatchObject({ status: 'passed', bestScore: 1, draft: possible.map((i) => i + 1).join(' ') });
    const saved = JSON.parse(new TextDecoder().decode((await storage.read('progress.json'))!));
    expect(saved.exercises[`process-basics/${id}`]).toMatchObject({ attempts: 2, failedAttempts: 1, status: 'passed' });

    await expect(service.answerQuestion({ packId: 'process-basics', exerciseId: id, ticked: [99] })).rejects.toThrow(/choice indices from 0/);
    await expect(service.answerQuestion({ packId: 'process-basics', exerciseId: 'fork-returns', ticked: [] })).rejects.toThrow(/not a question/);
  });
});

// The worker pool (src-main/host/pool.ts) with the built worker (out/node/worker.mjs): jobs in
// warm workers, a cancelled run keeps what ran (without losing its worker), a job that never
// looks at its cancel flag is stopped by terminating its worker, and a worker that runs out of
// memory is that job's result while the pool goes on.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { builtFile } from '../../src-main/host/built.ts';
import { WorkerPool } from '../../src-main/host/pool.ts';
import { LabService } from '../../src-main/service/lab-service.ts';
import { isWorkerDied } from '../../src-main/service/jobs.ts';
import { MemoryStorage } from '../../src-main/service/storage.ts';
import { readPackFolders } from '../../src-main/host/pack-folder.ts';

const HELLO = '#include <stdio.h>\nint main(void) { printf("hi\\n"); return 0; }\n';
const LOOP = 'int main(void) { volatile int x = 0; for (;;) x++; return 0; }\n';
const PRINT_THEN_LOOP = '#include <stdio.h>\nint main(void) { printf("started\\n"); fflush(stdout); volatile int x = 0; for (;;) x++; return 0; }\n';

const pool = new WorkerPool({ workerFile: builtFile('worker.mjs'), threads: 2 });
const service = new LabService({
  storage: new MemoryStorage(),
  compute: pool,
  builtinPacks: () => readPackFolders(new URL('../../exercises', import.meta.url).pathname),
});
afterAll(() => service.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('WorkerPool', () => {
  it('runs a program in a worker thread; workers start once and stay warm', async () => {
    const view = await service.run({ source: HELLO });
    expect(view.stdout).toBe('hi\n');
    expect(view.exit.code).toBe(0);
    const started = pool.started;
    for (let i = 0; i < 4; i++) expect((await service.run({ source: HELLO })).stdout).toBe('hi\n');
    expect(pool.started).toBe(started);
    expect(pool.started).toBeLessThanOrEqual(2);
  });

  it('compiles for diagnostics in a worker', async () => {
    const diagnostics = await service.diagnose('int main(void) { return x; }\n');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 1, message: expect.stringMatching(/'x' undeclared/) })]);
  });

  it('cancels a runaway run quickly: the run keeps what it printed and did, marked cancelled, and its worker goes on', async () => {
    const startedBefore = pool.started;
    const t0 = Date.now();
    const running = service.run({ source: PRINT_THEN_LOOP, jobId: 'loop', options: { maxSteps: 2_000_000_000 } });
    while (!pool.isStarted('loop')) await sleep(20);
    // long enough to compile and print, even on a busy machine
    await sleep(1000);
    expect(await service.cancel('loop')).toBe(true);
    const view = await running;
    expect(view.stopReason).toBe('cancelled');
    expect(view.stopMessage).toMatch(/^cancelled after [\d,]+ steps/);
    expect(view.stdout).toBe('started\n');
    expect(view.stats.steps).toBeGreaterThan(1000);
    expect(view.trace.length).toBeGreaterThan(0);
    expect(view.trace.at(-1)).toMatchObject({ kind: 'run-end', reason: 'cancelled' });
    expect(view.processes.length).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(await service.cancel('loop')).toBe(false);
    expect((await service.run({ source: HELLO })).stdout).toBe('hi\n');
    expect(pool.started).toBe(startedBefore);
  });

  it('cancels a job still waiting for a worker', async () => {
    const a = service.run({ source: LOOP, jobId: 'a', options: { maxSteps: 2_000_000_000 } });
    const b = service.run({ source: LOOP, jobId: 'b', options: { maxSteps: 2_000_000_000 } });
    const c = service.run({ source: HELLO, jobId: 'c' });
    expect(await service.cancel('c')).toBe(true);
    expect((await c).stopReason).toBe('cancelled');
    await service.cancel('a');
    await service.cancel('b');
    expect((await a).stopReason).toBe('cancelled');
    expect((await b).stopReason).toBe('cancelled');
  });

  it('passes an engine error back as a rejection with its message', async () => {
    await expect(service.run({ source: HELLO, options: { schedule: 'nonsense' } })).rejects.toThrow(/schedule/i);
    expect((await service.run({ source: HELLO })).stdout).toBe('hi\n');
  });

  it('refuses two jobs with the same id', async () => {
    const a = service.run({ source: LOOP, jobId: 'same', options: { maxSteps: 2_000_000_000 } });
    await expect(service.run({ source: HELLO, jobId: 'same' })).rejects.toThrow(/already running/);
    await service.cancel('same');
    expect((await a).stopReason).toBe('cancelled');
  });

  it('grades in a worker, and a cancelled check (which never looks at the flag) rejects with Cancelled', async () => {
    const exercise = await service.openExercise('process-basics', 'fork-returns');
    const grade = await service.checkExercise({ packId: 'process-basics', exerciseId: 'fork-returns', source: exercise.starter });
    expect(grade.max_points).toBeGreaterThan(0);
    expect(grade.tests.length).toBeGreaterThan(0);
    // a runaway submission keeps the grader busy until its step limits: long enough to cancel
    const checking = service.checkExercise({ packId: 'process-basics', exerciseId: 'fork-returns', source: LOOP, jobId: 'grade-1' });
    await sleep(20);
    expect(await service.cancel('grade-1')).toBe(true);
    await expect(checking).rejects.toThrow(/^Cancelled:/);
    expect((await service.run({ source: HELLO })).stdout).toBe('hi\n');
  });

  it('explores in a worker', async () => {
    const view = await service.explore({ source: '#include <stdio.h>\n#include <unistd.h>\nint main(void) { fork(); printf("%d\\n", getpid() > 0); return 0; }\n' });
    expect(view.complete).toBe(true);
    expect(view.outputs.map((o) => o.stdout)).toEqual(['1\n1\n']);
  });
});

describe('a worker that dies', () => {
  it('is the result of its own job ("the lab ran out of memory …"); the next job gets a fresh worker', async () => {
    const hungry = new WorkerPool({ workerFile: join(import.meta.dirname, 'fixtures', 'hungry-worker.mjs'), threads: 1, heapMb: 32 });
    try {
      const eating = hungry.run({ kind: 'engine-run', request: { source: '' } });
      const error = await eating.then(() => null, (e: unknown) => e);
      expect(isWorkerDied(error)).toBe(true);
      expect((error as Error).message).toBe('the lab ran out of memory running this program');
      expect(await hungry.run({ kind: 'diagnose', source: '' })).toBe('diagnose');
      expect(hungry.started).toBe(2);
    } finally {
      await hungry.close();
    }
  });
});

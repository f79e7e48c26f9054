// Jobs in real worker threads (the TypeScript worker started through tsx): a run comes back,
// cancelling a runaway run stops it at once, and the next job gets a fresh worker.
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerCompute } from '../../src-main/host/worker-pool.ts';
import { spawnSourceWorker } from '../../src-main/host/tsx-worker.ts';
import { LabService } from '../../src-main/service/lab-service.ts';
import { diagnoseSource, packEngine } from '../../src-main/service/engines.ts';
import { MemoryStorage } from '../../src-main/service/storage.ts';
import { readPackFolders } from '../../src-main/host/pack-folder.ts';

const HELLO = '#include <stdio.h>\nint main(void) { printf("hi\\n"); return 0; }\n';
const LOOP = 'int main(void) { volatile int x = 0; for (;;) x++; return 0; }\n';

const compute = new WorkerCompute(spawnSourceWorker, 2);
const service = new LabService({
  storage: new MemoryStorage(),
  compute,
  packs: packEngine,
  builtinPacks: () => readPackFolders(new URL('../../exercises', import.meta.url).pathname),
  diagnose: diagnoseSource,
});
afterAll(() => service.close());

describe('WorkerCompute', () => {
  it('runs a program in a worker thread', async () => {
    const view = await service.run({ source: HELLO });
    expect(view.stdout).toBe('hi\n');
    expect(view.exit.code).toBe(0);
  });

  it('cancels a runaway run quickly, and the next run works in a fresh worker', async () => {
    const startedBefore = compute.started;
    const t0 = Date.now();
    const running = service.run({ source: LOOP, jobId: 'loop', options: { maxSteps: 2_000_000_000 } });
    await new Promise((r) => setTimeout(r, 300));
    expect(await service.cancel('loop')).toBe(true);
    const view = await running;
    expect(view.stopReason).toBe('cancelled');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await service.cancel('loop')).toBe(false);
    const after = await service.run({ source: HELLO });
    expect(after.stdout).toBe('hi\n');
    expect(compute.started).toBeGreaterThan(startedBefore);
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

  it('grades in a worker, and a cancelled check rejects with Cancelled', async () => {
    const exercise = await service.openExercise('process-basics', 'fork-returns');
    const grade = await service.checkExercise({ packId: 'process-basics', exerciseId: 'fork-returns', source: exercise.starter });
    expect(grade.max_points).toBeGreaterThan(0);
    expect(grade.tests.length).toBeGreaterThan(0);
    // a runaway submission keeps the grader busy until its step limits: long enough to cancel
    const checking = service.checkExercise({ packId: 'process-basics', exerciseId: 'fork-returns', source: LOOP, jobId: 'grade-1' });
    await new Promise((r) => setTimeout(r, 20));
    expect(await service.cancel('grade-1')).toBe(true);
    await expect(checking).rejects.toThrow(/^Cancelled:/);
  });

  it('explores in a worker', async () => {
    const view = await service.explore({ source: '#include <stdio.h>\n#include <unistd.h>\nint main(void) { fork(); printf("%d\\n", getpid() > 0); return 0; }\n' });
    expect(view.complete).toBe(true);
    expect(view.outputs.map((o) => o.stdout)).toEqual(['1\n1\n']);
  });
});

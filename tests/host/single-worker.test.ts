// The single worker of `forklab run` (src-main/host/single-worker.ts with the built
// out/node/run-worker.cjs): a run in a worker thread with the pool's limits; a worker that runs
// out of memory, a job stuck past the watchdog's limit and a worker that cannot load are each a
// clear failure of the job, never a crash or a hang of its owner.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtFile } from '../../src-main/host/built.ts';
import { SingleWorker, type SingleWorkerOptions } from '../../src-main/host/single-worker.ts';
import type { RunWorkerSetup } from '../../src-main/host/run-worker.ts';
import { readCodeCache } from '../../src-main/host/code-cache.ts';
import { isWorkerDied } from '../../src-main/service/jobs.ts';

const HELLO = '#include <stdio.h>\nint main(void) { printf("hi\\n"); return 0; }\n';
const cacheDir = mkdtempSync(join(tmpdir(), 'forklab-single-worker-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const workers: SingleWorker[] = [];
afterAll(() => workers.forEach((w) => w.close()));

/** A worker of the built run-worker.cjs given its engine (code cache in a folder of this test), or of a fixture. */
function start(options: Partial<SingleWorkerOptions> = {}): SingleWorker {
  const worker = new SingleWorker({ workerFile: builtFile('run-worker.cjs'), ...options });
  if (!options.workerFile) {
    const setup: RunWorkerSetup = { engine: readCodeCache(builtFile('run-engine.cjs'), cacheDir) };
    worker.send(setup);
  }
  workers.push(worker);
  return worker;
}

const failure = (p: Promise<unknown>): Promise<unknown> => p.then(() => null, (e: unknown) => e);

describe('SingleWorker', () => {
  it('runs a program in a worker thread, one job after another, and keeps the code cache for the next start', async () => {
    const worker = start();
    const first = await worker.run({ kind: 'engine-run', request: { source: HELLO, trace: 'none' } });
    expect(first.stdout).toBe('hi\n');
    expect(first.exit).toEqual({ code: 0, signal: null });
    const diagnostics = await worker.run({ kind: 'diagnose', source: 'int main(void) { return x; }\n' });
    expect(diagnostics.map((d) => d.message)).toContain("'x' undeclared (first use in this function)");
    expect(readdirSync(cacheDir).filter((n) => n.startsWith('run-engine.cjs-'))).toHaveLength(1);
  });

  it("rejects a job that is not a run with the worker's reason, and goes on", async () => {
    const worker = start();
    const error = await failure(worker.run({ kind: 'explore', request: { source: HELLO } }));
    expect((error as Error).message).toMatch(/only runs programs, not "explore" jobs/);
    expect((await worker.run({ kind: 'engine-run', request: { source: HELLO, trace: 'none' } })).stdout).toBe('hi\n');
  });

  it('is the result of its own job when its worker runs out of memory ("the lab ran out of memory …"), and stays dead', async () => {
    const worker = start({ workerFile: join(import.meta.dirname, 'fixtures', 'hungry-single-worker.mjs'), heapMb: 32 });
    expect(await worker.run({ kind: 'diagnose', source: '' })).toBe('diagnose');
    const error = await failure(worker.run({ kind: 'engine-run', request: { source: '' } }));
    expect(isWorkerDied(error)).toBe(true);
    expect((error as Error).message).toBe('the lab ran out of memory running this program');
    expect((await failure(worker.run({ kind: 'engine-run', request: { source: '' } })) as Error).message).toBe('the lab ran out of memory running this program');
  });

  it('stops a run still going past its wall-clock limit with a clear failure', { timeout: 60_000 }, async () => {
    // 10^15 steps: only the watchdog can stop it on any machine (2·10^9 took the compiled loop 1.25 s)
    const worker = start({ wallLimitMs: (job) => (job.kind === 'engine-run' ? 1500 : null) });
    const stuck = worker.run({ kind: 'engine-run', request: { source: 'int main(void) { unsigned long i = 0; for (;;) i++; }', timeLimitMs: 60_000, maxSteps: 1e15, trace: 'none' } });
    const error = await failure(stuck);
    expect(isWorkerDied(error)).toBe(true);
    expect((error as Error).message).toMatch(/^the lab stopped running this program: it was still going 2 s after it started, past its time limit/);
  });

  it('says why when its module cannot load, instead of waiting for ever', async () => {
    const worker = start({ workerFile: join(import.meta.dirname, 'fixtures', 'broken-single-worker.mjs') });
    const error = await failure(worker.run({ kind: 'engine-run', request: { source: HELLO } }));
    expect((error as Error).message).toBe('the engine could not be loaded');
  });

  it("passes on what the worker writes to its standard error (Node's warnings)", async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const worker = start({ workerFile: join(import.meta.dirname, 'fixtures', 'chatty-single-worker.mjs') });
      expect(await worker.run({ kind: 'diagnose', source: '' })).toBe('diagnose');
      await vi.waitFor(() => expect(written.join('')).toContain('a note from the worker\n'));
    } finally {
      spy.mockRestore();
    }
  });

  it('closes at once: a job still going rejects, and no job starts after', async () => {
    const worker = start();
    const running = failure(worker.run({ kind: 'engine-run', request: { source: 'int main(void) { for (;;); }', timeLimitMs: 60_000, maxSteps: 2_000_000_000, trace: 'none' } }));
    worker.close();
    expect(((await running) as Error).message).toBe('the lab is shutting down');
    expect(((await failure(worker.run({ kind: 'diagnose', source: '' }))) as Error).message).toBe('the lab is shutting down');
  });
});

/**
 * The pool's watchdog (issue 15: "never a hang"): a job stuck where the kernel cannot stop it (a
 * loop in the lab's own native code, as glibc's allocator had on a corrupted large bin) used to
 * hold its worker for ever: `forklab run` never ended, the browser host's request never answered.
 * Now a run, a replay or a compilation still going well past its own time limit has its worker
 * terminated and is a clear failure, and the pool goes on with a fresh worker.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { builtFile } from '../../src-main/host/built.ts';
import { RUN_TIME_LIMIT_MS, WATCHDOG_GRACE_MS, WorkerPool, jobWallLimitMs } from '../../src-main/host/pool.ts';
import { DEFAULT_TIME_LIMIT_MS } from '../../src-main/vm/run.ts';
import { elapsed } from './bounds.ts';

/**
 * A pool whose watchdog allows runs 1.5 s: a run the kernel would let go on for 60 s and 10^15
 * steps (days, on any machine: 2·10^9 steps took the compiled loop 1.25 s) stands in for a stuck one.
 */
const pool = new WorkerPool({ workerFile: builtFile('worker.mjs'), threads: 1, wallLimitMs: (job) => (job.kind === 'engine-run' ? 1500 : null) });
afterAll(() => pool.close());

describe('the watchdog', () => {
  it('stops a run still going past its wall-clock limit with a clear failure, and the pool goes on', { timeout: 60_000 }, async () => {
    const t = elapsed();
    const stuck = pool.run({ kind: 'engine-run', request: { source: 'int main(void) { unsigned long i = 0; for (;;) i++; }', timeLimitMs: 60_000, maxSteps: 1e15, trace: 'none' } });
    await expect(stuck).rejects.toMatchObject({ name: 'WorkerDiedError', message: expect.stringMatching(/^the lab stopped running this program: it was still going 2 s after it started, past its time limit/) });
    expect(t()).toBeLessThan(20_000);
    const next = await pool.run({ kind: 'engine-run', request: { source: '#include <stdio.h>\nint main(void) { puts("fine"); return 0; }\n', trace: 'none' } });
    expect(next.stdout).toBe('fine\n');
  });

  it('gives every run its own time limit and a grace, and jobs without one bound no limit', () => {
    expect(RUN_TIME_LIMIT_MS).toBe(DEFAULT_TIME_LIMIT_MS);
    expect(jobWallLimitMs({ kind: 'engine-run', request: { source: '', timeLimitMs: 5000 } })).toBe(5000 + WATCHDOG_GRACE_MS);
    expect(jobWallLimitMs({ kind: 'run', request: { source: '' } })).toBe(DEFAULT_TIME_LIMIT_MS + WATCHDOG_GRACE_MS);
    expect(jobWallLimitMs({ kind: 'explore', request: { source: '' } })).toBeNull();
  });
});

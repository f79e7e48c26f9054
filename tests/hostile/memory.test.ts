/**
 * Hostile programs for the host's memory (issue 15, item 2): a large process forked in a loop
 * (each fork's page-table snapshot is megabytes of trace), page sizes that would be gigabytes of
 * frames. The run's trace stops growing at its budget in bytes (what it drops is counted), the
 * run goes on to its end, and the worker running it stays within a heap limit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { builtFile } from '../../src-main/host/built.ts';
import { WorkerPool } from '../../src-main/host/pool.ts';
import { Trace, eventBytes } from '../../src-main/kernel/trace.ts';
import { PHYSICAL_MEMORY_BYTES, TRACE_BYTES, framesFor } from '../../src-main/kernel/budgets.ts';
import { Kernel } from '../../src-main/kernel/kernel.ts';
import { elapsed } from './bounds.ts';

/** The heap the worker may use for these runs: far below what they took before their budgets. */
const HEAP_MB = 640;
const pool = new WorkerPool({ workerFile: builtFile('worker.mjs'), threads: 1, heapMb: HEAP_MB });
afterAll(() => pool.close());

const BIG_FORK_LOOP = `#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
static char big[48 << 20];
int main(void) {
    memset(big, 1, sizeof big);
    for (int i = 0; i < 300; i++) {
        pid_t p = fork();
        if (p == 0) _exit(0);
        waitpid(p, 0, 0);
    }
    printf("done\\n");
    return 0;
}
`;

describe('hostile programs for memory', () => {
  it(`a 48 MiB process forked 300 times: the trace stops at its byte budget, the run ends, the worker stays under ${HEAP_MB} MiB`, { timeout: 120_000 }, async () => {
    const t = elapsed();
    const result = await pool.run({ kind: 'engine-run', request: { source: BIG_FORK_LOOP } });
    expect(result.stdout).toBe('done\n');
    expect(result.stopReason).toBe('exited');
    expect(result.traceDropped).toBeGreaterThan(0);
    // the counters come from the kernel, not from the trace that stopped keeping events
    expect(result.stats.forks).toBe(300);
    const kept = result.trace.reduce((n, e) => n + eventBytes(e), 0);
    expect(kept).toBeLessThan(TRACE_BYTES + 4 * 1024 * 1024);
    expect(t()).toBeLessThan(100_000);
  });

  it('the trace counts events past its byte budget instead of keeping them', () => {
    const trace = new Trace(1000, 'all', 1000);
    for (let i = 0; i < 100; i++) if (trace.offer('output')) trace.add({ step: i, time: i, pid: 3, kind: 'output', fd: 1, text: 'x'.repeat(100) } as never);
    expect(trace.events.length).toBe(5);
    expect(trace.dropped).toBe(95);
    expect(trace.offer('output')).toBe(false);
  });

  it.each([256, 4096, 65536])('a machine with %i-byte pages has at most 128 MiB of frames', (pageSize) => {
    const kernel = new Kernel({ pageSize });
    expect(kernel.memory.phys.maxFrames).toBe(framesFor(pageSize));
    expect(kernel.memory.phys.maxFrames * pageSize).toBeLessThanOrEqual(PHYSICAL_MEMORY_BYTES);
  });

  it.each([128, 3000, 1 << 20, 1 << 30, 2 ** 32])('the kernel refuses a %i-byte page', (pageSize) => {
    expect(() => new Kernel({ pageSize })).toThrow(/page size must be a power of two from 256 to 65536/);
  });
});

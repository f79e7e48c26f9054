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
import { runProgram } from '../../src-main/vm/run.ts';
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

  it('a program that cannot even start (1 GiB of initialised data, 1 MiB of arguments) is exit 126 with the shell\'s words, not an internal error', () => {
    const t = elapsed();
    const data = runProgram({ source: 'static char big[1L << 30] = {1};\nint main(void) { return big[0] - 1; }\n' });
    expect(data).toMatchObject({ ok: true, stdout: 'sh: ./prog: Cannot allocate memory\n', exit: { code: 126, signal: null }, stopReason: 'exited' });
    expect(data.stopMessage).toMatch(/^the program could not start: its memory .* does not fit/);
    const args = runProgram({ source: 'int main(int c, char **v) { return c; }\n', args: Array.from({ length: 256 }, () => 'a'.repeat(4096)) });
    expect(args).toMatchObject({ stdout: 'sh: ./prog: Argument list too long\n', exit: { code: 126 } });
    expect(t()).toBeLessThan(20_000);
  });
});

describe("hostile programs for glibc's allocator", () => {
  /** A large bin of two chunks (0x470, 0x450), then `corrupt`, then `use`: the allocator must not spin. */
  const largeBin = (corrupt: string, use: string): string => `#include <stdio.h>
#include <stdlib.h>
int main(void) {
    printf("start\\n");
    char *a = malloc(0x460); malloc(0x18);
    char *b = malloc(0x440); malloc(0x18);
    char *c = malloc(0x450); malloc(0x18);
    free(a); free(b);
    malloc(0x1000);
    ${corrupt}
    ${use}
    printf("not reached\\n");
    return 0;
}
`;

  it.each([
    ["the largest chunk's fd_nextsize pointing to itself, then a chunk sorted into the bin", '*(char **)(a + 16) = a - 16;', 'free(c); malloc(0x1000);'],
    ["the smallest chunk's bk_nextsize pointing to itself, then a best fit in the bin", '*(char **)(b + 24) = b - 16;', 'malloc(0x450);'],
  ])('%s: glibc\'s message and SIGABRT at once (the native allocator spun for ever)', (_what, corrupt, use) => {
    const t = elapsed();
    const result = runProgram({ source: largeBin(corrupt, use), timeLimitMs: 5000 });
    expect(result.stdout).toBe('start\nmalloc(): largebin double linked list corrupted (nextsize)\n');
    expect(result.exit.signal).toBe('SIGABRT');
    expect(t()).toBeLessThan(5000);
  });
});

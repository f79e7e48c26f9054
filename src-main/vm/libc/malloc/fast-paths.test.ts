import { afterEach, describe, expect, it } from 'vitest';
import { compileProgram, runImage } from '../../run.ts';
import type { RunResult } from '../../run.ts';
import { fastPaths } from './fast-paths.ts';

/** A small seeded generator (xorshift32), so that a failing program can be made again. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

const SLOTS = 12;

/** A request size: mostly the tcache's and fastbins' sizes, some small-bin and large ones, rarely a mapped one. */
function requestSize(r: (n: number) => number): number {
  const kind = r(20);
  if (kind < 9) return r(25);
  if (kind < 14) return 25 + r(96);
  if (kind < 18) return 121 + r(980);
  if (kind < 19) return 1100 + r(3000);
  return 140000;
}

/**
 * A C program of random heap operations on SLOTS pointers: malloc, calloc, realloc, free, bursts
 * of frees and mallocs of one size (the tcache and fastbins fill and refill), writes into blocks,
 * a fork whose child goes on (copy-on-write pages), and with `corrupt` writes into freed blocks'
 * links and into chunk headers, and frees of freed blocks. It prints where each block lands (relative to the heap's start)
 * and finally the bytes of the whole heap, metadata included.
 */
function heapProgram(seed: number, corrupt: boolean): string {
  const r = random(seed);
  const ops: string[] = [];
  for (let i = 0; i < 160; i++) {
    const s = r(SLOTS);
    const kind = r(corrupt ? 23 : 20);
    if (kind < 6) ops.push(`put(${s}, malloc(${requestSize(r)}));`);
    else if (kind < 10) ops.push(`release(${s});`);
    else if (kind < 11) ops.push(`put(${s}, calloc(${1 + r(4)}, ${requestSize(r)}));`);
    else if (kind < 13) ops.push(`{ char *q = realloc(slot[${s}], ${requestSize(r)}); slot[${s}] = 0; put(${s}, q); }`);
    else if (kind < 15) ops.push(`fill(${s}, ${r(256)});`);
    else if (kind < 17) {
      const size = requestSize(r) % 200;
      ops.push(`for (int i = 0; i < ${SLOTS}; i++) put(i, malloc(${size}));`);
    } else if (kind < 19) ops.push(`for (int i = 0; i < ${SLOTS}; i++) release(i);`);
    else if (kind < 20) ops.push(i > 80 && r(4) === 0 ? 'if (fork() > 0) { wait(NULL); return 0; } printf("child\\n");' : 'printf("top %ld\\n", (long)((char *)sbrk(0) - start));');
    else if (kind < 21) ops.push(`if (dangling[${s}] && !slot[${s}]) *(long *)dangling[${s}] ^= ${[8, 16, 32, 4096][r(4)]};`);
    else if (kind < 22) ops.push(`if (slot[${s}]) ((long *)slot[${s}])[-1] = ${[0x21, 0x31, 0x41, 0x29, 0, 0x23][r(6)]};`);
    else ops.push(`free(dangling[${s}]);`);
  }
  return `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
static char *slot[${SLOTS}];
static char *dangling[${SLOTS}];
static size_t sizes[${SLOTS}];
static char *start;
static void put(int i, void *p) {
  free(slot[i]);
  slot[i] = dangling[i] = p;
  printf("%d: %ld\\n", i, p ? (long)((char *)p - start) : -1L);
}
static void release(int i) { free(slot[i]); slot[i] = 0; }
static void fill(int i, int c) { if (slot[i]) memset(slot[i], c, 1 + c % 24); }
static void report(void) {
  fflush(stdout);
  write(1, start, (char *)sbrk(0) - start);
}
int main(void) {
  start = sbrk(0);
  printf("start\\n");
  ${ops.join('\n  ')}
  report();
  return 0;
}
`;
}

/** What a run shows: the terminal's bytes, the exit, the steps, the warnings and the trace. */
function outcome(r: RunResult): unknown {
  const bytes = Buffer.from(r.stdoutBytes).toString('base64');
  return { bytes, exit: r.exit, steps: r.stats.steps, stop: r.stopReason, warnings: r.warnings, trace: r.trace };
}

function runBoth(source: string, pageSize?: number): { fast: RunResult; general: RunResult } {
  const compiled = compileProgram(source);
  if (!compiled.image) throw new Error(JSON.stringify(compiled.diagnostics));
  fastPaths.enabled = true;
  const fast = runImage(compiled.image, { maxSteps: 20_000_000, pageSize });
  fastPaths.enabled = false;
  const general = runImage(compiled.image, { maxSteps: 20_000_000, pageSize });
  fastPaths.enabled = true;
  return { fast, general };
}

describe("malloc's and free's fast paths", () => {
  afterEach(() => {
    fastPaths.enabled = true;
  });

  it('leave the heap, the output and every step as the general path does', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const { fast, general } = runBoth(heapProgram(seed, false));
      expect(fast.exit.code, `seed ${seed}: ${fast.stdout.slice(-200)}`).toBe(0);
      expect(outcome(fast), `seed ${seed}`).toEqual(outcome(general));
    }
  });

  it('fail as the general path does on a heap whose links and sizes the program overwrote', () => {
    const aborted = new Set<string>();
    for (let seed = 101; seed <= 130; seed++) {
      const { fast, general } = runBoth(heapProgram(seed, true));
      expect(outcome(fast), `seed ${seed}`).toEqual(outcome(general));
      const last = fast.stdout.trimEnd().split('\n').pop() ?? '';
      if (fast.exit.signal === 'SIGABRT') aborted.add(last);
    }
    // the corruptions reach glibc's checks (not only the programs' own crashes)
    expect(aborted.size).toBeGreaterThan(1);
  });

  it('agree with small pages, where chunks, the tcache and the state cross page boundaries', () => {
    for (const [seed, pageSize] of [[201, 256], [202, 1024], [203, 256], [204, 1024]]) {
      const { fast, general } = runBoth(heapProgram(seed, seed % 2 === 0), pageSize);
      expect(outcome(fast), `seed ${seed}, pages of ${pageSize} bytes`).toEqual(outcome(general));
    }
  });
});

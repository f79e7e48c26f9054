/**
 * `forklab run` of hostile programs, now that a run has its own worker (host/single-worker.ts)
 * and compiles the engine with a code cache (host/code-cache.ts): a fork bomb, an endless loop,
 * a memory hog and kill(1, SIGKILL) each end with the program's result and a clear message (never
 * a crash or a hang of the command), and a
 * damaged code cache (V8 aborts the process on damaged bytecode) costs nothing but its rewriting.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { elapsed } from './bounds.ts';

const BIN = join(import.meta.dirname, '../../bin/forklab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'forklab-hostile-run-'));
const CACHE = join(dir, 'code-cache');

/** `forklab run prog.c ARGS` of `source`, with the code cache in `cache`: its status and what it wrote, within 60 s (a hang fails the test). */
function run(source: string, args: string[] = [], cache = CACHE): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  writeFileSync(join(dir, 'prog.c'), source);
  const r = spawnSync(process.execPath, [BIN, 'run', 'prog.c', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, FORKLAB_CODE_CACHE: cache } });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const HELLO = '#include <stdio.h>\nint main(void) { printf("hello\\n"); return 0; }\n';

describe('forklab run of hostile programs', () => {
  it('an endless loop stops at its time limit with status 124 and says so', () => {
    const t = elapsed();
    const r = run('#include <stdio.h>\nint main(void) { puts("looping"); unsigned long i = 0; for (;;) i++; }\n', ['--time-limit', '1', '--max-steps', '100000000000']);
    expect(r).toMatchObject({ status: 124, stdout: 'looping\n' });
    expect(r.stderr).toMatch(/^forklab: .*time limit/m);
    expect(t()).toBeLessThan(30_000);
  });

  it('a fork bomb is held by RLIMIT_NPROC and stopped by its time limit', () => {
    const r = run('#include <unistd.h>\nint main(void) { for (;;) fork(); }\n', ['--time-limit', '2']);
    expect(r.status).toBe(124);
    expect(r.stderr).toMatch(/^forklab: .*time limit/m);
  });

  it("a memory hog is killed by the kernel's out-of-memory killer once the page frames run out, as on Linux", () => {
    const r = run('#include <stdlib.h>\n#include <string.h>\nint main(void) { for (;;) { char *p = malloc(1 << 20); if (!p) return 1; memset(p, 1, 1 << 20); } }\n');
    expect(r.status).toBe(137);
    expect(r.stderr).toMatch(/^forklab: process \d+ was killed by SIGKILL \(out-of-memory\)/m);
  });

  it('kill(1, SIGKILL) is ignored by init, as on Linux, and the program goes on', () => {
    const r = run('#include <stdio.h>\n#include <signal.h>\nint main(void) { int k = kill(1, SIGKILL); printf("%d alive\\n", k); return 0; }\n');
    expect(r).toMatchObject({ status: 0, stdout: '0 alive\n' });
  });

  it('a damaged code cache is never handed to V8: the run is the same and the entry is made again', () => {
    const cache = join(dir, 'damaged-cache');
    expect(run(HELLO, [], cache)).toMatchObject({ status: 0, stdout: 'hello\n' });
    const [name] = readdirSync(cache).filter((n) => n.endsWith('.bin'));
    const good = readFileSync(join(cache, name));
    const bytes = Buffer.from(good);
    for (let i = 1000; i < bytes.length; i += 97) bytes[i] ^= 0x5a;
    writeFileSync(join(cache, name), bytes);
    const r = run(HELLO, [], cache);
    expect(r, r.stderr).toMatchObject({ status: 0, signal: null, stdout: 'hello\n', stderr: '' });
    expect(readFileSync(join(cache, name)).subarray(0, 32)).not.toEqual(bytes.subarray(0, 32));
    expect(run(HELLO, ['--json'], 'off').status).toBe(0);
  });

  it('runs started together with no code cache yet all run, and leave one whole entry', async () => {
    const cache = join(dir, 'shared-cache');
    writeFileSync(join(dir, 'hello.c'), HELLO);
    const started = Array.from({ length: 4 }, () =>
      new Promise<{ status: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'run', 'hello.c'], { cwd: dir, env: { ...process.env, FORKLAB_CODE_CACHE: cache } });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.on('close', (status) => resolve({ status, stdout }));
      }),
    );
    for (const r of await Promise.all(started)) expect(r).toEqual({ status: 0, stdout: 'hello\n' });
    const names = readdirSync(cache);
    expect(names.filter((n) => n.endsWith('.bin'))).toHaveLength(1);
    expect(names.filter((n) => n.includes('.tmp-'))).toEqual([]);
    expect(run(HELLO, [], cache)).toMatchObject({ status: 0, stdout: 'hello\n', stderr: '' });
  });
});

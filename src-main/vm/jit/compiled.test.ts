/**
 * The compiled path against the interpreter: every program of the differential corpus (and a few
 * written to fault mid-block) runs twice, compiled blocks on and off, under several scheduling
 * policies and budgets; everything observable must be the same: the terminal text, exit
 * statuses, step counts, the schedule (so replays are exact), the warnings and the whole trace
 * (every event with its step, every fault with its pc and line).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileProgram, runImage, type RunResult } from '../run.ts';
import { cpuSettings } from '../interpreter.ts';
import type { ProgramImage } from '../../lang/image.ts';
import { functionPieces } from './codegen.ts';
import { compiledImage } from './compiled-image.ts';

const CORPUS = join(import.meta.dirname, '../../../tests/differential');

type Request = Parameters<typeof runImage>[1];

function both(image: ProgramImage, request: Request): { interpreted: RunResult; compiled: RunResult } {
  const saved = { ...cpuSettings };
  try {
    cpuSettings.compile = false;
    const interpreted = runImage(image, request);
    // every function compiled at its first use: the compiled path runs as much as it can
    cpuSettings.compile = true;
    cpuSettings.compileAfter = 0;
    const compiled = runImage(image, request);
    return { interpreted, compiled };
  } finally {
    Object.assign(cpuSettings, saved);
  }
}

function observable(r: RunResult) {
  return {
    stdout: r.stdout,
    exit: r.exit,
    stopReason: r.stopReason,
    stats: r.stats,
    schedule: r.schedule,
    processes: r.processes,
    warnings: r.warnings,
    trace: r.trace,
  };
}

function expectSame(image: ProgramImage, request: Request): RunResult {
  const { interpreted, compiled } = both(image, request);
  expect(observable(compiled)).toEqual(observable(interpreted));
  return compiled;
}

function corpus(dir: string): { name: string; image: ProgramImage }[] {
  const path = join(CORPUS, dir);
  return readdirSync(path)
    .filter((f) => f.endsWith('.c'))
    .map((f) => {
      const compiled = compileProgram(readFileSync(join(path, f), 'utf8'), f);
      if (!compiled.image) throw new Error(`${f} does not compile`);
      return { name: f, image: compiled.image };
    });
}

describe('compiled blocks run exactly as the interpreter', () => {
  it('on every single-process program of the corpus, at full speed and with a tight step limit', () => {
    for (const { name, image } of corpus('single')) {
      const full = expectSame(image, { stdin: '12 34\nhello\n' });
      expect(full.stats.steps, name).toBeGreaterThan(0);
      // a limit that falls in the middle of a block
      expectSame(image, { stdin: '12 34\nhello\n', maxSteps: Math.max(1, Math.floor(full.stats.steps / 3) + 1) });
    }
  });

  it('on every multi-process program of the corpus, under every policy, and replays its schedule', () => {
    const maxSteps = 2_000_000;
    for (const { image } of corpus('multi')) {
      expectSame(image, { maxSteps });
      expectSame(image, { maxSteps, policy: 'child-first' });
      const rr = expectSame(image, { maxSteps, policy: 'round-robin', quantum: 7 });
      expectSame(image, { maxSteps, policy: 'random', seed: 3, quantum: 13 });
      expectSame(image, { maxSteps, schedule: rr.schedule, quantum: 7 });
    }
  }, 120_000);

  it('splits a large function into pieces, each small enough for V8 to optimize, with the same results', () => {
    const body = Array.from({ length: 60 }, (_, j) => `    s += a[(i + ${j}) & 7] * ${(j % 5) + 1} - (s >> 3);`);
    const source = [
      '#include <stdio.h>',
      'int main(void) {',
      '  long s = 0; int a[8] = {1, 2, 3, 4, 5, 6, 7, 8};',
      '  for (int i = 0; i < 300; i++) {',
      ...body,
      '    if (i % 100 == 7) printf("%ld\\n", s);',
      '  }',
      '  printf("%ld\\n", s);',
      '  return 0;',
      '}',
    ].join('\n');
    const image = compileProgram(source, 'big.c').image!;
    const main = image.functions.find((f) => f.name === 'main')!;
    const pieces = functionPieces(image, main.entryPc, main.endPc);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.source).not.toBeNull();
    const r = expectSame(image, {});
    expect(r.stdout.split('\n').length).toBe(5);
    expectSame(image, { policy: 'round-robin', quantum: 5, maxSteps: 40_000 });
  });

  it('falls back to the interpreter where the host forbids generating code', () => {
    const image = compileProgram('#include <stdio.h>\nint main(void) { int s = 0; for (int i = 0; i < 50; i++) s += i; printf("%d\\n", s); return 3; }', 'csp.c').image!;
    const real = globalThis.Function;
    globalThis.Function = function forbidden(): never {
      throw new EvalError('code generation from strings disallowed for this context');
    } as unknown as FunctionConstructor;
    try {
      const r = expectSame(image, {});
      const main = image.functions.find((f) => f.name === 'main')!;
      expect(compiledImage(image).at(main.entryPc)).toBeNull();
      expect(r.stdout).toBe('1225\n');
      expect(r.exit.code).toBe(3);
    } finally {
      globalThis.Function = real;
    }
  });

  it('compiles a function only once it is hot, and a run that switches mid-way runs exactly as the interpreter', () => {
    const source = '#include <stdio.h>\nint fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n' +
      'int main(void) { long s = 0; for (int i = 0; i < 30000; i++) s += i & 7; printf("%ld %d\\n", s, fib(18)); return 0; }\n';
    const image = compileProgram(source, 'hot.c').image!;
    const saved = { ...cpuSettings };
    try {
      cpuSettings.compile = false;
      const interpreted = runImage(image, {});
      cpuSettings.compile = true;
      cpuSettings.compileAfter = 8;
      const tiered = runImage(image, { policy: 'round-robin', quantum: 997 });
      cpuSettings.compile = false;
      const reference = runImage(image, { policy: 'round-robin', quantum: 997 });
      expect(interpreted.stdout).toBe('105000 2584\n');
      expect(observable(tiered)).toEqual(observable(reference));
    } finally {
      Object.assign(cpuSettings, saved);
    }
    // a fresh image: the CPU's first visits leave a function to the interpreter, the ninth compiles it
    const fresh = compileProgram(source, 'hot.c').image!;
    const main = fresh.functions.find((f) => f.name === 'main')!;
    const compiled = compiledImage(fresh);
    for (let i = 0; i < 8; i++) expect(compiled.enter(main.entryPc, 8)).toBeNull();
    expect(compiled.enter(main.entryPc, 8)).not.toBeNull();
  });

  it('gives memcheck\'s warnings alike, and goes on alike when memcheck\'s budget runs out mid-run', () => {
    const source = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int f(int x) { if (x) return 1; }
int main(void) {
  int u;
  long s = 0;
  int *p = malloc(40);
  free(p);
  if (fork() == 0) { printf("%d\\n", f(0)); exit(0); }
  wait(NULL);
  for (int i = 0; i < 20000; i++) s += i & 3;
  printf("%ld %d\\n", s, p[3] + (u > 0));
  return 0;
}`;
    const image = compileProgram(source, 'memcheck.c').image!;
    const whole = expectSame(image, { memcheck: true });
    expect(whole.warnings.map((w) => w.kind).sort()).toEqual(['missing-return', 'uninitialised-value', 'use-after-free']);
    // the budget runs out in the loop: the last line's mistakes go unchecked, at full speed
    const cut = expectSame(image, { memcheck: true, memcheckLimit: 5_000 });
    expect(cut.trace.filter((e) => e.kind === 'memcheck-limit')).toHaveLength(1);
    expect(cut.warnings.map((w) => w.kind).sort()).toEqual(['missing-return']);
    expect(cut.stdout).toBe(whole.stdout);
  });

  it('faults in the middle of a block, or in a library call, at the same pc, line and step', () => {
    const programs = [
      'int main(void) { int a = 1, b = 2; int *p = 0; a = a + b; *p = a; return 0; }',
      'int main(void) { int x = 5; int z = x - 5; long y = x * 3; return (int)y / z; }',
      'long f(long n) { long a[4]; return n + f(n + 1) + a[n & 3]; } int main(void) { return (int)f(0); }',
      '#include <stdio.h>\nint main(void) { char *s = (char *)16; printf("x\\n"); int k = 3; return s[k] + k; }',
      'int main(void) { long a = 9, b = 0; b = b * a; return (int)(a % b); }',
      // library calls made by compiled code: one that faults, after others that went on
      '#include <string.h>\nint main(void) { char s[8] = "abc"; int n = 0; for (int i = 0; i < 3; i++) n += strlen(s); return n + (int)strlen((char *)8); }',
      '#include <stdlib.h>\nint cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }\n' +
        'int main(void) { int v[5] = {5, 1, 4, 2, 3}; qsort(v, 5, sizeof v[0], cmp); qsort(v, 5, sizeof v[0], (int (*)(const void *, const void *))8); return v[0]; }',
    ];
    for (const source of programs) {
      const image = compileProgram(source, 'fault.c').image!;
      const r = expectSame(image, {});
      expect(r.exit.signal).not.toBeNull();
    }
  });
});

describe('the fast form (locals unchecked in a page held writable) and the checked form', () => {
  it('agree with the interpreter where frames cross page boundaries, recursion moves between pages, and a frame spans pages', () => {
    const source = `#include <stdio.h>
long walk(int n, long acc) { int pad = n * 3; long here = acc + pad; if (n == 0) return here; return walk(n - 1, here) + (here & 7); }
int wide(int k) { int lo = k; char big[700]; int hi = k * 2; for (int i = 0; i < 700; i++) big[i] = (char)(i + lo); return big[k] + hi + lo; }
int main(void) {
  long s = 0;
  for (int r = 0; r < 40; r++) s += walk(60 + r % 9, r) + wide(r);
  printf("%ld\\n", s);
  return 0;
}`;
    const image = compileProgram(source, 'pages.c').image!;
    for (const pageSize of [256, 4096]) {
      const full = expectSame(image, { pageSize });
      expect(full.stdout).toMatch(/^\d+\n$/);
      expectSame(image, { pageSize, maxSteps: Math.floor(full.stats.steps / 2) + 3 });
      expectSame(image, { pageSize, policy: 'round-robin', quantum: 7 });
    }
  });

  it('forgets a page it held read-only once a slow path copied it on write (the first writes after fork)', () => {
    // after fork the parent's pages are copy-on-write: read-only in the TLB. Each store through a
    // pointer copies a page the loop has just read from another cache (the frame, a local array,
    // a global); reading it again must see the copy
    const source = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int g[4];
int main(void) {
  int x = 1;
  int a[4] = {1, 2, 3, 4};
  int *px = &x;
  int *pa = a;
  int *pg = g;
  int s = 0;
  if (fork() == 0) _exit(0);
  for (int i = 0; i < 3; i++) {
    s += x + a[0] + g[0];
    *px = x + 10;
    pa[0] = a[0] + 100;
    pg[0] = g[0] + 1000;
    s += x + a[0] + g[0];
  }
  wait(NULL);
  printf("%d %d %d %d\\n", s, x, a[0], g[0]);
  return 0;
}`;
    const image = compileProgram(source, 'cow.c').image!;
    // recorded with gcc -O0 on Linux
    expect(expectSame(image, {}).stdout).toBe('10002 31 301 3000\n');
  });

  it('forgets a page that one cache holds read-only when a store through another copies it', () => {
    // gp[i] fills the TLB with the heap page read-only (copy-on-write after fork); p[i] then takes
    // it into its own cache, read-only; q[j] (the same address) copies the page on its write, and
    // p[i] must be read again from the copy
    const source = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int *gp;
int main(void) {
  int *p = malloc(64 * sizeof(int));
  for (int k = 0; k < 64; k++) p[k] = k;
  int *q = p;
  gp = p;
  int s = 0;
  if (fork() == 0) _exit(0);
  for (int i = 0, j = 0; i < 4; i++, j++) {
    s += gp[i];
    s += p[i];
    q[j] = p[i] + 100;
    s += p[i] * 1000;
  }
  wait(NULL);
  printf("%d %d %d\\n", s, p[0], p[3]);
  return 0;
}`;
    const image = compileProgram(source, 'alias.c').image!;
    // recorded with gcc -O0 on Linux
    expect(expectSame(image, {}).stdout).toBe('406012 100 103\n');
  });
});

describe('locals kept in temporaries within a block (the fast form)', () => {
  it('reads a local again after a store that may have changed it: through a pointer, through its address', () => {
    const source = `#include <stdio.h>
int main(void) {
  int x = 1, y = 2;
  int a[2] = {0, 0};
  int *p = &x;
  long s = 0;
  for (int i = 0; i < 5; i++) {
    s += x + y;
    *p = x + 3;
    s += x * 10;
    *&y = y + x;
    s += y * 100;
    p[0] += 1;
    s += x * 1000;
  }
  printf("%ld %d %d %d\\n", s, x, y, a[0]);
  return 0;
}`;
    const image = compileProgram(source, 'locals-alias.c').image!;
    // recorded with gcc -O0 on Linux
    expect(expectSame(image, {}).stdout).toBe('80735 21 62 0\n');
    expectSame(image, { maxSteps: 200 });
  });

  it('leaves the block when a store through a pointer hit its frame, with the stored value kept on the stack', () => {
    // *p = … is a store through a pointer that the block cannot tell from any other: its
    // address is checked against the frame at run time, and the interpreter goes on from there
    const source = `#include <stdio.h>
int main(void) {
  int x = 1, y = 2;
  int *p = &x;
  long s = 0;
  for (int i = 0; i < 4; i++) {
    s += x;
    s += (*p = x + 5) * 3 + x;
    s += x + y;
    y = *p = y + x;
    s += x * 7 + y;
  }
  printf("%ld %d %d\\n", s, x, y);
  return 0;
}`;
    const image = compileProgram(source, 'locals-keep.c').image!;
    // recorded with gcc -O0 on Linux
    expect(expectSame(image, {}).stdout).toBe('2040 99 99\n');
    expectSame(image, { policy: 'round-robin', quantum: 5 });
  });

  it('reads a local again in every block: a thread or a vfork child may have written it in between', () => {
    const thread = compileProgram(`#include <stdio.h>
#include <pthread.h>
void *worker(void *arg) {
  int *flag = arg;
  for (int i = 0; i < 50; i++) *flag = *flag + 0;
  *flag = 1;
  return NULL;
}
int main(void) {
  int done = 0;
  long spins = 0;
  pthread_t t;
  pthread_create(&t, NULL, worker, &done);
  while (!done) spins++;
  pthread_join(t, NULL);
  printf("done %d\\n", done);
  return spins > 0 ? 0 : 1;
}`, 'locals-thread.c').image!;
    for (const request of [{}, { policy: 'round-robin' as const, quantum: 7 }, { policy: 'random' as const, seed: 5, quantum: 13 }]) {
      const r = expectSame(thread, { ...request, maxSteps: 3_000_000 });
      expect(r.stdout).toBe('done 1\n');
    }
    const vfork = compileProgram(`#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  int x = 1;
  long s = 0;
  for (int i = 0; i < 3; i++) {
    s += x;
    pid_t pid = vfork();
    if (pid == 0) { x = x * 10 + i; _exit(0); }
    s += x;
    waitpid(pid, NULL, 0);
  }
  printf("%ld %d\\n", s, x);
  return 0;
}`, 'locals-vfork.c').image!;
    // recorded with gcc -O0 on Linux
    expect(expectSame(vfork, {}).stdout).toBe('1235 1012\n');
    expectSame(vfork, { policy: 'child-first' });
  });

  it('faults in a block after stores of locals it keeps, at the same step and line, with those stores made', () => {
    const source = 'int main(void) { int x = 1; int *p = 0; for (int i = 0; i < 4; i++) { x = x + i; x = x * 2; if (i == 3) *p = x; } return x; }';
    const r = expectSame(compileProgram(source, 'locals-fault.c').image!, {});
    expect(r.exit.signal).toBe('SIGSEGV');
  });
});

/**
 * `npm run bench`: the lab's VM against native `gcc -O0` on the same CPU-bound programs, measured
 * in the same run and reported as ratios (slowdown = lab time / native time). Also checks that
 * both print the same thing.
 *
 *   npm run bench            all programs
 *   npm run bench -- fib     only programs whose name contains "fib"
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileProgram, runImage } from '../src-main/vm/run.ts';

const HERE = import.meta.dirname;
const PROGRAMS = join(HERE, 'programs');

interface Row {
  name: string;
  nativeMs: number;
  labMs: number;
  steps: number;
  ratio: number;
  same: boolean;
}

/** Best of `n` wall-clock times of `fn`, in milliseconds. */
function bestOf<T>(n: number, fn: () => T): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, value };
}

function benchProgram(file: string, work: string): Row {
  const name = basename(file, '.c');
  const source = readFileSync(file, 'utf8');
  const exe = join(work, name);
  execFileSync('gcc', ['-std=gnu11', '-O0', '-w', '-o', exe, file]);
  const native = bestOf(3, () => execFileSync(exe, { encoding: 'utf8' }));
  const compiled = compileProgram(source, `${name}.c`);
  if (!compiled.image) throw new Error(`${name} does not compile in the lab:\n${JSON.stringify(compiled.diagnostics)}`);
  const image = compiled.image;
  const lab = bestOf(2, () => runImage(image, { maxSteps: 5_000_000_000, maxFrames: 1 << 16 }));
  return {
    name,
    nativeMs: native.ms,
    labMs: lab.ms,
    steps: lab.value.stats.steps,
    ratio: lab.ms / native.ms,
    same: lab.value.stdout === native.value,
  };
}

function main(): void {
  const filter = process.argv[2] ?? '';
  const files = readdirSync(PROGRAMS)
    .filter((f) => f.endsWith('.c') && f.includes(filter))
    .map((f) => join(PROGRAMS, f));
  const work = mkdtempSync(join(tmpdir(), 'forklab-bench-'));
  const rows: Row[] = [];
  try {
    for (const f of files) {
      const row = benchProgram(f, work);
      rows.push(row);
      console.log(
        `${row.name.padEnd(10)} gcc -O0 ${row.nativeMs.toFixed(1).padStart(8)} ms   lab ${row.labMs.toFixed(0).padStart(7)} ms` +
          `   ${(row.steps / 1e6).toFixed(0).padStart(5)} M steps  ${((row.steps / row.labMs) / 1e3).toFixed(0).padStart(4)} M steps/s` +
          `   ratio ${row.ratio.toFixed(1).padStart(5)}x   ${row.same ? 'same output' : 'OUTPUT DIFFERS'}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const geo = Math.exp(rows.reduce((s, r) => s + Math.log(r.ratio), 0) / rows.length);
  console.log(`\ngeometric mean slowdown vs gcc -O0: ${geo.toFixed(1)}x (target <= 25x, bound 50x)`);
  if (rows.some((r) => !r.same)) process.exitCode = 1;
}

main();
if ('renderer'.includes(process.argv[2] ?? '')) await (await import('./renderer.ts')).benchRenderer();
if ('kernel'.includes(process.argv[2] ?? '') && !(await import('./kernel.ts')).benchKernel()) process.exitCode = 1;

/**
 * `npm run bench`: the lab's VM against native `gcc -O0` on the same CPU-bound programs, measured
 * in the same run and reported as ratios (slowdown = lab time / native time). Also checks that
 * both print the same thing. fib, loop, reverse and sieve measure the engine (their geometric
 * mean); qsort, strings and list mostly run the C library (malloc, qsort, string.h), each against
 * its own target.
 *
 * Both sides are timed two ways, best of several runs: wall clock, and CPU time (user + system:
 * for the native program as bash's `time` reports it, for the lab as this process's
 * process.cpuUsage(), which also counts V8's compiler and GC threads, to the lab's cost). The
 * slowdown is the ratio of CPU times: on a shared machine wall-clock time mostly measures what
 * else runs; the wall-clock ratio is printed next to it.
 *
 *   npm run bench            all programs, then every section
 *   npm run bench -- fib     only programs whose name contains "fib"
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileProgram, runImage } from '../src-main/vm/run.ts';
import { REPO } from './repo.ts';

const PROGRAMS = join(REPO, 'bench', 'programs');
/** Programs that mostly run the C library (issue 12, item 8): each has its own target. */
const LIBRARY_PROGRAMS = ['qsort', 'strings', 'list'];
/** The engine's target on the other programs: their geometric mean (issue 14). */
const ENGINE_TARGET = 15;
const LIBRARY_TARGET = 50;

interface Row {
  name: string;
  nativeMs: number;
  nativeCpuMs: number;
  labMs: number;
  labCpuMs: number;
  steps: number;
  ratio: number;
  wallRatio: number;
  same: boolean;
}

interface Timed<T> {
  /** wall clock */
  ms: number;
  /** user + system CPU time */
  cpuMs: number;
  value: T;
}

/** Best of `n` runs of `fn` (wall clock and CPU time, each the best), in milliseconds. */
function bestOf<T>(n: number, fn: () => { cpuMs: number; value: T }): Timed<T> {
  let best = Infinity;
  let bestCpu = Infinity;
  let value!: T;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = fn();
    best = Math.min(best, performance.now() - t0);
    bestCpu = Math.min(bestCpu, r.cpuMs);
    value = r.value;
  }
  return { ms: best, cpuMs: bestCpu, value };
}

/** Runs the native program under bash's `time`: its stdout and its user + system CPU time. */
function runNative(exe: string): { cpuMs: number; value: string } {
  const script = `TIMEFORMAT='%3U %3S'; { time "$0" >"$0.out"; } 2>"$0.time"`;
  execFileSync('bash', ['-c', script, exe]);
  const [user, sys] = readFileSync(`${exe}.time`, 'utf8').trim().split(/\s+/).map(Number);
  return { cpuMs: (user + sys) * 1000, value: readFileSync(`${exe}.out`, 'utf8') };
}

/** Runs `fn` in this process: its result and the process's CPU time it took. */
function cpuTimed<T>(fn: () => T): { cpuMs: number; value: T } {
  const before = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(before);
  return { cpuMs: (used.user + used.system) / 1000, value };
}

function benchProgram(file: string, work: string): Row {
  const name = basename(file, '.c');
  const source = readFileSync(file, 'utf8');
  const exe = join(work, name);
  execFileSync('gcc', ['-std=gnu11', '-O0', '-w', '-o', exe, file]);
  const native = bestOf(5, () => runNative(exe));
  const compiled = compileProgram(source, `${name}.c`);
  if (!compiled.image) throw new Error(`${name} does not compile in the lab:\n${JSON.stringify(compiled.diagnostics)}`);
  const image = compiled.image;
  const lab = bestOf(3, () => cpuTimed(() => runImage(image, { maxSteps: 5_000_000_000, maxFrames: 1 << 16 })));
  return {
    name,
    nativeMs: native.ms,
    nativeCpuMs: native.cpuMs,
    labMs: lab.ms,
    labCpuMs: lab.cpuMs,
    steps: lab.value.stats.steps,
    ratio: lab.cpuMs / native.cpuMs,
    wallRatio: lab.ms / native.ms,
    same: lab.value.stdout === native.value,
  };
}

function main(): void {
  const filter = process.argv[2] ?? '';
  const files = readdirSync(PROGRAMS)
    .filter((f) => f.endsWith('.c') && f.includes(filter))
    .map((f) => join(PROGRAMS, f));
  if (files.length === 0) return; // another section was asked for (npm run bench -- kernel)
  const work = mkdtempSync(join(tmpdir(), 'forklab-bench-'));
  const rows: Row[] = [];
  try {
    for (const f of files) {
      const row = benchProgram(f, work);
      rows.push(row);
      console.log(
        `${row.name.padEnd(10)} gcc -O0 cpu ${row.nativeCpuMs.toFixed(0).padStart(5)} ms (wall ${row.nativeMs.toFixed(0).padStart(5)})` +
          `   lab cpu ${row.labCpuMs.toFixed(0).padStart(6)} ms (wall ${row.labMs.toFixed(0).padStart(6)})` +
          `   ${(row.steps / 1e6).toFixed(0).padStart(5)} M steps  ${((row.steps / row.labCpuMs) / 1e3).toFixed(0).padStart(4)} M steps/s` +
          `   ratio ${row.ratio.toFixed(1).padStart(5)}x (wall ${row.wallRatio.toFixed(1)}x)   ${row.same ? 'same output' : 'OUTPUT DIFFERS'}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const engine = rows.filter((r) => !LIBRARY_PROGRAMS.includes(r.name));
  if (engine.length > 0) {
    const geo = Math.exp(engine.reduce((s, r) => s + Math.log(r.ratio), 0) / engine.length);
    const geoWall = Math.exp(engine.reduce((s, r) => s + Math.log(r.wallRatio), 0) / engine.length);
    console.log(`\ngeometric mean slowdown vs gcc -O0 of ${engine.map((r) => r.name).join(', ')} (CPU time): ${geo.toFixed(1)}x (target <= ${ENGINE_TARGET}x); wall clock ${geoWall.toFixed(1)}x`);
  }
  for (const r of rows.filter((row) => LIBRARY_PROGRAMS.includes(row.name))) {
    console.log(`${r.name}: ${r.ratio.toFixed(1)}x gcc -O0 (CPU time; target <= ${LIBRARY_TARGET}x): ${r.ratio <= LIBRARY_TARGET ? 'met' : 'NOT met'}`);
  }
  if (rows.some((r) => !r.same)) process.exitCode = 1;
}

main();
if ('renderer'.includes(process.argv[2] ?? '')) await (await import('./renderer.ts')).benchRenderer();
if ('kernel'.includes(process.argv[2] ?? '') && !(await import('./kernel.ts')).benchKernel()) process.exitCode = 1;
if ('explore'.includes(process.argv[2] ?? '') && !(await import('./explore.ts')).benchExplore()) process.exitCode = 1;
if ('grade'.includes(process.argv[2] ?? '') && !(await import('./grade.ts')).benchGrade()) process.exitCode = 1;
if ('startup'.includes(process.argv[2] ?? '') && !(await import('./startup.ts')).benchStartup()) process.exitCode = 1;
if ('inspect'.includes(process.argv[2] ?? '') && !(await import('./inspect.ts')).benchInspect()) process.exitCode = 1;
if ('children'.includes(process.argv[2] ?? '') && !(await import('./children.ts')).benchChildren()) process.exitCode = 1;
if ('memcheck'.includes(process.argv[2] ?? '') && !(await import('./memcheck.ts')).benchMemcheck()) process.exitCode = 1;

/**
 * `npm run bench -- grade`: grading throughput (issue #5). 200 submissions made from the built-in
 * pack's own programs (each exercise's solution, starter and wrong submissions, in turn), one
 * student folder each, graded by `forklab grade` as an instructor runs it (worker threads, one
 * per core), against the target of 60 s on 2 cores. Also checks that every submission got a row
 * in the summary.
 */
import { execFileSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO } from './repo.ts';

const ROOT = REPO;
const PACK = join(ROOT, 'exercises', 'process-basics');
const SUBMISSIONS = 200;
const TARGET_MS = 60_000;

/** Every program of the pack as [exercise id, file]: solutions, starters and wrong submissions. */
function packPrograms(): [string, string][] {
  const out: [string, string][] = [];
  for (const id of readdirSync(PACK).sort()) {
    const dir = join(PACK, id);
    // questions (kind: possible-outputs) have no programs to submit
    if (!existsSync(join(dir, 'exercise.yaml')) || !existsSync(join(dir, 'solution.c'))) continue;
    out.push([id, join(dir, 'solution.c')], [id, join(dir, 'starter.c')]);
    const wrong = join(dir, 'wrong');
    if (existsSync(wrong)) for (const f of readdirSync(wrong).sort()) out.push([id, join(wrong, f)]);
  }
  return out;
}

/** Writes SUBMISSIONS student folders, each holding one EXERCISE-ID.c; returns the folder. */
function makeSubmissions(root: string): string {
  const programs = packPrograms();
  const dir = join(root, 'submissions');
  for (let i = 0; i < SUBMISSIONS; i++) {
    const [id, file] = programs[i % programs.length];
    const student = join(dir, `student${String(i + 1).padStart(3, '0')}`);
    mkdirSync(student, { recursive: true });
    copyFileSync(file, join(student, `${id}.c`));
  }
  return dir;
}

/** Grades the submissions with the CLI; prints the time against the target. Returns true when met. */
export function benchGrade(): boolean {
  const root = mkdtempSync(join(tmpdir(), 'forklab-bench-grade-'));
  try {
    const submissions = makeSubmissions(root);
    const out = join(root, 'results');
    const jobs = String(cpus().length);
    const t0 = performance.now();
    execFileSync(process.execPath, [join(ROOT, 'bin', 'forklab.mjs'), 'grade', '--pack', PACK, submissions, '--out', out, '--format', 'csv', '--jobs', jobs], { stdio: ['ignore', 'ignore', 'inherit'] });
    const ms = performance.now() - t0;
    const rows = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split('\n').length - 1;
    const met = ms < TARGET_MS && rows === SUBMISSIONS;
    console.log(`\ngrading: ${SUBMISSIONS} submissions of the built-in pack, ${jobs} worker threads`);
    console.log(`  ${(ms / 1000).toFixed(1)} s in all (${(ms / SUBMISSIONS).toFixed(0)} ms per submission), target < ${TARGET_MS / 1000} s: ${met ? 'met' : 'NOT met'}; ${rows} rows in summary.csv`);
    return met;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

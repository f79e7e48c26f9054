/**
 * `npm run bench -- startup`: what `forklab run hello.c` costs from the shell, against
 * `gcc -O0 hello.c && ./a.out` measured in the same run (issue #14). Both are started the same
 * way (bash's `time` around a command), alternately, ROUNDS times each; medians of wall-clock and
 * CPU time (user + system, children included). Targets: at most 0.25 s wall and at most 5x gcc.
 * The built command line (out/node, scripts/build-node.mjs) is built first if a source changed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './repo.ts';

const HELLO = '#include <stdio.h>\nint main(void) {\n    printf("hello, world\\n");\n    return 0;\n}\n';
const ROUNDS = 15;
const TARGET_WALL_S = 0.25;
const TARGET_RATIO = 5;

interface Timing {
  wall: number;
  cpu: number;
}

/** Runs `command` (a bash command line) under bash's `time`; seconds of wall-clock and CPU time. */
function timed(command: string, cwd: string): Timing {
  const script = `TIMEFORMAT='%3R %3U %3S'; { time ${command} >/dev/null; } 2>"${join(cwd, 'time.txt')}"`;
  execFileSync('bash', ['-c', script], { cwd });
  const [wall, user, sys] = readFileSync(join(cwd, 'time.txt'), 'utf8').trim().split(/\s+/).map(Number);
  return { wall, cpu: user + sys };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Prints the medians against the targets; true when both are met. */
export function benchStartup(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'forklab-bench-startup-'));
  try {
    writeFileSync(join(dir, 'hello.c'), HELLO);
    const forklab = `"${process.execPath}" "${join(REPO, 'bin', 'forklab.mjs')}" run hello.c`;
    const gcc = 'gcc -O0 -w -o a.out hello.c && ./a.out';
    // once each first: the build check, the page cache, gcc's own files
    timed(forklab, dir);
    timed(gcc, dir);
    const lab: Timing[] = [];
    const native: Timing[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      lab.push(timed(forklab, dir));
      native.push(timed(gcc, dir));
    }
    const labWall = median(lab.map((t) => t.wall));
    const gccWall = median(native.map((t) => t.wall));
    const ratio = labWall / gccWall;
    const met = labWall <= TARGET_WALL_S && ratio <= TARGET_RATIO;
    console.log(`\nstartup: forklab run hello.c against gcc -O0 hello.c && ./a.out, medians of ${ROUNDS}, same run`);
    console.log(`  forklab run  wall ${labWall.toFixed(3)} s   cpu ${median(lab.map((t) => t.cpu)).toFixed(3)} s`);
    console.log(`  gcc + a.out  wall ${gccWall.toFixed(3)} s   cpu ${median(native.map((t) => t.cpu)).toFixed(3)} s`);
    console.log(`  ratio ${ratio.toFixed(1)}x (target <= ${TARGET_RATIO}x), wall target <= ${TARGET_WALL_S} s: ${met ? 'met' : 'NOT met'}`);
    return met;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

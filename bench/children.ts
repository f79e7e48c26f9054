/**
 * `npm run bench -- children`: a run with many processes under `forklab run` (issue #14): a parent
 * forks N children one after the other, each touching 64 pages of its own, for N = 1,000 and
 * 3,000. Reports the host's peak memory (VmHWM of the `forklab` process) and the time; targets:
 * at most 150 MB at 1,000 children, and the time linear in N (3,000 at most 3.3x 1,000). Each is
 * the median of ROUNDS runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO } from './repo.ts';

const KIDS = String.raw`#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char **argv) {
    int n = atoi(argv[1]);
    int pages = 64;
    char *heap = malloc(pages * 4096);
    for (int k = 0; k < n; k++) {
        pid_t pid = fork();
        if (pid == 0) {
            for (int i = 0; i < pages; i++) heap[i * 4096] = (char)k;
            _exit(0);
        }
        waitpid(pid, NULL, 0);
    }
    printf("%d children\n", n);
    return 0;
}
`;
/** Loaded into the measured process: writes its peak resident memory (kB) to $RSS_FILE at exit. */
const REPORT_RSS = `process.on('exit', () => {
  const hwm = /VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'));
  require('fs').writeFileSync(process.env.RSS_FILE, hwm ? hwm[1] : '0');
});\n`;
const ROUNDS = 3;
const TARGET_MB = 150;
const TARGET_LINEAR = 3.3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** Runs the program with N children through the built `forklab run`: seconds and peak MB, medians. */
function measure(dir: string, n: number): { seconds: number; mb: number } {
  const seconds: number[] = [];
  const mb: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const rssFile = join(dir, 'rss.txt');
    const t0 = performance.now();
    const out = execFileSync(process.execPath, ['--require', join(dir, 'rss.cjs'), join(REPO, 'bin', 'forklab.mjs'), 'run', join(dir, 'kids.c'), '--', String(n)], {
      env: { ...process.env, RSS_FILE: rssFile },
      encoding: 'utf8',
    });
    seconds.push((performance.now() - t0) / 1000);
    if (out !== `${n} children\n`) throw new Error(`unexpected output: ${out}`);
    mb.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  return { seconds: median(seconds), mb: median(mb) };
}

/** Prints memory and time for 1,000 and 3,000 children; true when both targets are met. */
export function benchChildren(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'forklab-bench-children-'));
  try {
    writeFileSync(join(dir, 'kids.c'), KIDS);
    writeFileSync(join(dir, 'rss.cjs'), REPORT_RSS);
    measure(dir, 10); // the build check, the page cache
    const one = measure(dir, 1000);
    const three = measure(dir, 3000);
    const ratio = three.seconds / one.seconds;
    const met = one.mb <= TARGET_MB && ratio <= TARGET_LINEAR;
    console.log(`\nchildren: forklab run of a program forking N children that touch 64 pages each (medians of ${ROUNDS})`);
    console.log(`  1,000 children: ${one.seconds.toFixed(2)} s, peak ${one.mb.toFixed(0)} MB (target <= ${TARGET_MB} MB)`);
    console.log(`  3,000 children: ${three.seconds.toFixed(2)} s, peak ${three.mb.toFixed(0)} MB; ${ratio.toFixed(2)}x the time of 1,000 (target <= ${TARGET_LINEAR}x): ${met ? 'met' : 'NOT met'}`);
    return met;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Hostile class folders (issue 15, item 5): a broken link, a link to a file outside the folder,
 * a named pipe, a huge file, a name that is a spreadsheet formula, a submission that never ends.
 * Each is skipped with its reason or graded with a clear result; everyone else is graded, the
 * results and the summary are written whole, and nothing outside the class folder is read.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSubmissions } from '../../src-main/cli/submissions.ts';
import { csvField } from '../../src-main/cli/grade-results.ts';
import { loadPack } from '../../src-main/packs/load.ts';
import { SOLUTION, tinyPack } from '../packs/tiny-pack.ts';
import { elapsed } from './bounds.ts';

const BIN = join(import.meta.dirname, '../../bin/forklab.mjs');
const pack = loadPack(tinyPack()).pack!;
const SECRET = 'hunter2-the-secret-word';
/** A program that needs minutes of the lab's time within its step budget (fork and wait are slow steps). */
const SLOW = '#include <unistd.h>\n#include <sys/wait.h>\nint main(void) { for (;;) { pid_t p = fork(); if (p == 0) _exit(0); waitpid(p, 0, 0); } }\n';

/** A class folder with one good submission and one of every hostile kind. */
function hostileClass(): { dir: string; classDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'forklab-hostile-class-'));
  const classDir = join(dir, 'class');
  mkdirSync(join(classDir, 'ann'), { recursive: true });
  writeFileSync(join(classDir, 'ann', 'hello-fork.c'), SOLUTION);
  writeFileSync(join(dir, 'secret.txt'), `${SECRET} and more\n`);
  symlinkSync(join(dir, 'secret.txt'), join(classDir, 'leak.c'));
  mkdirSync(join(classDir, 'eve'));
  symlinkSync(join(dir, 'secret.txt'), join(classDir, 'eve', 'hello-fork.c'));
  symlinkSync(join(dir, 'nowhere.c'), join(classDir, 'dangling.c'));
  spawnSync('mkfifo', [join(classDir, 'pipe.c')]);
  writeFileSync(join(classDir, 'huge.c'), Buffer.alloc(2 * 1024 * 1024, 0x20));
  writeFileSync(join(classDir, '=HYPERLINK("http-evil","x").c'), SOLUTION);
  writeFileSync(join(classDir, 'slow.c'), SLOW);
  symlinkSync(join(classDir, 'ann', 'hello-fork.c'), join(classDir, 'twin.c'));
  return { dir, classDir };
}

describe('a hostile class folder', () => {
  it('lists every skipped entry with its reason and never follows a link out of the folder', async () => {
    const { classDir } = hostileClass();
    const { submissions: found, skipped } = await findSubmissions([classDir], pack, null);
    const reasons = Object.fromEntries(skipped.map((s) => [s.path.slice(classDir.length + 1), s.reason]));
    expect(reasons).toEqual({
      'dangling.c': 'a broken symbolic link (it points to nothing)',
      'eve/hello-fork.c': 'a symbolic link to something outside the class folder',
      'huge.c': 'too large for a C program (2097152 bytes; at most 1048576)',
      'leak.c': 'a symbolic link to something outside the class folder',
      'pipe.c': 'a named pipe (FIFO), not a file',
    });
    expect(found.map((s) => s.student).sort()).toEqual(['=HYPERLINK("http-evil","x")', 'ann', 'slow', 'twin']);
    // a link inside the class folder is read as its target
    expect(found.find((s) => s.student === 'twin')!.path).toBe(join(classDir, 'ann', 'hello-fork.c'));
  });

  it('forklab grade grades everyone else, times out the slow one, writes atomically and leaks nothing', { timeout: 120_000 }, () => {
    const { dir, classDir } = hostileClass();
    for (const [name, data] of Object.entries(tinyPack())) {
      mkdirSync(join(dir, 'pack', name, '..'), { recursive: true });
      writeFileSync(join(dir, 'pack', name), data);
    }
    const t = elapsed();
    const r = spawnSync(process.execPath, [BIN, 'grade', '--pack', 'pack', 'class', '--format', 'csv', '--out', 'out', '--time-limit', '4'], { cwd: dir, encoding: 'utf8', timeout: 100_000 });
    expect(r.status).toBe(0);
    expect(t()).toBeLessThan(60_000);
    expect(r.stderr).toContain(`forklab: skipped class/leak.c: a symbolic link to something outside the class folder`);
    expect(r.stderr).toContain(`forklab: skipped class/dangling.c: a broken symbolic link (it points to nothing)`);
    expect(r.stderr).toContain(`forklab: skipped class/pipe.c: a named pipe (FIFO), not a file`);
    expect(r.stdout).toContain('ann\thello-fork\t5/5\n');
    expect(r.stdout).toContain("slow\thello-fork\t0/5\t(timed out: grading it took longer than 4 s, the time limit)\n");
    const everything = readdirSync(join(dir, 'out'), { recursive: true, encoding: 'utf8' })
      .map((f) => { try { return readFileSync(join(dir, 'out', f), 'utf8'); } catch { return ''; } }).join('\n');
    expect(everything).not.toContain('hunter2');
    expect(`${r.stdout}${r.stderr}`).not.toContain('hunter2');
    expect(readdirSync(join(dir, 'out')).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
    const summary = readFileSync(join(dir, 'out', 'summary.csv'), 'utf8');
    expect(summary).toContain(`"'=HYPERLINK(""http-evil"",""x"")",5,5,5,`);
    expect(summary).toMatch(/\nslow,0,0,5,,"hello-fork: not graded: timed out/);
    expect(readFileSync(join(dir, 'out', 'submissions.csv'), 'utf8')).toMatch(/\nslow,hello-fork,0,5,0,false,/);
    expect(readFileSync(join(dir, 'out', 'slow', 'hello-fork.csv'), 'utf8')).toContain('(not graded),error,0,5,,,"timed out: grading it took longer than 4 s, the time limit"');
  });

  it('neutralises every spreadsheet formula prefix in CSV cells', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', 'plain', '-'].map(csvField)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", 'plain', "'-"]);
    expect(csvField(-1)).toBe('-1');
  });
});

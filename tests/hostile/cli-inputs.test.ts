/**
 * Hostile files named on the command line (issue 15, attacked again): `forklab run --file
 * in=FIFO` waited for ever, `--file in=/dev/zero` grew to 3.2 GB, `pack validate` of a device or
 * a named pipe was an internal error, and the Gradescope/PrairieLearn autograder followed a
 * student's symbolic link out of the submission (its first word came back in "does not compile")
 * and graded nobody when a link was broken. Each is now a clear refusal or a note, bounded in time.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError, readInputFile } from '../../src-main/cli/read-input.ts';
import { readPackFromDisk } from '../../src-main/cli/pack-disk.ts';
import { elapsed } from './bounds.ts';

const BIN = join(import.meta.dirname, '../../bin/forklab.mjs');
const PACK = join(import.meta.dirname, '../../exercises/process-basics');
const dir = mkdtempSync(join(tmpdir(), 'forklab-hostile-inputs-'));
const FIFO = join(dir, 'pipe');
spawnSync('mkfifo', [FIFO]);
const PROGRAM = join(dir, 'count.c');
writeFileSync(PROGRAM, '#include <stdio.h>\nint main(void) { FILE *f = fopen("in", "r"); int n = 0; while (f && fgetc(f) != EOF) n++; printf("%d bytes\\n", n); return 0; }\n');

/** `forklab ARGS`: its exit status and what it wrote, within 60 s (a hang fails the test). */
function forklab(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('files named on the command line', () => {
  it.each([
    [FIFO, 'it is a named pipe (FIFO), not a file'],
    ['/dev/zero', 'it is a device, not a file'],
    ['/dev/urandom', 'it is a device, not a file'],
    [dir, 'it is a folder, not a file'],
    [join(dir, 'nothing'), 'there is no such file'],
  ])('%s is refused at once: %s', (path, reason) => {
    const t = elapsed();
    expect(() => readInputFile(path, 1024)).toThrow(new InputFileError(path, reason));
    expect(t()).toBeLessThan(1000);
  });

  it('a file larger than the limit is refused after reading one byte past it, whatever its size says', () => {
    const big = join(dir, 'big');
    writeFileSync(big, Buffer.alloc(5000, 0x41));
    expect(readInputFile(big, 5000).length).toBe(5000);
    expect(() => readInputFile(big, 4999)).toThrow('it is larger than 4,999 bytes, the most the lab takes');
    // /proc's files say their size is 0: read up to the limit, never whole
    expect(() => readInputFile('/proc/self/maps', 10)).toThrow(/larger than 10 bytes/);
  });

  it('forklab run --file in=FIFO and --file in=/dev/zero are usage errors in seconds (they hung, or grew to 3.2 GB)', () => {
    const t = elapsed();
    const fifo = forklab('run', PROGRAM, '--file', `in=${FIFO}`);
    expect(fifo.status).toBe(2);
    expect(fifo.stderr).toContain(`--file in=${FIFO}: cannot read ${FIFO}: it is a named pipe (FIFO), not a file`);
    const zero = forklab('run', PROGRAM, '--file', 'in=/dev/zero', '--stdin-file', '/dev/zero');
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain('cannot read /dev/zero: it is a device, not a file');
    const source = forklab('run', '/dev/zero');
    expect(source).toMatchObject({ status: 1, stderr: 'forklab: cannot read /dev/zero: it is a device, not a file\n' });
    const why = forklab('explore', PROGRAM, '--why-file', FIFO);
    expect(why.status).toBe(2);
    expect(why.stderr).toContain('it is a named pipe (FIFO), not a file');
    expect(t()).toBeLessThan(40_000);
  });

  it('pack validate of a device, a named pipe, or a folder holding one is a clear error, not an internal one', () => {
    for (const path of ['/dev/zero', FIFO]) {
      expect(readPackFromDisk(path).errors).toEqual([{ file: path, line: 0, field: '', message: expect.stringMatching(/^not a pack: a pack is a folder or a \.zip file/) }]);
    }
    const pack = join(dir, 'pack');
    mkdirSync(pack);
    writeFileSync(join(pack, 'pack.yaml'), 'id: x\n');
    spawnSync('mkfifo', [join(pack, 'prompt.md')]);
    expect(readPackFromDisk(pack).errors).toEqual([{ file: 'prompt.md', line: 0, field: '', message: 'refused: not a regular file (a named pipe, a device or a socket)' }]);
    const cli = forklab('pack', 'validate', FIFO);
    expect(cli.stdout + cli.stderr).not.toMatch(/internal error/);
    expect(cli.stdout + cli.stderr).toContain('not a pack');
  });
});

describe('a hostile submission to the Gradescope and PrairieLearn autograder', () => {
  it('a link out of the submission, a broken link and a named pipe are notes; nothing outside is read; the rest is graded', { timeout: 120_000 }, () => {
    const secret = 'hunter2-sealed-expected-output';
    const root = mkdtempSync(join(tmpdir(), 'forklab-hostile-autograde-'));
    const sub = join(root, 'submission');
    mkdirSync(sub);
    writeFileSync(join(root, 'secret.txt'), `${secret} more\n`);
    symlinkSync(join(root, 'secret.txt'), join(sub, 'fork-returns.c'));
    symlinkSync(join(root, 'nowhere.c'), join(sub, 'fork-loop.c'));
    spawnSync('mkfifo', [join(sub, 'fork-chain.c')]);
    writeFileSync(join(sub, 'wait-status.c'), 'int main(void) { return 0; }\n');
    const t = elapsed();
    for (const platform of ['gradescope', 'prairielearn']) {
      const results = join(root, `${platform}.json`);
      const r = forklab('autograde', '--platform', platform, '--pack', PACK, '--submission', sub, '--results', results);
      expect(r.status).toBe(0);
      const text = readFileSync(results, 'utf8');
      expect(text).not.toContain('hunter2');
      expect(text).toContain('fork-returns.c was not read: a symbolic link to something outside the submission');
      expect(text).toContain('fork-loop.c was not read: a broken symbolic link (it points to nothing)');
      expect(text).toContain('fork-chain.c was not read: a named pipe (FIFO), not a file');
      // the one real file was graded (it compiles)
      expect(text).toMatch(/wait-status: [1-9]\d* of \d+ points/);
    }
    expect(t()).toBeLessThan(100_000);
  });
});

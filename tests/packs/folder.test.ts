/**
 * The CLI's door to a pack folder: a symbolic link inside the folder is followed, one that leads
 * out is refused; dot files are skipped.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPackFolder, readPackFromDisk } from '../../src-main/cli/pack.ts';
import { tinyPack } from './tiny-pack.ts';

function writePack(dir: string): void {
  for (const [name, data] of Object.entries(tinyPack())) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
}

describe('readPackFolder', () => {
  it('reads a folder, skipping dot files, and follows links that stay inside', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forklab-pack-'));
    writePack(dir);
    writeFileSync(join(dir, '.DS_Store'), 'x');
    symlinkSync(join(dir, 'hello-fork', 'solution.c'), join(dir, 'hello-fork', 'copy.c'));
    const { files, errors } = readPackFolder(dir);
    expect(errors).toEqual([]);
    expect(Object.keys(files)).not.toContain('.DS_Store');
    expect(new TextDecoder().decode(files['hello-fork/copy.c'])).toContain('wait(NULL)');
  });

  it('refuses a symbolic link that leads out of the folder', () => {
    const outside = mkdtempSync(join(tmpdir(), 'forklab-secret-'));
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    const dir = mkdtempSync(join(tmpdir(), 'forklab-pack-'));
    writePack(dir);
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'hello-fork', 'prompt2.md'));
    const { files, errors } = readPackFolder(dir);
    expect(files).toEqual({});
    expect(errors).toEqual([{ file: 'hello-fork/prompt2.md', line: 0, field: '', message: 'refused: a symbolic link that leads out of the pack folder' }]);
  });

  it('says when the path does not exist', () => {
    expect(readPackFromDisk('/nonexistent/forklab-pack').errors[0].message).toBe('no such file or folder');
  });
});

// NodeStorage: atomic replace on disk, files moved aside never overwritten, and a save killed at
// random moments (SIGKILL of a child process saving in a loop) never leaves a broken file.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NodeStorage } from '../../src-main/host/node-storage.ts';
import { readPackFolder, readPackFolders } from '../../src-main/host/pack-folder.ts';
import { parseProgress, PROGRESS_FILE } from '../../src-main/service/progress.ts';

const root = mkdtempSync(join(tmpdir(), 'forklab-storage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('NodeStorage', () => {
  it('writes, reads, lists, moves aside and removes', async () => {
    const s = new NodeStorage(join(root, 'a'));
    expect(await s.read('x.json')).toBeNull();
    expect(await s.list('packs')).toEqual([]);
    await s.writeAtomic('x.json', '{"v":1}');
    await s.writeAtomic('x.json', '{"v":2}');
    await s.writeAtomic('packs/p.zip', new Uint8Array([1, 2, 3]));
    expect(new TextDecoder().decode((await s.read('x.json'))!)).toBe('{"v":2}');
    expect(await s.list('packs')).toEqual(['p.zip']);
    const kept1 = await s.moveAside('x.json', 'damaged');
    await s.writeAtomic('x.json', 'again');
    const kept2 = await s.moveAside('x.json', 'damaged');
    expect(kept1).toBe('x.damaged.json');
    expect(kept2).toBe('x.damaged-1.json');
    expect(readFileSync(s.pathOf(kept1), 'utf8')).toBe('{"v":2}');
    expect(readdirSync(join(root, 'a')).sort()).toEqual(['packs', 'x.damaged-1.json', 'x.damaged.json']);
    expect(await s.remove('packs/p.zip')).toBe(true);
    expect(await s.remove('packs/p.zip')).toBe(false);
  });

  it('refuses names that leave its folder', async () => {
    const s = new NodeStorage(join(root, 'b'));
    for (const bad of ['../x', '/etc/passwd', 'a/../../x', 'a\\b', '']) {
      await expect(s.writeAtomic(bad, 'x')).rejects.toThrow(/not a storage name/);
    }
  });

  it('never leaves a broken progress file when the saving process is killed mid-save', async () => {
    const folder = join(root, 'killed');
    const script = join(root, 'saver.mts');
    writeFileSync(
      script,
      `import { NodeStorage } from ${JSON.stringify(new URL('../../src-main/host/node-storage.ts', import.meta.url).pathname)};
const s = new NodeStorage(${JSON.stringify(folder)});
const big = 'x'.repeat(200000);
for (let i = 0; ; i++) {
  await s.writeAtomic('progress.json', JSON.stringify({ version: 1, exercises: { ['p/e' + i]: { status: 'attempted', bestScore: 0.5, attempts: i, failedAttempts: i, draft: big } } }));
  if (i === 0) process.stdout.write('saved\\n');
}
`,
    );
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`the saver exited (${code}) before saving`)));
      });
      await new Promise((r) => setTimeout(r, 20 + round * 37));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const text = readFileSync(join(folder, PROGRESS_FILE), 'utf8');
      const parsed = parseProgress(text);
      expect(typeof parsed).toBe('object');
    }
    // what killed saves left behind is swept (recent temporaries only with minAge 0), never the file
    const storage = new NodeStorage(folder);
    const temps = readdirSync(folder).filter((n) => n.startsWith('.tmp-'));
    expect(await storage.sweepTemporaryFiles([], 60_000)).toBe(0);
    expect(await storage.sweepTemporaryFiles([], 0)).toBe(temps.length);
    expect(readdirSync(folder)).toEqual([PROGRESS_FILE]);
  }, 60_000);
});

describe('pack folders', () => {
  it('reads a folder of pack folders, skipping folders without pack.yaml', async () => {
    const packs = join(root, 'packs');
    writeFileSync(join(root, 'outside.txt'), 'secret');
    for (const [path, text] of [['one/pack.yaml', 'id: one'], ['one/ex/exercise.yaml', 'id: ex'], ['notapack/readme', 'x']]) {
      const full = join(packs, path);
      await import('node:fs/promises').then((fs) => fs.mkdir(join(full, '..'), { recursive: true }));
      writeFileSync(full, text);
    }
    await import('node:fs/promises').then((fs) => fs.symlink(join(root, 'outside.txt'), join(packs, 'one', 'link.txt')));
    const all = await readPackFolders(packs);
    expect(all).toHaveLength(1);
    expect(Object.keys(all[0]).sort()).toEqual(['ex/exercise.yaml', 'pack.yaml']);
    expect(Object.keys(await readPackFolder(join(packs, 'notapack')))).toEqual(['readme']);
    expect(await readPackFolders(join(root, 'missing'))).toEqual([]);
  });
});

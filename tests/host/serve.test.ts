// `npm run serve` as a process: prints its loopback URL, serves the page and the API, and stops
// cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'forklab-serve-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run serve', () => {
  it('starts on 127.0.0.1, answers, and stops on SIGTERM', async () => {
    mkdirSync(join(root, 'renderer'));
    writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>served</title>');
    const child = spawn(process.execPath, ['bin/serve.mjs', '--port', '0', '--data', join(root, 'data'), '--renderer', join(root, 'renderer')], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /ForkLab is at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
      });
      const page = await fetch(url);
      expect(await page.text()).toContain('served');
      expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      const run = await fetch(`${url}api/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ source: '#include <stdio.h>\nint main(void) { puts("over http"); return 0; }\n' }]),
      });
      expect(((await run.json()) as { stdout: string }).stdout).toBe('over http\n');
      const packs = (await (await fetch(`${url}api/listPacks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' })).json()) as { id: string }[];
      expect(packs.map((p) => p.id)).toContain('process-basics');
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  }, 60_000);
});

/**
 * Saved progress that cannot be read is kept aside and the student is told where: a host started
 * here on a data folder whose progress.json is damaged, and the notice the lab shows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { test } from './lab-page.ts';

const REPO = join(import.meta.dirname, '../..');

function startHost(data: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['bin/serve.mjs', '--port', '0', '--data', data], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolve({ url: m[0], child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the host exited (${code}): ${out}`)));
  });
}

test('a damaged progress file is kept aside and reported', async ({ page }) => {
  const data = mkdtempSync(join(tmpdir(), 'forklab-e2e-progress-'));
  const damaged = '{"version": 1, "exercises": {"fork-ret';
  writeFileSync(join(data, 'progress.json'), damaged);
  const host = await startHost(data);
  try {
    await page.goto(host.url);
    const notice = page.getByTestId('progress-notice');
    await expect(notice).toBeVisible();
    const keptAs = (await notice.locator('.mono').textContent())!;
    expect(keptAs).not.toBe('');
    // the damaged bytes are still there, under the name the notice gives
    const aside = readdirSync(data).filter((f) => f !== 'progress.json' && f.includes('progress'));
    expect(aside.length).toBe(1);
    expect(keptAs).toContain(aside[0]);
    expect(readFileSync(join(data, aside[0]!), 'utf8')).toBe(damaged);
    await notice.getByRole('button', { name: 'OK' }).click();
    await expect(notice).toHaveCount(0);
  } finally {
    host.child.kill('SIGTERM');
    if (existsSync(data)) rmSync(data, { recursive: true, force: true });
  }
});

// app://lab/ serves the built renderer with the CSP, and nothing else.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appProtocolResponse } from '../../src-main/app/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../src-main/host/static-files.ts';

const root = mkdtempSync(join(tmpdir(), 'forklab-app-'));
const renderer = join(root, 'renderer');
mkdirSync(join(renderer, 'assets'), { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>lab</title>');
writeFileSync(join(renderer, 'assets', 'a.css'), 'body{}');
writeFileSync(join(root, 'private.txt'), 'private');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('serves the page and its assets with the CSP', async () => {
    const page = await appProtocolResponse(renderer, 'app://lab/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>lab</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const css = await appProtocolResponse(renderer, 'app://lab/assets/a.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect((await appProtocolResponse(renderer, 'app://lab/')).status).toBe(200);
  });

  it('refuses other hosts, other methods, missing files and escapes', async () => {
    expect((await appProtocolResponse(renderer, 'app://other/index.html')).status).toBe(404);
    expect((await appProtocolResponse(renderer, 'app://lab/index.html', 'POST')).status).toBe(405);
    expect((await appProtocolResponse(renderer, 'app://lab/nothing.js')).status).toBe(404);
    for (const url of ['app://lab/../private.txt', 'app://lab/%2e%2e/private.txt', 'app://lab/assets/..%2F..%2Fprivate.txt']) {
      const reply = await appProtocolResponse(renderer, url);
      expect(await reply.text()).not.toContain('private');
    }
  });
});

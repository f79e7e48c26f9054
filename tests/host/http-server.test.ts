// The browser host over real loopback HTTP: files with the CSP, LabApi routes (only those),
// refused Host / Origin (DNS rebinding, other sites), limits, errors as JSON, and a run through
// the renderer's own HTTP client against the real Node service with its worker pool.
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabServer, listenLoopback, MAX_BODY_BYTES } from '../../src-main/host/http-server.ts';
import { createNodeLabService } from '../../src-main/host/create-service.ts';
import { builtFile } from '../../src-main/host/built.ts';
import { CONTENT_SECURITY_POLICY, staticPath } from '../../src-main/host/static-files.ts';
import { parseServeArgs, DEFAULT_PORT } from '../../src-main/host/serve-args.ts';
import { LAB_API_METHODS } from '../../src-main/service/contract.ts';
import type { LabService } from '../../src-main/service/lab-service.ts';
import { createHttpLab } from '../../src-renderer/src/lab/http-client.ts';

const root = mkdtempSync(join(tmpdir(), 'forklab-host-'));
const rendererDir = join(root, 'renderer');
let server: Server;
let service: LabService;
let port = 0;

beforeAll(async () => {
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ForkLab</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  service = await createNodeLabService({ userDataDir: join(root, 'data'), builtinPacksDir: join(root, 'none'), workerFile: builtFile('worker.mjs') });
  server = createLabServer({ api: service, rendererDir });
  port = await listenLoopback(server, 0);
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw request, with exactly the headers given (Host included). */
function raw(method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const host = () => ({ Host: `127.0.0.1:${port}` });
const api = (method: string, args: unknown[], extra: Record<string, string> = {}) =>
  raw('POST', `/api/${method}`, { ...host(), 'Content-Type': 'application/json', ...extra }, JSON.stringify(args));

describe('browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('serves the renderer with the strict CSP and security headers', async () => {
    const index = await raw('GET', '/', host());
    expect(index.status).toBe(200);
    expect(index.body).toContain('ForkLab');
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['x-frame-options']).toBe('DENY');
    const js = await raw('GET', '/assets/app.js', { Host: `localhost:${port}` });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect((await raw('GET', '/missing.js', host())).status).toBe(404);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const reply = await raw('GET', path, host());
      expect([400, 404]).toContain(reply.status);
      expect(reply.body).not.toContain('do not serve');
    }
    expect(staticPath('/r', '/a/../../x')).toBeNull();
    expect(staticPath('/r', '/')).toBe('/r/index.html');
  });

  it('refuses a foreign Host (DNS rebinding) and cross-origin requests', async () => {
    const rebound = await raw('GET', '/', { Host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error).toMatch(/Host/);
    expect((await raw('GET', '/', { Host: `127.0.0.1:${port + 1}` })).status).toBe(403);
    // no Host at all: Node's HTTP/1.1 parser refuses it before we see it
    expect([400, 403]).toContain((await raw('GET', '/', {})).status);
    const crossOrigin = await api('loadScratch', [], { Origin: 'http://evil.example' });
    expect(crossOrigin.status).toBe(403);
    expect((await api('loadScratch', [], { Origin: `http://localhost:${port + 1}` })).status).toBe(403);
    expect((await api('loadScratch', [], { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await api('loadScratch', [], { Origin: `http://127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('routes exactly the LabApi methods', async () => {
    for (const name of ['nothing', 'constructor', 'start', 'close', '__proto__', 'toString']) {
      const reply = await api(name, []);
      expect(reply.status).toBe(404);
      expect(JSON.parse(reply.body).error).toMatch(/no such method/);
    }
    expect((await raw('GET', '/api/run', host())).status).toBe(405);
    for (const method of LAB_API_METHODS) expect((await raw('GET', `/api/${method}`, host())).status).toBe(405);
  });

  it('answers bad requests with JSON errors and keeps serving', async () => {
    expect((await raw('POST', '/api/run', { ...host(), 'Content-Type': 'text/plain' }, '[]')).status).toBe(415);
    expect((await raw('POST', '/api/run', { ...host(), 'Content-Type': 'application/json' }, '{nope')).status).toBe(400);
    expect((await raw('POST', '/api/run', { ...host(), 'Content-Type': 'application/json' }, '{"a":1}')).status).toBe(400);
    const tooBig = await raw('POST', '/api/saveScratch', { ...host(), 'Content-Type': 'application/json', 'Content-Length': String(MAX_BODY_BYTES + 1) }, '');
    expect(tooBig.status).toBe(413);
    const failing = await api('openExercise', ['no-such-pack', 'x']);
    expect(failing.status).toBe(404);
    expect(JSON.parse(failing.body).error).toMatch(/no pack "no-such-pack"/);
    expect((await raw('GET', '/', host())).status).toBe(200);
  });

  it('runs a program over HTTP through the renderer\'s client, and saves the scratch program', async () => {
    const lab = createHttpLab(`http://127.0.0.1:${port}`);
    const source = '#include <stdio.h>\n#include <unistd.h>\nint main(void) { fork(); printf("x\\n"); return 0; }\n';
    const view = await lab.run({ source });
    expect(view.stdout).toBe('x\nx\n');
    expect(view.stats.forks).toBe(1);
    expect(view.trace.length).toBeGreaterThan(0);
    expect(await lab.diagnose('int main(void) { return z; }')).toMatchObject([{ severity: 'error', line: 1 }]);
    await lab.saveScratch(source);
    expect(await lab.loadScratch()).toBe(source);
    await expect(lab.openExercise('nope', 'x')).rejects.toThrow(/no pack "nope"/);
    expect(await lab.cancel('no-such-job')).toBe(false);
  });

  it('cancels a run over HTTP', async () => {
    const lab = createHttpLab(`http://127.0.0.1:${port}`);
    const running = lab.run({ source: 'int main(void) { for (;;) ; }', jobId: 'http-loop', options: { maxSteps: 2_000_000_000 } });
    await new Promise((r) => setTimeout(r, 300));
    expect(await lab.cancel('http-loop')).toBe(true);
    expect((await running).stopReason).toBe('cancelled');
  });
});

describe('npm run serve options', () => {
  it('reads --port, PORT and --data', () => {
    expect(parseServeArgs([], { FORKLAB_DATA: '/d' })).toEqual({ port: DEFAULT_PORT, data: '/d', renderer: null });
    expect(parseServeArgs(['--port', '9000', '--data', '/x', '--renderer', '/r'], { PORT: '8000' })).toEqual({ port: 9000, data: '/x', renderer: '/r' });
    expect(parseServeArgs([], { PORT: '8000', FORKLAB_DATA: '/d' }).port).toBe(8000);
    expect(() => parseServeArgs(['--port', 'abc'], {})).toThrow(/port/);
    expect(() => parseServeArgs(['--host', '0.0.0.0'], {})).toThrow(/unknown option/);
  });
});

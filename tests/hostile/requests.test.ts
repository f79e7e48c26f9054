/**
 * Hostile requests (issue 15, item 8): every door (HTTP, IPC, CLI) checks types, ranges and
 * lengths before any work starts and answers a clear client error; nothing hangs, nothing is a
 * 500. Each case has a bound on time.
 */
import { request } from 'node:http';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabServer, listenLoopback } from '../../src-main/host/http-server.ts';
import { LabService } from '../../src-main/service/lab-service.ts';
import { engines } from '../../src-main/service/engines.ts';
import { InlineCompute } from '../../src-main/service/jobs.ts';
import { MemoryStorage } from '../../src-main/service/storage.ts';
import { registerLabIpc, type IpcMainLike, type InvokeEventLike } from '../../src-main/app/ipc.ts';
import { parseRunArgs } from '../../src-main/cli/run.ts';
import { UsageError } from '../../src-main/cli/command.ts';
import { errorStatus, RequestError } from '../../src-main/service/validate.ts';
import { elapsed } from './bounds.ts';

const service = new LabService({
  storage: new MemoryStorage(),
  compute: new InlineCompute(engines),
  builtinPacks: async () => [],
});
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createLabServer({ api: service, rendererDir: '/nonexistent', bodyTimeoutMs: 300 });
  port = await listenLoopback(server, 0);
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

/** POSTs `body` to /api/<method>, writing it in `pieces` with `gapMs` between them. */
function post(method: string, body: string, pieces = 1, gapMs = 0): Promise<{ status: number; error: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port, method: 'POST', path: `/api/${method}`,
      headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, error: (JSON.parse(text) as { error?: string }).error ?? '' });
      });
    });
    req.on('error', reject);
    const size = Math.ceil(body.length / pieces);
    let i = 0;
    const next = (): void => {
      if (i >= body.length) return void req.end();
      if (req.destroyed) return;
      req.write(body.slice(i, i + size));
      i += size;
      setTimeout(next, gapMs);
    };
    next();
  });
}

const run = (options: unknown, extra: Record<string, unknown> = {}) =>
  post('run', JSON.stringify([{ source: 'int main(void) { for (;;); }', options, ...extra }]));

describe('hostile requests over HTTP', () => {
  it('a step budget that is not a number is a 400 at once, not an endless run', async () => {
    const t = elapsed();
    const r = await run({ maxSteps: 'x' });
    expect(r).toEqual({ status: 400, error: 'request.options.maxSteps must be a whole number from 1 to 2,000,000,000' });
    expect(t()).toBeLessThan(1000);
  });

  it.each([
    [{ maxSteps: -1 }, 'maxSteps must be a whole number'],
    [{ maxSteps: 1e12 }, 'maxSteps must be a whole number'],
    [{ pageSize: 1073741824 }, 'the page size must be a power of two from 256 to 65536 bytes'],
    [{ pageSize: 4096 * 3 }, 'the page size must be a power of two'],
    [{ pageSize: 128 }, 'the page size must be a power of two'],
    [{ quantum: 0 }, 'quantum must be a whole number'],
    [{ nprocLimit: 1e6 }, 'nprocLimit must be a whole number from 1 to 4,096'],
    [{ policy: 'fastest' }, 'policy must be one of parent-first'],
    [{ args: 'a b' }, 'args must be a list of strings'],
    [{ args: new Array(1000).fill('a') }, 'args has 1000 items'],
    [{ stdin: 42 }, 'stdin must be a string'],
    [{ schedule: '3:x' }, 'bad schedule entry "3:x"'],
    [{ stdoutPipe: 'yes' }, 'stdoutPipe must be true or false'],
    [{ evil: true }, 'unknown field "evil"'],
    ['fast', 'request.options must be an object'],
  ])('run options %j are refused with a 400: %s', async (options, message) => {
    const r = await run(options);
    expect(r.status).toBe(400);
    expect(r.error).toContain(message);
  });

  it('a source beyond the limit, a missing source and a wrong type are 400s', async () => {
    expect((await post('run', JSON.stringify([{ source: 'x'.repeat(1024 * 1024 + 1) }]))).error).toMatch(/request.source is too long: 1,048,577 characters/);
    expect((await post('run', JSON.stringify([{}]))).error).toBe('request.source is missing');
    expect((await post('run', JSON.stringify([null]))).error).toBe('request must be an object');
    expect((await post('diagnose', JSON.stringify([42]))).status).toBe(400);
    expect((await post('saveScratch', JSON.stringify([{ text: 1 }]))).status).toBe(400);
    expect((await post('explore', JSON.stringify([{ source: 'int main(void){return 0;}', maxRuns: 'all' }]))).status).toBe(400);
    expect((await post('answerQuestion', JSON.stringify([{ packId: 'p', exerciseId: 'e', ticked: [-1] }]))).status).toBe(400);
    expect((await post('importPack', JSON.stringify([{ name: 'x.zip', base64: '!!!' }]))).status).toBe(400);
  });

  it('"no such pack" and "no such exercise" are 404s', async () => {
    const r = await post('openExercise', JSON.stringify(['no-such-pack', 'x']));
    expect(r).toEqual({ status: 404, error: 'no pack "no-such-pack"' });
    expect((await post('checkExercise', JSON.stringify([{ packId: 'nope', exerciseId: 'x', source: '' }]))).status).toBe(404);
  });

  it('a body that trickles in is cut off with a 408, and the server goes on serving', async () => {
    const t = elapsed();
    const body = JSON.stringify([{ source: 'int main(void) { return 0; }' }]);
    const slow = await post('run', body, body.length, 50);
    expect(slow.status).toBe(408);
    expect(slow.error).toBe('the request body took too long to arrive');
    expect(t()).toBeLessThan(3000);
    const ok = await post('run', body);
    expect(ok.status).toBe(200);
  });
});

describe('hostile requests over IPC and the command line', () => {
  it('IPC calls go through the same checks', async () => {
    const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
    const ipc: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
    registerLabIpc(ipc, service);
    const call = (method: string, ...args: unknown[]) => Promise.resolve(handlers.get(`lab:${method}`)!({ senderFrame: { url: 'app://lab/index.html' } }, ...args));
    const t = elapsed();
    const e = await call('run', { source: 'int main(void) { for (;;); }', options: { maxSteps: 'x' } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RequestError);
    expect(errorStatus(e)).toBe(400);
    expect(t()).toBeLessThan(1000);
    await expect(call('openExercise', 'nope', 'x')).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('the CLI refuses page sizes outside 256 B .. 64 KiB', () => {
    for (const size of ['1073741824', '4294967296', '128', '3000', 'x']) {
      expect(() => parseRunArgs(['p.c', '--page-size', size])).toThrow(UsageError);
    }
    expect(() => parseRunArgs(['p.c', '--page-size', '131072'])).toThrow('--page-size: the page size must be a power of two from 256 to 65536 bytes');
    expect(parseRunArgs(['p.c', '--page-size', '65536']).request.pageSize).toBe(65536);
  });
});

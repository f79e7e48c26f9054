// The renderer's lab client: the preload bridge when the page has one, else HTTP to the browser
// host; the HTTP client posts the arguments as a JSON array and turns error answers into
// rejections with the host's message.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LAB_API_METHODS, type LabApi } from '../../../src-main/service/contract.ts';
import { callHost, createHttpLab, LabHttpError } from './http-client.ts';
import { chooseLab } from './index.ts';

afterEach(() => vi.unstubAllGlobals());

function answer(status: number, body: string) {
  return vi.fn(async (_url: string, _init: RequestInit) => new Response(body, { status, headers: { 'content-type': 'application/json' } }));
}

describe('lab client', () => {
  it('uses window.forklab when the preload gave one', () => {
    const bridge = {} as LabApi;
    expect(chooseLab({ forklab: bridge })).toBe(bridge);
    const http = chooseLab(undefined);
    expect(Object.keys(http).sort()).toEqual([...LAB_API_METHODS].sort());
  });

  it('posts the arguments as a JSON array to /api/<method>', async () => {
    const fetch = answer(200, '[{"line":1}]');
    vi.stubGlobal('fetch', fetch);
    const lab = createHttpLab('http://127.0.0.1:1');
    expect(await lab.diagnose('int main', 'a.c')).toEqual([{ line: 1 }]);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://127.0.0.1:1/api/diagnose');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual(['int main', 'a.c']);
  });

  it('maps null to undefined for methods that return nothing', async () => {
    vi.stubGlobal('fetch', answer(200, 'null'));
    expect(await createHttpLab().saveScratch('x')).toBeUndefined();
  });

  it('rejects with the host message and status on an error answer', async () => {
    vi.stubGlobal('fetch', answer(500, '{"error":"no pack \\"x\\""}'));
    const failure = createHttpLab().openExercise('x', 'y');
    await expect(failure).rejects.toBeInstanceOf(LabHttpError);
    await expect(failure).rejects.toMatchObject({ message: 'no pack "x"', status: 500 });
    vi.stubGlobal('fetch', answer(502, '<html>bad gateway</html>'));
    await expect(callHost('run', [])).rejects.toThrow(/not JSON/);
  });
});

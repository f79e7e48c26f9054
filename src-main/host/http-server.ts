/**
 * The browser host's HTTP server: the production renderer and LabApi over loopback.
 *   GET  /…            files of the renderer folder (static-files.ts), with the strict CSP
 *   POST /api/<method> body: a JSON array of arguments; answer: the JSON result, or
 *                      `{ "error": message }` with a 4xx/5xx status
 * Only LAB_API_METHODS are routes. Requests whose Host is not 127.0.0.1 or localhost at our port
 * (DNS rebinding) or whose Origin is another site are refused; bodies are size-limited; a bad
 * request gets an error answer and the server carries on.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LAB_API_METHODS, type LabApi } from '../service/contract.ts';
import { errorStatus } from '../service/validate.ts';
import { readStatic, SECURITY_HEADERS, textReply, type StaticReply } from './static-files.ts';

/** The largest request body (an imported pack's zip in base64 is the largest thing sent). */
export const MAX_BODY_BYTES = 24 * 1024 * 1024;
/** How long a client may take to send a request's body (a slow client cannot hold a request open). */
export const BODY_TIMEOUT_MS = 30_000;
/** The largest answer (a run's trace is the largest thing answered; its budget keeps it well below). */
export const MAX_RESPONSE_BYTES = 128 * 1024 * 1024;

const METHODS = new Set<string>(LAB_API_METHODS);

export interface HostOptions {
  api: LabApi;
  /** the built renderer (out/renderer) */
  rendererDir: string;
  /** BODY_TIMEOUT_MS unless given (tests) */
  bodyTimeoutMs?: number;
}

/** The server (not listening yet): call listen(port, '127.0.0.1'). */
export function createLabServer(options: HostOptions): Server {
  const server = createServer((req, res) => {
    handle(server, options, req, res).catch((e) => {
      if (!res.headersSent) sendJson(res, 500, { error: `internal error: ${(e as Error).message}` });
      else res.destroy();
    });
  });
  server.requestTimeout = 0; // a long run may take minutes; the client can cancel it
  return server;
}

/** Starts the server on 127.0.0.1; resolves with the port (pass 0 for any free port). */
export function listenLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

async function handle(server: Server, options: HostOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const port = portOf(server);
  const refusal = originProblem(req, port);
  if (refusal) {
    req.resume();
    return sendJson(res, 403, { error: refusal });
  }
  const path = (req.url ?? '/').split('?')[0];
  if (path.startsWith('/api/')) return handleApi(options, path.slice(5), req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    req.resume();
    return sendReply(res, textReply(405, 'method not allowed'), req.method === 'HEAD');
  }
  sendReply(res, await readStatic(options.rendererDir, path), req.method === 'HEAD');
}

/** Why the request may not be served (foreign Host or Origin), or null. */
export function originProblem(req: IncomingMessage, port: number): string | null {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHosts.includes(host)) return `refused: Host ${JSON.stringify(req.headers.host ?? '')} is not this lab (use http://127.0.0.1:${port}/)`;
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin.toLowerCase())) {
    return `refused: requests from ${origin} are not allowed`;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'refused: cross-site request';
  return null;
}

async function handleApi(options: HostOptions, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const api = options.api;
  if (!METHODS.has(method)) {
    req.resume();
    return sendJson(res, 404, { error: `no such method: ${method}` });
  }
  if (req.method !== 'POST') {
    req.resume();
    return sendJson(res, 405, { error: 'use POST' });
  }
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    req.resume();
    return sendJson(res, 415, { error: 'the body must be application/json' });
  }
  const body = await readBody(req, MAX_BODY_BYTES, options.bodyTimeoutMs ?? BODY_TIMEOUT_MS);
  if (body === 'too-large') return sendJson(res, 413, { error: `the request is larger than ${MAX_BODY_BYTES} bytes` }, true);
  if (body === 'too-slow') return sendJson(res, 408, { error: 'the request body took too long to arrive' }, true);
  let args: unknown;
  try {
    args = body.length === 0 ? [] : JSON.parse(new TextDecoder().decode(body));
  } catch {
    return sendJson(res, 400, { error: 'the body is not valid JSON' });
  }
  if (!Array.isArray(args)) return sendJson(res, 400, { error: 'the body must be a JSON array of arguments' });
  let result: unknown;
  try {
    result = await (api[method as keyof LabApi] as (...a: unknown[]) => Promise<unknown>).apply(api, args);
  } catch (e) {
    return sendJson(res, errorStatus(e), { error: e instanceof Error ? e.message : String(e) });
  }
  sendJson(res, 200, result === undefined ? null : result);
}

/**
 * The body; 'too-large' when it grows past `limit` bytes, 'too-slow' when it has not all arrived
 * after `timeoutMs` (in both cases the rest is not read and the connection is closed after the answer).
 */
function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Uint8Array | 'too-large' | 'too-slow'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (why: 'too-large' | 'too-slow'): void => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      req.pause();
      resolve(why);
    };
    const timer = setTimeout(() => stop('too-slow'), timeoutMs);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) stop('too-large');
      else chunks.push(chunk);
    });
    req.on('end', () => {
      clearTimeout(timer);
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Answers with `value` as JSON; an answer beyond MAX_RESPONSE_BYTES is replaced by an error saying so. */
function sendJson(res: ServerResponse, status: number, value: unknown, close = false): void {
  let body = Buffer.from(JSON.stringify(value));
  if (body.length > MAX_RESPONSE_BYTES) {
    const mib = (n: number): string => `${Math.ceil(n / (1024 * 1024))} MiB`;
    body = Buffer.from(JSON.stringify({ error: `the answer is too large to send (${mib(body.length)}; at most ${mib(MAX_RESPONSE_BYTES)})` }));
    status = 500;
  }
  const headers: Record<string, string | number> = { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': body.length };
  if (close) headers.Connection = 'close';
  res.writeHead(status, headers);
  res.end(body);
}

function sendReply(res: ServerResponse, reply: StaticReply, headOnly: boolean): void {
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': reply.body.length });
  res.end(headOnly ? undefined : reply.body);
}

function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

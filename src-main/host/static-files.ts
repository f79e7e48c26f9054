/**
 * The renderer's files as both doors serve them (the browser host over loopback HTTP, the
 * desktop app over app://): paths confined to the folder, content types, and the security
 * headers with the strict Content Security Policy (../shared/notes/ecosystem-facts.md; Monaco
 * needs style-src 'unsafe-inline', nothing else is loosened).
 */
import { promises as fs } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

/** The renderer's Content Security Policy. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response of both doors. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticReply {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * The file for a URL path ("/", "/assets/x.js") under `root`: 200 with its bytes, 404 when
 * missing, 400 for a path that tries to leave the folder. "/" is index.html.
 */
export async function readStatic(root: string, urlPath: string): Promise<StaticReply> {
  const file = staticPath(root, urlPath);
  if (file === null) return textReply(400, 'bad path');
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return textReply(404, 'not found');
    const body = new Uint8Array(await fs.readFile(file));
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const cache = urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': cache }, body };
  } catch {
    return textReply(404, 'not found');
  }
}

/** The file a URL path names inside `root`, or null when it would leave it. */
export function staticPath(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\')) return null;
  if (path.split('/').some((part) => part === '..')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const base = resolve(root);
  const full = resolve(join(base, path));
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

/** A plain-text reply with the security headers. */
export function textReply(status: number, text: string): StaticReply {
  return { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: new TextEncoder().encode(text + '\n') };
}

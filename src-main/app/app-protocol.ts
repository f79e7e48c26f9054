/**
 * The app:// protocol: app://lab/<path> is a file of the built renderer (out/renderer), with the
 * same CSP and security headers as the browser host. Written against the Fetch API's Request /
 * Response so it needs no electron import; main.ts hands it to protocol.handle.
 */
import { readStatic, textReply } from '../host/static-files.ts';

/** The response for an app:// URL. */
export async function appProtocolResponse(rendererDir: string, requestUrl: string, method = 'GET'): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return toResponse(textReply(400, 'bad URL'));
  }
  if (url.protocol !== 'app:' || url.host !== 'lab') return toResponse(textReply(404, 'not found'));
  if (method !== 'GET' && method !== 'HEAD') return toResponse(textReply(405, 'method not allowed'));
  return toResponse(await readStatic(rendererDir, url.pathname));
}

function toResponse(reply: { status: number; headers: Record<string, string>; body: Uint8Array }): Response {
  // a copy: its buffer holds exactly the body
  return new Response(new Uint8Array(reply.body).buffer as ArrayBuffer, { status: reply.status, headers: reply.headers });
}

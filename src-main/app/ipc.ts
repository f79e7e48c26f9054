/**
 * The desktop app's IPC: one handler per LabApi method on channel `lab:<method>`, answering only
 * the lab's own page (a frame served from app://lab/). Takes ipcMain as a parameter so this file
 * never imports electron (tests drive it with a fake).
 */
import { LAB_API_METHODS, type LabApi } from '../service/contract.ts';

/** The origin the renderer is served from (app-protocol.ts). */
export const APP_ORIGIN = 'app://lab';

/** What the handlers need of Electron's IpcMainInvokeEvent. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** What registration needs of Electron's ipcMain. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

/** The channel of a method. */
export function channelOf(method: string): string {
  return `lab:${method}`;
}

/** True when a URL is a page of the lab itself (app://lab/…). */
export function isLabUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'lab';
  } catch {
    return false;
  }
}

/** Registers every method; returns the channels. A call from any other frame is refused. */
export function registerLabIpc(ipcMain: IpcMainLike, api: LabApi): string[] {
  return LAB_API_METHODS.map((method) => {
    const channel = channelOf(method);
    ipcMain.handle(channel, (event, ...args) => {
      const url = event.senderFrame?.url ?? '';
      if (!isLabUrl(url)) throw new Error(`refused: ${channel} called from ${url || 'an unknown frame'}`);
      return (api[method] as (...a: unknown[]) => Promise<unknown>).apply(api, args);
    });
    return channel;
  });
}

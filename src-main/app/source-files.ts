/**
 * The desktop app's Open and Save of C files: one IPC handler per SourceFileBridge method on
 * channel `files:<method>`, answering only the lab's own page (as ipc.ts does for LabApi). The
 * dialogs and the disk are passed in, so this file never imports electron and tests drive it
 * with fakes. The renderer never names a path: the user picks it in the system's dialog.
 */
import { basename } from 'node:path';
import { SOURCE_FILE_METHODS, type SourceFileInfo } from '../service/contract.ts';
import { isLabUrl, type IpcMainLike } from './ipc.ts';

/** The largest file the editor opens or saves. */
export const MAX_SOURCE_FILE_BYTES = 1024 * 1024;

/** What the handlers need of Electron's dialogs and of the disk. */
export interface FileDialogs {
  /** the path the user chose to open, or null when cancelled */
  chooseFileToOpen(): Promise<string | null>;
  /** the path the user chose to save to (the dialog suggests `suggestedName`), or null */
  chooseFileToSave(suggestedName: string): Promise<string | null>;
  /** the file's size in bytes (read before the file, so a huge file is never loaded) */
  sizeOf(path: string): Promise<number>;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, text: string): Promise<void>;
}

/** The channel of a SourceFileBridge method. */
export function fileChannelOf(method: string): string {
  return `files:${method}`;
}

/** Opens the file the user picks; throws a sentence for a file too big or not UTF-8 text. */
async function openSourceFile(dialogs: FileDialogs): Promise<SourceFileInfo | null> {
  const path = await dialogs.chooseFileToOpen();
  if (path === null) return null;
  const name = basename(path);
  if ((await dialogs.sizeOf(path)) > MAX_SOURCE_FILE_BYTES) throw new Error(`${name} is too big for the editor (more than 1 MiB)`);
  const bytes = await dialogs.readFile(path);
  if (bytes.length > MAX_SOURCE_FILE_BYTES) throw new Error(`${name} is too big for the editor (more than 1 MiB)`);
  try {
    return { name, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    throw new Error(`${name} is not a text file (it is not UTF-8)`);
  }
}

/** A file name to suggest: no folders, no control characters, ending in .c. */
export function safeSuggestedName(name: unknown): string {
  const base = typeof name === 'string' ? basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '').slice(0, 100) : '';
  if (base === '' || base === '.' || base === '..') return 'prog.c';
  return /\.[ch]$/.test(base) ? base : `${base}.c`;
}

/** Saves `text` where the user picks; the name saved under, or null when cancelled. */
async function saveSourceFile(dialogs: FileDialogs, suggestedName: unknown, text: unknown): Promise<string | null> {
  if (typeof text !== 'string') throw new Error('save: the text must be a string');
  if (new TextEncoder().encode(text).length > MAX_SOURCE_FILE_BYTES) throw new Error('the program is too big to save (more than 1 MiB)');
  const path = await dialogs.chooseFileToSave(safeSuggestedName(suggestedName));
  if (path === null) return null;
  await dialogs.writeFile(path, text);
  return basename(path);
}

/** Registers the handlers; returns their channels. A call from any frame but the lab's is refused. */
export function registerSourceFileIpc(ipcMain: IpcMainLike, dialogs: FileDialogs): string[] {
  const handlers: Record<(typeof SOURCE_FILE_METHODS)[number], (...args: unknown[]) => Promise<unknown>> = {
    openSourceFile: () => openSourceFile(dialogs),
    saveSourceFile: (name, text) => saveSourceFile(dialogs, name, text),
  };
  return SOURCE_FILE_METHODS.map((method) => {
    const channel = fileChannelOf(method);
    ipcMain.handle(channel, (event, ...args) => {
      const url = event.senderFrame?.url ?? '';
      if (!isLabUrl(url)) throw new Error(`refused: ${channel} called from ${url || 'an unknown frame'}`);
      return handlers[method](...args);
    });
    return channel;
  });
}

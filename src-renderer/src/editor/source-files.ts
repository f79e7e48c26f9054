/**
 * Open and Save of the editor's program: the desktop app's dialogs (`window.forklabFiles`, from
 * the preload) when present, else the browser's file picker and a download.
 */
import type { SourceFileBridge, SourceFileInfo } from '../lab/index.ts';

declare global {
  interface Window {
    /** set by the Electron preload (src-main/app/preload.ts) */
    forklabFiles?: SourceFileBridge;
  }
}

/** The largest file the editor opens (the desktop app checks the same in its main process). */
export const MAX_SOURCE_FILE_BYTES = 1024 * 1024;

/** Decodes a picked file's bytes as UTF-8 text; throws a sentence naming the file when it cannot. */
export function decodeSourceFile(name: string, bytes: Uint8Array): SourceFileInfo {
  if (bytes.length > MAX_SOURCE_FILE_BYTES) throw new Error(`${name} is too big for the editor (more than 1 MiB)`);
  try {
    return { name, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    throw new Error(`${name} is not a text file (it is not UTF-8)`);
  }
}

/** Lets the user pick a file with the browser's picker; null when they cancel. */
function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.c,.h,text/x-c,text/plain';
    input.style.display = 'none';
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => done(null));
    document.body.append(input);
    input.click();
  });
}

/** The browser's Open: a file picker. */
async function openInBrowser(): Promise<SourceFileInfo | null> {
  const file = await pickFile();
  if (!file) return null;
  if (file.size > MAX_SOURCE_FILE_BYTES) throw new Error(`${file.name} is too big for the editor (more than 1 MiB)`);
  return decodeSourceFile(file.name, new Uint8Array(await file.arrayBuffer()));
}

/** The browser's Save: a download of the text under `name`. */
async function downloadInBrowser(name: string, text: string): Promise<string> {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/x-c' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Opens a C file the user picks; null when they cancel. Rejects with a sentence for a bad file. */
export function openSourceFile(): Promise<SourceFileInfo | null> {
  const bridge = window.forklabFiles;
  return bridge ? bridge.openSourceFile() : openInBrowser();
}

/** Saves the program; the name it was saved under, or null when the user cancelled. */
export function saveSourceFile(name: string, text: string): Promise<string | null> {
  const bridge = window.forklabFiles;
  return bridge ? bridge.saveSourceFile(name, text) : downloadInBrowser(name, text);
}

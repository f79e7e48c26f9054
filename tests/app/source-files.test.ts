// The desktop app's Open and Save of C files: handlers on files:<method> that answer only the lab's
// page, refuse a huge or binary file with a sentence, and write only where the user chose.
import { describe, expect, it } from 'vitest';
import type { InvokeEventLike } from '../../src-main/app/ipc.ts';
import { fileChannelOf, MAX_SOURCE_FILE_BYTES, registerSourceFileIpc, safeSuggestedName, type FileDialogs } from '../../src-main/app/source-files.ts';
import { SOURCE_FILE_METHODS } from '../../src-main/service/contract.ts';

const LAB = { senderFrame: { url: 'app://lab/index.html' } };

/** Dialogs over an in-memory disk; `choose` is what the user picks (null = cancel). */
function fakeDialogs(disk: Map<string, Uint8Array>, choose: { open: string | null; save: string | null }) {
  const suggested: string[] = [];
  const dialogs: FileDialogs = {
    chooseFileToOpen: async () => choose.open,
    chooseFileToSave: async (name) => (suggested.push(name), choose.save),
    sizeOf: async (path) => disk.get(path)?.length ?? 0,
    readFile: async (path) => disk.get(path) ?? new Uint8Array(),
    writeFile: async (path, text) => void disk.set(path, new TextEncoder().encode(text)),
  };
  return { dialogs, suggested };
}

function register(dialogs: FileDialogs) {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const channels = registerSourceFileIpc({ handle: (c, l) => void handlers.set(c, l) }, dialogs);
  const call = (method: string, event: InvokeEventLike, ...args: unknown[]) => handlers.get(fileChannelOf(method))!(event, ...args);
  return { channels, call };
}

describe('Open and Save in the desktop app', () => {
  it('registers one channel per method and refuses every frame but the lab page', async () => {
    const disk = new Map([['/home/s/fork.c', new TextEncoder().encode('int main(void) { return 0; }\n')]]);
    const { channels, call } = register(fakeDialogs(disk, { open: '/home/s/fork.c', save: '/home/s/out.c' }).dialogs);
    expect(channels).toEqual(SOURCE_FILE_METHODS.map((m) => `files:${m}`));
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:5178/', '']) {
      expect(() => call('openSourceFile', { senderFrame: { url } })).toThrow(/refused/);
      expect(() => call('saveSourceFile', { senderFrame: { url } }, 'x.c', 'text')).toThrow(/refused/);
    }
    expect(() => call('openSourceFile', { senderFrame: null })).toThrow(/refused/);
    expect(disk.has('/home/s/out.c')).toBe(false);
  });

  it('opens the chosen file by its name, and gives null when the user cancels', async () => {
    const disk = new Map([['/home/s/fork.c', new TextEncoder().encode('int main(void) { return 0; }\n')]]);
    expect(await register(fakeDialogs(disk, { open: '/home/s/fork.c', save: null }).dialogs).call('openSourceFile', LAB)).toEqual({ name: 'fork.c', text: 'int main(void) { return 0; }\n' });
    expect(await register(fakeDialogs(disk, { open: null, save: null }).dialogs).call('openSourceFile', LAB)).toBeNull();
  });

  it('refuses a file too big or not text, with a sentence that names it', async () => {
    const disk = new Map([
      ['/d/big.c', new Uint8Array(MAX_SOURCE_FILE_BYTES + 1).fill(65)],
      ['/d/a.out', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0xff, 0xfe, 0x00])],
    ]);
    await expect(register(fakeDialogs(disk, { open: '/d/big.c', save: null }).dialogs).call('openSourceFile', LAB)).rejects.toThrow(/big\.c is too big/);
    await expect(register(fakeDialogs(disk, { open: '/d/a.out', save: null }).dialogs).call('openSourceFile', LAB)).rejects.toThrow(/a\.out is not a text file/);
  });

  it('saves where the user chose, suggesting a safe .c name; cancel writes nothing', async () => {
    const disk = new Map<string, Uint8Array>();
    const { dialogs, suggested } = fakeDialogs(disk, { open: null, save: '/home/s/mine.c' });
    expect(await register(dialogs).call('saveSourceFile', LAB, '../../etc/zombie', 'int x;\n')).toBe('mine.c');
    expect(suggested).toEqual(['zombie.c']);
    expect(new TextDecoder().decode(disk.get('/home/s/mine.c'))).toBe('int x;\n');
    const cancelled = fakeDialogs(disk, { open: null, save: null });
    expect(await register(cancelled.dialogs).call('saveSourceFile', LAB, 'a.c', 'other')).toBeNull();
    expect(disk.size).toBe(1);
    await expect(register(dialogs).call('saveSourceFile', LAB, 'a.c', 42)).rejects.toThrow(/string/);
    expect(safeSuggestedName(undefined)).toBe('prog.c');
    expect(safeSuggestedName('C:\\\\x\\\\fork.c')).toBe('fork.c');
    expect(safeSuggestedName('..')).toBe('prog.c');
  });
});

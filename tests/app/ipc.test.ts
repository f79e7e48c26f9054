// The desktop app's bridge: the IPC channels and the preload's functions are exactly LabApi's
// methods (and the editor's two file dialogs), each preload function invokes its own channel,
// ipcRenderer is never exposed, and the handlers answer only frames of app://lab/.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { channelOf, isLabUrl, registerLabIpc, type InvokeEventLike } from '../../src-main/app/ipc.ts';
import { fileChannelOf } from '../../src-main/app/source-files.ts';
import { LAB_API_METHODS, SOURCE_FILE_METHODS, type LabApi } from '../../src-main/service/contract.ts';

const preloadPath = new URL('../../src-main/app/preload.ts', import.meta.url);

/** A fake ipcMain that records handlers. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  return { handlers, handle: (channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown) => void handlers.set(channel, listener) };
}

/** A LabApi whose every method records its call. */
function recordingApi(calls: [string, unknown[]][]): LabApi {
  return Object.fromEntries(LAB_API_METHODS.map((m) => [m, async (...args: unknown[]) => (calls.push([m, args]), `${m}-result`)])) as unknown as LabApi;
}

describe('IPC handlers', () => {
  it('registers one channel per LabApi method', () => {
    const ipc = fakeIpcMain();
    const channels = registerLabIpc(ipc, recordingApi([]));
    expect(channels).toEqual(LAB_API_METHODS.map((m) => `lab:${m}`));
    expect([...ipc.handlers.keys()].sort()).toEqual(channels.slice().sort());
  });

  it('answers the lab page and refuses any other frame', async () => {
    const ipc = fakeIpcMain();
    const calls: [string, unknown[]][] = [];
    registerLabIpc(ipc, recordingApi(calls));
    const handler = ipc.handlers.get(channelOf('openExercise'))!;
    expect(await handler({ senderFrame: { url: 'app://lab/index.html' } }, 'p', 'e')).toBe('openExercise-result');
    expect(calls).toEqual([['openExercise', ['p', 'e']]]);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'http://127.0.0.1:5178/', '']) {
      expect(() => handler({ senderFrame: { url } }, 'p', 'e')).toThrow(/refused/);
    }
    expect(() => handler({ senderFrame: null })).toThrow(/refused/);
    expect(calls).toHaveLength(1);
    expect(isLabUrl('app://lab/')).toBe(true);
    expect(isLabUrl('not a url')).toBe(false);
  });
});

describe('preload', () => {
  const source = readFileSync(preloadPath, 'utf8');
  const file = ts.createSourceFile('preload.ts', source, ts.ScriptTarget.ES2022, true);
  /** what each name exposed in the page must hold, and the prefix of its channels */
  const BRIDGES: Record<string, { methods: readonly string[]; channel: (m: string) => string }> = {
    forklab: { methods: LAB_API_METHODS, channel: channelOf },
    forklabFiles: { methods: SOURCE_FILE_METHODS, channel: fileChannelOf },
  };

  /** The object literals passed to contextBridge.exposeInMainWorld(name, …), resolved through consts. */
  function exposed(): { name: string; object: ts.ObjectLiteralExpression }[] {
    const consts = new Map<string, ts.Expression>();
    const calls: { name: string; arg: ts.Expression }[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) consts.set(node.name.text, node.initializer);
      if (ts.isCallExpression(node) && node.expression.getText(file) === 'contextBridge.exposeInMainWorld') {
        calls.push({ name: (node.arguments[0] as ts.StringLiteral).text, arg: node.arguments[1] });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return calls.map(({ name, arg }) => {
      const object = ts.isIdentifier(arg) ? consts.get(arg.text) : arg;
      expect(object !== undefined && ts.isObjectLiteralExpression(object)).toBe(true);
      return { name, object: object as ts.ObjectLiteralExpression };
    });
  }

  it('exposes window.forklab with exactly the LabApi methods, window.forklabFiles with the file dialogs, nothing else', () => {
    const all = exposed();
    expect(all.map((e) => e.name).sort()).toEqual(Object.keys(BRIDGES).sort());
    for (const { name, object } of all) {
      const keys = object.properties.map((p) => (p.name as ts.Identifier).text);
      expect(keys.slice().sort()).toEqual([...BRIDGES[name]!.methods].sort());
    }
  });

  it('makes each function invoke its own channel with its own arguments', () => {
    for (const { name, object } of exposed()) {
      for (const property of object.properties) {
        expect(ts.isPropertyAssignment(property)).toBe(true);
        const p = property as ts.PropertyAssignment;
        const key = (p.name as ts.Identifier).text;
        expect(ts.isArrowFunction(p.initializer)).toBe(true);
        const fn = p.initializer as ts.ArrowFunction;
        expect(ts.isCallExpression(fn.body)).toBe(true);
        const call = fn.body as ts.CallExpression;
        expect(call.expression.getText(file)).toBe('ipcRenderer.invoke');
        expect((call.arguments[0] as ts.StringLiteral).text).toBe(BRIDGES[name]!.channel(key));
        expect(call.arguments.slice(1).map((a) => a.getText(file))).toEqual(fn.parameters.map((q) => q.name.getText(file)));
      }
    }
  });

  it('never exposes ipcRenderer: it is used only as `ipcRenderer.invoke`', () => {
    const uses: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && node.text === 'ipcRenderer') {
        const parent = node.parent;
        if (ts.isImportSpecifier(parent)) uses.push('import');
        else if (ts.isPropertyAccessExpression(parent) && parent.expression === node && parent.name.text === 'invoke') uses.push('invoke');
        else uses.push(`other: ${parent.getText(file)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    expect(uses.filter((u) => u !== 'invoke')).toEqual(['import']);
    expect(uses.filter((u) => u === 'invoke')).toHaveLength(LAB_API_METHODS.length + SOURCE_FILE_METHODS.length);
  });
});

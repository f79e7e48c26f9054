/**
 * The desktop app's main process: one hardened window (../shared/design.md's checklist) on the
 * renderer served from app://lab/, the LabService behind sender-checked IPC, jobs in the bundled
 * worker (out/main/worker.mjs). Everything that can be tested without Electron lives in ipc.ts,
 * app-protocol.ts and src-main/host/.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeLabService } from '../host/create-service.ts';
import { userDataDir } from '../host/user-data.ts';
import type { LabService } from '../service/lab-service.ts';
import { appProtocolResponse } from './app-protocol.ts';
import { APP_ORIGIN, registerLabIpc } from './ipc.ts';
import { registerSourceFileIpc, type FileDialogs } from './source-files.ts';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const preload = join(here, '..', 'preload', 'preload.cjs');
/** the worker is unpacked from the asar archive (electron-builder.yml asarUnpack) */
const workerFile = join(here, 'worker.mjs').replace(`app.asar${process.platform === 'win32' ? '\\' : '/'}`, `app.asar.unpacked${process.platform === 'win32' ? '\\' : '/'}`);

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.setPath('userData', userDataDir());
app.enableSandbox();

let service: LabService | null = null;

const C_FILES = [
  { name: 'C programs', extensions: ['c', 'h'] },
  { name: 'All files', extensions: ['*'] },
];

/** The editor's Open and Save dialogs, attached to the lab's window (source-files.ts checks the rest). */
const fileDialogs: FileDialogs = {
  async chooseFileToOpen() {
    const owner = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const options = { title: 'Open a C program', properties: ['openFile' as const], filters: C_FILES };
    const r = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]!;
  },
  async chooseFileToSave(suggestedName) {
    const owner = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const options = { title: 'Save the program', defaultPath: join(app.getPath('documents'), suggestedName), filters: C_FILES };
    const r = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  },
  sizeOf: async (path) => (await stat(path)).size,
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
};

/** The one window. */
function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'ForkLab',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
      preload,
    },
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** Every web contents: no navigation, no new windows, no webviews. */
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle('app', (request) => appProtocolResponse(rendererDir, request.url, request.method));
  const builtinPacksDir = app.isPackaged ? join(process.resourcesPath, 'exercises') : join(app.getAppPath(), 'exercises');
  try {
    service = await createNodeLabService({
      userDataDir: app.getPath('userData'),
      builtinPacksDir,
      workerFile,
    });
  } catch (e) {
    // the lab cannot work without its service: say why instead of never opening a window
    dialog.showErrorBox('ForkLab could not start', `${(e as Error).message}\n\nData folder: ${app.getPath('userData')}`);
    app.quit();
    return;
  }
  registerLabIpc(ipcMain, service);
  registerSourceFileIpc(ipcMain, fileDialogs);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  void service?.close();
  if (process.platform !== 'darwin') app.quit();
});

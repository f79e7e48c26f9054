/**
 * The desktop app's preload (bundled as one CommonJS file: the sandbox requires it). Exposes
 * LabApi as `window.forklab` and the editor's file dialogs as `window.forklabFiles`: named
 * functions only, each invoking its own channel; ipcRenderer itself is never exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { LabApi, SourceFileBridge } from '../service/contract.ts';

const forklab: LabApi = {
  diagnose: (source, fileName) => ipcRenderer.invoke('lab:diagnose', source, fileName),
  run: (request) => ipcRenderer.invoke('lab:run', request),
  inspect: (request) => ipcRenderer.invoke('lab:inspect', request),
  explore: (request) => ipcRenderer.invoke('lab:explore', request),
  cancel: (jobId) => ipcRenderer.invoke('lab:cancel', jobId),
  listPacks: () => ipcRenderer.invoke('lab:listPacks'),
  openExercise: (packId, exerciseId) => ipcRenderer.invoke('lab:openExercise', packId, exerciseId),
  checkExercise: (request) => ipcRenderer.invoke('lab:checkExercise', request),
  answerQuestion: (request) => ipcRenderer.invoke('lab:answerQuestion', request),
  saveDraft: (packId, exerciseId, source) => ipcRenderer.invoke('lab:saveDraft', packId, exerciseId, source),
  importPack: (request) => ipcRenderer.invoke('lab:importPack', request),
  exportResults: () => ipcRenderer.invoke('lab:exportResults'),
  handIn: (request) => ipcRenderer.invoke('lab:handIn', request),
  studentName: () => ipcRenderer.invoke('lab:studentName'),
  progressNotices: () => ipcRenderer.invoke('lab:progressNotices'),
  loadScratch: () => ipcRenderer.invoke('lab:loadScratch'),
  saveScratch: (source) => ipcRenderer.invoke('lab:saveScratch', source),
};

/** The editor's Open and Save through the system's dialogs (src-main/app/source-files.ts). */
const forklabFiles: SourceFileBridge = {
  openSourceFile: () => ipcRenderer.invoke('files:openSourceFile'),
  saveSourceFile: (suggestedName, text) => ipcRenderer.invoke('files:saveSourceFile', suggestedName, text),
};

contextBridge.exposeInMainWorld('forklab', forklab);
contextBridge.exposeInMainWorld('forklabFiles', forklabFiles);

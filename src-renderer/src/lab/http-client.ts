/**
 * The browser's LabApi: each method is POST /api/<method> with the arguments as a JSON array,
 * answered by the browser host (src-main/host) with the JSON result or `{ error: message }`.
 * Type-checked against the same LabApi as the Electron preload bridge.
 */
import type { LAB_API_METHODS } from '../../../src-main/service/contract.ts';
import type { LabApi } from '../../../src-main/service/contract.ts';

type Method = (typeof LAB_API_METHODS)[number];

/** Error a failed call rejects with: the host's message, and the HTTP status when there was one. */
export class LabHttpError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'LabHttpError';
  }
}

/** Calls one method on the host at `base` (default: the page's own origin). */
export async function callHost(method: Method, args: unknown[], base = ''): Promise<unknown> {
  const response = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new LabHttpError(`the lab host answered ${method} with something that is not JSON`, response.status);
    }
  }
  if (!response.ok) {
    const message = body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : `HTTP ${response.status}`;
    throw new LabHttpError(message, response.status);
  }
  return body === null ? undefined : body;
}

/** A LabApi that talks to the browser host over fetch. */
export function createHttpLab(base = ''): LabApi {
  const call = (method: Method) => (...args: unknown[]) => callHost(method, args, base);
  const lab: LabApi = {
    diagnose: call('diagnose') as LabApi['diagnose'],
    run: call('run') as LabApi['run'],
    inspect: call('inspect') as LabApi['inspect'],
    explore: call('explore') as LabApi['explore'],
    cancel: call('cancel') as LabApi['cancel'],
    listPacks: call('listPacks') as LabApi['listPacks'],
    openExercise: call('openExercise') as LabApi['openExercise'],
    checkExercise: call('checkExercise') as LabApi['checkExercise'],
    answerQuestion: call('answerQuestion') as LabApi['answerQuestion'],
    saveDraft: call('saveDraft') as LabApi['saveDraft'],
    importPack: call('importPack') as LabApi['importPack'],
    exportResults: call('exportResults') as LabApi['exportResults'],
    handIn: call('handIn') as LabApi['handIn'],
    studentName: call('studentName') as LabApi['studentName'],
    progressNotices: call('progressNotices') as LabApi['progressNotices'],
    loadScratch: call('loadScratch') as LabApi['loadScratch'],
    saveScratch: call('saveScratch') as LabApi['saveScratch'],
  };
  return lab;
}

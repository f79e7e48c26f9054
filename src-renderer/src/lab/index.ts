/**
 * The renderer's one door to the lab: `lab` is the Electron preload bridge (`window.forklab`)
 * when the page runs in the desktop app, else the HTTP client to the browser host.
 * Everything the UI asks of the lab goes through this object; its type is LabApi.
 */
import type { LabApi } from '../../../src-main/service/contract.ts';
import { createHttpLab } from './http-client.ts';

export type * from '../../../src-main/service/contract.ts';
export { LabHttpError } from './http-client.ts';

declare global {
  interface Window {
    /** set by the Electron preload (src-main/app/preload.ts) */
    forklab?: LabApi;
  }
}

/** Picks the preload bridge when present, else the browser host over HTTP. */
export function chooseLab(scope: { forklab?: LabApi } | undefined): LabApi {
  return scope?.forklab ?? createHttpLab();
}

export const lab: LabApi = chooseLab(typeof window === 'undefined' ? undefined : window);

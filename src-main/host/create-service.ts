/**
 * The LabService both Node doors use: progress and imports in the user data folder (NodeStorage),
 * the built-in packs from a folder of pack folders (exercises/), jobs in worker threads.
 */
import type { Worker } from 'node:worker_threads';
import { IMPORTED_PACKS_FOLDER, LabService } from '../service/lab-service.ts';
import { diagnoseSource, packEngine } from '../service/engines.ts';
import { NodeStorage } from './node-storage.ts';
import { readPackFolders } from './pack-folder.ts';
import { WorkerCompute } from './worker-pool.ts';

export interface NodeServiceOptions {
  userDataDir: string;
  /** the folder holding the built-in pack folders (the repository's exercises/) */
  builtinPacksDir: string;
  /** starts one worker (tsx-worker.ts from the sources, out/main/worker.mjs in the app) */
  spawnWorker: () => Worker;
  maxWorkers?: number;
}

/** A started LabService (its saved progress loaded). */
export async function createNodeLabService(options: NodeServiceOptions): Promise<LabService> {
  const storage = new NodeStorage(options.userDataDir);
  await storage.sweepTemporaryFiles([IMPORTED_PACKS_FOLDER]);
  const service = new LabService({
    storage,
    compute: new WorkerCompute(options.spawnWorker, options.maxWorkers ?? 2),
    packs: packEngine,
    builtinPacks: () => readPackFolders(options.builtinPacksDir),
    diagnose: diagnoseSource,
  });
  await service.start();
  return service;
}

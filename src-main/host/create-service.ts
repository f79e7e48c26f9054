/**
 * The LabService both Node doors use: progress and imports in the user data folder (NodeStorage),
 * the built-in packs from a folder of pack folders (exercises/), every job in the worker pool.
 */
import { IMPORTED_PACKS_FOLDER, LabService } from '../service/lab-service.ts';
import { NodeStorage } from './node-storage.ts';
import { readPackFolders } from './pack-folder.ts';
import { WorkerPool } from './pool.ts';

export interface NodeServiceOptions {
  userDataDir: string;
  /** the folder holding the built-in pack folders (the repository's exercises/) */
  builtinPacksDir: string;
  /** the pool's worker module: out/node/worker.mjs (built.ts), out/main/worker.mjs in the app */
  workerFile: string;
  /** jobs at once; default 2 */
  threads?: number;
}

/** A started LabService (its saved progress loaded). */
export async function createNodeLabService(options: NodeServiceOptions): Promise<LabService> {
  const storage = new NodeStorage(options.userDataDir);
  await storage.sweepTemporaryFiles([IMPORTED_PACKS_FOLDER]);
  const service = new LabService({
    storage,
    compute: new WorkerPool({ workerFile: options.workerFile, threads: options.threads ?? 2 }),
    builtinPacks: () => readPackFolders(options.builtinPacksDir),
  });
  await service.start();
  return service;
}

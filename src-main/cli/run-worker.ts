/**
 * The worker of `forklab run` (host/single-worker.ts running host/run-worker.ts): main() starts
 * it as soon as it knows the command is `run`, before the command's code loads, so that the
 * worker boots and loads the engine on the other core meanwhile; the command then takes it.
 */
import { builtFile } from '../host/built.ts';
import { codeCacheDir } from '../host/cache-dir.ts';
import type { RunWorkerData } from '../host/run-worker.ts';
import { SingleWorker } from '../host/single-worker.ts';

/** The worker main() started and no command took yet. */
let early: SingleWorker | null = null;

/** Starts the worker of a run now (once), for takeRunWorker. */
export function startRunWorker(): void {
  early ??= newRunWorker();
}

/** The worker startRunWorker started, or a new one; the caller closes it. */
export function takeRunWorker(): SingleWorker {
  const worker = early ?? newRunWorker();
  early = null;
  return worker;
}

function newRunWorker(): SingleWorker {
  const workerData: RunWorkerData = { bundle: builtFile('run-engine.cjs'), cacheDir: codeCacheDir() };
  return new SingleWorker({ workerFile: builtFile('run-worker.cjs'), workerData });
}

/**
 * The worker of `forklab run` (host/single-worker.ts running host/run-worker.ts): main() starts
 * it as soon as it knows the command is `run`, before the command's code loads, so that the
 * worker boots on the other core meanwhile; the command then takes it.
 */
import { builtFile } from '../host/built.ts';
import { codeCacheDir } from '../host/cache-dir.ts';
import { readCodeCache } from '../host/code-cache.ts';
import type { RunWorkerSetup } from '../host/run-worker.ts';
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

/**
 * A worker, and then its engine: the bundle and its code cache entry are read (and checked) here
 * while the thread starts, and sent to it.
 */
function newRunWorker(): SingleWorker {
  const worker = new SingleWorker({ workerFile: builtFile('run-worker.cjs') });
  const setup: RunWorkerSetup = { engine: readCodeCache(builtFile('run-engine.cjs'), codeCacheDir()) };
  worker.send(setup, ownBuffers([setup.engine.source, setup.engine.cachedData]));
  return worker;
}

/** The memory of those byte arrays that own all of theirs (moved to the worker, not copied; a slice of a shared pool is copied). */
function ownBuffers(arrays: (Uint8Array | null)[]): ArrayBuffer[] {
  return arrays.filter((a): a is Uint8Array => a !== null && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength).map((a) => a.buffer as ArrayBuffer);
}

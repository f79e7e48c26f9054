// Starts a TypeScript worker entry under tsx (the source tree, in dev and tests): the built
// desktop app runs the bundled out/main/worker.mjs instead.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);

/**
 * The desktop app's worker: the pool's worker (src-main/host/pool-worker.ts), built by
 * electron-vite into out/main/worker.mjs and unpacked from the asar archive.
 */
export { default } from '../host/pool-worker.ts';

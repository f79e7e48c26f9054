/**
 * `npm run serve [-- --port N] [--data DIR]`: the lab in a browser. Serves the production renderer
 * (out/renderer, built first when missing; --renderer DIR serves another build) and LabApi on
 * http://127.0.0.1:PORT/ only. Port: --port, else PORT, else 5178 (0: any free port). Data:
 * --data, else FORKLAB_DATA, else the app's folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createNodeLabService } from './create-service.ts';
import { createLabServer, listenLoopback } from './http-server.ts';
import { builtFile } from './built.ts';
import { parseServeArgs } from './serve-args.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the renderer with electron-vite when out/renderer/index.html is missing. */
function ensureRenderer(rendererDir: string): void {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  console.log('Building the renderer, once (out/renderer is missing; it takes about a minute)…');
  const cli = join(repo, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the renderer build failed');
}

async function main(): Promise<void> {
  const { port, data, renderer } = parseServeArgs(process.argv.slice(2), process.env);
  const rendererDir = renderer ?? join(repo, 'out', 'renderer');
  if (renderer === null) ensureRenderer(rendererDir);
  const service = await createNodeLabService({ userDataDir: data, builtinPacksDir: join(repo, 'exercises'), workerFile: builtFile('worker.mjs') });
  const server = createLabServer({ api: service, rendererDir });
  const actual = await listenLoopback(server, port);
  console.log(`ForkLab is at http://127.0.0.1:${actual}/  (data in ${data}; Ctrl+C to stop)`);
  const stop = () => {
    server.close();
    void service.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(`forklab serve: ${(e as Error).message}`);
  process.exit(1);
});

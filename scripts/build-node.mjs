#!/usr/bin/env node
/**
 * Builds the lab's Node programs into out/node/ with esbuild, so that nothing compiles TypeScript
 * at run time (`npm ci` runs it as the `prepare` step; bin/*.mjs run it again, saying so, when a
 * source changed since):
 *
 *   out/node/cli.mjs     the `forklab` command line (src-main/cli/main.ts)
 *   out/node/serve.mjs   the browser host (src-main/host/serve.ts)
 *   out/node/worker.mjs  the worker every job runs in (src-main/host/pool-worker.ts)
 *   out/node/bench.mjs   `npm run bench` (bench/run.ts)
 *   out/node/chunk-*.mjs code the entries share (each command's code is loaded when it is used)
 *   out/node/build.json  the source files the build read, for the staleness check (ensure-built.mjs)
 *
 * The lab's C runtime (src-main/vm/libc/crt.ts) is compiled here, once: its runtime object
 * (src-main/lang/runtime-object.ts) goes into the bundle in place of the empty list of
 * src-main/lang/prebuilt-runtime.ts, so `forklab run` never compiles it.
 *
 * The Electron main process is built by electron-vite (electron.vite.config.ts), into out/main/.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(REPO, 'out', 'node');

/** The programs built, by output name. */
export const ENTRIES = {
  cli: 'src-main/cli/main.ts',
  serve: 'src-main/host/serve.ts',
  worker: 'src-main/host/pool-worker.ts',
  bench: 'bench/run.ts',
};

/** Options shared by every esbuild call here. */
function esbuildOptions() {
  return {
    absWorkingDir: REPO,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // dependencies stay in node_modules (the out/node folder is inside the repository)
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    metafile: true,
    write: false,
  };
}

/** The serialised runtime object of the C runtime, compiled by the sources being built. */
async function prebuiltRuntimeObjects(esbuild) {
  const contents = [
    "import { compileRuntimeObject } from './src-main/lang/compiler.ts';",
    "import { serializeRuntimeObject } from './src-main/lang/runtime-object.ts';",
    "import { CRT } from './src-main/vm/libc/crt.ts';",
    // unit 1: after the program's one file, as forklab run, the app and /bin compile programs
    'const object = compileRuntimeObject([CRT], 1);',
    "if (!object) throw new Error(\"the lab's C runtime does not compile on its own\");",
    'export const objects = [serializeRuntimeObject(object)];',
  ].join('\n');
  const result = await esbuild.build({ ...esbuildOptions(), metafile: false, sourcemap: false, stdin: { contents, resolveDir: REPO, loader: 'ts' } });
  const code = result.outputFiles[0].text;
  const { objects } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return objects;
}

/** An esbuild plugin: prebuilt-runtime.ts holds `objects` instead of its empty list. */
function prebuiltRuntimePlugin(objects) {
  return {
    name: 'prebuilt-runtime',
    setup(build) {
      build.onLoad({ filter: /src-main[\\/]lang[\\/]prebuilt-runtime\.ts$/ }, () => ({
        contents: `export const PREBUILT_RUNTIME_OBJECTS = ${JSON.stringify(objects)};`,
        loader: 'js',
      }));
    },
  };
}

/** Writes a file through a temporary name and a rename, so a reader never sees half of it. */
function writeAtomic(path, contents) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

/**
 * Builds every entry into out/node. Returns the number of milliseconds it took. Chunks of older
 * builds are removed once they are a few minutes old (a process started before may still load them).
 */
export async function build() {
  const started = performance.now();
  const esbuild = await import('esbuild');
  const objects = await prebuiltRuntimeObjects(esbuild);
  const result = await esbuild.build({
    ...esbuildOptions(),
    plugins: [prebuiltRuntimePlugin(objects)],
    entryPoints: ENTRIES,
    outdir: OUT,
    splitting: true,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
  });
  mkdirSync(OUT, { recursive: true });
  const written = new Set();
  // chunks first, entries after them, build.json last: a reader that sees a new entry finds its chunks
  const files = [...result.outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
  for (const file of files) {
    writeAtomic(file.path, file.contents);
    written.add(file.path);
  }
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  inputs.push(relative(REPO, fileURLToPath(import.meta.url)));
  writeAtomic(join(OUT, 'build.json'), JSON.stringify({ builtAt: Date.now(), inputs }, null, 1) + '\n');
  removeOldChunks(written);
  return performance.now() - started;
}

function isEntry(path) {
  return !/[/\\]chunk-[^/\\]*$/.test(path);
}

/** Deletes chunk files this build did not write that are older than five minutes. */
function removeOldChunks(written) {
  const old = Date.now() - 5 * 60 * 1000;
  for (const name of readdirSync(OUT)) {
    const path = join(OUT, name);
    if (!name.startsWith('chunk-') || written.has(path) || written.has(path.replace(/\.map$/, ''))) continue;
    try {
      if (statSync(path).mtimeMs < old) rmSync(path, { force: true });
    } catch {
      // removed by another build meanwhile
    }
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  process.stderr.write('Building the lab (out/node)… ');
  const ms = await build();
  process.stderr.write(`done in ${(ms / 1000).toFixed(1)} s\n`);
}

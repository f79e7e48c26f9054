#!/usr/bin/env node
/**
 * Builds the lab's Node programs into out/node/ with esbuild, so that nothing compiles TypeScript
 * at run time (`npm ci` runs it as the `prepare` step; bin/*.mjs run it again, saying so, when a
 * source changed since):
 *
 *   out/node/cli.mjs     the `forklab` command line (src-main/cli/main.ts)
 *   out/node/serve.mjs   the browser host (src-main/host/serve.ts)
 *   out/node/worker.mjs  the worker of the pool, where every job runs (src-main/host/pool-worker.ts)
 *   out/node/cli-run.mjs `forklab run` alone (src-main/cli/main-run.ts): one file, no chunks
 *   out/node/run-worker.cjs  the single worker of `forklab run` (src-main/host/run-worker.ts)
 *   out/node/run-engine.cjs  the engines that worker loads (src-main/host/run-engine-bundle.ts): one
 *                        CommonJS file, which it compiles with V8's code cache (host/code-cache.ts)
 *   out/node/bench.mjs   `npm run bench` (bench/run.ts)
 *   out/node/chunk-*.mjs code the entries share (each command's code is loaded when it is used),
 *                        npm packages included (but piscina, which starts workers from its folder)
 *   out/node/build.json  the source files the build read, for the staleness check (ensure-built.mjs)
 *
 * What the lab would otherwise compile at every start is compiled here, once
 * (scripts/prebuilt-sources.ts): the C runtime's runtime object (src-main/lang/runtime-object.ts)
 * replaces the empty list of src-main/lang/prebuilt-runtime.ts, and the pack schema's validators
 * (ajv standalone code) replace src-main/packs/prebuilt-validators.ts.
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

/**
 * `forklab run`'s command line (src-main/cli/main-run.ts), which bin/forklab.mjs loads for `run`:
 * built on its own, so that what it needs at once is one file (its only chunks are what it loads
 * later, if ever), where the whole command line's build splits it among a dozen shared chunks.
 */
export const RUN_ENTRY = { 'cli-run': 'src-main/cli/main-run.ts' };

/** Built alone into one CommonJS file each (no chunks), by output name: `forklab run`'s worker. */
export const SCRIPTS = {
  // vm.Script compiles it with the code cache (src-main/host/code-cache.ts)
  'run-engine': 'src-main/host/run-engine-bundle.ts',
  // a worker starts about 3 ms sooner from a CommonJS file than from a module
  'run-worker': 'src-main/host/run-worker.ts',
};

/** Packages left in node_modules: piscina starts its workers from its own folder; tools of the build and the app. */
const UNBUNDLED = ['piscina', 'esbuild', 'tsx', 'electron', 'vite', 'vitest', '@playwright/test', 'playwright'];

/** Options shared by every esbuild call here. */
function esbuildOptions() {
  return {
    absWorkingDir: REPO,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // dependencies stay in node_modules (the out/node folder is inside the repository); the
    // lab's own build bundles them (build below)
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    metafile: true,
    write: false,
  };
}

/**
 * Runs scripts/prebuilt-sources.ts with the sources being built: the C runtime's runtime object
 * and the pack schema's validators (ajv standalone code).
 */
async function prebuild(esbuild) {
  const file = join(OUT, `.prebuild-${process.pid}.mjs`);
  mkdirSync(OUT, { recursive: true });
  try {
    await esbuild.build({ ...esbuildOptions(), metafile: false, sourcemap: false, write: true, entryPoints: ['scripts/prebuilt-sources.ts'], outfile: file });
    const sources = await import(pathToFileURL(file).href);
    return { runtimeObjects: sources.runtimeObjects(), validators: sources.validatorsModule() };
  } finally {
    rmSync(file, { force: true });
  }
}

/** An esbuild plugin: the prebuilt-*.ts modules hold what prebuild() made instead of nothing. */
function prebuiltPlugin(made) {
  return {
    name: 'prebuilt',
    setup(build) {
      build.onLoad({ filter: /src-main[\\/]lang[\\/]prebuilt-runtime\.ts$/ }, () => ({
        contents: `export const PREBUILT_RUNTIME_OBJECTS = ${JSON.stringify(made.runtimeObjects)};`,
        loader: 'js',
      }));
      build.onLoad({ filter: /src-main[\\/]packs[\\/]prebuilt-validators\.ts$/ }, () => ({ contents: made.validators, loader: 'js' }));
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
  const made = await prebuild(esbuild);
  const shared = {
    ...esbuildOptions(),
    plugins: [prebuiltPlugin(made)],
    // the libraries are bundled too (one file to parse instead of dozens of CommonJS modules to
    // find and wrap at every start), except those that find their own files at run time
    packages: undefined,
    external: UNBUNDLED,
  };
  const split = (entryPoints) =>
    esbuild.build({
      ...shared,
      // bundled CommonJS code calls require() for Node's own modules
      banner: { js: "import { createRequire as __forklabRequire } from 'node:module'; const require = __forklabRequire(import.meta.url);" },
      entryPoints,
      outdir: OUT,
      splitting: true,
      entryNames: '[name]',
      chunkNames: 'chunk-[hash]',
      outExtension: { '.js': '.mjs' },
    });
  const results = await Promise.all([
    split(ENTRIES),
    split(RUN_ENTRY),
    ...Object.entries(SCRIPTS).map(([name, entry]) => esbuild.build({ ...shared, format: 'cjs', entryPoints: [entry], outfile: join(OUT, `${name}.cjs`) })),
  ]);
  // the scripts before the entries (run-engine.cjs before run-worker.cjs, which loads it)
  const [lab, run, ...scripts] = results;
  const outputFiles = [...scripts, run, lab].flatMap((r) => r.outputFiles);
  mkdirSync(OUT, { recursive: true });
  const written = new Set();
  // chunks first, entries after them, build.json last: a reader that sees a new entry finds its chunks
  const files = [...outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
  for (const file of files) {
    writeAtomic(file.path, file.contents);
    written.add(file.path);
  }
  const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))].filter((f) => !f.startsWith('node_modules/'));
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

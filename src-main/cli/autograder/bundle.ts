/**
 * The lab as one JavaScript file for the autograders: `forklab autograde` (autograde.ts) with the
 * engine, the checker and every package they use, bundled by esbuild from this repository's
 * sources, so the platforms' machines need Node.js and nothing else (they cannot reach this
 * repository). Built when an autograder is exported, in memory.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const ENTRY_IN_REPO = join('src-main', 'cli', 'autograder', 'entry.ts');

/**
 * The repository's root: the nearest folder above `from` that holds the autograder's entry. This
 * file runs from its source (src-main/cli/autograder) or from the built lab (out/node/chunk-*.mjs).
 */
export function repositoryRoot(from: string): string | null {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ENTRY_IN_REPO))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/** The bundle's bytes: an ES module that runs `forklab autograde` with its command-line arguments. */
export async function autogradeBundle(): Promise<Uint8Array> {
  const REPO = repositoryRoot(fileURLToPath(import.meta.url));
  if (REPO === null) throw new Error(`the lab's sources are needed to build an autograder (${ENTRY_IN_REPO} was not found above ${fileURLToPath(import.meta.url)})`);
  const ENTRY = join(REPO, ENTRY_IN_REPO);
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    absWorkingDir: REPO,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    minify: true,
    legalComments: 'eof',
    logLevel: 'error',
    // CommonJS packages (ajv, yaml's helpers) call require: give the ES module one
    banner: { js: "import { createRequire as __forklabRequire } from 'node:module'; const require = __forklabRequire(import.meta.url);" },
  });
  return result.outputFiles[0].contents;
}

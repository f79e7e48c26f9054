/**
 * The lab as one JavaScript file for the autograders: `forklab autograde` (autograde.ts) with the
 * engine, the checker and every package they use, bundled by esbuild from this repository's
 * sources, so the platforms' machines need Node.js and nothing else (they cannot reach this
 * repository). Built when an autograder is exported, in memory.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository's root, from this file's place in it (src-main/cli/autograder). */
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = join(REPO, 'src-main', 'cli', 'autograder', 'entry.ts');

/** The bundle's bytes: an ES module that runs `forklab autograde` with its command-line arguments. */
export async function autogradeBundle(): Promise<Uint8Array> {
  if (!existsSync(ENTRY)) throw new Error(`the lab's sources are needed to build an autograder (${ENTRY} is missing)`);
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

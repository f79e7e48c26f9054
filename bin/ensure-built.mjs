// Finds a program built by scripts/build-node.mjs in out/node, building it first when it is
// missing or older than one of the sources it was built from (it says so on standard error).
// Costs a stat per source file (about a millisecond) when the build is up to date.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO = join(import.meta.dirname, '..');
const OUT = join(REPO, 'out', 'node');

/** True when out/node holds a build newer than every source file it read. */
function upToDate() {
  let build;
  try {
    build = JSON.parse(readFileSync(join(OUT, 'build.json'), 'utf8'));
  } catch {
    return false;
  }
  // the inputs are relative paths with '/' (esbuild's metafile), which every platform's fs takes
  // after the folder; path.join would normalise each of them, the most of this check's time
  for (const input of build.inputs) {
    try {
      if (statSync(`${REPO}/${input}`).mtimeMs > build.builtAt) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** The file URL of out/node/NAME.mjs, built first when needed. */
export async function builtEntry(name) {
  if (!upToDate()) {
    process.stderr.write('forklab: building the lab (out/node), once after each change of its sources… ');
    const { build } = await import('../scripts/build-node.mjs');
    const ms = await build();
    process.stderr.write(`done in ${(ms / 1000).toFixed(1)} s\n`);
  }
  return pathToFileURL(join(OUT, `${name}.mjs`)).href;
}

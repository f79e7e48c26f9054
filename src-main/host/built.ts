/**
 * Where the built programs are (scripts/build-node.mjs writes them to out/node/): found from
 * this module whether it runs from the TypeScript sources (tests) or from the build itself.
 */
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const BUILT_DIR = here.endsWith(`${sep}out${sep}node`) ? here : join(here, '..', '..', 'out', 'node');

/** The path of out/node/NAME (e.g. "worker.mjs", the pool's worker). */
export function builtFile(name: string): string {
  return join(BUILT_DIR, name);
}

/**
 * vitest's global setup: builds out/node (scripts/build-node.mjs) once before the tests when a
 * source changed, because tests start the built worker and the built `forklab` command.
 */
import { builtEntry } from '../bin/ensure-built.mjs';

export default async function setup(): Promise<void> {
  await builtEntry('cli');
}

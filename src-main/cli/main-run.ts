/**
 * `forklab run` alone, built into one file (out/node/cli-run.mjs, scripts/build-node.mjs) that
 * bin/forklab.mjs loads for `run`, the command scripts call most: it starts after loading one
 * module instead of a dozen chunks of the whole command line (main.ts), and starts its worker
 * first. It does what main.ts does for `run`.
 */
import type { Output } from './command.ts';
import { runCommand } from './dispatch.ts';
import { RUN_USAGE, commandRun } from './run.ts';
import { startRunWorker } from './run-worker.ts';

/**
 * Entry point of `forklab run ARGS` (argv[0] is "run"): returns the process exit status. The
 * worker starts before anything else, even before process.stdout and process.stderr (the
 * defaults of `out` and `err`), which take a millisecond or two to open.
 */
export async function main(argv: string[], out?: Output, err?: Output): Promise<number> {
  if (argv[0] !== 'run') throw new Error(`main-run.ts runs only the run command, not ${JSON.stringify(argv[0])}`);
  startRunWorker();
  return runCommand({ run: commandRun, usage: RUN_USAGE }, argv.slice(1), out ?? process.stdout, err ?? process.stderr);
}

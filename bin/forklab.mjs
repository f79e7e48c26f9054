#!/usr/bin/env node
// The `forklab` command line: see ../shared/spec/cli.md and README.md. Runs the built
// out/node/cli.mjs (scripts/build-node.mjs), never TypeScript; `run`, which scripts call most,
// runs out/node/cli-run.mjs, the same command built into one file, which starts sooner.
import { builtEntry } from './ensure-built.mjs';

const { main } = await import(await builtEntry(process.argv[2] === 'run' ? 'cli-run' : 'cli'));
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// The `forklab` command line: see ../shared/spec/cli.md and README.md. Runs the built
// out/node/cli.mjs (scripts/build-node.mjs), never TypeScript.
import { builtEntry } from './ensure-built.mjs';

const { main } = await import(await builtEntry('cli'));
process.exitCode = await main(process.argv.slice(2));

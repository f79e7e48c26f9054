#!/usr/bin/env node
// The `forklab` command line: see ../shared/spec/cli.md and README.md.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src-main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

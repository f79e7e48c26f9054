#!/usr/bin/env node
// `npm run bench [-- SECTION]`: bench/run.ts, built into out/node/bench.mjs.
import { builtEntry } from './ensure-built.mjs';

await import(await builtEntry('bench'));

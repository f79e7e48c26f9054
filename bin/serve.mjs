#!/usr/bin/env node
// `npm run serve`: the lab in a browser (src-main/host/serve.ts, built into out/node/serve.mjs).
import { builtEntry } from './ensure-built.mjs';

await import(await builtEntry('serve'));

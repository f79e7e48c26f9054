#!/usr/bin/env node
// Runs a TypeScript entry point of this repository with tsx: for the maintainers' tools only
// (npm run record). The lab itself (forklab, the browser host, its workers, the bench) runs the
// JavaScript built into out/node (scripts/build-node.mjs).
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const [, , entry, ...rest] = process.argv;
process.argv = [process.argv[0], entry, ...rest];
await import(pathToFileURL(resolve(entry)).href);

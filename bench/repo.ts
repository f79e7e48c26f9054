/**
 * The repository's root folder, found from this module whether it runs from bench/ (tsx) or
 * from the build in out/node (npm run bench).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRepo(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'forklab') return dir;
    if (dirname(dir) === dir) throw new Error(`no forklab repository above ${start}`);
  }
}

export const REPO = findRepo(import.meta.dirname);

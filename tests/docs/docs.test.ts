/**
 * The documentation users have says what the lab does: `forklab help` lists every command and
 * mentions `npm run serve`; docs/cli.md describes every command; docs/c.md names every header and
 * every program of /bin; the README's links stay inside the repository (users do not have the
 * files beside it).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src-main/cli/main.ts';
import type { Output } from '../../src-main/cli/command.ts';
import { HEADERS } from '../../src-main/lang/headers.ts';
import { programSources } from '../../src-main/vm/bin/programs.ts';

const ROOT = join(import.meta.dirname, '../..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const COMMANDS = ['run', 'explore', 'pack validate', 'pack schema', 'pack export', 'grade', 'check', 'autograde'];

describe('the docs', () => {
  it('forklab help lists every command and says where the lab itself is (npm run serve)', async () => {
    let text = '';
    const out = { write: (s: string) => ((text += s), true) } as unknown as Output;
    expect(await main(['help'], out, out)).toBe(0);
    for (const c of COMMANDS) expect(text, c).toContain(`forklab ${c}`);
    expect(text).toContain('npm run serve');
    expect(text).toContain('docs/cli.md');
  });

  it('docs/cli.md describes every command', () => {
    const cli = read('docs/cli.md');
    for (const c of COMMANDS) expect(cli, c).toContain(`## forklab ${c.split(' ')[0]}`);
    expect(cli).toContain('npm run serve');
  });

  it("docs/c.md names every header and every program of the lab's /bin", () => {
    const c = read('docs/c.md');
    for (const header of Object.keys(HEADERS).filter((h) => !h.startsWith('bits/'))) expect(c, header).toContain(`\`${header}\``);
    for (const path of programSources().keys()) if (path.startsWith('/bin/')) expect(c, path).toContain(`\`${path}`);
  });

  it("the README's links point inside the repository, at files that exist", () => {
    const readme = read('README.md');
    expect(readme).not.toMatch(/\.\.\/shared|\]\(\.\.\//);
    for (const [, file] of readme.matchAll(/`((?:docs|exercises)\/[\w./-]+\.md)`/g)) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });
});

/**
 * The documentation users have says what the lab does: `forklab help` lists every command and
 * mentions `npm run serve`; docs/cli.md describes every command; docs/c.md names every header and
 * every program of /bin; the README's links stay inside the repository (users do not have the
 * files beside it).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
    // what programs may be: the C accepted (docs/c.md) and every program of /bin, by name
    expect(text).toContain('docs/c.md');
    for (const path of programSources().keys()) if (path.startsWith('/bin/')) expect(text, path).toMatch(new RegExp(`[ ,]${path.slice(5)}[,\\n]`));
  });

  it('docs/cli.md describes every command and names every kind of teaching warning', () => {
    const cli = read('docs/cli.md');
    const kinds = [...read('src-main/kernel/warnings.ts').matchAll(/^\s+\| '([a-z-]+)'/gm)].map((m) => m[1]);
    expect(kinds.length).toBeGreaterThan(5);
    for (const kind of kinds) expect(cli, kind).toContain(`\`${kind}\``);
    for (const c of COMMANDS) expect(cli, c).toContain(`## forklab ${c.split(' ')[0]}`);
    expect(cli).toContain('npm run serve');
  });

  it("docs/c.md names every header and every program of the lab's /bin", () => {
    const c = read('docs/c.md');
    for (const header of Object.keys(HEADERS).filter((h) => !h.startsWith('bits/'))) expect(c, header).toContain(`\`${header}\``);
    for (const path of programSources().keys()) if (path.startsWith('/bin/')) expect(c, path).toContain(`\`${path}`);
  });

  // the documents users read: every link and every path they name is a file of the repository
  const DOCS = ['README.md', 'exercises/README.md', 'tests/differential/README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  // a path of the repository, not a placeholder such as tests/packs/accepted/ID/
  const TOP = /^(?:\.\.\/)*(?:docs|exercises|src-main|src-renderer|tests|scripts|bench|bin|\.ci)\/[\w./-]*$/;
  const PLACEHOLDER = /(^|\/)[A-Z][A-Z_-]*(\/|\.|$)/;

  for (const doc of DOCS) {
    it(`${doc}: every link and every file it names is in the repository`, () => {
      const text = read(doc);
      // users do not have the files beside the repository (the project's specs, design notes)
      expect(text, doc).not.toMatch(/\.\.\/shared|\/work\/|\bspec\/[\w-]+\.md|design\.md/);
      const named = [
        ...[...text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/.test(t)),
        ...[...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]).filter((t) => TOP.test(t) && !PLACEHOLDER.test(t)),
      ];
      for (const target of named) {
        const fromDoc = join(ROOT, dirname(doc), target);
        const fromRoot = join(ROOT, target);
        expect(existsSync(fromDoc) || existsSync(fromRoot), `${doc} names ${target}`).toBe(true);
      }
    });
  }

  it('the README links the documents a user reads next', () => {
    const readme = read('README.md');
    for (const doc of ['docs/cli.md', 'docs/c.md', 'docs/packs.md', 'docs/trace.md', 'exercises/README.md']) expect(readme, doc).toContain(`](${doc})`);
  });
});

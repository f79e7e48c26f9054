/**
 * Memcheck over the whole differential corpus: with memcheck on, every program still prints and
 * ends as it did on Linux (memcheck only watches), and the only memcheck warnings are the ones
 * a program announces on the line that earns them with a `memcheck: KIND` comment (the
 * deliberate mistakes, such as single/352_use_after_free_read.c). A correct program gets none.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCorpus, type CorpusProgram, corpusRunRequest } from './corpus.ts';
import { runProgram } from '../../src-main/vm/run.ts';

const MEMCHECK_KINDS = new Set(['use-after-free', 'uninitialised-value', 'missing-return']);

/** The warnings a program's `memcheck: KIND` comments announce, as "kind@line", sorted. */
function announced(program: CorpusProgram): string[] {
  const out: string[] = [];
  program.source.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(/memcheck: ([a-z-]+)/g)) out.push(`${m[1]}@${i + 1}`);
  });
  return out.sort();
}

for (const dir of ['single', 'multi']) {
  const corpus = loadCorpus(join(import.meta.dirname, dir));
  describe(`memcheck on the ${dir}-process corpus`, () => {
    it('has deliberate use-after-free programs', () => {
      if (dir === 'single') expect(corpus.flatMap(announced).map((w) => w.replace(/@.*/, ''))).toContain('use-after-free');
    });

    for (const program of corpus) {
      it(program.name, () => {
        const result = runProgram({ ...corpusRunRequest(program), memcheck: true });
        expect(program.allowed, result.stopMessage ?? undefined).toContainEqual({ stdout: result.stdout, exit: result.exit });
        const warned = result.warnings.filter((w) => MEMCHECK_KINDS.has(w.kind)).map((w) => `${w.kind}@${w.line}`).sort();
        expect(warned, result.warnings.map((w) => w.message).join('\n')).toEqual(announced(program));
      });
    }
  });
}

/**
 * The printf and scanf format warnings (as gcc -Wall gives them, src-main/lang/format-check.ts)
 * never fire on a program of the differential corpus: those are correct programs, which gcc
 * compiles without -Wformat warnings.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCorpus } from './corpus.ts';
import { compile } from '../../src-main/lang/compile.ts';
import { isFormatWarning } from '../../src-main/lang/format-check.ts';
import { CRT } from '../../src-main/vm/libc/crt.ts';

describe('format warnings stay silent on the corpus', () => {
  for (const dir of ['single', 'multi']) {
    it(`no program of ${dir}/ gets a format warning`, () => {
      const corpus = loadCorpus(join(import.meta.dirname, dir));
      expect(corpus.length).toBeGreaterThan(100);
      const warned: string[] = [];
      for (const program of corpus) {
        const name = `${program.name}.c`;
        const result = compile({ files: [{ name, text: program.source }], runtime: [CRT] });
        for (const d of result.diagnostics) {
          if (d.severity === 'warning' && isFormatWarning(d.message)) warned.push(`${name}:${d.line}:${d.column}: ${d.message}`);
        }
      }
      expect(warned).toEqual([]);
    });
  }
});

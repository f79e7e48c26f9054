/**
 * The lab against Linux: every single-process corpus program must print in the lab exactly what
 * it printed when compiled with gcc -O0 and run on a terminal (recorded by record.ts), and end
 * the same way.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCorpus, corpusRunRequest } from './corpus.ts';
import { runProgram } from '../../src-main/vm/run.ts';

const corpus = loadCorpus(join(import.meta.dirname, 'single'));

describe('single-process programs agree with gcc -O0 on Linux', () => {
  it('has the corpus the engine issue asks for (at least 60 programs)', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
  });

  for (const program of corpus) {
    it(program.name, () => {
      const result = runProgram(corpusRunRequest(program));
      expect(result.diagnosticsText, 'compiles').not.toMatch(/error:/);
      const outcome = { stdout: result.stdout, exit: result.exit };
      expect(program.allowed).toContainEqual(outcome);
    });
  }
});

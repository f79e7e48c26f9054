/**
 * The lab against Linux for processes: every multi-process corpus program (fork, wait, exec,
 * vfork, clone, threads, pipes, signals, zombies, orphans, stdio buffers) must print in the lab
 * what it printed when compiled with gcc -O0 and run on a terminal (recorded by record.ts), and
 * end the same way. A program marked `// outputs: any` may give any of its recorded outcomes.
 *
 * Pending: rename to multi.test.ts once the kernel model (fork and the rest) is in place.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCorpus, corpusRunRequest } from './corpus.ts';
import { runProgram } from '../../src-main/vm/run.ts';

const corpus = loadCorpus(join(import.meta.dirname, 'multi'));

describe('multi-process programs agree with gcc -O0 on Linux', () => {
  it('has the corpus the kernel issue asks for (at least 90 programs)', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(90);
  });

  for (const program of corpus) {
    it(program.name, () => {
      const result = runProgram(corpusRunRequest(program));
      expect(result.diagnosticsText, 'compiles').not.toMatch(/error:/);
      const outcome = { stdout: result.stdout, exit: result.exit };
      // a run stopped by a limit, a deadlock or an internal error says why in stopMessage
      expect(program.allowed, result.stopMessage ?? undefined).toContainEqual(outcome);
    });
  }
});

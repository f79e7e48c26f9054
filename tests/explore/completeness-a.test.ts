/**
 * Differential completeness (completeness.ts), first half of the multi-process corpus.
 */
import { describe, it } from 'vitest';
import { loadCorpus } from '../differential/corpus.ts';
import { checkCompleteness, subjectOf, titleOf } from './completeness.ts';

const PROGRAMS = loadCorpus('tests/differential/multi').filter((p) => p.name < '066');

describe('every output of every scheduler and of Linux is explored (001-065)', () => {
  for (const s of PROGRAMS.map(subjectOf)) it(titleOf(s), () => checkCompleteness(s));
});

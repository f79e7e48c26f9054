/**
 * Robustness: random and mutated programs never crash or hang the host. Each ends in
 * diagnostics, a fault, a normal exit, or a budget stop — with a result the tools can show.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { listPrograms } from '../differential/corpus.ts';
import { runProgram } from '../../src-main/vm/run.ts';

/** A small deterministic generator (mulberry32), so failures can be reproduced from the seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['{', '}', '(', ')', ';', '*', '&', '0', '-1', 'fork()', 'NULL', '[99999]', '/', '"', "'", '#', 'return', 'while (1)', '++', ','];

/** One mutation of `source`: delete, duplicate or swap lines, insert a piece, or cut the file. */
function mutate(source: string, rnd: () => number): string {
  const lines = source.split('\n');
  const pick = (): number => Math.floor(rnd() * lines.length);
  switch (Math.floor(rnd() * 5)) {
    case 0:
      lines.splice(pick(), 1);
      break;
    case 1: {
      const i = pick();
      lines.splice(i, 0, lines[i]);
      break;
    }
    case 2: {
      const i = pick();
      const j = pick();
      [lines[i], lines[j]] = [lines[j], lines[i]];
      break;
    }
    case 3: {
      const i = pick();
      const at = Math.floor(rnd() * (lines[i].length + 1));
      lines[i] = lines[i].slice(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + lines[i].slice(at);
      break;
    }
    default:
      return source.slice(0, Math.floor(rnd() * source.length));
  }
  return lines.join('\n');
}

const programs = [
  ...listPrograms(join(import.meta.dirname, '../differential/single')),
  ...listPrograms(join(import.meta.dirname, '../differential/multi')),
];
const STOPS = ['exited', 'step-limit', 'deadlock', 'output-limit', 'compile-error'];

describe('mutated programs never crash or hang the host', () => {
  it('runs 400 mutants of corpus programs to a clear end', () => {
    const rnd = random(2026);
    const seen = new Set<string>();
    for (let n = 0; n < 400; n++) {
      const base = programs[Math.floor(rnd() * programs.length)];
      let source = base.source;
      const rounds = 1 + Math.floor(rnd() * 3);
      for (let r = 0; r < rounds; r++) source = mutate(source, rnd);
      const result = runProgram({ source, maxSteps: 300_000, maxOutputBytes: 65_536, nprocLimit: 16, stdin: '3 4\n' });
      expect(STOPS, `${base.name} mutant ${n}`).toContain(result.stopReason);
      if (!result.ok) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      seen.add(result.stopReason);
    }
    // the mutants exercise more than one way of ending
    expect(seen.size).toBeGreaterThan(1);
  }, 120_000);

  it('survives random bytes as a program', () => {
    const rnd = random(7);
    for (let n = 0; n < 40; n++) {
      const bytes = Array.from({ length: 1 + Math.floor(rnd() * 300) }, () => Math.floor(rnd() * 128));
      const result = runProgram({ source: String.fromCharCode(...bytes), maxSteps: 100_000 });
      expect(STOPS).toContain(result.stopReason);
    }
  });
});

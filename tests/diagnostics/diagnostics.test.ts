/**
 * The broken-programs corpus: each NN_name.c starts with one or more lines
 *   // expect: LINE:COL: phrase of the message
 * and must produce a diagnostic at that line and column whose message (or its note) contains the
 * phrase. Programs compile with the lab's C runtime, as students' programs do.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { compile } from '../../src-main/lang/compile.ts';
import { CRT } from '../../src-main/vm/libc/crt.ts';

const dir = dirname(fileURLToPath(import.meta.url));
const programs = readdirSync(dir).filter((f) => /^\d+_.*\.c$/.test(f)).sort();

interface Expectation {
  line: number;
  column: number;
  phrase: string;
}

function expectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  for (const l of text.split('\n')) {
    const m = /^\/\/ expect: (\d+):(\d+): (.*)$/.exec(l);
    if (!m) break;
    out.push({ line: Number(m[1]), column: Number(m[2]), phrase: m[3].trim() });
  }
  return out;
}

describe('broken programs get the diagnostics a student needs', () => {
  it('has at least 30 programs', () => {
    expect(programs.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of programs) {
    it(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const wanted = expectations(text);
      expect(wanted.length, 'the file starts with // expect: lines').toBeGreaterThan(0);
      const result = compile({ files: [{ name, text }], runtime: [CRT] });
      const got = result.diagnostics.map((d) => `${d.line}:${d.column}: ${d.severity}: ${d.message}${d.hint ? ` (note: ${d.hint})` : ''}`);
      for (const w of wanted) {
        const found = result.diagnostics.some(
          (d) => d.file === name && d.line === w.line && d.column === w.column && (d.message.includes(w.phrase) || (d.hint ?? '').includes(w.phrase)),
        );
        expect(found, `expected ${w.line}:${w.column}: ${w.phrase}\ngot:\n${got.join('\n')}`).toBe(true);
      }
      // no diagnostics of the runtime leak into a student's program
      expect(result.diagnostics.filter((d) => d.message.startsWith('internal error'))).toEqual([]);
    });
  }
});

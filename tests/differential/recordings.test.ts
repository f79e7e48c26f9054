/**
 * The recordings in single/ must still hold: every program is compiled with this machine's gcc
 * and run on a fresh pseudo-terminal again, and the result must equal the .expected.json file.
 * gcc and python3 are required (CI installs them); without them this test fails, it never skips.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectedPathOf, listPrograms, loadCorpus, type Outcome } from './corpus.ts';
import { recordAll } from './recorder.ts';

const SINGLE = fileURLToPath(new URL('./single', import.meta.url));

function requireTool(command: string, purpose: string): void {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error(`${command} is not installed; the differential corpus needs it ${purpose} ` +
      `(Debian: apt-get install gcc python3)`);
  }
}

describe('single-process differential corpus', () => {
  it('has at least 70 programs, each with a well-formed recording', () => {
    const programs = listPrograms(SINGLE);
    expect(programs.length).toBeGreaterThanOrEqual(70);
    const corpus = loadCorpus(SINGLE);
    expect(corpus.map((p) => p.name)).toEqual(programs.map((p) => p.name));
    for (const p of corpus) expect(p.name, p.path).toMatch(/^\d{3}_[a-z0-9_]+$/);
  });

  it('records the program itself: its signal and code, and no shell message in the text', () => {
    const corpus = loadCorpus(SINGLE);
    const byName = new Map(corpus.map((p) => [p.name, p.expected]));
    expect(byName.get('081_fault_null_deref')?.exit).toEqual({ code: 139, signal: 'SIGSEGV' });
    expect(byName.get('083_fault_div_zero')?.exit).toEqual({ code: 136, signal: 'SIGFPE' });
    expect(byName.get('064_exit_263')?.exit).toEqual({ code: 7, signal: null });
    for (const p of corpus) {
      expect(p.expected.stdout, p.name).not.toMatch(/Segmentation fault|core dumped|Floating point exception/);
      expect(p.expected.stdout, p.name).not.toContain('\r');
    }
  });

  it('every recording still holds on this machine (gcc + pty)', async () => {
    requireTool('gcc', 'to compile the programs');
    requireTool('python3', 'to run them on a pseudo-terminal (tests/differential/pty-run.py)');
    const programs = listPrograms(SINGLE);
    const fresh = await recordAll(programs);
    const differing: string[] = [];
    for (const program of programs) {
      const recorded = JSON.parse(readFileSync(expectedPathOf(program.path), 'utf8')) as unknown;
      const now = fresh.get(program.name);
      if (program.outputs === 'any') {
        const allowed = (recorded as { outputs: Outcome[] }).outputs.map((o) => JSON.stringify(o));
        const seen = (now as { outputs: Outcome[] }).outputs.map((o) => JSON.stringify(o));
        if (!seen.every((o) => allowed.includes(o))) differing.push(program.name);
      } else if (JSON.stringify(now) !== JSON.stringify(recorded)) {
        differing.push(program.name);
        expect(now, program.name).toEqual(recorded);
      }
    }
    expect(differing, 're-record with: npm run record -- NAME').toEqual([]);
  }, 180_000);
});

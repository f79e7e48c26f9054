/**
 * The recordings in single/ and multi/ must still hold: every program is compiled with this
 * machine's gcc and run on a fresh pseudo-terminal again, and the result must equal the
 * .expected.json file. A program marked `// outputs: any` is run a few times (MULTI_RUNS_FOR_ANY)
 * and each outcome seen must be one of those recorded (its recording was made with many more
 * runs). gcc and python3 are required (CI installs them); without them this test fails, it
 * never skips.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectedPathOf, listPrograms, loadCorpus, type Outcome } from './corpus.ts';
import { recordAll } from './recorder.ts';

const SINGLE = fileURLToPath(new URL('./single', import.meta.url));
const MULTI = fileURLToPath(new URL('./multi', import.meta.url));
/** runs of each `outputs: any` program in the re-record check (recordings use `// runs:`) */
const MULTI_RUNS_FOR_ANY = 15;

function requireTool(command: string, purpose: string): void {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error(`${command} is not installed; the differential corpus needs it ${purpose} ` +
      `(Debian: apt-get install gcc python3)`);
  }
}

/**
 * Re-records every program of dir and fails naming those whose recording no longer holds:
 * deterministic programs must give the recorded outcome, `outputs: any` ones only outcomes
 * that were recorded.
 */
async function expectRecordingsHold(dir: string, maxRunsForAny?: number): Promise<void> {
  requireTool('gcc', 'to compile the programs');
  requireTool('python3', 'to run them on a pseudo-terminal (tests/differential/pty-run.py)');
  const programs = listPrograms(dir);
  const fresh = await recordAll(programs, { maxRunsForAny });
  const differing: string[] = [];
  for (const program of programs) {
    const recorded = JSON.parse(readFileSync(expectedPathOf(program.path), 'utf8')) as unknown;
    const now = fresh.get(program.name);
    if (program.outputs === 'any') {
      const allowed = (recorded as { outputs: Outcome[] }).outputs.map((o) => JSON.stringify(o));
      const seen = (now as { outputs: Outcome[] }).outputs.map((o) => JSON.stringify(o));
      const unexpected = seen.filter((o) => !allowed.includes(o));
      if (unexpected.length > 0) {
        differing.push(program.name);
        expect(unexpected, `${program.name}: outcomes not in the recording`).toEqual([]);
      }
    } else if (JSON.stringify(now) !== JSON.stringify(recorded)) {
      differing.push(program.name);
      expect(now, program.name).toEqual(recorded);
    }
  }
  expect(differing, 're-record with: npm run record -- [--dir DIR] NAME').toEqual([]);
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
    await expectRecordingsHold(SINGLE);
  }, 180_000);
});

describe('multi-process differential corpus', () => {
  it('has at least 90 programs, each with a well-formed recording', () => {
    const programs = listPrograms(MULTI);
    expect(programs.length).toBeGreaterThanOrEqual(90);
    const corpus = loadCorpus(MULTI);
    expect(corpus.map((p) => p.name)).toEqual(programs.map((p) => p.name));
    for (const p of corpus) {
      expect(p.name, p.path).toMatch(/^\d{3}_[a-z0-9_]+$/);
      if (p.outputs === 'any') {
        expect(p.runs ?? 0, `${p.name}: an outputs: any program needs // runs: 50 or more`).toBeGreaterThanOrEqual(50);
        expect(p.allowed.length, `${p.name}: nondeterministic, yet one outcome recorded`).toBeGreaterThan(1);
      }
    }
  });

  it('records what Linux does with processes: double printing, orphans, signals, zombies', () => {
    const byName = new Map(loadCorpus(MULTI).map((p) => [p.name, p.expected]));
    expect(byName.get('116_printf_no_newline_before_fork')?.stdout).toBe('hello from the child\nhello from the parent\n');
    // the orphan prints after its parent (the program) exited: still on the terminal
    expect(byName.get('112_orphan_reparented')?.stdout).toContain('orphan: my parent changed: yes\n');
    // core dumps are off (RLIMIT_CORE 0): Linux reports no core flag
    expect(byName.get('037_child_sigsegv')?.stdout).toContain('WTERMSIG=11 (SIGSEGV is 11) WCOREDUMP=0');
    expect(byName.get('109_ps_zombie')?.stdout).toContain('Z 109_ps_zombie\n');
    expect(byName.get('060_exec_in_main_process')?.stdout).toBe('before exec\nnow I am echo\n');
  });

  it('every recording still holds on this machine (gcc + pty)', async () => {
    await expectRecordingsHold(MULTI, MULTI_RUNS_FOR_ANY);
  }, 240_000);
});

/**
 * The explorer against Linux: for every multi-process program of the differential corpus, every
 * output recorded from real runs on Linux is in the explorer's set, and each output the explorer
 * gives replays to itself. (The explorer may find more than Linux showed in its recorded runs:
 * 028's child can exit before the parent's waitpid(WCONTINUED), which then reports the exit.)
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../differential/corpus.ts';
import { exploreImage } from '../../src-main/explore/explore.ts';
import { compileProgram, runProgram } from '../../src-main/vm/run.ts';

const PROGRAMS = loadCorpus('tests/differential/multi');

describe('explorer ⊇ Linux on the multi-process corpus', () => {
  it('has programs with several recorded outputs', () => {
    expect(PROGRAMS.filter((p) => p.allowed.length > 1).length).toBeGreaterThanOrEqual(4);
  });
  for (const p of PROGRAMS) {
    it(p.name, () => {
      const fileName = `${p.name}.c`;
      const image = compileProgram(p.source, fileName).image!;
      const stdin = p.stdin ?? undefined;
      const files = p.files.map((f) => ({ path: f.name, content: f.content }));
      const view = exploreImage(image, { fileName, args: p.args, stdin, files, maxRuns: 300, maxMs: 8000 });
      const found = new Set(view.outputs.map((o) => o.stdout));
      for (const linux of p.allowed) expect(found, `Linux output ${JSON.stringify(linux.stdout)}`).toContain(linux.stdout);
      for (const o of view.outputs.slice(0, 3)) {
        const replay = runProgram({ source: p.source, fileName, args: p.args, stdin, files, schedule: o.schedule });
        expect(replay.stdout).toBe(o.stdout);
      }
    });
  }
});

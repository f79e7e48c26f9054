/**
 * A graded run the app shows in the viewer (the run of a check: its own stdin, argv, files and
 * limits) is inspected like any run: the request the viewer sends back (the RunView's program
 * and options) must replay that very run, so that its variables are the engine's at each step.
 * Every exercise of the built-in pack is graded with its solution and one wrong submission, as
 * the app grades, and its run inspected at positions spread over it.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readPackFolder } from '../../src-main/cli/pack.ts';
import { loadPack } from '../../src-main/packs/load.ts';
import { gradeEngines } from '../../src-main/service/grade-engines.ts';
import { inspectStep } from '../../src-main/service/run-engines.ts';
import type { RunView } from '../../src-main/service/contract.ts';

const PACK = join(import.meta.dirname, '../../exercises/process-basics');

/** Positions spread over the run: at most `count`, the last one included. */
function spread(length: number, count: number): number[] {
  const every = Math.max(1, Math.floor(length / count));
  const out: number[] = [];
  for (let p = every; p <= length; p += every) out.push(p);
  if (out[out.length - 1] !== length) out.push(length);
  return out;
}

function expectReplayable(view: RunView, what: string): void {
  for (const position of spread(view.trace.length, 6)) {
    const e = view.trace[position - 1]!;
    const answer = inspectStep({
      run: { source: view.program.source, fileName: view.program.fileName, options: view.options },
      position, step: e.step, kind: e.kind, pid: e.pid,
    });
    expect(answer.exact, `${what}: event ${position} (${e.kind} of pid ${e.pid}) replays exactly`).toBe(true);
  }
}

describe("graded runs replay in the viewer's inspection", () => {
  const pack = loadPack(readPackFolder(PACK).files).pack!;
  it('for the solution and a wrong submission of every exercise', { timeout: 600_000 }, () => {
    let checked = 0;
    for (const exercise of pack.exercises) {
      if (exercise.question || exercise.solution === null) continue;
      const submissions = [exercise.solution, ...exercise.wrong.slice(0, 1).map((w) => w.source)];
      for (const [i, source] of submissions.entries()) {
        const grade = gradeEngines.grade(exercise, pack.id, source);
        if (!grade.run || grade.run.trace.length === 0) continue;
        expectReplayable(grade.run, `${exercise.id} (${i === 0 ? 'solution' : 'wrong'})`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

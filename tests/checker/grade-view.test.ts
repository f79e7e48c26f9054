/**
 * gradeSubmission as the service uses it: secret checks left out unless asked for, the first run
 * attached as a RunView that the results' steps point into (in detail mode when asked), plain JSON.
 */
import { describe, expect, it } from 'vitest';
import { eventsOf } from '../../src-main/kernel/trace.ts';
import { gradeSubmission } from '../../src-main/checker/grade.ts';
import { loadPack } from '../../src-main/packs/load.ts';
import { NO_WAIT, SOLUTION, tinyPack } from '../packs/tiny-pack.ts';

const pack = loadPack(tinyPack()).pack!;

describe('gradeSubmission', () => {
  it('leaves secret checks out for students and runs them for the instructor', () => {
    const student = gradeSubmission(pack, 'hello-fork', SOLUTION);
    expect(student.tests.map((t) => t.id)).toEqual(['compiles', 'child-first']);
    expect(student).toMatchObject({ packId: 'tiny', exerciseId: 'hello-fork', points: 4, max_points: 4, score: 1, gradable: true });
    const instructor = gradeSubmission(pack, 'hello-fork', SOLUTION, { includeSecret: true });
    expect(instructor.tests.map((t) => t.id)).toEqual(['compiles', 'child-first', 'secret-reaped']);
    expect(() => gradeSubmission(pack, 'nope', SOLUTION)).toThrow(/no exercise "nope"/);
  });

  it('attaches the run the links point into, as plain JSON', () => {
    const g = gradeSubmission(pack, 'hello-fork', NO_WAIT, { detail: true });
    const failed = g.tests.find((t) => t.id === 'child-first')!;
    expect(failed.status).toBe('failed');
    const run = g.run!;
    expect(run.stdout).toBe('parent\nchild\n');
    const event = eventsOf(run.trace, 'output').find((e) => e.step === failed.step && e.pid === failed.pid);
    expect(event?.text).toBe('parent\n');
    expect(run.trace.some((e) => e.kind === 'line')).toBe(true);
    expect(run.program.functions.map((f) => f.name)).toContain('main');
    expect(run.options.maxSteps).toBe(5_000_000);
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
  });

  it('gives the compile-error run of a submission that does not compile', () => {
    const g = gradeSubmission(pack, 'hello-fork', 'int main( {');
    expect(g.gradable).toBe(false);
    expect(g.run).toMatchObject({ ok: false, stopReason: 'compile-error' });
    expect(g.run!.diagnostics[0].severity).toBe('error');
  });
});

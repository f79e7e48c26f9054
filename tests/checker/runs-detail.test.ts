/** The graded run the app's viewer replays shows structs field by field, as a plain run's does. */
import { describe, expect, it } from 'vitest';
import { RunCache, compileSubmission } from '../../src-main/checker/runs.ts';

const SOURCE = 'struct point { int x; int y; };\nint main(void) {\n  struct point p = { 3, 4 };\n  p.x = 5;\n  return p.x + p.y;\n}\n';

describe('graded runs in detail mode', () => {
  it('read struct variables with their layout', () => {
    const cache = new RunCache(compileSubmission(SOURCE, 'prog.c'), 'prog.c', {}, true);
    const run = cache.run();
    const values = run.trace.filter((e) => e.kind === 'line').flatMap((e) => (e.vars as { name: string; value: string }[]) ?? []);
    expect(values.filter((v) => v.name === 'p').map((v) => v.value)).toContain('{.x = 5, .y = 4}');
  });
});

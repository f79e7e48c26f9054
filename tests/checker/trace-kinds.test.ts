// A graded run keeps only the trace events the checker reads (GRADING_TRACE): every event kind
// the checker's code names must be one of them, or a check would read a trace without its events.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRADING_TRACE } from '../../src-main/checker/runs.ts';
import { runImage, compileProgram } from '../../src-main/vm/run.ts';

const SRC = join(import.meta.dirname, '..', '..', 'src-main');

/** Every event kind of the trace, read from EventDetails in kernel/trace.ts. */
function traceKinds(): string[] {
  const text = readFileSync(join(SRC, 'kernel', 'trace.ts'), 'utf8');
  const body = text.slice(text.indexOf('export interface EventDetails'), text.indexOf('export type TraceKind'));
  return [...body.matchAll(/^ {2}'?([a-z-]+)'?: /gm)].map((m) => m[1]);
}

describe('the events a graded run keeps', () => {
  it('include every event kind the checker names', () => {
    const kinds = traceKinds();
    expect(kinds).toEqual(expect.arrayContaining(['clone', 'exit', 'mm-snapshot', 'line', 'switch']));
    const checker = join(SRC, 'checker');
    const named = new Set<string>();
    for (const file of readdirSync(checker).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const text = readFileSync(join(checker, file), 'utf8');
      for (const kind of kinds) if (text.includes(`'${kind}'`)) named.add(kind);
    }
    expect([...named].filter((k) => !GRADING_TRACE.includes(k as never))).toEqual([]);
  });

  it('are all a run makes of those kinds, and no others', () => {
    const source = '#include <stdio.h>\n#include <unistd.h>\n#include <sys/wait.h>\nint main(void) { if (fork() == 0) { printf("child\\n"); return 0; } wait(NULL); return 0; }\n';
    const image = compileProgram(source).image!;
    const full = runImage(image, {});
    const graded = runImage(image, { trace: GRADING_TRACE });
    expect(graded.trace).toEqual(full.trace.filter((e) => GRADING_TRACE.includes(e.kind)));
    expect(graded.trace.some((e) => e.kind === 'mm-snapshot' || e.kind === 'switch')).toBe(false);
    expect(full.trace.some((e) => e.kind === 'mm-snapshot')).toBe(true);
    expect(graded.stats).toEqual(full.stats);
    expect(graded.stdout).toBe(full.stdout);
  });
});

/**
 * Places a student reads are places of the student's file: every line an event, a warning or a
 * stop message names is a line of the program (the lab's C runtime is compiled from C too, and
 * its lines must never leak), and a fault inside the C library is at the student's line that
 * called into it.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../differential/corpus.ts';
import { runProgram } from '../../src-main/vm/run.ts';

/**
 * Every line number a run reports: events, warnings, the stop message. Detail mode adds line
 * events, which name lines of the user's file by construction; the corpus runs without it.
 */
function reportedLines(source: string, extra: { args?: string[]; stdin?: string; detail?: boolean } = {}): { lines: number[]; message: string | null } {
  const r = runProgram({ source, detail: true, ...extra });
  const lines = r.trace.flatMap((e) => (e.line !== undefined ? [e.line] : []));
  for (const w of r.warnings) if (w.line !== null) lines.push(w.line);
  const m = /line (\d+)/.exec(r.stopMessage ?? '');
  if (m) lines.push(Number(m[1]));
  return { lines, message: r.stopMessage };
}

describe("the lab names lines of the student's file only", () => {
  for (const dir of ['tests/differential/multi', 'tests/differential/single']) {
    it(`in every program of ${dir}`, () => {
      for (const p of loadCorpus(dir)) {
        const count = p.source.split('\n').length;
        const { lines } = reportedLines(p.source, { args: p.args, detail: false, ...(p.stdin !== null ? { stdin: p.stdin } : {}) });
        const outside = lines.filter((l) => l < 1 || l > count);
        expect(outside, `${p.name} (${count} lines) names lines outside the file`).toEqual([]);
      }
    });
  }

  it('puts a fault inside the C library at the line that called it', () => {
    const { message } = reportedLines('#include <stdio.h>\n#include <string.h>\nint main(void) {\n  char *s = NULL;\n  printf("%d\\n", (int)strlen(s));\n  return 0;\n}\n');
    expect(message).toMatch(/SIGSEGV.*line 5$/);
  });

  it('says a crash after main returned happened outside the program, not at a line of the runtime', () => {
    // the vfork child returns from main: the parent resumes on a clobbered stack and crashes in the runtime
    const source = '#include <stdio.h>\n#include <unistd.h>\nint main(void) {\n  pid_t p = vfork();\n  if (p == 0) return 0;\n  printf("parent\\n");\n  return 0;\n}\n';
    const { lines, message } = reportedLines(source);
    expect(lines.every((l) => l >= 1 && l <= 8)).toBe(true);
    expect(message).toMatch(/SIGSEGV/);
    expect(message).toMatch(/outside the program's own functions/);
  });
});

/**
 * The teaching warnings (spec/kernel-model.md section 10): each kind is raised by the program
 * that makes the mistake, with the process and the source line, and not by a correct program.
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src-main/vm/run.ts';

const HEAD = '#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n#include <sys/wait.h>\n';

function kinds(source: string, options: { nprocLimit?: number; maxSteps?: number } = {}) {
  const r = runProgram({ source: HEAD + source, ...options });
  expect(r.ok, r.diagnosticsText).toBe(true);
  return r.warnings;
}

describe('teaching warnings', () => {
  it('says nothing about a correct fork and wait', () => {
    expect(kinds('int main(void) { if (fork() == 0) _exit(0); wait(NULL); return 0; }\n')).toEqual([]);
  });

  it('fork-with-unflushed-stdout: printf without a newline before fork', () => {
    const w = kinds('int main(void) {\n  printf("hello ");\n  if (fork() == 0) return 0;\n  wait(NULL);\n  return 0;\n}\n');
    expect(w).toContainEqual(expect.objectContaining({ kind: 'fork-with-unflushed-stdout', line: 7 }));
  });

  it('orphan-reparented and zombie-not-reaped: a parent that exits without waiting', () => {
    const w = kinds('int main(void) {\n  if (fork() == 0) { sleep(2); return 0; }\n  if (fork() == 0) return 0;\n  sleep(1);\n  return 0;\n}\n');
    const found = w.map((x) => x.kind);
    expect(found).toContain('orphan-reparented');
    expect(found).toContain('zombie-not-reaped');
  });

  it('fork-failed-rlimit: a fork bomb', () => {
    const w = kinds('int main(void) { while (1) fork(); }\n', { nprocLimit: 8, maxSteps: 200_000 });
    expect(w.map((x) => x.kind)).toContain('fork-failed-rlimit');
  });

  it('exec-failed-fell-through: a child that forgets to exit after a failed exec', () => {
    const w = kinds('int main(void) {\n  for (int i = 0; i < 2; i++) {\n    if (fork() == 0) execl("/bin/nope", "nope", (char *)NULL);\n  }\n  while (wait(NULL) > 0) {}\n  return 0;\n}\n');
    expect(w.map((x) => x.kind)).toContain('exec-failed-fell-through');
  });

  it('vfork-child-called-function: a vfork child that calls printf', () => {
    const w = kinds('int main(void) {\n  if (vfork() == 0) {\n    printf("child\\n");\n    _exit(0);\n  }\n  return 0;\n}\n');
    expect(w).toContainEqual(expect.objectContaining({ kind: 'vfork-child-called-function', line: 7 }));
    // gcc -O0 compiles that printf as puts: the warning names the function the student wrote
    expect(w.find((x) => x.kind === 'vfork-child-called-function')?.message).toContain('called printf()');
  });

  it('vfork-child-returned: a vfork child that returns from the function that called vfork', () => {
    const w = kinds('pid_t spawn(void) { return vfork(); }\nint main(void) {\n  if (spawn() == 0) { _exit(0); }\n  return 0;\n}\n');
    expect(w.map((x) => x.kind)).toContain('vfork-child-returned');
  });

  it('vfork-child-returned: a vfork child that returns from main, named at the vfork() line', () => {
    // the C runtime that called main calls exit() after main returns: that is no function the
    // child called from main, it is main's frame gone (the parent crashes on it, SIGSEGV on Linux)
    const w = kinds('int x = 1;\nint main(void) {\n  if (vfork() == 0) {\n    x = 2;\n    return 0;\n  }\n  return x;\n}\n');
    const vfork = w.filter((x) => x.kind.startsWith('vfork-child-') && x.kind !== 'vfork-child-wrote-memory');
    expect(vfork).toEqual([expect.objectContaining({ kind: 'vfork-child-returned', line: 7, pid: 4 })]);
    expect(vfork[0].message).toContain('on line 7');
  });

  it('zombie-not-reaped: zombies still there when a run is stopped', () => {
    const w = kinds('int main(void) { if (fork() == 0) return 0; sleep(1); for (;;) {} }\n', { maxSteps: 100_000 });
    expect(w.map((x) => x.kind)).toContain('zombie-not-reaped');
  });

  it('vfork-child-wrote-memory: a vfork child that stores to its parent\'s variable', () => {
    const w = kinds('int main(void) {\n  int n = 0;\n  if (vfork() == 0) {\n    n = 1;\n    _exit(0);\n  }\n  return n;\n}\n');
    expect(w).toContainEqual(expect.objectContaining({ kind: 'vfork-child-wrote-memory', line: 8, pid: 4 }));
    expect(w.filter((x) => x.kind.startsWith('vfork'))).toHaveLength(1);
  });

  it('puts every warning in the trace as well, with the same kind, process and line', () => {
    const programs = [
      'int main(void) {\n  printf("hello ");\n  if (fork() == 0) return 0;\n  wait(NULL);\n  return 0;\n}\n',
      'int main(void) {\n  if (fork() == 0) { sleep(2); return 0; }\n  if (fork() == 0) return 0;\n  sleep(1);\n  return 0;\n}\n',
      'pid_t spawn(void) { return vfork(); }\nint main(void) {\n  if (spawn() == 0) { _exit(0); }\n  return 0;\n}\n',
      'int main(void) {\n  int n = 0;\n  if (vfork() == 0) {\n    n = 1;\n    printf("x\\n");\n    _exit(0);\n  }\n  return n;\n}\n',
    ];
    const seen = new Set<string>();
    for (const source of programs) {
      const r = runProgram({ source: HEAD + source });
      const events = r.trace.filter((e) => e.kind === 'warning');
      expect(events.map((e) => [e.warningKind, e.pid, e.line ?? null])).toEqual(r.warnings.map((x) => [x.kind, x.pid, x.line]));
      for (const x of r.warnings) seen.add(x.kind);
    }
    expect([...seen].sort()).toEqual(['fork-with-unflushed-stdout', 'orphan-reparented', 'vfork-child-called-function', 'vfork-child-returned', 'vfork-child-wrote-memory', 'zombie-not-reaped']);
  });

  it('leaves a correct vfork + exec alone', () => {
    expect(kinds('int main(void) { if (vfork() == 0) { execl("/bin/true", "true", (char *)NULL); _exit(1); } wait(NULL); return 0; }\n')).toEqual([]);
  });
});

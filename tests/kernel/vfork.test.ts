/**
 * vfork: the parent sleeps (D) until the child execs or exits, and a child that writes memory
 * its parent will see gets the `vfork-child-wrote-memory` warning, with the line of the write.
 */
import { describe, expect, it } from 'vitest';
import { HEAD_LINES, eventsOf, expectKind, run } from './helpers.ts';

describe('vfork', () => {
  it('wakes the parent when the child execs: vfork-done comes with the exec, before the child ends', () => {
    const r = run([
      'int main(void) {',
      '  pid_t pid = vfork();',
      '  if (pid == 0) { execl("/bin/echo", "echo", "child", (char *)NULL); _exit(127); }',
      '  printf("parent\\n");',
      '  waitpid(pid, NULL, 0);',
      '  return 0;',
      '}',
    ].join('\n'));
    const child = eventsOf(r.trace, 'clone')[0].child as number;
    const block = r.trace.findIndex((e) => e.kind === 'block' && e.pid === 3 && e.on === 'vfork');
    const exec = r.trace.findIndex((e) => e.kind === 'exec' && e.pid === child);
    const done = r.trace.findIndex((e) => e.kind === 'vfork-done' && e.pid === child);
    const wake = r.trace.findIndex((e) => e.kind === 'wake' && e.pid === 3 && e.reason === 'vfork-done');
    const exit = r.trace.findIndex((e) => e.kind === 'exit' && e.pid === child);
    expect(block).toBeGreaterThan(0);
    expect(block).toBeLessThan(done);
    expect(exec).toBeGreaterThan(0);
    expect(done).toBeGreaterThan(block);
    expect(wake).toBe(done + 1);
    // the parent woke at the exec, not at the child's end
    expect(wake).toBeLessThan(exit);
    expect(r.warnings).toEqual([]);
  });

  it('wakes the parent when the child calls _exit', () => {
    const r = run('int main(void) {\n  if (vfork() == 0) _exit(3);\n  int s; wait(&s);\n  printf("%d\\n", WEXITSTATUS(s));\n  return 0;\n}\n');
    expect(r.stdout).toBe('3\n');
    const child = eventsOf(r.trace, 'clone')[0].child as number;
    const done = r.trace.findIndex((e) => e.kind === 'vfork-done' && e.pid === child);
    const exit = r.trace.findIndex((e) => e.kind === 'exit' && e.pid === child);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(exit);
    expect(expectKind(r.trace[done], 'vfork-done').parent).toBe(3);
  });

  it('vfork-child-wrote-memory: a child that writes a local of its parent', () => {
    const r = run([
      'int main(void) {',
      '  int x = 1;',
      '  if (vfork() == 0) {',
      '    x = 2;',
      '    _exit(0);',
      '  }',
      '  printf("%d\\n", x);',
      '  return 0;',
      '}',
    ].join('\n'));
    expect(r.stdout).toBe('2\n');
    expect(r.warnings).toContainEqual(expect.objectContaining({ kind: 'vfork-child-wrote-memory', pid: 4, line: HEAD_LINES + 4 }));
    expect(eventsOf(r.trace, 'warning')).toContainEqual(expect.objectContaining({ warningKind: 'vfork-child-wrote-memory', pid: 4, line: HEAD_LINES + 4 }));
  });

  it('vfork-child-wrote-memory: a child that writes a global', () => {
    const r = run([
      'int counter = 0;',
      'int main(void) {',
      '  if (vfork() == 0) {',
      '    counter++;',
      '    _exit(0);',
      '  }',
      '  printf("%d\\n", counter);',
      '  return 0;',
      '}',
    ].join('\n'));
    expect(r.stdout).toBe('1\n');
    const w = r.warnings.filter((x) => x.kind === 'vfork-child-wrote-memory');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ pid: 4, line: HEAD_LINES + 4 });
    expect(w[0].message).toMatch(/shares with its parent/);
  });

  it('raises nothing for a correct vfork + exec, even with pid = vfork() and a failed exec', () => {
    const r = run([
      'int main(void) {',
      '  pid_t pid = vfork();',
      '  if (pid == 0) {',
      '    execl("/bin/nope", "nope", (char *)NULL);',
      '    _exit(127);',
      '  }',
      '  int s; waitpid(pid, &s, 0);',
      '  pid = vfork();',
      '  if (pid == 0) { execlp("true", "true", (char *)NULL); _exit(127); }',
      '  waitpid(pid, &s, 0);',
      '  printf("%d\\n", WEXITSTATUS(s));',
      '  return 0;',
      '}',
    ].join('\n'));
    expect(r.stdout).toBe('0\n');
    expect(r.warnings).toEqual([]);
  });

  it('lets a vfork child compute in frames of its own without a warning, and stops watching a long one', () => {
    const r = run([
      'static int spin(int n) {',
      '  int s = 0;',
      '  for (int i = 0; i < n; i++) s += i & 1;',
      '  return s;',
      '}',
      'int main(void) {',
      '  if (vfork() == 0) _exit(spin(100000) == 50000 ? 5 : 6);',
      '  int st; wait(&st);',
      '  printf("%d\\n", WEXITSTATUS(st));',
      '  return 0;',
      '}',
    ].join('\n'));
    expect(r.stdout).toBe('5\n');
    expect(r.warnings).toEqual([]);
  });

  it('costs nothing once the child has exec\'d: the exec\'d program writes freely', () => {
    const r = run('int main(void) {\n  if (vfork() == 0) { execl("/bin/echo", "echo", "a", "b", (char *)NULL); _exit(1); }\n  wait(NULL);\n  return 0;\n}\n');
    expect(r.stdout).toBe('a b\n');
    expect(r.warnings).toEqual([]);
  });
});

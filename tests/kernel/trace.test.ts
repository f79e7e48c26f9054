/**
 * The trace's contract (docs/trace.md, format version 2): the events a program's life produces,
 * with the fields the viewer and the grader read, and a trace that stays small for long runs.
 */
import { describe, expect, it } from 'vitest';
import { TRACE_VERSION, Trace } from '../../src-main/kernel/trace.ts';
import { HEAD_LINES, eventsOf, expectKind, run } from './helpers.ts';

describe('trace format 2', () => {
  it('is version 2', () => {
    expect(TRACE_VERSION).toBe(2);
  });

  it('starts with init, the shell and the program, and ends with run-end', () => {
    const r = run('int main(void) { printf("hi\\n"); return 0; }\n');
    const news = eventsOf(r.trace, 'task-new');
    expect(news.map((e) => [e.pid, e.ppid, e.command])).toEqual([[1, 0, 'init'], [2, 1, 'sh'], [3, 2, 'prog']]);
    const last = r.trace[r.trace.length - 1];
    expect(last).toMatchObject({ kind: 'run-end', reason: 'exited', message: null, pid: 3 });
    expect(eventsOf(r.trace, 'run-end')).toHaveLength(1);
    expect(r.traceDropped).toBe(0);
    // steps never go back
    for (let i = 1; i < r.trace.length; i++) expect(r.trace[i].step).toBeGreaterThanOrEqual(r.trace[i - 1].step);
  });

  it('describes a fork: clone with its fields, then the page tables of child and parent', () => {
    const r = run('int main(void) {\n  pid_t p = fork();\n  if (p == 0) _exit(0);\n  wait(NULL);\n  return 0;\n}\n');
    const i = r.trace.findIndex((e) => e.kind === 'clone');
    const clone = expectKind(r.trace[i], 'clone');
    expect(clone).toMatchObject({ pid: 3, child: 4, what: 'fork', childParent: 3, tgid: 4, command: 'prog', line: HEAD_LINES + 2 });
    expect(clone.steps).toContain('copy_mm');
    const [child, parent] = [expectKind(r.trace[i + 1], 'mm-snapshot'), expectKind(r.trace[i + 2], 'mm-snapshot')];
    expect(child).toMatchObject({ kind: 'mm-snapshot', pid: 4, mm: clone.mm });
    expect(parent).toMatchObject({ kind: 'mm-snapshot', pid: 3 });
    expect(parent.mm).not.toBe(clone.mm);
    // after a COW fork every writable page is shared copy-on-write, with two references
    const pages = child.pages as [number, number, string][];
    const refs = new Map(child.refs as [number, number][]);
    const cow = pages.filter(([, , flags]) => flags.includes('c'));
    expect(cow.length).toBeGreaterThan(0);
    for (const [, frame, flags] of cow) {
      expect(flags).not.toContain('w');
      expect(refs.get(frame)).toBe(2);
    }
    expect((child.segments as { name: string }[]).map((s) => s.name)).toEqual(expect.arrayContaining(['text', 'data', 'stack']));
  });

  it('traces a switch only when the CPU changes task, and block/wake with what the task waits on', () => {
    const r = run('int main(void) {\n  pid_t p = fork();\n  if (p == 0) { sleep(1); _exit(0); }\n  waitpid(p, NULL, 0);\n  return 0;\n}\n');
    const switches = eventsOf(r.trace, 'switch');
    for (let i = 1; i < switches.length; i++) expect(switches[i].pid).not.toBe(switches[i - 1].pid);
    expect(switches.map((s) => s.pid)).toEqual([3, 4, 3]);
    expect(switches[1].from).toBe(3);
    expect(eventsOf(r.trace, 'block')).toEqual([
      expect.objectContaining({ pid: 3, on: 'wait', waitPid: 4 }),
      expect.objectContaining({ pid: 4, on: 'sleep', until: expect.any(Number) }),
    ]);
    expect(eventsOf(r.trace, 'wake').filter((e) => e.pid !== 2)).toEqual([
      expect.objectContaining({ pid: 4, reason: 'timer' }),
      expect.objectContaining({ pid: 3, reason: 'child-exited' }),
    ]);
  });

  it('traces each system call with its arguments, result and errno', () => {
    const r = run('int main(void) {\n  getpid();\n  close(42);\n  int s;\n  waitpid(-1, &s, WNOHANG);\n  execl("/nope", "nope", (char *)NULL);\n  _exit(4);\n}\n');
    const calls = eventsOf(r.trace, 'syscall').map((e) => ({ name: e.name, args: e.args, result: e.result, errno: e.errno, line: e.line }));
    expect(calls).toEqual([
      { name: 'getpid', args: [], result: 3, errno: null, line: HEAD_LINES + 2 },
      { name: 'close', args: [42], result: -1, errno: 'EBADF', line: HEAD_LINES + 3 },
      { name: 'waitpid', args: [-1, expect.any(Number), 1], result: -1, errno: 'ECHILD', line: HEAD_LINES + 5 },
      { name: 'execl', args: ['/nope', expect.any(Number), 0], result: -1, errno: 'ENOENT', line: HEAD_LINES + 6 },
      { name: '_exit', args: [4], result: null, errno: null, line: HEAD_LINES + 7 },
    ]);
  });

  it('traces the writes printf makes, the heap moves of malloc, and output with its writer', () => {
    const r = run('int main(void) {\n  char *p = malloc(10000);\n  p[9999] = 1;\n  printf("x\\n");\n  return 0;\n}\n');
    expect(eventsOf(r.trace, 'brk')[0]).toMatchObject({ pid: 3, mm: 1, line: HEAD_LINES + 2 });
    const brk = eventsOf(r.trace, 'brk')[0];
    expect(brk.to as number).toBeGreaterThan(brk.from as number);
    expect(eventsOf(r.trace, 'syscall').filter((e) => e.name === 'write')).toEqual([
      expect.objectContaining({ args: [1, 2], result: 2, line: HEAD_LINES + 4 }),
    ]);
    expect(eventsOf(r.trace, 'output')).toEqual([expect.objectContaining({ pid: 3, fd: 1, text: 'x\n' })]);
  });

  it('puts each teaching warning in the trace too', () => {
    const r = run('int main(void) {\n  printf("a");\n  if (fork() == 0) return 0;\n  wait(NULL);\n  return 0;\n}\n');
    expect(eventsOf(r.trace, 'warning')).toEqual([
      expect.objectContaining({ pid: 3, warningKind: 'fork-with-unflushed-stdout', line: HEAD_LINES + 3, message: r.warnings[0].message }),
    ]);
  });

  it('traces a signal from its sending to what it did: a handler, or the death of the receiver', () => {
    const r = run([
      'static void on_usr1(int sig) { write(1, "usr1\\n", 5); }',
      'int main(void) {',
      '  signal(SIGUSR1, on_usr1);',
      '  pid_t pid = fork();',
      '  if (pid == 0) { for (;;) pause(); }',
      '  kill(pid, SIGUSR1);',
      '  sleep(1);',
      '  kill(pid, SIGKILL);',
      '  int s; waitpid(pid, &s, 0);',
      '  printf("%d\\n", WTERMSIG(s));',
      '  return 0;',
      '}',
    ].join('\n'));
    expect(r.stdout).toBe('usr1\n9\n');
    const signals = r.trace.flatMap((e) => ((e.kind === 'signal-send' || e.kind === 'signal-deliver' || e.kind === 'signal-handler') && e.pid === 4 ? [[e.kind, e.signal]] : []));
    expect(signals).toEqual([['signal-send', 10], ['signal-handler', 10], ['signal-send', 9], ['signal-deliver', 9]]);
    expect(eventsOf(r.trace, 'signal-send').find((e) => e.signal === 10)).toMatchObject({ from: 3 });
    expect(eventsOf(r.trace, 'exit').find((e) => e.pid === 4)).toMatchObject({ signal: 'SIGKILL', status: 9 });
  });

  it('says why the run ended', () => {
    const r = run('int main(void) { for (;;) {} }\n', { maxSteps: 10_000 });
    expect(r.trace[r.trace.length - 1]).toMatchObject({ kind: 'run-end', reason: 'step-limit' });
    expect(String(expectKind(r.trace[r.trace.length - 1], 'run-end').message)).toMatch(/step limit/);
  });

  it('stays compact: a million steps of computing and a thousand forks are a few events each', () => {
    const loop = run('int main(void) {\n  long s = 0;\n  for (long i = 0; i < 200000; i++) s += i;\n  printf("%ld\\n", s);\n  return 0;\n}\n');
    expect(loop.stats.steps).toBeGreaterThan(1_000_000);
    expect(loop.trace.length).toBeLessThan(100);
    const forks = run('int main(void) {\n  for (int i = 0; i < 1000; i++) { if (fork() == 0) _exit(0); wait(NULL); }\n  return 0;\n}\n');
    expect(forks.stats.forks).toBe(1000);
    expect(forks.trace.length / 1000).toBeLessThan(60);
  });

  it('gives system-call events their exact step at full speed: the same as when stepping one instruction at a time', () => {
    const source = 'int main(void) {\n  for (int i = 0; i < 3; i++) {\n    printf("%d\\n", i);\n    if (fork() == 0) { printf("child\\n"); _exit(i); }\n    wait(NULL);\n  }\n  return 0;\n}\n';
    const exact = (t: typeof fast.trace) => t.filter((e) => ['syscall', 'output', 'clone', 'exit', 'reap', 'switch', 'block', 'wake'].includes(e.kind))
      .map((e) => [e.kind, e.pid, e.step, e.time]);
    const fast = run(source);
    const stepped = run(source, { detail: true });
    expect(exact(fast.trace).length).toBeGreaterThan(20);
    expect(exact(fast.trace)).toEqual(exact(stepped.trace));
    // and a system call's step counts the instructions before it: not all at the slice's start
    const calls = eventsOf(fast.trace, 'syscall').filter((e) => e.pid === 3);
    expect(new Set(calls.map((e) => e.step)).size).toBe(calls.length);
  });

  it('lists the user\'s functions, not the C runtime\'s', () => {
    const r = run('static int twice(int x) { return 2 * x; }\nint main(void) { return twice(0); }\n');
    expect(r.program.functions).toEqual([{ name: 'twice', line: HEAD_LINES + 1 }, { name: 'main', line: HEAD_LINES + 2 }]);
  });

  it('counts what it cannot keep', () => {
    const trace = new Trace(2);
    for (let i = 0; i < 5; i++) if (trace.offer('close')) trace.add({ step: i, time: i, pid: 1, kind: 'close', fd: 3 });
    expect(trace.events).toHaveLength(2);
    expect(trace.recorded).toBe(2);
    expect(trace.dropped).toBe(3);
  });

  it('keeps only the kinds asked for, counting the others as made', () => {
    const trace = new Trace(10, ['exit']);
    expect(trace.offer('close')).toBe(false);
    expect(trace.offer('exit')).toBe(true);
    expect(trace.recorded).toBe(2);
    expect(new Trace(10, 'none').offer('exit')).toBe(false);
    expect(new Trace(10, 'all').offer('line')).toBe(true);
  });
});

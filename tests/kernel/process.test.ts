/**
 * The contract of each kernel function, seen from a program (kernel/fork.ts, wait.ts, kernel.ts):
 * clone's EINVAL rules, copy-on-write counts and reuse, reparenting, wait's WNOHANG and ECHILD,
 * RLIMIT_NPROC and running out of frames.
 */
import { describe, expect, it } from 'vitest';
import { checkCloneFlags } from '../../src-main/kernel/fork.ts';
import {
  CLONE_FILES, CLONE_FS, CLONE_NEWNS, CLONE_SIGHAND, CLONE_THREAD, CLONE_VM,
} from '../../src-main/kernel/uapi.ts';
import { eventsOf, expectKind, run } from './helpers.ts';

const EINVAL = 22;

/** A program that calls clone with `flags` and prints what it returned and errno. */
function cloneWith(flags: string): string {
  return [
    'static char stack[16384];',
    'static int child(void *arg) { return 0; }',
    'int main(void) {',
    `  int r = clone(child, stack + sizeof stack, ${flags}, NULL);`,
    '  printf("%d %s\\n", r, r < 0 ? strerror(errno) : "ok");',
    '  if (r > 0) waitpid(r, NULL, __WALL);',
    '  return 0;',
    '}',
  ].join('\n');
}

describe('clone flags (copy_process checks)', () => {
  it('refuses the combinations Linux refuses, with EINVAL', () => {
    expect(checkCloneFlags(CLONE_SIGHAND)).toBe(-EINVAL);
    expect(checkCloneFlags(CLONE_THREAD | CLONE_VM)).toBe(-EINVAL);
    expect(checkCloneFlags(CLONE_NEWNS | CLONE_FS)).toBe(-EINVAL);
    expect(checkCloneFlags(CLONE_THREAD | CLONE_SIGHAND)).toBe(-EINVAL);
    expect(checkCloneFlags(CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | CLONE_FILES | CLONE_FS)).toBe(0);
    expect(checkCloneFlags(CLONE_VM)).toBe(0);
    expect(checkCloneFlags(0)).toBe(0);
  });

  it.each([
    ['CLONE_SIGHAND without CLONE_VM', 'CLONE_SIGHAND | SIGCHLD'],
    ['CLONE_THREAD without CLONE_SIGHAND', 'CLONE_THREAD | CLONE_VM'],
    ['CLONE_NEWNS with CLONE_FS', 'CLONE_NEWNS | CLONE_FS | SIGCHLD'],
  ])('a program gets -1 and EINVAL for %s, and no task is made', (_name, flags) => {
    const r = run(cloneWith(flags));
    expect(r.stdout).toBe('-1 Invalid argument\n');
    expect(eventsOf(r.trace, 'clone')).toHaveLength(0);
    expect(eventsOf(r.trace, 'syscall').find((e) => e.name === 'clone')).toMatchObject({ result: -1, errno: 'EINVAL' });
  });

  it('accepts CLONE_VM | CLONE_SIGHAND and shares the address space', () => {
    const r = run(cloneWith('CLONE_VM | CLONE_SIGHAND | SIGCHLD'));
    expect(r.stdout).toMatch(/^4 ok\n$/);
    const clone = eventsOf(r.trace, 'clone')[0];
    expect(clone).toMatchObject({ what: 'clone-vm', mm: 1 });
    expect(clone.steps).toContain('share_mm');
    // no page table was copied
    expect(eventsOf(r.trace, 'mm-snapshot')).toHaveLength(1);
  });
});

describe('copy-on-write (handleMmFault, doWpPage)', () => {
  it('copies a shared page for the first writer and lets the last holder reuse it', () => {
    const r = run([
      'int g = 1;',
      'int main(void) {',
      '  printf("%lx\\n", (unsigned long)&g / 4096);',
      '  pid_t pid = fork();',
      '  if (pid == 0) { sleep(1); g = 3; _exit(0); }',
      '  g = 2;',
      '  waitpid(pid, NULL, 0);',
      '  return 0;',
      '}',
    ].join('\n'));
    const vpn = parseInt(r.stdout, 16);
    const events = r.trace.filter((e) => (e.kind === 'cow-copy' || e.kind === 'cow-reuse') && e.vpn === vpn);
    expect(events.map((e) => [e.kind, e.pid])).toEqual([['cow-copy', 3], ['cow-reuse', 4]]);
    // the child kept the original frame, with one reference left
    const [copy, reuse] = [expectKind(events[0], 'cow-copy'), expectKind(events[1], 'cow-reuse')];
    expect(reuse.frame).toBe(copy.frame);
    expect(copy.newFrame).not.toBe(copy.frame);
    const snapshot = eventsOf(r.trace, 'mm-snapshot').find((e) => e.pid === 4)!;
    const refs = new Map(snapshot.refs as [number, number][]);
    expect(refs.get(copy.frame)).toBe(2);
    expect(r.stats.pagesReused).toBeGreaterThanOrEqual(1);
    expect(r.stats.pagesCopied).toBe(eventsOf(r.trace, 'cow-copy').length);
    expect(r.stats.cowFaults).toBe(eventsOf(r.trace, 'cow-copy').length + eventsOf(r.trace, 'cow-reuse').length);
  });

  it('with --fork-copy eager copies every writable page at fork and never faults for COW', () => {
    const r = run('int g[4096];\nint main(void) {\n  for (int i = 0; i < 4096; i += 512) g[i] = i;\n  if (fork() == 0) { g[0] = 9; _exit(0); }\n  wait(NULL);\n  return 0;\n}\n', { forkCopy: 'eager' });
    expect(r.stats.cowFaults).toBe(0);
    expect(r.stats.pagesCopied).toBeGreaterThanOrEqual(4);
    expect(eventsOf(r.trace, 'mm-snapshot').filter((e) => e.pid === 3)).toHaveLength(1);
    const child = eventsOf(r.trace, 'mm-snapshot').find((e) => e.pid === 4)!;
    expect((child.pages as [number, number, string][]).every(([, , flags]) => !flags.includes('c'))).toBe(true);
  });
});

describe('exit_notify and reparenting (forget_original_parent)', () => {
  const orphan = (subreaper: boolean) => [
    'int main(void) {',
    subreaper ? '  prctl(PR_SET_CHILD_SUBREAPER, 1);' : '',
    '  pid_t a = fork();',
    '  if (a == 0) {',
    '    if (fork() == 0) { sleep(1); printf("parent %d\\n", getppid()); _exit(0); }',
    '    _exit(0);',
    '  }',
    '  waitpid(a, NULL, 0);',
    '  int s;',
    '  pid_t w = wait(&s);',
    '  printf("waited %d\\n", w);',
    '  sleep(2);',
    '  return 0;',
    '}',
  ].join('\n');

  it('hands an orphan to the nearest subreaper, which can wait for it', () => {
    const r = run(orphan(true));
    expect(r.stdout).toBe('parent 3\nwaited 5\n');
    expect(eventsOf(r.trace, 'subreaper')).toEqual([expect.objectContaining({ pid: 3, on: true })]);
    expect(eventsOf(r.trace, 'reparent')).toEqual([expect.objectContaining({ pid: 5, from: 4, to: 3 })]);
    expect(eventsOf(r.trace, 'reap').find((e) => e.pid === 5)).toMatchObject({ by: 3 });
    expect(r.processes.find((p) => p.pid === 5)).toMatchObject({ reparentedTo: 3, reapedBy: 3 });
  });

  it('hands it to init otherwise, which reaps it; the grandparent has no such child (ECHILD)', () => {
    const r = run(orphan(false));
    expect(r.stdout).toBe('waited -1\nparent 1\n');
    expect(eventsOf(r.trace, 'reparent')).toEqual([expect.objectContaining({ pid: 5, from: 4, to: 1 })]);
    expect(eventsOf(r.trace, 'reap').find((e) => e.pid === 5)).toMatchObject({ by: 1 });
    expect(r.warnings.map((w) => w.kind)).toContain('orphan-reparented');
  });
});

describe('exec (do_execve)', () => {
  it('fails with ENOENT for a missing or empty path, traced, and the caller carries on', () => {
    const r = run('int main(void) {\n  execl("", "x", (char *)NULL);\n  printf("%s\\n", strerror(errno));\n  execlp("no-such-program", "x", (char *)NULL);\n  printf("%s\\n", strerror(errno));\n  return 0;\n}\n');
    expect(r.stdout).toBe('No such file or directory\nNo such file or directory\n');
    const failed = eventsOf(r.trace, 'exec-failed');
    expect(failed[0]).toMatchObject({ path: '', errno: 'ENOENT' });
    // execlp tried each directory of PATH
    expect(failed.slice(1).map((e) => e.path)).toEqual(['/bin/no-such-program', '/usr/bin/no-such-program']);
  });

  it('replaces the address space: a new mm, its snapshot, and the old one released', () => {
    const r = run('int main(void) {\n  if (fork() == 0) { execl("/bin/true", "true", (char *)NULL); _exit(1); }\n  wait(NULL);\n  return 0;\n}\n');
    const exec = eventsOf(r.trace, 'exec').find((e) => e.pid === 4)!;
    const clone = eventsOf(r.trace, 'clone')[0];
    expect(exec.mm).not.toBe(clone.mm);
    const i = r.trace.indexOf(exec);
    expect(r.trace[i + 1]).toMatchObject({ kind: 'mm-snapshot', pid: 4, mm: exec.mm });
    expect(r.trace.slice(0, i).some((e) => e.kind === 'mm-release' && e.mm === clone.mm)).toBe(true);
    expect(r.stats.execs).toBe(1);
  });
});

describe('wait (do_wait)', () => {
  it('WNOHANG returns 0 while the child lives, then its pid once it is a zombie; then ECHILD', () => {
    const r = run([
      'int main(void) {',
      '  pid_t pid = fork();',
      '  if (pid == 0) { sleep(1); _exit(7); }',
      '  int s = 0;',
      '  printf("%d\\n", waitpid(pid, &s, WNOHANG));',
      '  sleep(2);',
      '  pid_t got = waitpid(pid, &s, WNOHANG);',
      '  printf("%d %d\\n", got == pid, WEXITSTATUS(s));',
      '  got = waitpid(-1, &s, WNOHANG);',
      '  printf("%d %d\\n", got, errno == ECHILD);',
      '  got = wait(NULL);',
      '  printf("%d %d\\n", got, errno == ECHILD);',
      '  return 0;',
      '}',
    ].join('\n'));
    expect(r.stdout).toBe('0\n1 7\n-1 1\n-1 1\n');
    expect(eventsOf(r.trace, 'block').filter((e) => e.on === 'wait')).toHaveLength(0);
  });

  it('encodes the status word as Linux does (exit code, signal)', () => {
    const r = run([
      'int main(void) {',
      '  pid_t a = fork();',
      '  if (a == 0) _exit(300);',
      '  pid_t b = fork();',
      '  if (b == 0) { pause(); }',
      '  kill(b, SIGTERM);',
      '  int s;',
      '  waitpid(a, &s, 0); printf("%#x\\n", s);',
      '  waitpid(b, &s, 0); printf("%#x %d\\n", s, WTERMSIG(s));',
      '  return 0;',
      '}',
    ].join('\n'));
    expect(r.stdout).toBe('0x2c00\n0xf 15\n');
  });
});

describe('limits', () => {
  it('fork fails with EAGAIN at RLIMIT_NPROC, zombies counting, and works again once they are reaped', () => {
    const r = run([
      'int main(void) {',
      '  int made = 0;',
      '  for (int i = 0; i < 10; i++) {',
      '    pid_t p = fork();',
      '    if (p == 0) _exit(0);',
      '    if (p < 0) { printf("fail %d %s\\n", made, strerror(errno)); break; }',
      '    made++;',
      '  }',
      '  while (wait(NULL) > 0) {}',
      '  pid_t p = fork();',
      '  if (p == 0) _exit(0);',
      '  printf("again %d\\n", p > 0);',
      '  wait(NULL);',
      '  return 0;',
      '}',
    ].join('\n'), { nprocLimit: 4 });
    expect(r.stdout).toBe('fail 3 Resource temporarily unavailable\nagain 1\n');
    expect(eventsOf(r.trace, 'fork-failed')).toEqual([expect.objectContaining({ pid: 3, reason: 'RLIMIT_NPROC', limit: 4 })]);
    expect(r.warnings.map((w) => w.kind)).toContain('fork-failed-rlimit');
  });

  it('an eager fork that runs out of frames fails with ENOMEM and leaves every count as it was', () => {
    const source = 'char big[40 * 4096];\nint main(void) {\n  for (int i = 0; i < sizeof big; i += 4096) big[i] = 1;\n  pid_t p = fork();\n  if (p < 0) { printf("%s\\n", strerror(errno)); return 1; }\n  if (p == 0) _exit(0);\n  wait(NULL);\n  return 0;\n}\n';
    const r = run(source, { forkCopy: 'eager', maxFrames: 64 });
    expect(r.stdout).toBe('Cannot allocate memory\n');
    expect(eventsOf(r.trace, 'fork-failed')).toEqual([expect.objectContaining({ reason: 'ENOMEM' })]);
    const allocs = eventsOf(r.trace, 'frame-alloc').length;
    expect(eventsOf(r.trace, 'frame-free')).toHaveLength(allocs);
    // copy-on-write needs no frame at fork: the same fork succeeds
    expect(run(source, { maxFrames: 64 }).stdout).toBe('');
  });

  it('a write that needs a frame when none is left kills the writer (SIGKILL, out-of-memory)', () => {
    const r = run('char big[40 * 4096];\nint main(void) {\n  for (int i = 0; i < sizeof big; i += 4096) big[i] = 1;\n  pid_t p = fork();\n  if (p == 0) { for (int i = 0; i < sizeof big; i += 4096) big[i] = 2; _exit(0); }\n  int s; wait(&s);\n  printf("%d %d\\n", WIFSIGNALED(s), WTERMSIG(s));\n  return 0;\n}\n', { maxFrames: 64 });
    expect(r.stdout).toBe('1 9\n');
    expect(r.trace.find((e) => e.kind === 'fault' && e.signal)).toMatchObject({ pid: 4, signal: 'SIGKILL', reason: 'out-of-memory' });
  });
});

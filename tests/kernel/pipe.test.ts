/**
 * Pipes hold 65536 bytes, as on Linux: write(2) to a full pipe sleeps until a reader makes room,
 * writes of at most PIPE_BUF (4096) bytes are never split, and a writer left without readers
 * gets what it wrote so far, then EPIPE.
 */
import { describe, expect, it } from 'vitest';
import { PIPE_BUF, PIPE_CAPACITY } from '../../src-main/kernel/fs.ts';
import type { TraceEvent } from '../../src-main/kernel/trace.ts';
import { eventsOf, run } from './helpers.ts';

/** The most bytes a pipe held at any moment, from its pipe-write and pipe-read events. */
function peakFill(trace: TraceEvent[]): number {
  let fill = 0;
  let peak = 0;
  for (const e of trace) {
    if (e.kind === 'pipe-write') fill += e.bytes as number;
    if (e.kind === 'pipe-read') fill -= e.bytes as number;
    peak = Math.max(peak, fill);
  }
  return peak;
}

describe('pipe capacity', () => {
  it('is 65536 bytes with 4096-byte atomic writes', () => {
    expect(PIPE_CAPACITY).toBe(65536);
    expect(PIPE_BUF).toBe(4096);
  });

  it('blocks a writer that fills the pipe while nobody reads: a deadlock that names it', () => {
    const r = run([
      'static char buf[70000];',
      'int main(void) {',
      '  int fds[2];',
      '  pipe(fds);',
      '  printf("writing\\n");',
      '  write(fds[1], buf, sizeof buf);',
      '  printf("never\\n");',
      '  return 0;',
      '}',
    ].join('\n'));
    expect(r.stdout).toBe('writing\n');
    expect(r.stopReason).toBe('deadlock');
    expect(r.stopMessage).toMatch(/waits for room in pipe descriptor 4/);
    expect(eventsOf(r.trace, 'pipe-write').map((e) => e.bytes)).toEqual([65536]);
    expect(eventsOf(r.trace, 'block').at(-1)).toMatchObject({ on: 'pipe-write', fd: 4 });
  });

  it('moves any amount through a full pipe, the writer waking each time the reader makes room', () => {
    const r = run([
      'static char buf[200000];',
      'int main(void) {',
      '  int fds[2];',
      '  pipe(fds);',
      '  for (int i = 0; i < (int)sizeof buf; i++) buf[i] = (char)(i % 251);',
      '  pid_t pid = fork();',
      '  if (pid == 0) {',
      '    close(fds[0]);',
      '    ssize_t n = write(fds[1], buf, sizeof buf);',
      '    printf("child wrote %ld\\n", (long)n);',
      '    _exit(0);',
      '  }',
      '  close(fds[1]);',
      '  sleep(1);',
      '  long total = 0, bad = 0;',
      '  char in[3000];',
      '  ssize_t n;',
      '  while ((n = read(fds[0], in, sizeof in)) > 0) {',
      '    for (int i = 0; i < n; i++) if (in[i] != (char)((total + i) % 251)) bad++;',
      '    total += n;',
      '  }',
      '  wait(NULL);',
      '  printf("parent read %ld, %ld wrong\\n", total, bad);',
      '  return 0;',
      '}',
    ].join('\n'));
    expect(r.stdout).toBe('child wrote 200000\nparent read 200000, 0 wrong\n');
    expect(peakFill(r.trace)).toBe(65536);
    const blocks = eventsOf(r.trace, 'block').filter((e) => e.on === 'pipe-write');
    expect(blocks.length).toBeGreaterThan(1);
    expect(eventsOf(r.trace, 'wake').filter((e) => e.pid === 4 && e.reason === 'pipe').length).toBe(blocks.length);
  });

  it('never splits a write of PIPE_BUF bytes or less', () => {
    const r = run([
      'static char buf[4096];',
      'int main(void) {',
      '  int fds[2];',
      '  pipe(fds);',
      '  pid_t pid = fork();',
      '  if (pid == 0) {',
      '    close(fds[0]);',
      '    write(fds[1], buf, 1000);',
      '    for (int i = 0; i < 20; i++) write(fds[1], buf, sizeof buf);',
      '    _exit(0);',
      '  }',
      '  close(fds[1]);',
      '  sleep(1);',
      '  char in[1500];',
      '  long total = 0;',
      '  ssize_t n;',
      '  while ((n = read(fds[0], in, sizeof in)) > 0) total += n;',
      '  wait(NULL);',
      '  printf("%ld\\n", total);',
      '  return 0;',
      '}',
    ].join('\n'));
    expect(r.stdout).toBe(`${1000 + 20 * 4096}\n`);
    const writes = eventsOf(r.trace, 'pipe-write').map((e) => e.bytes);
    expect(writes).toEqual([1000, ...Array(20).fill(4096)]);
    expect(peakFill(r.trace)).toBeLessThanOrEqual(65536);
  });

  it('returns what was written when the last reader leaves, then EPIPE (SIGPIPE ignored)', () => {
    const r = run([
      'static char buf[100000];',
      'int main(void) {',
      '  int fds[2];',
      '  pipe(fds);',
      '  signal(SIGPIPE, SIG_IGN);',
      '  pid_t pid = fork();',
      '  if (pid == 0) {',
      '    close(fds[1]);',
      '    sleep(1);',
      '    char in[1000];',
      '    read(fds[0], in, sizeof in);',
      '    _exit(0);',
      '  }',
      '  close(fds[0]);',
      '  ssize_t n = write(fds[1], buf, sizeof buf);',
      '  printf("%ld\\n", (long)n);',
      '  n = write(fds[1], buf, 10);',
      '  printf("%ld %s\\n", (long)n, strerror(errno));',
      '  wait(NULL);',
      '  return 0;',
      '}',
    ].join('\n'));
    // 65536 went in before the reader woke; whether 1000 more fit before it left is the scheduler's
    // choice (here the reader runs on and exits first)
    expect(r.stdout).toMatch(/^(65536|66536)\n-1 Broken pipe\n$/);
    expect(eventsOf(r.trace, 'signal-send').filter((e) => e.signal === 13)).toHaveLength(1);
  });
});

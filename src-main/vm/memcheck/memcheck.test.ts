/**
 * Memcheck's warnings: each mistake it looks for is found (with its process, step and the
 * student's line), each correct look-alike is left alone, and a run with memcheck prints and
 * ends exactly as a run without it.
 */
import { describe, expect, it } from 'vitest';
import { runProgram, type RunResult } from '../run.ts';

const MEMCHECK_KINDS = ['use-after-free', 'uninitialised-value', 'missing-return'];

function run(source: string, extra: { stdin?: string } = {}): RunResult {
  const r = runProgram({ source, memcheck: true, ...extra });
  expect(r.diagnosticsText, 'compiles').not.toMatch(/error:/);
  return r;
}

/** The memcheck warnings of a run, as "kind@line". */
function found(r: RunResult): string[] {
  return r.warnings.filter((w) => MEMCHECK_KINDS.includes(w.kind)).map((w) => `${w.kind}@${w.line}`);
}

const lineOf = (source: string, marker: string) => source.split('\n').findIndex((l) => l.includes(marker)) + 1;

describe('memcheck finds', () => {
  it('a decision on an uninitialised local, on its line, not where it was copied', () => {
    const source = `#include <stdio.h>
int main(void) {
  int x;
  int y = x;
  if (y > 3) printf("big\\n"); /* use */
  return 0;
}`;
    const r = run(source);
    expect(found(r)).toEqual([`uninitialised-value@${lineOf(source, '/* use */')}`]);
    const w = r.warnings.find((x) => x.kind === 'uninitialised-value')!;
    expect(w.pid).toBe(r.processes[0].pid);
    expect(w.step).toBeGreaterThan(0);
    expect(w.message).toMatch(/made a decision .* never initialised/);
    // the warning is a trace event at its step, for the viewer's link
    expect(r.trace.some((e) => e.kind === 'warning' && e.step === w.step)).toBe(true);
  });

  it('a printed byte of malloc\'d memory, through printf\'s %d and %s', () => {
    const number = `#include <stdio.h>
#include <stdlib.h>
int main(void) {
  int *a = malloc(4 * sizeof(int));
  a[0] = 1;
  printf("%d %d\\n", a[0], a[2]); /* use */
  return 0;
}`;
    expect(found(run(number))).toEqual([`uninitialised-value@${lineOf(number, '/* use */')}`]);
    const string = `#include <stdio.h>
#include <stdlib.h>
int main(void) {
  char *s = malloc(8);
  s[0] = 'h'; s[1] = 'i'; /* no NUL */
  printf("%s\\n", s); /* use */
  return 0;
}`;
    expect(found(run(string))).toEqual([`uninitialised-value@${lineOf(string, '/* use */')}`]);
  });

  it('an uninitialised buffer given to write(), and an uninitialised argument to a library call', () => {
    const write = `#include <unistd.h>
int main(void) {
  char buf[4];
  buf[0] = 'a';
  write(1, buf, 4); /* use */
  return 0;
}`;
    expect(found(run(write))).toEqual([`uninitialised-value@${lineOf(write, '/* use */')}`]);
    const arg = `#include <stdlib.h>
int main(void) {
  int n;
  exit(n); /* use */
}`;
    expect(found(run(arg))).toEqual([`uninitialised-value@${lineOf(arg, '/* use */')}`]);
  });

  it('a read and a write of a freed block (Linux runs on and prints what it finds)', () => {
    const source = `#include <stdio.h>
#include <stdlib.h>
struct node { long key; long pad; int value; };
int main(void) {
  struct node *n = malloc(sizeof *n);
  n->value = 42;
  free(n);
  printf("%d\\n", n->value); /* use */
  return 0;
}`;
    const r = run(source);
    expect(found(r)).toEqual([`use-after-free@${lineOf(source, '/* use */')}`]);
    expect(r.stdout).toBe('42\n');
    expect(r.exit.code).toBe(0);
    const write = `#include <stdlib.h>
int main(void) {
  int *p = malloc(64);
  free(p);
  p[5] = 1; /* use */
  return 0;
}`;
    expect(found(run(write))).toEqual([`use-after-free@${lineOf(write, '/* use */')}`]);
  });

  it('a freed string given to a library function, named at the student\'s calling line', () => {
    const source = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
  char *s = malloc(32);
  strcpy(s, "hello");
  free(s);
  printf("%zu\\n", strlen(s)); /* use */
  return 0;
}`;
    expect(found(run(source))).toEqual([`use-after-free@${lineOf(source, '/* use */')}`]);
    // strdup is the lab's own C (the runtime): the mistake is inside it, the line is the student's
    const inside = `#include <stdlib.h>
#include <string.h>
int main(void) {
  char *s = malloc(16);
  strcpy(s, "abc");
  free(s);
  char *d = strdup(s); /* use */
  free(d);
  return 0;
}`;
    expect(found(run(inside))).toEqual([`use-after-free@${lineOf(inside, '/* use */')}`]);
  });

  it('the value of a function that reached its closing brace without return, when the caller uses it', () => {
    const source = `#include <stdio.h>
int sign(int x) {
  if (x > 0) return 1;
  if (x < 0) return -1;
}
int main(void) {
  int s = sign(0);
  printf("%d\\n", s); /* use */
  sign(0);
  return 0;
}`;
    const r = run(source);
    expect(found(r)).toEqual([`missing-return@${lineOf(source, '/* use */')}`]);
    expect(r.warnings.find((w) => w.kind === 'missing-return')!.message).toMatch(/^sign\(\) reached its closing brace without a return statement/);
  });

  it('a mistake inside a child after fork, with the child\'s pid', () => {
    const source = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  int *p = malloc(sizeof(int));
  pid_t pid = fork();
  if (pid == 0) {
    if (*p == 7) puts("seven"); /* use */
    _exit(0);
  }
  *p = 1;
  wait(NULL);
  if (*p == 1) puts("parent");
  return 0;
}`;
    const r = run(source);
    expect(found(r)).toEqual([`uninitialised-value@${lineOf(source, '/* use */')}`]);
    const child = r.processes.find((p) => p.pid !== r.processes[0].pid)!;
    expect(r.warnings.find((w) => w.kind === 'uninitialised-value')!.pid).toBe(child.pid);
  });
});

describe('memcheck leaves correct programs alone', () => {
  it('copies of uninitialised bytes, struct copies with padding, calloc, and what the kernel and library wrote', () => {
    const source = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
struct pair { char c; long n; };
int pick(int x) { return x * 2; }
int main(void) {
  int junk[4];
  int copy[4];
  memcpy(copy, junk, sizeof junk);          /* copying is fine */
  struct pair a, b;
  a.c = 'x'; a.n = 5;
  b = a;                                    /* padding is copied too */
  printf("%c %ld\\n", b.c, b.n);
  int fds[2];
  pipe(fds);                                /* the kernel wrote fds */
  if (fork() == 0) { write(fds[1], "hey", 3); _exit(4); }
  char buf[8];
  int n = read(fds[0], buf, sizeof buf);   /* read wrote buf */
  int status;
  wait(&status);
  printf("%.*s %d\\n", n, buf, WEXITSTATUS(status));
  int *z = calloc(8, sizeof(int));
  if (z[5] == 0) puts("zeros");
  char *s = malloc(16);
  snprintf(s, 16, "%d", pick(21));         /* the library wrote s */
  puts(s);
  char line[32];
  if (fgets(line, sizeof line, stdin) && line[0] == 'q') puts("quit");
  char name[16], part[8];
  strcpy(name, "ann");                      /* string natives write page runs directly */
  strncpy(part, name, sizeof part);
  if (name[2] == 'n' && part[7] == 0) printf("%s %s\\n", name, part);
  free(z);
  z = malloc(8 * sizeof(int));
  z[0] = 3;
  if (z[0] == 3) puts("reused");
  free(s);
  free(z);
  return 0;
}`;
    const r = run(source, { stdin: 'quit\n' });
    expect(r.stdout).toBe('x 5\nhey 4\nzeros\n42\nquit\nann ann\nreused\n');
    expect(found(r)).toEqual([]);
  });

  it('a block the child freed is still the parent\'s (their pages are shared until one writes)', () => {
    const source = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  char *big = malloc(20000);
  memset(big, 'a', 20000);
  if (fork() == 0) { free(big); _exit(0); }
  wait(NULL);
  if (big[15000] == 'a') puts("still mine");
  return 0;
}`;
    const r = run(source);
    expect(r.stdout).toBe('still mine\n');
    expect(found(r)).toEqual([]);
  });

  it('a signal handler\'s argument, given by the kernel where an undefined value was computed before', () => {
    const source = `#include <stdio.h>
#include <signal.h>
#include <unistd.h>
void on(int sig) { if (sig == SIGUSR1) printf("got %d\\n", sig); }
int main(void) {
  signal(SIGUSR1, on);
  int junk[8];
  int s = 0;
  for (int i = 0; i < 8; i++) s += junk[i];   /* undefined values pass through the evaluation stack */
  raise(SIGUSR1);
  kill(getpid(), SIGUSR1);
  (void)s;
  return 0;
}`;
    const r = run(source);
    expect(r.stdout).toBe('got 10\ngot 10\n');
    expect(found(r)).toEqual([]);
  });

  it('realloc keeps what the block held, and main may end without return', () => {
    const source = `#include <stdio.h>
#include <stdlib.h>
int main(void) {
  int *a = malloc(2 * sizeof(int));
  a[0] = 1; a[1] = 2;
  a = realloc(a, 1000 * sizeof(int));
  a[999] = 3;
  if (a[0] + a[1] + a[999] == 6) puts("six");
  free(a);
}`;
    const r = run(source);
    expect(r.stdout).toBe('six\n');
    expect(r.exit.code).toBe(0);
    expect(found(r)).toEqual([]);
  });
});

describe('memcheck changes nothing but the warnings', () => {
  it('prints, ends and counts steps as a run without it', () => {
    const source = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int f(int x) { if (x) return 1; }
int main(void) {
  int u;
  int *p = malloc(40);
  free(p);
  for (int i = 0; i < 3; i++) if (fork() == 0) { printf("%d %d\\n", i, f(i)); exit(0); }
  while (wait(NULL) > 0) {}
  printf("%d\\n", p[3] + (u > 0));
  return 0;
}`;
    const plain = runProgram({ source });
    const checked = runProgram({ source, memcheck: true });
    expect(found(plain)).toEqual([]);
    expect(found(checked).map((w) => w.replace(/@.*/, '')).sort()).toEqual(['missing-return', 'uninitialised-value', 'use-after-free']);
    expect({ stdout: checked.stdout, exit: checked.exit, stats: checked.stats, schedule: checked.schedule })
      .toEqual({ stdout: plain.stdout, exit: plain.exit, stats: plain.stats, schedule: plain.schedule });
  });
});

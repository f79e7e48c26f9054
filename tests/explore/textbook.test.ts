/**
 * The explorer on textbook programs whose feasible outputs are known: each set is justified in a
 * comment, checked exactly, checked against an exhaustive search without reduction (naive.ts),
 * and every output's schedule replays to that output with runProgram.
 */
import { describe, expect, it } from 'vitest';
import { exploreImage } from '../../src-main/explore/explore.ts';
import { compileProgram, runProgram } from '../../src-main/vm/run.ts';
import { allOutputsNaively } from './naive.ts';

interface Case {
  name: string;
  source: string;
  /** the feasible outputs, exactly */
  outputs: string[];
  stdoutPipe?: boolean;
  /** also compare with the exhaustive search (small programs) */
  naive?: boolean;
}

const H = '#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n#include <sys/wait.h>\n';

const CASES: Case[] = [
  {
    // CS:APP: two forks make four processes; each prints the same line, in any order, so the
    // terminal always shows four identical lines.
    name: 'fork twice, four identical lines',
    source: `${H}int main(void) { fork(); fork(); printf("hello\\n"); return 0; }`,
    outputs: ['hello\nhello\nhello\nhello\n'],
  },
  {
    // CS:APP-style process graph: the child prints "p1: x=2" then "p2: x=1"; the parent prints
    // "p2: x=0". Any interleaving of the child's two lines (in order) with the parent's one: 3.
    name: 'process graph with a copied variable',
    source: `${H}int main(void) { int x = 1; if (fork() == 0) printf("p1: x=%d\\n", ++x); printf("p2: x=%d\\n", --x); return 0; }`,
    outputs: ['p1: x=2\np2: x=1\np2: x=0\n', 'p1: x=2\np2: x=0\np2: x=1\n', 'p2: x=0\np1: x=2\np2: x=1\n'],
    naive: true,
  },
  {
    // Two children print A and B; the parent's first wait(NULL) returns once either has exited,
    // so C follows at least one of A, B; D follows both. A and B in either order, C between or
    // after them: ABCD, BACD, ACBD, BCAD.
    name: 'two children and wait(NULL)',
    source: `${H}int main(void) {
  if (fork() == 0) { printf("A\\n"); exit(0); }
  if (fork() == 0) { printf("B\\n"); exit(0); }
  wait(NULL); printf("C\\n"); wait(NULL); printf("D\\n"); return 0; }`,
    outputs: ['A\nB\nC\nD\n', 'B\nA\nC\nD\n', 'A\nC\nB\nD\n', 'B\nC\nA\nD\n'],
    naive: true,
  },
  {
    // fork() || fork(): the parent sees a pid and prints A; the first child sees 0, forks again,
    // sees a pid and prints A; the grandchild sees 0 twice and prints B. Nothing orders the three
    // lines (B only needs the first child's fork, which does not order A): AAB, ABA, BAA.
    name: 'fork with ||',
    source: `${H}int main(void) { if (fork() || fork()) printf("A\\n"); else printf("B\\n"); return 0; }`,
    outputs: ['A\nA\nB\n', 'A\nB\nA\n', 'B\nA\nA\n'],
  },
  {
    // fork() && fork(): the first child short-circuits and prints "child"; the parent forks again
    // and the second child prints "child" too; the parent waits for both and then prints
    // "parent": the two identical child lines come first, always.
    name: 'fork with && and waits',
    source: `${H}int main(void) {
  if (fork() && fork()) { wait(NULL); wait(NULL); printf("parent\\n"); } else printf("child\\n");
  return 0; }`,
    outputs: ['child\nchild\nparent\n'],
    naive: true,
  },
  {
    // On a terminal stdout is line buffered: "start" is written before the fork. The child
    // becomes echo (printing "child") while the parent prints "parent" and then waits: either
    // order of those two lines.
    name: 'exec on a terminal',
    source: `${H}int main(void) {
  printf("start\\n");
  if (fork() == 0) { execl("/bin/echo", "echo", "child", NULL); _exit(127); }
  printf("parent\\n"); wait(NULL); return 0; }`,
    outputs: ['start\nchild\nparent\n', 'start\nparent\nchild\n'],
    naive: true,
  },
  {
    // The same program with stdout a pipe: stdout is fully buffered, so "start" and "parent"
    // sit in the parent's buffer (the child's copy of "start" is discarded by exec) until the
    // parent returns from main, after wait: echo's "child" always comes first. (With `| cat`
    // a task of its own, every schedule is 18,353 runs: too many for the naive search here.)
    name: 'exec on a pipe',
    source: `${H}int main(void) {
  printf("start\\n");
  if (fork() == 0) { execl("/bin/echo", "echo", "child", NULL); _exit(127); }
  printf("parent\\n"); wait(NULL); return 0; }`,
    stdoutPipe: true,
    outputs: ['child\nstart\nparent\n'],
  },
  {
    // `prog | cat`: stdout is the pipe cat reads, stderr the terminal itself. "out 1" is in the
    // pipe before "err" is written, but cat may pass it on before or after "err" reaches the
    // terminal; "out 2" leaves the buffer at exit, after "err".
    name: 'stderr and stdout piped through cat',
    source: `${H}int main(void) {
  printf("out 1\\n"); fflush(stdout); fprintf(stderr, "err\\n"); printf("out 2\\n"); return 0; }`,
    stdoutPipe: true,
    outputs: ['out 1\nerr\nout 2\n', 'err\nout 1\nout 2\n'],
    naive: true,
  },
  {
    // printf without a newline before fork: "A" is still in the buffer, so both processes print
    // it with their own line: "Ap" and "Ac" in either order.
    name: 'printf without newline before fork',
    source: `${H}int main(void) { printf("A"); pid_t p = fork(); printf(p == 0 ? "c\\n" : "p\\n"); if (p) wait(NULL); return 0; }`,
    outputs: ['Ap\nAc\n', 'Ac\nAp\n'],
    naive: true,
  },
  {
    // A pipe between parent and child: the child writes "hello" in one write and then prints
    // "child done"; the parent's read returns only once the bytes are there, then it prints
    // them. The child's line may come before or after the parent's.
    name: 'pipe between parent and child',
    source: `${H}int main(void) {
  int fd[2]; char buf[16] = {0}; pipe(fd);
  if (fork() == 0) { close(fd[0]); write(fd[1], "hello", 5); printf("child done\\n"); exit(0); }
  close(fd[1]); int n = read(fd[0], buf, sizeof buf - 1); printf("got %d: %s\\n", n, buf); wait(NULL); return 0; }`,
    outputs: ['child done\ngot 5: hello\n', 'got 5: hello\nchild done\n'],
    naive: true,
  },
  {
    // waitpid for a specific child: the parent reaps the second child first (R2 after "two"),
    // then the first (R1 after "one" and R2). "one" may come anywhere before R1: 3 outputs.
    name: 'waitpid for a specific child',
    source: `${H}int main(void) {
  pid_t a = fork(); if (a == 0) { printf("one\\n"); exit(1); }
  pid_t b = fork(); if (b == 0) { printf("two\\n"); exit(2); }
  int s; waitpid(b, &s, 0); printf("R%d\\n", WEXITSTATUS(s)); waitpid(a, &s, 0); printf("R%d\\n", WEXITSTATUS(s)); return 0; }`,
    outputs: ['one\ntwo\nR2\nR1\n', 'two\none\nR2\nR1\n', 'two\nR2\none\nR1\n'],
    naive: true,
  },
  {
    // Children in a loop, then wait until none is left: the two children's lines in either
    // order, "done" last.
    name: 'children in a loop, then wait for all',
    source: `${H}int main(void) {
  for (int i = 0; i < 2; i++) if (fork() == 0) { printf("child %d\\n", i); exit(0); }
  while (wait(NULL) > 0) ; printf("done\\n"); return 0; }`,
    outputs: ['child 0\nchild 1\ndone\n', 'child 1\nchild 0\ndone\n'],
    naive: true,
  },
  {
    // Copy-on-write: each process changes its own copy of x; the lines in either order.
    name: 'copied variable changed on both sides',
    source: `${H}int main(void) { int x = 1; if (fork() == 0) { x++; printf("child %d\\n", x); } else { x--; printf("parent %d\\n", x); } return 0; }`,
    outputs: ['child 2\nparent 0\n', 'parent 0\nchild 2\n'],
    naive: true,
  },
  {
    // Two threads each print two lines inside one critical section of a mutex: the pairs never
    // interleave; main joins both and prints last. A's pair first or B's pair first.
    name: 'a thread pair with a mutex',
    source: `#include <stdio.h>
#include <pthread.h>
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
void *worker(void *arg) { pthread_mutex_lock(&m); printf("%s in\\n", (char *)arg); printf("%s out\\n", (char *)arg); pthread_mutex_unlock(&m); return NULL; }
int main(void) { pthread_t t1, t2; pthread_create(&t1, NULL, worker, "A"); pthread_create(&t2, NULL, worker, "B");
  pthread_join(t1, NULL); pthread_join(t2, NULL); printf("done\\n"); return 0; }`,
    outputs: ['A in\nA out\nB in\nB out\ndone\n', 'B in\nB out\nA in\nA out\ndone\n'],
  },
];

describe('the explorer on textbook programs', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const compiled = compileProgram(c.source);
      expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const image = compiled.image!;
      const view = exploreImage(image, { stdoutPipe: c.stdoutPipe });
      expect(view.complete).toBe(true);
      expect(view.outputs.map((o) => o.stdout).sort()).toEqual([...c.outputs].sort());
      for (const o of view.outputs) {
        const replay = runProgram({ source: c.source, schedule: o.schedule, stdoutPipe: c.stdoutPipe });
        expect(replay.stdout, `replay of ${o.schedule}`).toBe(o.stdout);
        expect(replay.exit).toEqual(o.exit);
      }
      if (c.naive) {
        const naive = allOutputsNaively(image, { stdoutPipe: c.stdoutPipe });
        expect(naive.complete).toBe(true);
        expect([...naive.outputs].sort()).toEqual([...c.outputs].sort());
        // the reduction pays: fewer runs than the exhaustive search whenever it has a choice
        if (naive.runs > 2) expect(view.schedulesExplored).toBeLessThan(naive.runs);
      }
    });
  }
});

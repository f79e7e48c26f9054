/**
 * The process graph (graph.ts) and the explanations (explain.ts): on textbook programs whose
 * control flow does not depend on the schedule, the orders of the printed lines that the graph
 * allows are exactly the outputs the explorer finds; impossible outputs are explained by the
 * chain they contradict, possible ones by their decisions, in the words of issue 11.
 */
import { describe, expect, it } from 'vitest';
import { exploreImage } from '../../src-main/explore/explore.ts';
import type { ProcessGraph } from '../../src-main/explore/graph.ts';
import { compileProgram } from '../../src-main/vm/run.ts';

const H = '#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n#include <sys/wait.h>\n';

const PARENT_DONE = `${H}int main(void) {
  if (fork() == 0) { printf("child\\n"); exit(0); }
  printf("parent\\n");
  wait(NULL);
  printf("parent done\\n");
  return 0; }`;

/** Every output the graph allows: the distinct texts of the orders of its print vertices that follow its edges. */
function ordersOf(graph: ProcessGraph): Set<string> {
  const prints = graph.vertices.filter((v) => v.kind === 'print');
  const succ = new Map<string, string[]>();
  for (const e of graph.edges) succ.set(e.from, [...(succ.get(e.from) ?? []), e.to]);
  const reach = (from: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) for (const n of succ.get(stack.pop()!) ?? []) if (!seen.has(n)) { seen.add(n); stack.push(n); }
    return seen;
  };
  const before = new Map(prints.map((p) => [p.id, prints.filter((q) => reach(q.id).has(p.id)).map((q) => q.id)]));
  const out = new Set<string>();
  const walk = (done: Set<string>, text: string): void => {
    if (done.size === prints.length) {
      out.add(text);
      return;
    }
    for (const p of prints) {
      if (done.has(p.id) || !before.get(p.id)!.every((q) => done.has(q))) continue;
      done.add(p.id);
      walk(done, text + (p.text ?? ''));
      done.delete(p.id);
    }
  };
  walk(new Set(), '');
  return out;
}

function explore(source: string, extra: { candidate?: string; stdoutPipe?: boolean } = {}) {
  const image = compileProgram(source, 'prog.c').image!;
  return exploreImage(image, { graphs: 50, ...extra });
}

/** `prog | cat` (--stdout pipe): stdout goes through cat, stderr straight to the terminal. */
const PIPED = `${H}int main(void) {
  printf("out 1\\n"); fflush(stdout); fprintf(stderr, "err 1\\n");
  printf("out 2\\n"); fflush(stdout); fprintf(stderr, "err 2\\n"); return 0; }`;

describe('the process graph', () => {
  const programs: [string, string][] = [
    ['parent, child, wait, parent done', PARENT_DONE],
    ['CS:APP fork twice with a copied variable', `${H}int main(void) { int x = 1; if (fork() == 0) printf("p1: x=%d\\n", ++x); printf("p2: x=%d\\n", --x); return 0; }`],
    ['two children printing two lines, then waitpid each', `${H}int main(void) { pid_t a, b;
  if ((a = fork()) == 0) { printf("a1\\n"); printf("a2\\n"); exit(0); }
  if ((b = fork()) == 0) { printf("b1\\n"); exit(0); }
  waitpid(a, NULL, 0); printf("after a\\n"); waitpid(b, NULL, 0); printf("after b\\n"); return 0; }`],
    ['a pipe orders the reader after the writer', `${H}int main(void) { int fd[2]; pipe(fd);
  if (fork() == 0) { close(fd[0]); printf("writer\\n"); fflush(stdout); write(fd[1], "x", 1); exit(0); }
  close(fd[1]); printf("reader waits\\n"); char c; read(fd[0], &c, 1); printf("reader got %c\\n", c); wait(NULL); return 0; }`],
  ];
  for (const [name, source] of programs) {
    it(`${name}: the orders the graph allows are the outputs found`, () => {
      const view = explore(source);
      expect(view.complete).toBe(true);
      expect(view.graphs).toHaveLength(1);
      const found = new Set(view.outputs.map((o) => o.stdout));
      expect(ordersOf(view.graphs![0])).toEqual(found);
      // each output's order names its print vertices in the order it prints them
      for (const o of view.outputs) {
        const text = o.order!.map((id) => view.graphs![0].vertices.find((v) => v.id === id)!.text).join('');
        expect(text).toBe(o.stdout);
      }
    });
  }

  it('draws the edges textbooks draw: program order, fork, exit to the wait that reaps', () => {
    const g = explore(PARENT_DONE).graphs![0];
    expect(g.lanes.map((l) => l.name)).toEqual(['parent 3', 'child 4']);
    const label = (id: string) => g.vertices.find((v) => v.id === id)!.label;
    const kinds = g.edges.map((e) => `${label(e.from)} -${e.kind}-> ${label(e.to)}`);
    expect(kinds).toContain('fork() → child 4 -fork-> child 4 starts');
    expect(kinds).toContain('exit(0) -reap-> wait() returns child 4');
    expect(kinds).toContain('wait() returns child 4 -program-> prints "parent done"');
  });
});

describe('the process graph of a program piped into cat', () => {
  it('has a lane for cat, which prints what it reads from the program, and its orders are the outputs', () => {
    const view = explore(PIPED, { stdoutPipe: true });
    expect(view.complete).toBe(true);
    const found = new Set(view.outputs.map((o) => o.stdout));
    expect(found.size).toBe(5);
    // cat reads one write or both at once: a graph per way, together they allow exactly the outputs
    const allowed = new Set(view.graphs!.flatMap((g) => [...ordersOf(g)]));
    expect(allowed).toEqual(found);
    for (const g of view.graphs!) {
      expect(g.lanes.map((l) => l.name)).toEqual(['parent 3', 'cat 4']);
      const label = (id: string) => g.vertices.find((v) => v.id === id)!.label;
      expect(g.edges.filter((e) => e.kind === 'pipe').map((e) => `${label(e.from)} -> ${label(e.to)}`)[0]).toMatch(/^writes 6 bytes into a pipe -> reads (6|12) bytes from a pipe$/);
      expect(g.vertices.filter((v) => v.lane === 1 && v.kind === 'print').map((v) => v.text)).toEqual(['out 1\n', 'out 2\n']);
    }
  });

  it('explains an impossible order by a chain every run keeps, and a possible one by its decisions', () => {
    const no = explore(PIPED, { stdoutPipe: true, candidate: 'out 1\nout 2\nerr 1\nerr 2\n' }).candidate!;
    expect(no.possible).toBe(false);
    // not "out 1" after "err 1", which holds only in the runs where cat reads both lines at once
    expect(no.why).toEqual(['"out 2" is printed after it reads from the pipe, which needs parent 3 to write into the pipe, which comes after it prints "err 1"; your output has "out 2" before "err 1".']);
    const yes = explore(PIPED, { stdoutPipe: true, candidate: 'err 1\nerr 2\nout 1\nout 2\n' }).candidate!;
    expect(yes.possible).toBe(true);
    expect(yes.why).toEqual(['parent 3 runs before cat 4 prints "out 1"']);
  });
});

describe('why an output is possible or impossible', () => {
  it('says which chain an impossible output contradicts, in the words of the issue', () => {
    const view = explore(PARENT_DONE, { candidate: 'parent\nparent done\nchild\n' });
    expect(view.candidate).toEqual({
      stdout: 'parent\nparent done\nchild\n',
      possible: false,
      schedule: null,
      why: ['"parent done" is printed after wait() returns, which needs child 4 to exit, which comes after it prints "child"; your output has "parent done" before "child".'],
    });
  });

  it('says when a line is missing, extra or never printed', () => {
    expect(explore(PARENT_DONE, { candidate: 'parent\nchild\n' }).candidate!.why).toEqual(['Every run prints "parent done" once; your output does not have it.']);
    expect(explore(PARENT_DONE, { candidate: 'parent\nchild\nchild\nparent done\n' }).candidate!.why).toEqual(['Every run prints "child" once; your output has it twice.']);
    expect(explore(PARENT_DONE, { candidate: 'parent\nkid\nparent done\n' }).candidate!.why).toEqual(['No run of the program prints the line "kid".']);
  });

  it('says which decisions give a possible output, with the schedule that replays it', () => {
    const view = explore(PARENT_DONE, { candidate: 'child\nparent\nparent done\n' });
    expect(view.candidate!.possible).toBe(true);
    expect(view.candidate!.why).toEqual(['child 4 runs before parent 3 prints "parent"']);
    expect(view.candidate!.schedule).toBe(view.outputs.find((o) => o.stdout === 'child\nparent\nparent done\n')!.schedule);
  });

  it('explains a wait(NULL) order: the line after wait() needs a child to exit', () => {
    const source = `${H}int main(void) {
  if (fork() == 0) { printf("A\\n"); exit(0); }
  if (fork() == 0) { printf("B\\n"); exit(0); }
  wait(NULL); printf("C\\n"); wait(NULL); printf("D\\n"); return 0; }`;
    const why = explore(source, { candidate: 'C\nA\nB\nD\n' }).candidate!;
    expect(why.possible).toBe(false);
    expect(why.why[0]).toMatch(/^"C" is printed after wait\(\) returns, which needs child \d to exit, which comes after it prints "[AB]"; your output has "C" before "[AB]"\.$/);
  });
});

import { describe, expect, it } from 'vitest';
import { compileProgram, runImage } from '../../run.ts';

/** A linked list of n nodes, built with malloc, walked, and freed node by node. */
function listProgram(n: number): string {
  return `#include <stdio.h>
#include <stdlib.h>
struct node { int value; struct node *next; };
int main(void) {
  struct node *head = NULL;
  for (int i = 0; i < ${n}; i++) { struct node *p = malloc(sizeof *p); p->value = i; p->next = head; head = p; }
  long sum = 0;
  for (struct node *p = head; p; p = p->next) sum += p->value;
  while (head) { struct node *next = head->next; free(head); head = next; }
  printf("%ld\\n", sum);
  return 0;
}
`;
}

function runList(n: number): { stdout: string; steps: number; cpuMs: number } {
  const image = compileProgram(listProgram(n)).image!;
  const before = process.cpuUsage();
  const r = runImage(image, { maxSteps: 100_000_000 });
  const used = process.cpuUsage(before);
  return { stdout: r.stdout, steps: r.stats.steps, cpuMs: (used.user + used.system) / 1000 };
}

describe("glibc's malloc in the lab", () => {
  it('builds and frees a 100,000-node list in under a second, in steps linear in the list', () => {
    const small = runList(10_000);
    const large = runList(100_000);
    expect(large.stdout).toBe(`${(100_000 * 99_999) / 2}\n`);
    // a malloc or free is one library call, whatever the heap holds (first-fit scanned it all)
    expect(large.steps / small.steps).toBeLessThan(10.5);
    expect(large.cpuMs).toBeLessThan(1000);
  });

  it('keeps its state in the process: a child of fork frees its own copies', () => {
    const r = compileProgram(`#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  int *a = malloc(sizeof *a), *b = malloc(sizeof *b);
  *a = 1; *b = 2;
  if (fork() == 0) { free(a); int *c = malloc(sizeof *c); printf("child reuses a: %d\\n", c == a); return 0; }
  wait(NULL);
  int *d = malloc(sizeof *d);
  printf("parent: a=%d b=%d, new block is a: %d\\n", *a, *b, d == a);
  return 0;
}
`);
    const out = runImage(r.image!, {});
    expect(out.stdout).toBe('child reuses a: 1\nparent: a=1 b=2, new block is a: 0\n');
  });

  it('calloc of a block mapped on its own returns it as the kernel gave it: zero, untouched, no fault', () => {
    const r = compileProgram(`#include <stdio.h>
#include <stdlib.h>
int main(void) {
  char *big = calloc(10000001, 1);
  long sum = 0;
  for (long i = 0; i <= 10000000; i += 1000000) sum += big[i];
  big[10000000] = 1;
  printf("%ld %d\\n", sum, big[10000000]);
  free(big);
  return 0;
}
`);
    const out = runImage(r.image!, {});
    expect(out.stdout).toBe('0 1\n');
    // only the pages read and the one written: not all 2,442 of them zeroed by calloc
    expect(out.stats.framesPeak).toBeLessThan(100);
  });
});

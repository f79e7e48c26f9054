import { describe, expect, it } from 'vitest';
import { runProgram } from '../../../src-main/vm/run.ts';
import { describeEvent, isLogged } from './log.ts';

describe('kernel log', () => {
  it('isLogged says exactly which events describeEvent writes a line for', () => {
    const r = runProgram({
      source: `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  int fd[2];
  pipe(fd);
  if (vfork() == 0) _exit(0);
  if (fork() == 0) { printf("child\\n"); return 0; }
  wait(NULL);
  printf("parent\\n");
  return 0;
}`,
      detail: true,
    } as Parameters<typeof runProgram>[0]);
    const kinds = new Set<string>();
    for (const e of r.trace) {
      const text = describeEvent(e);
      expect(text !== null, `${e.kind} ${e.kind === 'syscall' ? e.name : ''}`).toBe(isLogged(e));
      if (text !== null) {
        expect(text.length).toBeGreaterThan(0);
        kinds.add(e.kind);
      }
    }
    expect([...kinds]).toEqual(expect.arrayContaining(['clone', 'exit', 'reap', 'mm-snapshot', 'vfork-done']));
    expect(r.trace.some((e) => e.kind === 'output' && isLogged(e))).toBe(false);
    expect(r.trace.some((e) => e.kind === 'syscall' && e.name === 'write' && isLogged(e))).toBe(false);
  });
});

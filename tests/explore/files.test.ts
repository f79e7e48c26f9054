/**
 * The explorer and files: steps that change a file, a name or a shared offset are dependent on
 * the steps that read them, so every order of two writers is explored (observe.ts's 'fs' object).
 */
import { describe, expect, it } from 'vitest';
import { exploreProgram } from '../../src-main/explore/explore.ts';

const HEAD = '#include <stdio.h>\n#include <fcntl.h>\n#include <unistd.h>\n#include <sys/wait.h>\n';

describe('the explorer on programs that share files', () => {
  it('finds both orders of two children appending to one file', () => {
    const view = exploreProgram(`${HEAD}
int main(void) {
  close(creat("f.txt", 0644));
  for (int i = 0; i < 2; i++) {
    if (fork() == 0) {
      int fd = open("f.txt", O_WRONLY | O_APPEND);
      write(fd, i ? "B\\n" : "A\\n", 2);
      _exit(0);
    }
  }
  while (wait(NULL) > 0) ;
  char buf[8];
  int fd = open("f.txt", O_RDONLY);
  write(1, buf, read(fd, buf, sizeof buf));
  return 0;
}`);
    expect(view.complete).toBe(true);
    expect(view.outputs.map((o) => o.stdout).sort()).toEqual(['A\nB\n', 'B\nA\n']);
  });

  it('finds both orders of a child and its parent reading through one shared offset', () => {
    const view = exploreProgram(`${HEAD}
int main(void) {
  int fd = open("f.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
  write(fd, "xy", 2);
  lseek(fd, 0, SEEK_SET);
  char c;
  if (fork() == 0) { read(fd, &c, 1); printf("child %c\\n", c); return 0; }
  read(fd, &c, 1);
  wait(NULL);
  printf("parent %c\\n", c);
  return 0;
}`);
    expect(view.complete).toBe(true);
    expect(view.outputs.map((o) => o.stdout).sort()).toEqual(['child x\nparent y\n', 'child y\nparent x\n']);
  });
});

/**
 * Differential completeness (completeness.ts), second half of the multi-process corpus, and
 * programs written for the explorer (no Linux recording: the lab's schedulers are the reference).
 */
import { describe, it } from 'vitest';
import { loadCorpus } from '../differential/corpus.ts';
import { checkCompleteness, subjectOf, titleOf, type Subject } from './completeness.ts';

const PROGRAMS = loadCorpus('tests/differential/multi').filter((p) => p.name >= '066');

const H = '#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n#include <sys/wait.h>\n#include <signal.h>\n';

const EXTRA: Subject[] = [
  {
    name: 'fork loop with wait(&s) and exit statuses',
    source: `${H}int main(void) {
  for (int i = 1; i <= 3; i++) if (fork() == 0) { printf("child %d\\n", i); exit(i); }
  int s; while (wait(&s) > 0) printf("reaped %d\\n", WEXITSTATUS(s)); return 0; }`,
  },
  {
    name: 'grandchildren printing through a pipe',
    source: `${H}int main(void) {
  int fd[2]; pipe(fd);
  if (fork() == 0) { if (fork() == 0) { write(fd[1], "g", 1); exit(0); } write(fd[1], "c", 1); wait(NULL); exit(0); }
  close(fd[1]); char b[4]; int n; while ((n = read(fd[0], b, 1)) > 0) printf("%c\\n", b[0]); wait(NULL); return 0; }`,
  },
  {
    // the orphan demo of issue 11 with sleep(): the explorer once failed on it with an internal error
    name: 'orphan demo with sleep',
    source: `${H}int main(void) { if (fork() == 0) { sleep(2); printf("child\\n"); return 0; } sleep(1); printf("parent\\n"); return 0; }`,
  },
  {
    // alarm interrupts a blocked read; SIGCHLD during sleep; a stopped and continued child
    name: 'signals during blocking calls',
    source: `${H}static volatile int n; static void h(int s) { (void)s; n++; }
int main(void) {
  signal(SIGALRM, h); signal(SIGCHLD, h);
  int fd[2]; pipe(fd);
  pid_t c = fork();
  if (c == 0) { close(fd[1]); char b; if (read(fd[0], &b, 1) == 1) printf("child read %c\\n", b); _exit(3); }
  close(fd[0]); alarm(1);
  kill(c, SIGSTOP); kill(c, SIGCONT);
  sleep(2); write(fd[1], "x", 1); close(fd[1]);
  int s; while (waitpid(c, &s, 0) < 0) ;
  printf("handlers ran %d times, child status %d\\n", n, WEXITSTATUS(s)); return 0; }`,
  },
].map((e) => ({ ...e, fileName: 'prog.c', linux: [] }));

describe('every output of every scheduler and of Linux is explored (066 on)', () => {
  for (const s of [...PROGRAMS.map(subjectOf), ...EXTRA]) it(titleOf(s), () => checkCompleteness(s));
});

/**
 * Process groups and sessions (kernel/pgrp.ts): where boot puts each task, what fork, threads
 * and exec change, and which processes kill and waitpid of a group reach.
 */
import { describe, expect, it } from 'vitest';
import { boot, run } from './helpers.ts';

describe('process groups and sessions', () => {
  it('boots init and the shell as session leaders, and the program (and the cat of `prog | cat`) in a group of its own in the shell\'s session', () => {
    const machine = boot('int main(void) { pause(); return 0; }', { stdoutIsPipe: true });
    const k = machine.kernel;
    const [init, shell, program, cat] = [1, 2, 3, 4].map((pid) => k.tasks.get(pid)!);
    expect([init.signal.pgid, init.signal.sid, init.signal.leader]).toEqual([1, 1, true]);
    expect([shell.signal.pgid, shell.signal.sid, shell.signal.leader]).toEqual([2, 2, true]);
    expect([program.signal.pgid, program.signal.sid, program.signal.leader]).toEqual([3, 2, false]);
    expect(cat.comm).toBe('cat');
    expect([cat.signal.pgid, cat.signal.sid]).toEqual([3, 2]);
  });

  it('a thread shares its process\'s group: setpgid in a thread moves the whole process', () => {
    const r = run(`#include <pthread.h>
pid_t group;
void *t(void *a) { (void) a; setsid(); return NULL; }
int main(void) {
  if (fork() == 0) {
    pthread_t th; pthread_create(&th, NULL, t, NULL); pthread_join(th, NULL);
    printf("%d %d\\n", getpgrp() == getpid(), getsid(0) == getpid());
    return 0;
  }
  wait(NULL); return 0; }`);
    expect(r.stdout).toBe('1 1\n');
  });

  it('kill of a group reaches its members only, zombies counting as members (no ESRCH)', () => {
    const r = run(`int main(void) {
  pid_t a = fork(); if (a == 0) { setpgid(0, 0); _exit(0); }
  setpgid(a, a);
  pid_t b = fork(); if (b == 0) { pause(); _exit(0); }
  sleep(1);
  int k = kill(-a, SIGTERM);
  printf("kill of a group of one zombie: %d\\n", k);
  waitpid(a, NULL, 0);
  k = kill(-a, 0);
  printf("after reaping it: %d %d\\n", k, errno == ESRCH);
  kill(b, SIGKILL); int st; waitpid(b, &st, 0);
  printf("b killed by %d\\n", WTERMSIG(st));
  return 0; }`);
    expect(r.stdout).toBe('kill of a group of one zombie: 0\nafter reaping it: -1 1\nb killed by 9\n');
  });
});

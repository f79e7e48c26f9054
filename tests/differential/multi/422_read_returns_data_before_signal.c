// A child writes into the pipe its parent reads and then signals the parent. pipe_read looks for
// data before it looks at signals, so read returns the 2 bytes and never fails with EINTR, whether
// the signal came before the parent woke up or after; the parent prints once the child is reaped,
// when the handler has surely run.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <errno.h>
int got = 0;
void on(int s) { (void)s; got++; }
int main(void) {
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_handler = on; sigaction(SIGUSR1, &sa, NULL);
  int fd[2]; pipe(fd);
  pid_t c = fork();
  if (c == 0) { usleep(1000); write(fd[1], "hi", 2); kill(getppid(), SIGUSR1); _exit(0); }
  char buf[8];
  ssize_t n = read(fd[0], buf, sizeof buf);
  int e = n < 0 ? errno : 0;
  wait(NULL);
  printf("n=%zd errno=%d got=%d\n", n, e, got);
  return 0;
}

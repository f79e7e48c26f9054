// A SIGCHLD handler that reaps with WNOHANG (SA_RESTART) beside waitpid: the waitpid gets the
// status of a child killed by SIGALRM, and of a stopped then continued child, before the handler
// can take them (the continued child waits on a pipe until the parent is about to wait for it).
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <errno.h>
static volatile sig_atomic_t n = 0;
void h(int s) { (void)s; int e = errno; while (waitpid(-1, NULL, WNOHANG) > 0) n++; errno = e; }
int main(void) {
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_handler = h; sa.sa_flags = SA_RESTART; sigaction(SIGCHLD, &sa, NULL);
  for (int i = 0; i < 4; i++) if (fork() == 0) { usleep(1000 * (i + 1)); _exit(0); }
  while (n < 4) pause();
  printf("reaped %d\n", (int)n);
  fflush(stdout);
  pid_t c = fork();
  if (c == 0) { alarm(1); for (;;) pause(); }
  int st; while (waitpid(c, &st, 0) < 0 && errno == EINTR) ;
  printf("%d %d\n", WIFSIGNALED(st), WTERMSIG(st));
  fflush(stdout);
  int go[2]; pipe(go);
  c = fork();
  if (c == 0) { char b; raise(SIGSTOP); read(go[0], &b, 1); printf("continued\n"); fflush(stdout); _exit(4); }
  waitpid(c, &st, WUNTRACED); printf("stopped %d %d\n", WIFSTOPPED(st), WSTOPSIG(st));
  fflush(stdout);
  kill(c, SIGCONT);
  write(go[1], "x", 1);
  waitpid(c, &st, 0); printf("exit %d reaped by the handler %d\n", WEXITSTATUS(st), (int)n);
  return 0;
}

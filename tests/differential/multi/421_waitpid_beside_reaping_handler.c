// A SIGCHLD handler that reaps with WNOHANG (SA_RESTART) beside waitpid: the waitpid gets the
// status of a child killed by SIGALRM and of a stopped then continued child before the handler
// can take them.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <errno.h>
volatile sig_atomic_t n = 0;
void onchld(int s) { (void)s; int e = errno; while (waitpid(-1, NULL, WNOHANG) > 0) n++; errno = e; }
int main(void) {
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_handler = onchld; sa.sa_flags = SA_RESTART; sigaction(SIGCHLD, &sa, NULL);
  for (int i = 0; i < 4; i++) if (fork() == 0) { usleep(1000 * (i + 1)); _exit(0); }
  while (n < 4) pause();
  printf("reaped %d\n", (int)n);
  signal(SIGALRM, SIG_DFL);
  pid_t c = fork();
  if (c == 0) { alarm(1); for (;;) pause(); }
  int st; while (waitpid(c, &st, 0) < 0 && errno == EINTR) ;
  printf("%d %d\n", WIFSIGNALED(st), WTERMSIG(st));
  c = fork();
  if (c == 0) { raise(SIGSTOP); printf("continued\n"); fflush(stdout); _exit(4); }
  waitpid(c, &st, WUNTRACED); printf("stopped %d %d\n", WIFSTOPPED(st), WSTOPSIG(st));
  kill(c, SIGCONT); waitpid(c, &st, 0); printf("exit %d\n", WEXITSTATUS(st));
  return 0;
}

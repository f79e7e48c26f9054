// A SIGCHLD handler and a wait: the wait returns the child that exited (do_wait looks for a
// child with a state to report before it looks at signals), then the handler runs; a handler
// without SA_RESTART interrupts only a wait that has nothing to return (EINTR).
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <errno.h>
int calls = 0;
void onchld(int s) { (void)s; calls++; }
int main(void) {
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_handler = onchld; sa.sa_flags = 0; sigaction(SIGCHLD, &sa, NULL);
  pid_t c = fork();
  if (c == 0) { usleep(1000); _exit(7); }
  int st = 0;
  pid_t r = waitpid(c, &st, 0);
  printf("r==c %d errno %d status %d calls %d\n", r == c, r < 0 ? errno : 0, WEXITSTATUS(st), calls);
  c = fork();
  if (c == 0) { usleep(1000); _exit(8); }
  r = wait(&st);
  printf("r==c %d status %d calls %d\n", r == c, WEXITSTATUS(st), calls);
  pid_t a = fork();
  if (a == 0) { usleep(1000); _exit(1); }
  pid_t b = fork();
  if (b == 0) { usleep(50000); _exit(2); }
  r = waitpid(b, &st, 0);
  printf("b: r==b %d errno %s status %d calls %d\n", r == b, r < 0 ? strerror(errno) : "-", r == b ? WEXITSTATUS(st) : -1, calls);
  while (waitpid(b, &st, 0) < 0 && errno == EINTR) ;
  while (wait(NULL) > 0) ;
  printf("calls %d\n", calls);
  return 0;
}

// A SIGCHLD handler without SA_RESTART and a wait: the wait returns the child that exited
// (do_wait looks for a child with a state to report before it looks at signals), and the handler
// runs after it, so the wait never fails with EINTR here. Whether the parent is already asleep in
// the wait when the child exits or not, the output is the same.
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
  return 0;
}

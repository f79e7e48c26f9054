/* A pipe holds 65536 bytes: a writer that nobody reads stops there, blocked in write(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile long written = 0;

static void on_alarm(int sig) {
  char line[64];
  int n = snprintf(line, sizeof line, "blocked after %ld bytes\n", written);
  write(1, line, n);
  _exit(3);
}

int main(void) {
  int fds[2];
  if (pipe(fds) < 0) return 1;
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    signal(SIGALRM, on_alarm);
    alarm(1);
    char chunk[1024];
    memset(chunk, 'x', sizeof chunk);
    for (int i = 0; i < 100; i++) {
      write(fds[1], chunk, sizeof chunk);
      written += sizeof chunk;
    }
    printf("never blocked\n");
    _exit(0);
  }
  close(fds[1]);
  int status;
  waitpid(pid, &status, 0);
  printf("child exit %d\n", WEXITSTATUS(status));
  long total = 0;
  char in[4096];
  ssize_t n;
  while ((n = read(fds[0], in, sizeof in)) > 0) total += n;
  printf("left in the pipe: %ld\n", total);
  return 0;
}

// sleep is cut short by a caught signal and returns the seconds it did not sleep.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static void on_usr1(int sig) {
    (void)sig;
}

int main(void) {
    int ready[2];
    pipe(ready);
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGUSR1, on_usr1);
        write(ready[1], "r", 1);
        unsigned left = sleep(30);
        _exit(left > 0 && left <= 30 ? 1 : 0);
    }
    char c;
    read(ready[0], &c, 1);
    usleep(50000);
    kill(pid, SIGUSR1);
    int status;
    waitpid(pid, &status, 0);
    printf("sleep(30) returned early with time left: %s\n", WEXITSTATUS(status) == 1 ? "yes" : "no");
    return 0;
}

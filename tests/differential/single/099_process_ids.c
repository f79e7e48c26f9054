// getpid, getppid and gettid: only facts about them, never the numbers (they change every run).
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/prctl.h>

int main(void)
{
    pid_t pid = getpid();
    pid_t ppid = getppid();
    pid_t tid = gettid();
    printf("pid positive: %s\n", pid > 0 ? "yes" : "no");
    printf("parent differs: %s\n", ppid != pid ? "yes" : "no");
    printf("main thread's tid is the pid: %s\n", tid == pid ? "yes" : "no");
    printf("getpid is stable: %s\n", getpid() == pid ? "yes" : "no");
    printf("prctl(PR_SET_CHILD_SUBREAPER, 1) = %d\n", prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0));
    return 0;
}

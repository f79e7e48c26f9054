/* printf (the program, exec'd: the shell's builtin is another), expr through system() with its
   statuses, and basename and dirname on the paths students split. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

/* Execs argv in a child and prints its exit status. */
static void spawn(char *const argv[]) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[0], argv);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("(%s exited %d)\n", argv[0], WEXITSTATUS(status));
}

static void run(const char *command) {
    printf("$ %s\n", command);
    fflush(stdout);
    int status = system(command);
    printf("status %d\n", WEXITSTATUS(status));
}

int main(void) {
    char *p1[] = { "printf", "%s has %d items\\n", "cart", "3", "list", "12", NULL };
    char *p2[] = { "printf", "[%5s|%-4d|%03d|%x|%c]\\n", "ab", "7", "5", "255", "zebra", NULL };
    char *p3[] = { "printf", "%d\\n", "12abc", "x", NULL };
    char *p4[] = { "printf", "%.2f%%\\tdone\\n", "99.5", NULL };
    char *p5[] = { "printf", NULL };
    spawn(p1);
    spawn(p2);
    spawn(p3);
    spawn(p4);
    spawn(p5);
    run("expr 6 \\* 7");
    run("expr 17 / 5 + 17 % 5");
    run("expr \\( 2 + 3 \\) \\* 4");
    run("expr 3 - 3");
    run("expr 10 \\< 9");
    run("expr apple \\< banana");
    run("expr 5 = 5 \\& 2 \\> 1");
    run("expr 1 / 0");
    run("expr two + 2");
    run("expr 1 +");
    run("expr");
    run("basename /home/student/notes.txt; basename /home/student/notes.txt .txt; basename /usr/lib/; basename /");
    run("dirname /home/student/notes.txt; dirname notes.txt; dirname /usr/lib/; dirname /");
    run("basename");
    return 0;
}

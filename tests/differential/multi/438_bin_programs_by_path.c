// file: a.txt=cherry\napple\n
// file: b.txt=banana\napple
// file: notes.txt=one\ntwo\nthree
/* /bin programs exec'd by path (their messages name argv[0], as GNU's do), ls | sort,
   several files at once, a last line without a newline, and mv of several files into a directory. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static void run(const char *command) {
    printf("$ %s\n", command);
    fflush(stdout);
    int status = system(command);
    printf("status %d\n", WEXITSTATUS(status));
}

/* Execs path with argv in a child; prints the exit status. */
static void spawn(const char *path, char *const argv[]) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("(%s exited %d)\n", path, WEXITSTATUS(status));
}

int main(void) {
    char *tr[] = { "/usr/bin/tr", NULL };
    char *sort[] = { "my-sort", "-q", NULL };
    char *seq[] = { "seq", "2", "3", NULL };
    spawn("/usr/bin/tr", tr);
    spawn("/bin/sort", sort);
    spawn("/bin/seq", seq);
    char *cat[] = { "/bin/cat", "nofile", NULL };
    char *wc[] = { "/usr/bin/wc", "-x", NULL };
    char *head[] = { "./head", "nofile", NULL };
    char *grep[] = { "/bin/grep", "x", "nofile", NULL };
    char *ls[] = { "/bin/ls", "nofile", NULL };
    char *cp[] = { "/bin/cp", "a.txt", NULL };
    char *rm[] = { "/bin/rm", NULL };
    char *touch[] = { "/bin/touch", "nodir/x", NULL };
    spawn("/bin/cat", cat);
    spawn("/bin/wc", wc);
    spawn("/bin/head", head);
    spawn("/bin/grep", grep);
    spawn("/bin/ls", ls);
    spawn("/bin/cp", cp);
    spawn("/bin/rm", rm);
    spawn("/bin/touch", touch);
    run("/bin/expr 2 + 2");
    run("ls | sort -r");
    run("sort a.txt b.txt");
    run("sort a.txt b.txt > both.txt && uniq -u both.txt && rm both.txt");
    run("tail -n 2 notes.txt; echo '<'");
    run("tr a-z A-Z < notes.txt; echo");
    run("sort -u a.txt - b.txt < notes.txt");
    run("mkdir -v box && mv a.txt b.txt box && ls box && ls");
    run("mv notes.txt box/a.txt nowhere");
    return 0;
}

// file: scores.txt=ada 97\nbob 58\ncy 75\n
/* The shell's compound commands in what a program gives system(): if/elif/else, while and until
   with test ([ ]), for over words, a glob and $( ), break and continue, read in a while loop fed
   by a file, { } groups with redirections, and dash's syntax errors. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

static void run(const char *command) {
    printf("$ %s\n", command);
    fflush(stdout);
    int status = system(command);
    printf("status %d\n", WEXITSTATUS(status));
}

int main(void) {
    run("if [ -f scores.txt ]; then echo found; else echo missing; fi");
    run("for n in 1 2 3 4; do if [ $((n % 2)) -eq 0 ]; then echo \"$n even\"; elif [ $n -eq 3 ]; then echo three; else echo \"$n odd\"; fi; done");
    run("i=0; while [ $i -lt 3 ]; do i=$((i + 1)); echo \"i=$i\"; done");
    run("i=5; until [ $i -le 2 ]; do i=$((i - 1)); done; echo $i");
    run("for f in *.txt; do echo \"file: $f\"; done");
    run("for n in $(seq 10); do [ $n -gt 3 ] && break; [ $n -eq 2 ] && continue; echo $n; done");
    run("while read name score; do if [ $score -ge 60 ]; then echo \"$name passed\"; fi; done < scores.txt");
    run("{ echo header; cut -d' ' -f1 scores.txt; } > names.txt; wc -l < names.txt");
    run("for i in 1 2; do for j in a b; do echo $i$j; continue 2; done; done");
    run("test 2 -gt 1 -a ! -d scores.txt; echo $?; [ abc = abd ]; echo $?; [ -z \"\" ]; echo $?");
    run("[ 1 -lt x ]");
    run("[ 1 = 1");
    run("if true; then echo unfinished");
    run("for x in a b; echo $x; done");
    run("done");
    return 0;
}

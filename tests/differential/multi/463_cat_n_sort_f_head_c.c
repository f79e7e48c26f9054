// file: notes.txt=Banana\n\n\napple\nbanana\nApple\n
/* More options students reach for: cat -n, -b, -s and -E; sort -f (case folded) and -o (into
   one of its own inputs); uniq -i; head -c; and cat's message for an unknown option. */
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
    run("cat -n notes.txt");
    run("cat -bs notes.txt");
    run("cat -E notes.txt");
    run("sort -f notes.txt");
    run("sort -f -o notes.txt notes.txt && uniq -ci notes.txt");
    run("head -c 6 notes.txt; echo");
    run("cat -z notes.txt");
    return 0;
}

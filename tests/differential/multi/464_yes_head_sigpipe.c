/* yes | head -n 3 through system(): head exits after three lines and yes, writing on, dies of
   SIGPIPE; the pipeline's status is head's. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

int main(void) {
    int status = system("yes | head -n 3");
    printf("status %d\n", WEXITSTATUS(status));
    return 0;
}

// file: b.txt=b\n
// file: a.txt=a\n
/* popen(cmd, "r"): the program reads what the command prints, line by line; pclose waits for
   the shell and returns its status. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

int main(void) {
    FILE *p = popen("ls", "r");
    char line[256];
    int n = 0;
    while (fgets(line, sizeof line, p)) {
        line[strcspn(line, "\n")] = 0;
        printf("%d: %s\n", ++n, line);
    }
    int status = pclose(p);
    printf("pclose: exited %d with %d\n", WIFEXITED(status), WEXITSTATUS(status));
    p = popen("echo from the shell; exit 5", "r");
    fgets(line, sizeof line, p);
    printf("read: %s", line);
    printf("pclose: %d\n", WEXITSTATUS(pclose(p)));
    return 0;
}

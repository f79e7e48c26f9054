/* popen(cmd, "w"): what the program writes is the command's standard input. */
#include <stdio.h>
#include <sys/wait.h>

int main(void) {
    printf("before popen\n");
    fflush(stdout);
    FILE *p = popen("wc -l", "w");
    for (int i = 0; i < 5; i++) fprintf(p, "line %d\n", i);
    int status = pclose(p);
    printf("wc exited with %d\n", WEXITSTATUS(status));
    p = popen("cat > saved.txt", "w");
    fputs("kept in a file\n", p);
    pclose(p);
    p = popen("cat saved.txt", "r");
    char line[64];
    fgets(line, sizeof line, p);
    pclose(p);
    printf("saved.txt: %s", line);
    return 0;
}

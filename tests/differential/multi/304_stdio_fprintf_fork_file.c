/* fprintf to a file is fully buffered: text written before fork sits in the buffer, which fork
   copies, so it reaches the file twice. fflush before fork writes it once. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static void dump(const char *name) {
    FILE *f = fopen(name, "r");
    char line[64];
    printf("%s:\n", name);
    while (fgets(line, sizeof line, f)) printf("  %s", line);
    fclose(f);
}

int main(void) {
    FILE *f = fopen("twice.txt", "w");
    fprintf(f, "written before fork\n");
    if (fork() == 0) { fclose(f); return 0; }
    wait(NULL);
    fclose(f);

    f = fopen("once.txt", "w");
    fprintf(f, "written before fork\n");
    fflush(f);
    if (fork() == 0) { fclose(f); return 0; }
    wait(NULL);
    fclose(f);

    dump("twice.txt");
    dump("once.txt");
    return 0;
}

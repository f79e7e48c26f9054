/* When stdout is a file, printf is fully buffered: a printf before fork is in both processes'
   buffers and reaches the file twice, unlike on a terminal. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int saved = dup(1);
    int fd = open("out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    close(fd);
    printf("one line\n");
    if (fork() == 0) return 0;
    wait(NULL);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    FILE *f = fopen("out.txt", "r");
    char line[64];
    int n = 0;
    while (fgets(line, sizeof line, f)) printf("%d: %s", ++n, line);
    fclose(f);
    return 0;
}

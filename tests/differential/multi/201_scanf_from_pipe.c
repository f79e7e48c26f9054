// A child reads numbers with scanf from a pipe on its stdin (dup2) while the parent writes them
// in two parts: the second scanf waits inside the read of a number cut in two ("3" then "4 5"),
// so it reads 34. The child reports its first number through a second pipe before the parent
// goes on, which forces one order.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
    int numbers[2], reports[2];
    if (pipe(numbers) < 0 || pipe(reports) < 0) {
        perror("pipe");
        return 1;
    }
    pid_t pid = fork();
    if (pid == 0) {
        close(numbers[1]);
        close(reports[0]);
        dup2(numbers[0], STDIN_FILENO);
        close(numbers[0]);
        int first, value, sum = 0, count = 0;
        if (scanf("%d", &first) != 1)
            exit(2);
        char note[32];
        int len = snprintf(note, sizeof note, "first=%d\n", first);
        write(reports[1], note, len);
        sum = first;
        count = 1;
        int r;
        while ((r = scanf("%d", &value)) == 1) {
            printf("child read %d\n", value);
            sum += value;
            count++;
        }
        printf("child: scanf returned %d after %d numbers, sum %d\n", r, count, sum);
        exit(0);
    }
    close(numbers[0]);
    close(reports[1]);
    const char *part1 = "12 3";
    write(numbers[1], part1, strlen(part1));
    char note[32] = "";
    ssize_t n = read(reports[0], note, sizeof note - 1);
    if (n > 0)
        note[n] = '\0';
    printf("parent heard: %s", note);
    fflush(stdout);
    const char *part2 = "4 5\n  6";
    write(numbers[1], part2, strlen(part2));
    close(numbers[1]);
    int status;
    waitpid(pid, &status, 0);
    printf("parent: child exited with %d\n", WEXITSTATUS(status));
    return 0;
}

// file: numbers.txt=3\n14\n15\n92\n65\n
/* Reading a file through stdin: dup2 puts it on descriptor 0, then getchar and fgets read it. */
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>

int main(void) {
    int fd = open("numbers.txt", O_RDONLY);
    dup2(fd, 0);
    close(fd);
    char line[32];
    int sum = 0, count = 0;
    while (fgets(line, sizeof line, stdin)) {
        sum += atoi(line);
        count++;
    }
    printf("%d numbers, sum %d\n", count, sum);
    return 0;
}

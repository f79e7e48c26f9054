// A double free: glibc's tcache remembers the block and stops the program with
// "free(): double free detected in tcache 2" on stderr and SIGABRT (exit status 134). What was
// printed before stays on the terminal (line-buffered stdout flushed each line).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
    int id;
    char name[20];
};

int main(void)
{
    struct item *first = malloc(sizeof *first);
    struct item *second = malloc(sizeof *second);
    first->id = 1;
    strcpy(first->name, "apple");
    second->id = 2;
    strcpy(second->name, "banana");
    printf("%d %s, %d %s\n", first->id, first->name, second->id, second->name);
    free(first);
    printf("freed the first item\n");
    free(second);
    free(first); /* the bug: first was already freed */
    printf("never printed\n");
    return 0;
}

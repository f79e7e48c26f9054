// After fork the child has its own copy of globals, locals and the heap: its writes are not
// seen by the parent.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int global = 1;

int main(void) {
    int local = 2;
    char *heap = malloc(16);
    strcpy(heap, "parent");
    pid_t pid = fork();
    if (pid == 0) {
        global = 100;
        local = 200;
        strcpy(heap, "child");
        printf("child:  global=%d local=%d heap=%s\n", global, local, heap);
        exit(0);
    }
    wait(NULL);
    printf("parent: global=%d local=%d heap=%s\n", global, local, heap);
    free(heap);
    return 0;
}

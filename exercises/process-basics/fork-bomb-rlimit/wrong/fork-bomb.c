/* Every process, children included, forks for ever and never looks at the result: a fork bomb.
   The limit stops it growing, but nothing stops it running. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int started = 0;
    while (1) {
        fork();
        started++;
    }
    printf("parent: started %d workers\n", started);
    return 0;
}

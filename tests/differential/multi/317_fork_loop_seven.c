/* The classic question: how many lines does a loop of 7 forks print? Every process (2^7 = 128
   of them) prints one line after the loop; each waits for its children so the output is whole. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    for (int i = 0; i < 7; i++) fork();
    printf("hello\n");
    while (wait(NULL) > 0) ;
    return 0;
}

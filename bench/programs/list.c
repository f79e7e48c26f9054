#include <stdio.h>
#include <stdlib.h>

#define N 100000

struct node {
    int value;
    struct node *next;
};

int main(void) {
    long checksum = 0;
    for (int round = 0; round < 10; round++) {
        struct node *head = NULL;
        for (int i = 0; i < N; i++) {
            struct node *p = malloc(sizeof *p);
            p->value = i ^ round;
            p->next = head;
            head = p;
        }
        for (struct node *p = head; p != NULL; p = p->next) checksum += p->value;
        while (head != NULL) {
            struct node *next = head->next;
            free(head);
            head = next;
        }
    }
    printf("10 lists of %d nodes built and freed, checksum %ld\n", N, checksum);
    return 0;
}

// Use after free that Linux runs to the end: the program reads a node of a list after freeing
// it. glibc's free() writes its own bookkeeping into the first 16 bytes of the block (the
// tcache's next pointer and key) and leaves the rest as it was, so the freed node still shows
// its value and the program "works" — by luck. The lab prints what Linux prints and warns
// (use-after-free) on the line that reads the freed node.
#include <stdio.h>
#include <stdlib.h>

struct node {
    struct node *next;
    long id;
    int value;
};

int main(void)
{
    struct node *head = NULL;
    for (int i = 1; i <= 3; i++) {
        struct node *n = malloc(sizeof *n);
        n->next = head;
        n->id = i;
        n->value = i * 100;
        head = n;
    }
    // the classic mistake: free the node, then step to its next field... here, read its value
    struct node *first = head;
    head = head->next;
    free(first);
    printf("freed node's value: %d\n", first->value);   /* memcheck: use-after-free */
    int sum = 0;
    for (struct node *n = head; n; n = n->next)
        sum += n->value;
    printf("sum of the rest: %d\n", sum);
    while (head) {
        struct node *next = head->next;
        free(head);
        head = next;
    }
    return 0;
}

// A singly linked list on the heap: push, append, reverse, remove, free everything.
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

static struct node *new_node(int value)
{
    struct node *n = malloc(sizeof *n);
    if (n == NULL) {
        printf("out of memory\n");
        exit(1);
    }
    n->value = value;
    n->next = NULL;
    return n;
}

static void push(struct node **head, int value)
{
    struct node *n = new_node(value);
    n->next = *head;
    *head = n;
}

static void append(struct node **head, int value)
{
    while (*head)
        head = &(*head)->next;
    *head = new_node(value);
}

static struct node *reverse(struct node *head)
{
    struct node *prev = NULL;
    while (head) {
        struct node *next = head->next;
        head->next = prev;
        prev = head;
        head = next;
    }
    return prev;
}

static int remove_value(struct node **head, int value)
{
    for (struct node **p = head; *p; p = &(*p)->next)
        if ((*p)->value == value) {
            struct node *gone = *p;
            *p = gone->next;
            free(gone);
            return 1;
        }
    return 0;
}

static void print(const char *label, const struct node *n)
{
    printf("%s:", label);
    for (; n; n = n->next)
        printf(" %d", n->value);
    printf("\n");
}

static int free_all(struct node *n)
{
    int freed = 0;
    while (n) {
        struct node *next = n->next;
        free(n);
        n = next;
        freed++;
    }
    return freed;
}

int main(void)
{
    struct node *list = NULL;
    for (int i = 1; i <= 3; i++)
        push(&list, i);
    for (int i = 10; i <= 30; i += 10)
        append(&list, i);
    print("built", list);
    list = reverse(list);
    print("reversed", list);
    int removed20 = remove_value(&list, 20);
    int removed99 = remove_value(&list, 99);
    printf("remove 20: %d, remove 99: %d\n", removed20, removed99);
    remove_value(&list, 1);
    remove_value(&list, 30);
    print("after removals", list);
    printf("freed %d nodes\n", free_all(list));
    return 0;
}

// Pointers to structs and the -> operator; a function that changes a struct through a pointer.
#include <stdio.h>
#include <string.h>

struct account {
    char owner[12];
    long balance;
    struct account *partner;
};

static void deposit(struct account *acc, long amount)
{
    acc->balance += amount;
}

static int transfer(struct account *from, struct account *to, long amount)
{
    if (from->balance < amount)
        return -1;
    from->balance -= amount;
    to->balance += amount;
    return 0;
}

int main(void)
{
    struct account alice = { "alice", 100, NULL };
    struct account bob = { "bob", 20, NULL };
    alice.partner = &bob;
    bob.partner = &alice;

    deposit(&alice, 50);
    printf("%s has %ld\n", alice.owner, alice.balance);
    printf("transfer 500: %d\n", transfer(&alice, &bob, 500));
    printf("transfer 120: %d\n", transfer(&alice, alice.partner, 120));
    printf("%s %ld, %s %ld\n", alice.owner, alice.balance, bob.owner, bob.balance);
    printf("partner of partner of alice: %s\n", alice.partner->partner->owner);

    struct account *p = &bob;
    (*p).balance = 7;
    p->owner[0] = 'B';
    printf("%s %ld\n", bob.owner, p->balance);

    struct account bank[3] = { { "x", 1, NULL }, { "y", 2, NULL }, { "z", 3, NULL } };
    long total = 0;
    for (struct account *q = bank; q < bank + 3; q++)
        total += q->balance;
    printf("total %ld, last owner %s\n", total, (bank + 2)->owner);
    struct account *copy = &bank[1];
    strcpy(copy->owner, "why");
    printf("bank[1].owner = %s\n", bank[1].owner);
    printf("p == &bob: %d, &bank[2] - &bank[0] = %ld\n", p == &bob, (long)(&bank[2] - &bank[0]));
    return 0;
}

// Enumerations: implicit and explicit values, negative values, enums in switch, sizeof.
#include <stdio.h>

enum color { RED, GREEN, BLUE };
enum state { NEW = 1, READY, RUNNING = 10, ZOMBIE, DEAD = -1, AFTER_DEAD };
typedef enum { MON = 1, TUE, WED, THU, FRI, SAT, SUN } weekday;

static const char *state_name(enum state s)
{
    switch (s) {
    case NEW: return "NEW";
    case READY: return "READY";
    case RUNNING: return "RUNNING";
    case ZOMBIE: return "ZOMBIE";
    case DEAD: return "DEAD";
    default: return "unknown";
    }
}

int main(void)
{
    printf("RED %d GREEN %d BLUE %d\n", RED, GREEN, BLUE);
    printf("NEW %d READY %d RUNNING %d ZOMBIE %d DEAD %d AFTER_DEAD %d\n", NEW, READY, RUNNING, ZOMBIE,
           DEAD, AFTER_DEAD);
    for (enum state s = DEAD; s <= ZOMBIE; s++)
        printf("%d:%s ", s, state_name(s));
    printf("\n");
    weekday d = FRI;
    printf("FRI = %d, weekend: %s\n", d, d >= SAT ? "yes" : "no");
    printf("sizeof(enum color) = %zu\n", sizeof(enum color));
    enum color c = BLUE;
    int as_int = c + 1;
    printf("BLUE + 1 = %d\n", as_int);
    const char *names[] = { [RED] = "red", [GREEN] = "green", [BLUE] = "blue" };
    for (enum color k = RED; k <= BLUE; k++)
        printf("%s%s", names[k], k == BLUE ? "\n" : ", ");
    return 0;
}

// The preprocessor's # (stringify) and ## (token pasting), and macros that generate code.
#include <stdio.h>

#define STR(x) #x
#define XSTR(x) STR(x)
#define VERSION 3
#define CONCAT(a, b) a##b
#define MAKE_GETTER(name) static int get_##name(void) { return name; }
#define SHOW(var) printf(#var " = %d\n", var)
#define FIELD_LIST(X) X(pid) X(ppid) X(state)
#define AS_STRING(name) #name,
#define AS_MEMBER(name) int name;

static int width = 80;
static int height = 24;
MAKE_GETTER(width)
MAKE_GETTER(height)

struct task { FIELD_LIST(AS_MEMBER) };
static const char *field_names[] = { FIELD_LIST(AS_STRING) };

int main(void)
{
    printf("STR(VERSION) = %s, XSTR(VERSION) = %s\n", STR(VERSION), XSTR(VERSION));
    printf("STR(a + b) = %s, STR(\"quoted\") = %s\n", STR(a + b), STR("quoted"));
    int CONCAT(count, er) = 5;
    printf("counter = %d\n", counter);
    printf("CONCAT(12, 34) = %d\n", CONCAT(12, 34));
    printf("get_width() = %d, get_height() = %d\n", get_width(), get_height());
    SHOW(width * height);
    struct task t = { 10, 1, 2 };
    printf("sizeof(struct task) = %zu\n", sizeof t);
    for (int i = 0; i < 3; i++)
        printf("field %d: %s\n", i, field_names[i]);
    printf("%s\n", "adjacent " "string " "literals " XSTR(VERSION));
    return 0;
}

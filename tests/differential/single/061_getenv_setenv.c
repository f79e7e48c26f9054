// getenv of an unset variable returns NULL; setenv creates and (with overwrite) replaces.
#include <stdio.h>
#include <stdlib.h>

static void show(const char *name)
{
    const char *v = getenv(name);
    printf("%s = %s\n", name, v ? v : "(unset)");
}

int main(void)
{
    show("FORKLAB_SURELY_UNSET");
    printf("getenv returned NULL: %d\n", getenv("FORKLAB_SURELY_UNSET") == NULL);
    printf("setenv: %d\n", setenv("FORKLAB_COLOR", "blue", 1));
    show("FORKLAB_COLOR");
    printf("setenv without overwrite: %d\n", setenv("FORKLAB_COLOR", "red", 0));
    show("FORKLAB_COLOR");
    printf("setenv with overwrite: %d\n", setenv("FORKLAB_COLOR", "green", 1));
    show("FORKLAB_COLOR");
    setenv("FORKLAB_EMPTY", "", 1);
    show("FORKLAB_EMPTY");
    return 0;
}

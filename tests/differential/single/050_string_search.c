// strchr, strrchr and strstr: print positions (offsets), never addresses.
#include <stdio.h>
#include <string.h>

static void where(const char *label, const char *base, const char *found)
{
    if (found)
        printf("%s: at %ld (\"%s\")\n", label, (long)(found - base), found);
    else
        printf("%s: not found\n", label);
}

int main(void)
{
    const char *path = "/usr/local/bin/forklab";
    where("strchr '/'", path, strchr(path, '/'));
    where("strrchr '/'", path, strrchr(path, '/'));
    where("strchr 'l'", path, strchr(path, 'l'));
    where("strrchr 'l'", path, strrchr(path, 'l'));
    where("strchr 'z'", path, strchr(path, 'z'));
    where("strchr NUL", path, strchr(path, '\0'));
    where("strstr \"bin\"", path, strstr(path, "bin"));
    where("strstr \"lab\"", path, strstr(path, "lab"));
    where("strstr \"\"", path, strstr(path, ""));
    where("strstr \"binary\"", path, strstr(path, "binary"));

    const char *text = "the fork forks a forked fork";
    int count = 0;
    for (const char *p = strstr(text, "fork"); p; p = strstr(p + 1, "fork"))
        count++;
    printf("\"fork\" occurs %d times\n", count);
    const char *base = strrchr(path, '/') + 1;
    printf("basename: %s\n", base);
    char copy[32];
    strcpy(copy, "key=value=more");
    char *eq = strchr(copy, '=');
    *eq = '\0';
    printf("key \"%s\" value \"%s\"\n", copy, eq + 1);
    return 0;
}

// strtok: splitting on several delimiters, empty fields skipped, and the NULL continuation.
#include <stdio.h>
#include <string.h>

int main(void)
{
    char line[] = "  ls -l  /tmp\t|wc -l ";
    int n = 0;
    for (char *tok = strtok(line, " \t"); tok != NULL; tok = strtok(NULL, " \t"))
        printf("token %d: [%s]\n", n++, tok);

    char csv[] = "pid,,ppid,state,";
    for (char *f = strtok(csv, ","); f; f = strtok(NULL, ","))
        printf("field [%s]\n", f);

    char path[] = "/usr/local/bin";
    char *parts[8];
    int count = 0;
    char *p = strtok(path, "/");
    while (p && count < 8) {
        parts[count++] = p;
        p = strtok(NULL, "/");
    }
    printf("%d parts, in reverse:", count);
    for (int i = count - 1; i >= 0; i--)
        printf(" %s", parts[i]);
    printf("\n");

    char changing[] = "a=1;b=2 c=3";
    char *first = strtok(changing, ";");
    char *second = strtok(NULL, " ");
    char *third = strtok(NULL, "");
    printf("[%s] [%s] [%s]\n", first, second, third);
    char only_delims[] = ";;;";
    printf("only delimiters gives %s\n", strtok(only_delims, ";") == NULL ? "NULL" : "a token");
    return 0;
}

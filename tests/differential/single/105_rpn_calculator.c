// stdin: 3 4 + 2 *\n5 1 2 + 4 * + 3 -\n2 3 4 * +\n1 +\n10 0 /\n
// A reverse-Polish calculator: one expression per input line, a stack in an array, errors
// reported on stderr (the lab's terminal shows them in order with stdout).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define DEPTH 16

static long stack[DEPTH];
static int top;

static int push(long v)
{
    if (top == DEPTH)
        return -1;
    stack[top++] = v;
    return 0;
}

static int pop(long *v)
{
    if (top == 0)
        return -1;
    *v = stack[--top];
    return 0;
}

static const char *evaluate(char *line, long *result)
{
    top = 0;
    for (char *tok = strtok(line, " \n"); tok; tok = strtok(NULL, " \n")) {
        if (isdigit((unsigned char)tok[0])) {
            if (push(strtol(tok, NULL, 10)) < 0)
                return "stack full";
            continue;
        }
        long b, a;
        if (pop(&b) < 0 || pop(&a) < 0)
            return "not enough operands";
        switch (tok[0]) {
        case '+': push(a + b); break;
        case '-': push(a - b); break;
        case '*': push(a * b); break;
        case '/':
            if (b == 0)
                return "division by zero";
            push(a / b);
            break;
        default:
            return "unknown operator";
        }
    }
    if (pop(result) < 0 || top != 0)
        return "malformed expression";
    return NULL;
}

int main(void)
{
    char line[128];
    int n = 0;
    while (fgets(line, sizeof line, stdin)) {
        long value;
        const char *error = evaluate(line, &value);
        n++;
        if (error)
            fprintf(stderr, "line %d: error: %s\n", n, error);
        else
            printf("line %d: %ld\n", n, value);
    }
    return 0;
}

// Wrappers around printf built with vprintf, vfprintf, vsnprintf and vsprintf: a logger with a
// prefix, a message into a bounded buffer (the return value is the full length), and an error
// reporter on stderr.
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

static int lines;

static void logf_line(const char *level, const char *format, ...)
{
    va_list ap;
    printf("[%02d %-5s] ", ++lines, level);
    va_start(ap, format);
    vprintf(format, ap);
    va_end(ap);
    putchar('\n');
}

static int format_into(char *buffer, size_t size, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(buffer, size, format, ap);
    va_end(ap);
    return n;
}

static void fail(const char *format, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "error: ");
    va_start(ap, format);
    vfprintf(stderr, format, ap);
    va_end(ap);
    fprintf(stderr, "\n");
}

static char *join(char *out, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    vsprintf(out + strlen(out), format, ap);
    va_end(ap);
    return out;
}

int main(void)
{
    logf_line("info", "starting with %d workers and a %s queue", 4, "bounded");
    logf_line("warn", "disk %.1f%% full", 93.25);
    char small[12];
    int n = format_into(small, sizeof small, "%s-%05d-%x", "order", 42, 255);
    printf("wanted %d bytes, kept \"%s\" (%zu)\n", n, small, strlen(small));
    n = format_into(NULL, 0, "%d apples and %d pears", 3, 7);
    printf("measured %d bytes\n", n);
    fail("cannot open %s: code %d", "data.txt", 2);
    char path[64] = "/home";
    join(path, "/%s", "student");
    join(path, "/%s.%s", "notes", "txt");
    logf_line("done", "%s (%zu chars)", path, strlen(path));
    return 0;
}

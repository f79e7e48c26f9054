/**
 * The lab's small programs that shell scripts compute with, in its own C, printing what GNU
 * coreutils 9.1 prints in the C locale (messages included, named after argv[0] as GNU names
 * them): seq, yes, basename, dirname, printf, expr.
 */

/**
 * seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST: the numbers from FIRST (1) to LAST by INCREMENT (1).
 * Decimal numbers (`0.5`) are counted exactly, printed with as many decimals as FIRST and
 * INCREMENT have, as GNU seq prints them.
 */
export const SEQ_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *program;

/* A decimal number: value * 10^-decimals. */
struct number { long value; int decimals; };

static void usage_hint(void) { fprintf(stderr, "Try '%s --help' for more information.\n", program); }

/* Parses text as [-+]DIGITS[.DIGITS]; returns 0, or -1 when it is not such a number. */
static int parse_number(const char *text, struct number *n) {
    const char *p = text;
    int negative = *p == '-';
    if (*p == '-' || *p == '+') p++;
    long v = 0;
    int digits = 0, decimals = 0;
    for (; *p >= '0' && *p <= '9'; p++, digits++) v = v * 10 + (*p - '0');
    if (*p == '.') for (p++; *p >= '0' && *p <= '9'; p++, digits++, decimals++) v = v * 10 + (*p - '0');
    if (*p || digits == 0) return -1;
    n->value = negative ? -v : v;
    n->decimals = decimals;
    return 0;
}

/* n's value scaled to DECIMALS decimals. */
static long scaled(struct number n, int decimals) {
    long v = n.value;
    for (int d = n.decimals; d < decimals; d++) v *= 10;
    return v;
}

/* Formats v (with DECIMALS decimals shown) into out, padded with zeros to width. */
static void format(long v, int decimals, int width, char *out) {
    char digits[64];
    unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
    int n = sprintf(digits, "%0*lu", decimals + 1, u);
    char *p = out;
    if (v < 0) *p++ = '-';
    int int_len = n - decimals;
    int pad = width - (int)(v < 0) - int_len - (decimals ? decimals + 1 : 0);
    for (; pad > 0; pad--) *p++ = '0';
    memcpy(p, digits, int_len);
    p += int_len;
    if (decimals) { *p++ = '.'; memcpy(p, digits + int_len, decimals); p += decimals; }
    *p = 0;
}

int main(int argc, char *argv[]) {
    program = argv[0];
    const char *separator = "\n";
    int equal_width = 0;
    char *operands[4];
    int n = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        /* an argument that starts like a negative number is an operand, as GNU seq decides */
        if (a[0] == '-' && a[1] && !(a[1] >= '0' && a[1] <= '9') && a[1] != '.' && n == 0) {
            if (strcmp(a, "--") == 0) { for (i++; i < argc; i++) if (n < 4) operands[n++] = argv[i]; break; }
            if (a[1] == 's') {
                if (a[2]) separator = a + 2;
                else if (i + 1 < argc) separator = argv[++i];
                else { fprintf(stderr, "%s: option requires an argument -- 's'\n", program); usage_hint(); return 1; }
                continue;
            }
            if (a[1] == 'w' && !a[2]) { equal_width = 1; continue; }
            fprintf(stderr, "%s: invalid option -- '%c'\n", program, a[1]);
            usage_hint();
            return 1;
        }
        if (n < 4) operands[n++] = argv[i];
    }
    if (n == 0) { fprintf(stderr, "%s: missing operand\n", program); usage_hint(); return 1; }
    if (n > 3) { fprintf(stderr, "%s: extra operand '%s'\n", program, operands[3]); usage_hint(); return 1; }
    struct number first = { 1, 0 }, step = { 1, 0 }, last;
    for (int k = 0; k < n; k++) {
        struct number *target = n == 1 ? &last : k == 0 ? &first : k == n - 1 ? &last : &step;
        if (parse_number(operands[k], target) != 0) {
            fprintf(stderr, "%s: invalid floating point argument: '%s'\n", program, operands[k]);
            usage_hint();
            return 1;
        }
    }
    if (step.value == 0) {
        fprintf(stderr, "%s: invalid Zero increment value: '%s'\n", program, operands[1]);
        usage_hint();
        return 1;
    }
    int shown = first.decimals > step.decimals ? first.decimals : step.decimals;
    int exact = shown > last.decimals ? shown : last.decimals;
    long from = scaled(first, exact), by = scaled(step, exact), to = scaled(last, exact);
    long unit = 1;
    for (int d = shown; d < exact; d++) unit *= 10;
    int width = 0;
    char text[80];
    if (equal_width) {
        format(from / unit, shown, 0, text);
        width = strlen(text);
        format(to / unit, shown, 0, text);
        if ((int)strlen(text) > width) width = strlen(text);
    }
    int printed = 0;
    for (long v = from; by > 0 ? v <= to : v >= to; v += by) {
        format(v / unit, shown, width, text);
        if (printed++) fputs(separator, stdout);
        fputs(text, stdout);
    }
    if (printed) putchar('\n');
    return 0;
}
`;

/** yes [STRING...]: prints its arguments (or y), a line at a time, until it is killed. */
export const YES_SOURCE = String.raw`
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    static char buf[8192];   /* BUFSIZ, as GNU yes fills it */
    int len = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--") != 0) {
            fprintf(stderr, "%s: invalid option -- '%c'\nTry '%s --help' for more information.\n", argv[0], argv[i][1], argv[0]);
            return 1;
        }
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0 && i == 1) continue;
        int n = strlen(argv[i]);
        if (len + n + 2 > (int)sizeof buf) break;
        if (len > 0) buf[len++] = ' ';
        memcpy(buf + len, argv[i], n);
        len += n;
    }
    if (len == 0) buf[len++] = 'y';
    buf[len++] = '\n';
    /* fill the buffer with whole lines, as GNU yes does, so that each write is large */
    int line = len;
    while (len + line <= (int)sizeof buf) { memcpy(buf + len, buf, line); len += line; }
    for (;;) {
        if (write(1, buf, len) < 0) {
            perror(argv[0]);
            return 1;
        }
    }
}
`;

/** basename NAME [SUFFIX]: NAME without its directories (and without SUFFIX). */
export const BASENAME_SOURCE = String.raw`
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    int first = 1;
    if (first < argc && strcmp(argv[first], "--") == 0) first++;
    if (first < argc && argv[first][0] == '-' && argv[first][1]) {
        fprintf(stderr, "%s: invalid option -- '%c'\nTry '%s --help' for more information.\n", argv[0], argv[first][1], argv[0]);
        return 1;
    }
    if (argc - first < 1) {
        fprintf(stderr, "%s: missing operand\nTry '%s --help' for more information.\n", argv[0], argv[0]);
        return 1;
    }
    if (argc - first > 2) {
        fprintf(stderr, "%s: extra operand '%s'\nTry '%s --help' for more information.\n", argv[0], argv[first + 2], argv[0]);
        return 1;
    }
    char name[4096];
    snprintf(name, sizeof name, "%s", argv[first]);
    size_t len = strlen(name);
    while (len > 1 && name[len - 1] == '/') name[--len] = 0;
    char *base = strrchr(name, '/');
    base = base && base[1] ? base + 1 : name;
    if (argc - first == 2) {
        size_t blen = strlen(base), slen = strlen(argv[first + 1]);
        if (slen < blen && strcmp(base + blen - slen, argv[first + 1]) == 0) base[blen - slen] = 0;
    }
    puts(base);
    return 0;
}
`;

/** dirname NAME...: each NAME without its last component ("." when it has no directory). */
export const DIRNAME_SOURCE = String.raw`
#include <stdio.h>
#include <string.h>

/* Writes the directory part of path (GNU's dir_len rules: slashes trimmed, "/" kept). */
static void print_dirname(const char *path) {
    long len = strlen(path);
    while (len > 1 && path[len - 1] == '/') len--;       /* trailing slashes */
    while (len > 0 && path[len - 1] != '/') len--;       /* the last component */
    while (len > 1 && path[len - 1] == '/') len--;       /* the slashes before it */
    if (len == 0) { puts("."); return; }
    printf("%.*s\n", (int)len, path);
}

int main(int argc, char *argv[]) {
    int first = 1;
    if (first < argc && strcmp(argv[first], "--") == 0) first++;
    if (first < argc && argv[first][0] == '-' && argv[first][1]) {
        fprintf(stderr, "%s: invalid option -- '%c'\nTry '%s --help' for more information.\n", argv[0], argv[first][1], argv[0]);
        return 1;
    }
    if (first >= argc) {
        fprintf(stderr, "%s: missing operand\nTry '%s --help' for more information.\n", argv[0], argv[0]);
        return 1;
    }
    for (int i = first; i < argc; i++) print_dirname(argv[i]);
    return 0;
}
`;

/**
 * printf FORMAT [ARGUMENT...]: prints the arguments as FORMAT says (`%s %d %i %u %x %X %o %c
 * %f %e %g %b %%`, flags, width, precision, `*`), reusing FORMAT while arguments remain; escapes
 * `\n \t \\ \NNN \xHH`. A number that does not convert is reported, and the exit status is 1.
 */
export const PRINTF_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

static const char *program;
static int status;
static char **args;
static int nargs, used;

/* The next argument, or "" when none is left. */
static const char *next_arg(void) { return used < nargs ? args[used++] : ""; }

/* Reports an argument that is not (wholly) a number, as GNU printf does. */
static void check_number(const char *arg, const char *end) {
    if (end == arg || *end) fflush(stdout);
    if (end == arg) { fprintf(stderr, "%s: '%s': expected a numeric value\n", program, arg); status = 1; }
    else if (*end) { fprintf(stderr, "%s: '%s': value not completely converted\n", program, arg); status = 1; }
}

/* An argument as a signed integer: 'c or "c give the character's code. */
static long long integer_arg(const char *arg) {
    if ((arg[0] == '\'' || arg[0] == '"') && arg[1]) return (unsigned char)arg[1];
    if (!*arg) return 0;
    char *end;
    errno = 0;
    long long v = strtoll(arg, &end, 0);
    check_number(arg, end);
    if (errno == ERANGE) { fprintf(stderr, "%s: '%s': %s\n", program, arg, strerror(ERANGE)); status = 1; }
    return v;
}

static double double_arg(const char *arg) {
    if ((arg[0] == '\'' || arg[0] == '"') && arg[1]) return (unsigned char)arg[1];
    if (!*arg) return 0;
    char *end;
    double v = strtod(arg, &end);
    check_number(arg, end);
    return v;
}

static int is_octal(int c) { return c >= '0' && c <= '7'; }
static int hex_digit(int c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Writes the escape at *p (just after its backslash) and advances *p; returns 1 for \c, which
   ends all output. Octal escapes are \NNN in the format, \0NNN in an argument of %b. */
static int print_escape(const char **p, int in_b) {
    const char *s = *p;
    int v = 0;
    if (*s == 'x' && hex_digit(s[1]) >= 0) {
        s++;
        for (int k = 0; k < 2 && hex_digit(*s) >= 0; k++) v = v * 16 + hex_digit(*s++);
        putchar(v);
    } else if (in_b ? *s == '0' : is_octal(*s)) {
        if (in_b) s++;
        for (int k = 0; k < 3 && is_octal(*s); k++) v = v * 8 + (*s++ - '0');
        putchar(v & 255);
    } else if (*s == 'c') {
        return 1;
    } else {
        const char *from = "\"\\abefnrtv", *to = "\"\\\a\b\033\f\n\r\t\v";
        const char *k = *s ? strchr(from, *s) : NULL;
        if (k) { putchar(to[k - from]); s++; }
        else { putchar('\\'); if (*s) putchar(*s++); }
    }
    *p = s;
    return 0;
}

/* Writes one conversion: spec is "%[flags][width][.precision]" (with * already replaced),
   letter its conversion. */
static void print_conversion(char *spec, char letter, const char *arg) {
    size_t n = strlen(spec);
    if (letter == 'd' || letter == 'i') {
        strcpy(spec + n, "lld");
        printf(spec, integer_arg(arg));
    } else if (letter == 'u' || letter == 'o' || letter == 'x' || letter == 'X') {
        spec[n] = 'l'; spec[n + 1] = 'l'; spec[n + 2] = letter; spec[n + 3] = 0;
        printf(spec, (unsigned long long)integer_arg(arg));
    } else if (letter == 'f' || letter == 'e' || letter == 'g' || letter == 'E' || letter == 'G') {
        spec[n] = letter; spec[n + 1] = 0;
        printf(spec, double_arg(arg));
    } else if (letter == 'c') {
        spec[n] = 'c'; spec[n + 1] = 0;
        printf(spec, arg[0]);
    } else {
        spec[n] = 's'; spec[n + 1] = 0;
        printf(spec, arg);
    }
}

/* Writes an argument of %b: its escapes interpreted. Returns 1 when \c stopped the output. */
static int print_b(const char *arg) {
    for (const char *p = arg; *p; ) {
        if (*p != '\\') { putchar(*p++); continue; }
        p++;
        if (print_escape(&p, 1)) return 1;
    }
    return 0;
}

/* Writes the format once; returns 1 when the output must stop (\c), -1 after a bad conversion. */
static int print_format(const char *format) {
    for (const char *p = format; *p; ) {
        if (*p == '\\') { p++; if (print_escape(&p, 0)) return 1; continue; }
        if (*p != '%') { putchar(*p++); continue; }
        if (p[1] == '%') { putchar('%'); p += 2; continue; }
        const char *start = p++;
        char spec[64];
        int n = 0;
        spec[n++] = '%';
        while (*p && strchr("-+ #0", *p) && n < 40) spec[n++] = *p++;
        if (*p == '*') { n += sprintf(spec + n, "%d", (int)integer_arg(next_arg())); p++; }
        else while (*p >= '0' && *p <= '9' && n < 40) spec[n++] = *p++;
        if (*p == '.') {
            spec[n++] = *p++;
            if (*p == '*') { n += sprintf(spec + n, "%d", (int)integer_arg(next_arg())); p++; }
            else while (*p >= '0' && *p <= '9' && n < 40) spec[n++] = *p++;
        }
        spec[n] = 0;
        while (*p && strchr("hlLjzt", *p)) p++;     /* length modifiers change nothing here */
        char letter = *p;
        if (!letter || !strchr("diuoxXfeEgGcsb", letter)) {
            fflush(stdout);
            if (letter) fprintf(stderr, "%s: %.*s: invalid conversion specification\n", program, (int)(p - start + 1), start);
            else fprintf(stderr, "%s: %%: invalid conversion specification\n", program);
            return -1;
        }
        p++;
        if (letter == 'b') { if (print_b(next_arg())) return 1; }
        else print_conversion(spec, letter, next_arg());
    }
    return 0;
}

int main(int argc, char *argv[]) {
    program = argv[0];
    int first = 1;
    if (first < argc && strcmp(argv[first], "--") == 0) first++;
    if (first >= argc) {
        fprintf(stderr, "%s: missing operand\nTry '%s --help' for more information.\n", program, program);
        return 1;
    }
    args = argv + first + 1;
    nargs = argc - first - 1;
    do {
        int before = used;
        int r = print_format(argv[first]);
        if (r < 0) return 1;
        if (r > 0 || used == before) break;
    } while (used < nargs);
    return status;
}
`;

/**
 * expr EXPRESSION: integer arithmetic (`+ - * / %`), comparisons (`= != < <= > >=`, numbers as
 * numbers, other strings by bytes), `|` and `&`, parentheses; prints the value. Exit status 0, 1
 * when the value is 0 or empty, 2 for a bad expression.
 */
export const EXPR_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *program;
static char **args;

/* A value: an integer, or a string. */
struct value { int is_int; long i; const char *s; };

static void fail(const char *message, const char *arg) {
    fprintf(stderr, "%s: ", program);
    fprintf(stderr, message, arg);
    fputc('\n', stderr);
    exit(2);
}

static int at_end(void) { return *args == NULL; }

/* Takes the next argument if it is the token t. */
static int next_is(const char *t) {
    if (*args && strcmp(*args, t) == 0) { args++; return 1; }
    return 0;
}

/* Whether s is an optional - and digits (GNU's looks_like_integer). */
static int looks_like_integer(const char *s) {
    if (*s == '-') s++;
    if (!*s) return 0;
    for (; *s; s++) if (*s < '0' || *s > '9') return 0;
    return 1;
}

static struct value int_value(long i) { struct value v = { 1, i, NULL }; return v; }
static struct value str_value(const char *s) { struct value v = { 0, 0, s }; return v; }

/* Zero or empty: what makes | take its right side and the exit status 1. */
static int is_null(struct value v) {
    if (v.is_int) return v.i == 0;
    const char *p = v.s;
    if (!*p) return 1;
    if (*p == '-') p++;
    do { if (*p != '0') return 0; } while (*++p);
    return 1;
}

/* The value as an integer; a string that is no integer stops expr (when evaluating). */
static long to_int(struct value v, int evaluate) {
    if (v.is_int) return v.i;
    if (!looks_like_integer(v.s)) { if (evaluate) fail("non-integer argument", NULL); return 0; }
    return strtol(v.s, NULL, 10);
}

static struct value eval(int evaluate);

/* ( EXPR ), + TOKEN, or a token. */
static struct value eval_primary(int evaluate) {
    if (at_end()) fail("syntax error: missing argument after '%s'", args[-1]);
    if (next_is("(")) {
        struct value v = eval(evaluate);
        if (at_end()) fail("syntax error: expecting ')' after '%s'", args[-1]);
        if (!next_is(")")) fail("syntax error: expecting ')' instead of '%s'", *args);
        return v;
    }
    if (next_is(")")) fail("syntax error: unexpected ')'", NULL);
    if (next_is("+")) {
        if (at_end()) fail("syntax error: missing argument after '%s'", args[-1]);
    }
    return str_value(*args++);
}

/* * / % */
static struct value eval_product(int evaluate) {
    struct value l = eval_primary(evaluate);
    for (;;) {
        char op = next_is("*") ? '*' : next_is("/") ? '/' : next_is("%") ? '%' : 0;
        if (!op) return l;
        struct value r = eval_primary(evaluate);
        if (!evaluate) continue;
        long a = to_int(l, 1), b = to_int(r, 1);
        if (op != '*' && b == 0) fail("division by zero", NULL);
        l = int_value(op == '*' ? a * b : op == '/' ? a / b : a % b);
    }
}

/* + - */
static struct value eval_sum(int evaluate) {
    struct value l = eval_product(evaluate);
    for (;;) {
        char op = next_is("+") ? '+' : next_is("-") ? '-' : 0;
        if (!op) return l;
        struct value r = eval_product(evaluate);
        if (!evaluate) continue;
        long a = to_int(l, 1), b = to_int(r, 1);
        l = int_value(op == '+' ? a + b : a - b);
    }
}

/* Compares two values: as integers when both are, otherwise as byte strings. */
static int compare(struct value l, struct value r) {
    char lb[32], rb[32];
    const char *ls = l.is_int ? (sprintf(lb, "%ld", l.i), lb) : l.s;
    const char *rs = r.is_int ? (sprintf(rb, "%ld", r.i), rb) : r.s;
    if (looks_like_integer(ls) && looks_like_integer(rs)) {
        long a = strtol(ls, NULL, 10), b = strtol(rs, NULL, 10);
        return a < b ? -1 : a > b;
    }
    int d = strcmp(ls, rs);
    return d < 0 ? -1 : d > 0;
}

/* = != < <= > >= */
static struct value eval_comparison(int evaluate) {
    struct value l = eval_sum(evaluate);
    for (;;) {
        int op = next_is("<") ? 1 : next_is("<=") ? 2 : next_is("=") || next_is("==") ? 3 : next_is("!=") ? 4 : next_is(">=") ? 5 : next_is(">") ? 6 : 0;
        if (!op) return l;
        struct value r = eval_sum(evaluate);
        if (!evaluate) continue;
        int c = compare(l, r);
        int t = op == 1 ? c < 0 : op == 2 ? c <= 0 : op == 3 ? c == 0 : op == 4 ? c != 0 : op == 5 ? c >= 0 : c > 0;
        l = int_value(t);
    }
}

/* & : the left value when neither side is null, else 0 */
static struct value eval_and(int evaluate) {
    struct value l = eval_comparison(evaluate);
    while (next_is("&")) {
        struct value r = eval_comparison(evaluate && !is_null(l));
        if (is_null(l) || is_null(r)) l = int_value(0);
    }
    return l;
}

/* | : the left value unless it is null, else the right one (0 when both are null) */
static struct value eval(int evaluate) {
    struct value l = eval_and(evaluate);
    while (next_is("|")) {
        struct value r = eval_and(evaluate && is_null(l));
        if (is_null(l)) l = is_null(r) ? int_value(0) : r;
    }
    return l;
}

int main(int argc, char *argv[]) {
    program = argv[0];
    args = argv + 1;
    if (argc > 1 && strcmp(argv[1], "--") == 0) args++;
    if (at_end()) {
        fprintf(stderr, "%s: missing operand\nTry '%s --help' for more information.\n", program, program);
        return 2;
    }
    struct value v = eval(1);
    if (!at_end()) fail("syntax error: unexpected argument '%s'", *args);
    if (v.is_int) printf("%ld\n", v.i);
    else puts(v.s);
    return is_null(v);
}
`;

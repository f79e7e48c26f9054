/**
 * The lab's file and text programs, in its own C, printing what GNU coreutils and grep print
 * for the options students use (messages included, in the C locale, named after argv[0] as GNU
 * names them): ls, cat, wc, head, grep, env, kill, pwd, rm, touch, cp.
 */

/**
 * ls [-1aAdl] [NAME...]: names sorted by bytes; on a terminal in columns as GNU ls lays them out;
 * -l the long format (mode, links, owner, group, size, date in UTC).
 */
export const LS_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>

static const char *program;   /* argv[0]: what GNU names in its messages */

#define LINE_LENGTH 80
#define MIN_COLUMN_WIDTH 3
#define MAX_NAMES 4096

static char *names[MAX_NAMES];
static int nnames;
static int all, almost_all, one_per_line, long_format, directory_itself;
static int status;
static const char *dir_prefix = "";

static const char *owner(unsigned uid) { return uid == 0 ? "root" : uid == 1000 ? "student" : "?"; }

/* "-rw-r--r--" for a mode */
static void mode_string(unsigned mode, char *out) {
    out[0] = S_ISDIR(mode) ? 'd' : S_ISCHR(mode) ? 'c' : S_ISFIFO(mode) ? 'p' : '-';
    const char *rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; i++) out[1 + i] = mode & (0400 >> i) ? rwx[i] : '-';
    out[10] = 0;
}

/* "Nov 14 22:13" for seconds since the epoch (UTC) */
static void date_string(long t, char *out) {
    static const char *MONTHS[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    long days = t / 86400, secs = t % 86400;
    /* civil_from_days (Howard Hinnant) */
    long z = days + 719468;
    long era = z / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    sprintf(out, "%s %2ld %02ld:%02ld", MONTHS[m - 1], d, secs / 3600, secs / 60 % 60);
}

/* The long format of names (in dir_prefix): a total of 1K blocks, then one line each. */
static void print_long(char **list, int n, int with_total) {
    struct stat *st = calloc(n + 1, sizeof(struct stat));
    long blocks = 0;
    int size_width = 1, link_width = 1;
    char path[4096];
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s%s", dir_prefix, list[i]);
        lstat(path, &st[i]);
        blocks += (st[i].st_blocks + 1) / 2;
        char buf[32];
        int w = sprintf(buf, "%ld", (long)st[i].st_size);
        if (w > size_width) size_width = w;
        w = sprintf(buf, "%ld", (long)st[i].st_nlink);
        if (w > link_width) link_width = w;
    }
    if (with_total) printf("total %ld\n", blocks);
    for (int i = 0; i < n; i++) {
        char mode[11], date[32];
        mode_string(st[i].st_mode, mode);
        date_string(st[i].st_mtime, date);
        printf("%s %*ld %s %s %*ld %s %s\n", mode, link_width, (long)st[i].st_nlink, owner(st[i].st_uid), owner(st[i].st_gid),
               size_width, (long)st[i].st_size, date, list[i]);
    }
    free(st);
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* GNU ls's calculate_columns: the most columns whose widths fit in the line. */
static void print_columns(char **list, int n) {
    if (n == 0) return;
    int max_cols = LINE_LENGTH / MIN_COLUMN_WIDTH;
    if (max_cols > n) max_cols = n;
    int *widths = calloc((size_t)max_cols * max_cols, sizeof(int));
    int *line_len = malloc(max_cols * sizeof(int));
    int *valid = malloc(max_cols * sizeof(int));
    for (int i = 0; i < max_cols; i++) {
        valid[i] = 1;
        line_len[i] = (i + 1) * MIN_COLUMN_WIDTH;
        for (int j = 0; j <= i; j++) widths[i * max_cols + j] = MIN_COLUMN_WIDTH;
    }
    for (int f = 0; f < n; f++) {
        int len = strlen(list[f]);
        for (int i = 0; i < max_cols; i++) {
            if (!valid[i]) continue;
            int idx = f / ((n + i) / (i + 1));
            int real = len + (idx == i ? 0 : 2);
            if (widths[i * max_cols + idx] < real) {
                line_len[i] += real - widths[i * max_cols + idx];
                widths[i * max_cols + idx] = real;
                valid[i] = line_len[i] < LINE_LENGTH;
            }
        }
    }
    int cols = max_cols;
    while (cols > 1 && !valid[cols - 1]) cols--;
    int rows = n / cols + (n % cols != 0);
    for (int row = 0; row < rows; row++) {
        int col = 0, f = row, at = 0;
        while (1) {
            int len = strlen(list[f]);
            int width = widths[(cols - 1) * max_cols + col++];
            fputs(list[f], stdout);
            f += rows;
            if (f >= n) break;
            for (int k = at + len; k < at + width; k++) putchar(' ');
            at += width;
        }
        putchar('\n');
    }
    free(widths);
    free(line_len);
    free(valid);
}

static void print_list(char **list, int n, int with_total) {
    qsort(list, n, sizeof(char *), by_name);
    if (long_format) print_long(list, n, with_total);
    else if (one_per_line || !isatty(1)) {
        for (int i = 0; i < n; i++) printf("%s\n", list[i]);
    } else print_columns(list, n);
}

/* The entries of a directory (without . and .. unless -a; hidden ones only with -a or -A). */
static int list_dir(const char *path) {
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "%s: cannot open directory '%s': %s\n", program, path, strerror(errno));
        return 2;
    }
    nnames = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && nnames < MAX_NAMES) {
        const char *n = e->d_name;
        if (n[0] == '.' && !all && !almost_all) continue;
        if (almost_all && !all && (strcmp(n, ".") == 0 || strcmp(n, "..") == 0)) continue;
        names[nnames++] = strdup(n);
    }
    closedir(d);
    static char prefix[4096];
    snprintf(prefix, sizeof prefix, "%s/", path);
    dir_prefix = prefix;
    print_list(names, nnames, 1);
    dir_prefix = "";
    return 0;
}

int main(int argc, char *argv[]) {
    program = argv[0];
    char *files[MAX_NAMES];
    char *dirs[MAX_NAMES];
    int nfiles = 0, ndirs = 0, operands = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) {
            for (const char *o = argv[i] + 1; *o; o++) {
                if (*o == 'a') all = 1;
                else if (*o == 'A') almost_all = 1;
                else if (*o == '1') one_per_line = 1;
                else if (*o == 'l') long_format = 1;
                else if (*o == 'd') directory_itself = 1;
                else {
                    fprintf(stderr, "%s: invalid option -- '%c'\nTry '%s --help' for more information.\n", program, *o, program);
                    return 2;
                }
            }
            continue;
        }
        operands++;
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "%s: cannot access '%s': %s\n", program, argv[i], strerror(errno));
            status = 2;
        } else if (S_ISDIR(st.st_mode)) dirs[ndirs++] = argv[i];
        else files[nfiles++] = argv[i];
    }
    if (operands == 0 && directory_itself) files[nfiles++] = ".";
    else if (operands == 0) return list_dir(".");
    if (directory_itself) for (int i = 0; i < ndirs; i++) files[nfiles++] = dirs[i];
    if (directory_itself) ndirs = 0;
    print_list(files, nfiles, 0);
    qsort(dirs, ndirs, sizeof(char *), by_name);
    for (int i = 0; i < ndirs; i++) {
        if (operands > 1) printf("%s%s:\n", (nfiles > 0 || i > 0) ? "\n" : "", dirs[i]);
        int r = list_dir(dirs[i]);
        if (r) status = r;
    }
    return status;
}
`;

/** cat [-nbsE] [FILE...]: copies each file (or standard input, or "-") to standard output; -n numbers
 * the lines, -b the non-empty ones, -s squeezes runs of empty lines, -E marks line ends with $. */
export const CAT_SOURCE = String.raw`
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>

static const char *program;   /* argv[0]: what GNU names in its messages */
static int number, number_nonblank, squeeze, show_ends;
static long line_number;
static int at_line_start = 1, empty_lines;   /* (across files, as GNU cat counts) */

/* Writes n bytes of buf to standard output; returns 0, or 1 after a write error. */
static int write_all(const char *buf, long n) {
    while (n > 0) {
        long w = write(1, buf, n);
        if (w < 0) return 1;
        buf += w;
        n -= w;
    }
    return 0;
}

/* Copies descriptor fd to standard output as the options say; returns 0, or 1 after an error. */
static int copy(int fd) {
    char buf[4096];
    long n;
    int plain = !number && !number_nonblank && !squeeze && !show_ends;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        if (plain) { if (write_all(buf, n)) return 1; continue; }
        for (long i = 0; i < n; i++) {
            char c = buf[i];
            if (at_line_start) {
                if (c == '\n') {
                    if (squeeze && ++empty_lines > 1) continue;
                } else empty_lines = 0;
                if (number_nonblank ? c != '\n' : number) printf("%6ld\t", ++line_number);
            }
            if (c == '\n' && show_ends) putchar('$');
            putchar(c);
            at_line_start = c == '\n';
        }
        fflush(stdout);
    }
    return n < 0;
}

int main(int argc, char *argv[]) {
    program = argv[0];
    int status = 0, files = 0, options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || !a[1]) continue;
        if (strcmp(a, "--") == 0) { options_done = 1; continue; }
        for (const char *o = a + 1; *o; o++) {
            if (*o == 'n') number = 1;
            else if (*o == 'b') number_nonblank = 1;
            else if (*o == 's') squeeze = 1;
            else if (*o == 'E') show_ends = 1;
            else if (*o != 'u') {
                fprintf(stderr, "%s: invalid option -- '%c'\nTry '%s --help' for more information.\n", program, *o, program);
                return 1;
            }
        }
    }
    options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) { options_done = 1; continue; }
        if (!options_done && a[0] == '-' && a[1]) continue;
        files++;
        if (strcmp(a, "-") == 0) { status |= copy(0); continue; }
        int fd = open(a, O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "%s: %s: %s\n", program, a, strerror(errno));
            status = 1;
            continue;
        }
        if (copy(fd) != 0) {
            fprintf(stderr, "%s: %s: %s\n", program, a, strerror(errno));
            status = 1;
        }
        close(fd);
    }
    if (files == 0) status = copy(0);
    return status;
}
`;

/** wc [-lwc] [FILE...]: lines, words and bytes, with GNU's column widths. */
export const WC_SOURCE = String.raw`
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <sys/stat.h>

static const char *program;   /* argv[0]: what GNU names in its messages */

static int show_lines, show_words, show_bytes;

struct counts { long lines, words, bytes; };

static int count(int fd, struct counts *c) {
    char buf[4096];
    long n;
    int in_word = 0;
    c->lines = c->words = c->bytes = 0;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        for (long i = 0; i < n; i++) {
            char ch = buf[i];
            if (ch == '\n') c->lines++;
            if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') in_word = 0;
            else if (!in_word) { in_word = 1; c->words++; }
        }
        c->bytes += n;
    }
    return n < 0 ? -1 : 0;
}

static void print(struct counts *c, int width, const char *name) {
    int first = 1;
    if (show_lines) { printf("%*ld", width, c->lines); first = 0; }
    if (show_words) { printf(first ? "%*ld" : " %*ld", width, c->words); first = 0; }
    if (show_bytes) { printf(first ? "%*ld" : " %*ld", width, c->bytes); first = 0; }
    if (name) printf(" %s", name);
    printf("\n");
}

int main(int argc, char *argv[]) {
    program = argv[0];
    char *files[256];
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) {
            for (const char *o = argv[i] + 1; *o; o++) {
                if (*o == 'l') show_lines = 1;
                else if (*o == 'w') show_words = 1;
                else if (*o == 'c') show_bytes = 1;
                else {
                    fprintf(stderr, "%s: invalid option -- '%c'\nTry '%s --help' for more information.\n", program, *o, program);
                    return 1;
                }
            }
        } else if (nfiles < 256) files[nfiles++] = argv[i];
    }
    if (!show_lines && !show_words && !show_bytes) show_lines = show_words = show_bytes = 1;
    /* GNU's width: the digits of the regular files' total size, at least 7 if one is not regular */
    int width = 1;
    long total_size = 0;
    int minimum = 1;
    if (nfiles == 0) minimum = 7;
    for (int i = 0; i < nfiles; i++) {
        struct stat st;
        if (strcmp(files[i], "-") == 0) minimum = 7;
        else if (stat(files[i], &st) == 0) {
            if (S_ISREG(st.st_mode)) total_size += st.st_size;
            else minimum = 7;
        }
    }
    for (; total_size >= 10; total_size /= 10) width++;
    if (width < minimum) width = minimum;
    if (nfiles <= 1 && show_lines + show_words + show_bytes == 1) width = 1;
    struct counts c, total = { 0, 0, 0 };
    int status = 0;
    if (nfiles == 0) {
        count(0, &c);
        print(&c, width, NULL);
        return 0;
    }
    for (int i = 0; i < nfiles; i++) {
        int fd = strcmp(files[i], "-") == 0 ? 0 : open(files[i], O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "%s: %s: %s\n", program, files[i], strerror(errno));
            status = 1;
            continue;
        }
        if (count(fd, &c) != 0) {
            fprintf(stderr, "%s: %s: %s\n", program, files[i], strerror(errno));
            status = 1;
        }
        if (fd != 0) close(fd);
        print(&c, width, files[i]);
        total.lines += c.lines;
        total.words += c.words;
        total.bytes += c.bytes;
    }
    if (nfiles > 1) print(&total, width, "total");
    return status;
}
`;

/** head [-n N | -N | -c N] [FILE...]: the first lines (10 by default) or bytes, with ==> NAME <== for several files. */
export const HEAD_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>

static const char *program;   /* argv[0]: what GNU names in its messages */

static int bytes;   /* -c: count bytes, not lines */

/* Copies the first n lines (or bytes) of fd to standard output. */
static int head(int fd, long n) {
    char buf[4096];
    long got;
    while (n > 0 && (got = read(fd, buf, sizeof buf)) > 0) {
        long end = 0;
        if (bytes) { end = got < n ? got : n; n -= end; }
        else while (end < got && n > 0) { if (buf[end] == '\n') n--; end++; }
        fwrite(buf, 1, end, stdout);
    }
    return 0;
}

int main(int argc, char *argv[]) {
    program = argv[0];
    long n = 10;
    char *files[256];
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((strcmp(a, "-n") == 0 || strcmp(a, "-c") == 0) && i + 1 < argc) { bytes = a[1] == 'c'; a = argv[++i]; }
        else if (strncmp(a, "-n", 2) == 0 || strncmp(a, "-c", 2) == 0) { bytes = a[1] == 'c'; a += 2; }
        else if (a[0] == '-' && a[1] >= '0' && a[1] <= '9') a += 1;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "%s: invalid option -- '%c'\nTry '%s --help' for more information.\n", program, a[1], program);
            return 1;
        } else { if (nfiles < 256) files[nfiles++] = argv[i]; continue; }
        char *end;
        n = strtol(a, &end, 10);
        if (*a == 0 || *end != 0 || n < 0) {
            fprintf(stderr, "%s: invalid number of %s: '%s'\n", program, bytes ? "bytes" : "lines", a);
            return 1;
        }
    }
    if (nfiles == 0) return head(0, n);
    int status = 0;
    for (int i = 0; i < nfiles; i++) {
        int fd = strcmp(files[i], "-") == 0 ? 0 : open(files[i], O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "%s: cannot open '%s' for reading: %s\n", program, files[i], strerror(errno));
            status = 1;
            continue;
        }
        if (nfiles > 1) printf("%s==> %s <==\n", i > 0 ? "\n" : "", strcmp(files[i], "-") == 0 ? "standard input" : files[i]);
        head(fd, n);
        if (fd != 0) close(fd);
    }
    return status;
}
`;

/** grep [-vcnil] PATTERN [FILE...]: lines containing the fixed string PATTERN. */
export const GREP_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <unistd.h>

static const char *program;   /* argv[0]: what GNU names in its messages */

static int invert, count_only, numbers, ignore_case, names_only;

static int contains(const char *line, const char *pat) {
    if (!ignore_case) return strstr(line, pat) != NULL;
    size_t n = strlen(pat);
    for (const char *p = line; *p; p++) {
        size_t k = 0;
        while (k < n && p[k] && tolower((unsigned char)p[k]) == tolower((unsigned char)pat[k])) k++;
        if (k == n) return 1;
    }
    return n == 0;
}

/* Searches one stream; returns how many lines were selected. */
static long grep(FILE *f, const char *pat, const char *name) {
    static char line[65536];
    long selected = 0, number = 0;
    while (fgets(line, sizeof line, f)) {
        number++;
        size_t len = strlen(line);
        int had_newline = len > 0 && line[len - 1] == '\n';
        if (had_newline) line[len - 1] = 0;
        if (contains(line, pat) == invert) continue;
        selected++;
        if (count_only || names_only) continue;
        if (name) printf("%s:", name);
        if (numbers) printf("%ld:", number);
        printf("%s\n", line);
    }
    if (count_only) {
        if (name) printf("%s:", name);
        printf("%ld\n", selected);
    }
    if (names_only && selected) printf("%s\n", name ? name : "(standard input)");
    return selected;
}

int main(int argc, char *argv[]) {
    program = argv[0];
    const char *pat = NULL;
    char *files[256];
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] && !pat) {
            for (const char *o = argv[i] + 1; *o; o++) {
                if (*o == 'v') invert = 1;
                else if (*o == 'c') count_only = 1;
                else if (*o == 'n') numbers = 1;
                else if (*o == 'i') ignore_case = 1;
                else if (*o == 'l') names_only = 1;
                else if (*o == 'F') ;
                else {
                    fprintf(stderr, "%s: invalid option -- '%c'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", program, *o);
                    return 2;
                }
            }
        } else if (!pat) pat = argv[i];
        else if (nfiles < 256) files[nfiles++] = argv[i];
    }
    if (!pat) {
        fprintf(stderr, "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
        return 2;
    }
    long total = 0;
    int trouble = 0;
    if (nfiles == 0) total = grep(stdin, pat, NULL);
    for (int i = 0; i < nfiles; i++) {
        FILE *f = strcmp(files[i], "-") == 0 ? stdin : fopen(files[i], "r");
        if (!f) {
            fprintf(stderr, "%s: %s: %s\n", program, files[i], strerror(errno));
            trouble = 1;
            continue;
        }
        total += grep(f, pat, nfiles > 1 ? files[i] : NULL);
        if (f != stdin) fclose(f);
    }
    if (trouble) return 2;
    return total > 0 ? 0 : 1;
}
`;

/** env [-i] [NAME=VALUE...] [COMMAND [ARG...]]: prints the environment, or runs a command in a changed one. */
export const ENV_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

static const char *program;   /* argv[0]: what GNU names in its messages */

#define MAX_ENV 512
static char *vars[MAX_ENV];
static int nvars;

/* Sets NAME=VALUE in the new environment (replacing an earlier NAME). */
static void put(char *assignment) {
    size_t name = strchr(assignment, '=') - assignment;
    for (int i = 0; i < nvars; i++) {
        if (strncmp(vars[i], assignment, name + 1) == 0) { vars[i] = assignment; return; }
    }
    if (nvars < MAX_ENV - 1) vars[nvars++] = assignment;
}

int main(int argc, char *argv[]) {
    program = argv[0];
    int i = 1;
    int clear = i < argc && (strcmp(argv[i], "-i") == 0 || strcmp(argv[i], "-") == 0);
    if (clear) i++;
    for (char **e = environ; !clear && e && *e; e++) put(*e);
    for (; i < argc && strchr(argv[i], '='); i++) put(argv[i]);
    vars[nvars] = NULL;
    environ = vars;
    if (i == argc) {
        for (int k = 0; k < nvars; k++) printf("%s\n", vars[k]);
        return 0;
    }
    execvp(argv[i], argv + i);
    int e = errno;
    fprintf(stderr, "%s: '%s': %s\n", program, argv[i], strerror(e));
    return e == ENOENT ? 127 : 126;
}
`;

/** kill [-s SIGNAL | -SIGNAL | -N] PID...: sends a signal (SIGTERM by default). */
export const KILL_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <errno.h>

static const char *NAMES[] = { "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
    "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ",
    "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS" };

/* A signal by number or name (with or without SIG), or -1. */
static int signal_number(const char *s) {
    char *end;
    long n = strtol(s, &end, 10);
    if (*s && !*end) return n >= 0 && n < 65 ? (int)n : -1;
    if (strncmp(s, "SIG", 3) == 0) s += 3;
    for (int i = 1; i < 32; i++) if (strcmp(s, NAMES[i]) == 0) return i;
    return -1;
}

int main(int argc, char *argv[]) {
    int sig = SIGTERM;
    int i = 1;
    if (i < argc && strcmp(argv[i], "-l") == 0) {
        for (int s = 1; s < 32; s++) printf("%s%c", NAMES[s], s % 8 == 0 || s == 31 ? '\n' : ' ');
        return 0;
    }
    if (i < argc && strcmp(argv[i], "-s") == 0 && i + 1 < argc) { sig = signal_number(argv[i + 1]); i += 2; }
    else if (i < argc && argv[i][0] == '-' && argv[i][1]) { sig = signal_number(argv[i] + 1); i++; }
    if (sig < 0) {
        fprintf(stderr, "kill: unknown signal: %s\n", argv[i - 1]);
        return 1;
    }
    if (i == argc) {
        fprintf(stderr, "kill: not enough arguments\n");
        return 1;
    }
    int status = 0;
    for (; i < argc; i++) {
        char *end;
        long pid = strtol(argv[i], &end, 10);
        if (!*argv[i] || *end) {
            fprintf(stderr, "kill: failed to parse argument: '%s'\n", argv[i]);
            status = 1;
            continue;
        }
        if (kill((pid_t)pid, sig) != 0) {
            fprintf(stderr, "kill: (%ld) - %s\n", pid, strerror(errno));
            status = 1;
        }
    }
    return status;
}
`;

/** pwd: the working directory. */
export const PWD_SOURCE = String.raw`
#include <stdio.h>
#include <unistd.h>

int main(void) {
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) { perror("pwd"); return 1; }
    printf("%s\n", buf);
    return 0;
}
`;

/** rm [-f] [-r] FILE...: removes files (and with -r, directories and what they hold). */
export const RM_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>

static const char *program;   /* argv[0]: what GNU names in its messages */

static int force, recursive;

static int remove_path(const char *path) {
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (force && errno == ENOENT) return 0;
        fprintf(stderr, "%s: cannot remove '%s': %s\n", program, path, strerror(errno));
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        if (!recursive) {
            fprintf(stderr, "%s: cannot remove '%s': Is a directory\n", program, path);
            return 1;
        }
        DIR *d = opendir(path);
        int status = 0;
        if (d) {
            struct dirent *e;
            while ((e = readdir(d)) != NULL) {
                if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
                char *child = malloc(strlen(path) + strlen(e->d_name) + 2);
                sprintf(child, "%s/%s", path, e->d_name);
                status |= remove_path(child);
                free(child);
            }
            closedir(d);
        }
        if (rmdir(path) != 0) {
            fprintf(stderr, "%s: cannot remove '%s': %s\n", program, path, strerror(errno));
            return 1;
        }
        return status;
    }
    if (unlink(path) != 0) {
        fprintf(stderr, "%s: cannot remove '%s': %s\n", program, path, strerror(errno));
        return 1;
    }
    return 0;
}

int main(int argc, char *argv[]) {
    program = argv[0];
    int status = 0, operands = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) {
            for (const char *o = argv[i] + 1; *o; o++) {
                if (*o == 'f') force = 1;
                else if (*o == 'r' || *o == 'R') recursive = 1;
                else {
                    fprintf(stderr, "%s: invalid option -- '%c'\nTry '%s --help' for more information.\n", program, *o, program);
                    return 1;
                }
            }
        }
    }
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) continue;
        operands++;
        status |= remove_path(argv[i]);
    }
    if (operands == 0 && !force) {
        fprintf(stderr, "%s: missing operand\nTry '%s --help' for more information.\n", program, program);
        return 1;
    }
    return status;
}
`;

/** touch FILE...: creates each file that does not exist. */
export const TOUCH_SOURCE = String.raw`
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>

static const char *program;   /* argv[0]: what GNU names in its messages */

int main(int argc, char *argv[]) {
    program = argv[0];
    if (argc < 2) {
        fprintf(stderr, "%s: missing file operand\nTry '%s --help' for more information.\n", program, program);
        return 1;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_WRONLY | O_CREAT | O_NONBLOCK, 0666);
        if (fd < 0) {
            fprintf(stderr, "%s: cannot touch '%s': %s\n", program, argv[i], strerror(errno));
            status = 1;
            continue;
        }
        close(fd);
    }
    return status;
}
`;

/** cp SOURCE DEST, or cp SOURCE... DIRECTORY: copies files. */
export const CP_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <sys/stat.h>

static const char *program;   /* argv[0]: what GNU names in its messages */

static int copy_file(const char *from, const char *to) {
    struct stat st;
    if (stat(from, &st) != 0) {
        fprintf(stderr, "%s: cannot stat '%s': %s\n", program, from, strerror(errno));
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "%s: -r not specified; omitting directory '%s'\n", program, from);
        return 1;
    }
    int in = open(from, O_RDONLY);
    if (in < 0) {
        fprintf(stderr, "%s: cannot open '%s' for reading: %s\n", program, from, strerror(errno));
        return 1;
    }
    int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 0777);
    if (out < 0) {
        fprintf(stderr, "%s: cannot create regular file '%s': %s\n", program, to, strerror(errno));
        close(in);
        return 1;
    }
    char buf[4096];
    long n;
    while ((n = read(in, buf, sizeof buf)) > 0) write(out, buf, n);
    close(in);
    close(out);
    return 0;
}

int main(int argc, char *argv[]) {
    program = argv[0];
    if (argc < 3) {
        if (argc < 2) fprintf(stderr, "%s: missing file operand\n", program);
        else fprintf(stderr, "%s: missing destination file operand after '%s'\n", program, argv[1]);
        fprintf(stderr, "Try '%s --help' for more information.\n", program);
        return 1;
    }
    const char *dest = argv[argc - 1];
    struct stat st;
    int to_dir = stat(dest, &st) == 0 && S_ISDIR(st.st_mode);
    if (argc > 3 && !to_dir) {
        fprintf(stderr, "%s: target '%s': %s\n", program, dest, "Not a directory");
        return 1;
    }
    int status = 0;
    for (int i = 1; i < argc - 1; i++) {
        if (!to_dir) { status |= copy_file(argv[i], dest); continue; }
        const char *base = strrchr(argv[i], '/');
        base = base ? base + 1 : argv[i];
        char *target = malloc(strlen(dest) + strlen(base) + 2);
        sprintf(target, "%s/%s", dest, base);
        status |= copy_file(argv[i], target);
        free(target);
    }
    return status;
}
`;

/**
 * The lab's text filters, in its own C, printing what GNU coreutils 9.1 prints in the C locale
 * (the order of bytes, messages included) for the options students use in pipelines: tr, sort,
 * uniq, tail, tee, cut. Options may come before or after the operands (as GNU's getopt permutes
 * them); `--` ends them.
 */

/**
 * tr [-cds] SET1 [SET2]: translates, deletes (-d) or squeezes (-s) bytes of standard input.
 * Sets: characters, ranges `a-z`, escapes `\n \t \\ \NNN`, classes `[:lower:]` and friends.
 */
export const TR_SOURCE = String.raw`
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *program;

static int complement, delete, squeeze;

static void usage_hint(void) { fprintf(stderr, "Try '%s --help' for more information.\n", program); }

/* Whether byte c belongs to the class called name ("lower", "digit", ...); -1 for no such class. */
static int in_class(const char *name, int c) {
    if (strcmp(name, "lower") == 0) return c >= 'a' && c <= 'z';
    if (strcmp(name, "upper") == 0) return c >= 'A' && c <= 'Z';
    if (strcmp(name, "digit") == 0) return c >= '0' && c <= '9';
    if (strcmp(name, "alpha") == 0) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (strcmp(name, "alnum") == 0) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (strcmp(name, "space") == 0) return c == ' ' || (c >= 9 && c <= 13);
    if (strcmp(name, "blank") == 0) return c == ' ' || c == '\t';
    if (strcmp(name, "punct") == 0) return c > 32 && c < 127 && !in_class("alnum", c);
    if (strcmp(name, "print") == 0) return c >= 32 && c < 127;
    if (strcmp(name, "graph") == 0) return c > 32 && c < 127;
    if (strcmp(name, "cntrl") == 0) return c < 32 || c == 127;
    if (strcmp(name, "xdigit") == 0) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    return -1;
}

/* One character of a set at *s (an escape or a plain byte); advances *s. */
static int next_char(const char **s) {
    const char *p = *s;
    int c = (unsigned char)*p++;
    if (c == '\\' && *p) {
        c = (unsigned char)*p++;
        if (c >= '0' && c <= '7') {
            c -= '0';
            for (int k = 0; k < 2 && *p >= '0' && *p <= '7'; k++) c = c * 8 + (*p++ - '0');
            c &= 255;
        }
        else if (c == 'n') c = '\n';
        else if (c == 't') c = '\t';
        else if (c == 'r') c = '\r';
        else if (c == 'a') c = 7;
        else if (c == 'b') c = 8;
        else if (c == 'f') c = 12;
        else if (c == 'v') c = 11;
    }
    *s = p;
    return c;
}

/* Expands set text into out (up to 4096 bytes); returns its length, or -1 after printing an error.
   In the second set (second != 0) only the classes upper and lower may appear. */
static int expand_set(const char *text, unsigned char *out, int second) {
    int n = 0;
    const char *s = text;
    while (*s && n < 4000) {
        if (s[0] == '[' && s[1] == ':') {
            const char *end = strstr(s + 2, ":]");
            char name[16];
            int len = end ? (int)(end - (s + 2)) : 0;
            if (end && len > 0 && len < 16) {
                memcpy(name, s + 2, len);
                name[len] = 0;
                if (in_class(name, 'a') >= 0) {
                    if (second && strcmp(name, "upper") != 0 && strcmp(name, "lower") != 0) {
                        fprintf(stderr, "%s: when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'\n", program);
                        return -1;
                    }
                    for (int c = 0; c < 256; c++) if (in_class(name, c)) out[n++] = c;
                    s = end + 2;
                    continue;
                }
                fprintf(stderr, "%s: invalid character class '%s'\n", program, name);
                return -1;
            }
        }
        const char *start = s;
        int c = next_char(&s);
        if (s[0] == '-' && s[1]) {
            const char *after = s + 1;
            int last = next_char(&after);
            if (last < c) {
                fprintf(stderr, "%s: range-endpoints of '%.*s' are in reverse collating sequence order\n", program, (int)(after - start), start);
                return -1;
            }
            for (int k = c; k <= last; k++) out[n++] = k;
            s = after;
            continue;
        }
        out[n++] = c;
    }
    return n;
}

/* Reads standard input to its end, writing each byte as the sets say. */
static void filter(const unsigned char *map, const char *deleted, const char *squeezed) {
    unsigned char in[4096], out[4096];
    long got;
    int last = -1;
    while ((got = read(0, in, sizeof in)) > 0) {
        int n = 0;
        for (long i = 0; i < got; i++) {
            int c = in[i];
            if (deleted[c]) continue;
            c = map[c];
            if (squeezed[c] && c == last) continue;
            last = c;
            out[n++] = c;
        }
        if (n > 0 && write(1, out, n) != n) return;
    }
}

int main(int argc, char *argv[]) {
    program = argv[0];
    const char *sets[3];
    int nsets = 0, options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) { options_done = 1; continue; }
        if (!options_done && a[0] == '-' && a[1]) {
            for (const char *o = a + 1; *o; o++) {
                if (*o == 'c' || *o == 'C') complement = 1;
                else if (*o == 'd') delete = 1;
                else if (*o == 's') squeeze = 1;
                else {
                    fprintf(stderr, "%s: invalid option -- '%c'\n", program, *o);
                    usage_hint();
                    return 1;
                }
            }
            continue;
        }
        if (nsets < 3) sets[nsets++] = a;
    }
    int translating = !delete && nsets >= 2;
    int wanted = delete && squeeze ? 2 : delete || (squeeze && nsets < 2) ? 1 : 2;
    if (nsets == 0) { fprintf(stderr, "%s: missing operand\n", program); usage_hint(); return 1; }
    if (nsets < wanted) {
        fprintf(stderr, "%s: missing operand after '%s'\n", program, sets[nsets - 1]);
        fprintf(stderr, delete ? "Two strings must be given when both deleting and squeezing repeats.\n"
                               : "Two strings must be given when translating.\n");
        usage_hint();
        return 1;
    }
    if (nsets > wanted) {
        fprintf(stderr, "%s: extra operand '%s'\n", program, sets[wanted]);
        if (wanted == 1 && delete) fprintf(stderr, "Only one string may be given when deleting without squeezing repeats.\n");
        usage_hint();
        return 1;
    }
    static unsigned char set1[4096], set2[4096];
    int n1 = expand_set(sets[0], set1, 0);
    int n2 = nsets > 1 ? expand_set(sets[1], set2, translating) : 0;
    if (n1 < 0 || n2 < 0) return 1;
    if (complement) {
        char member[256] = { 0 };
        for (int i = 0; i < n1; i++) member[set1[i]] = 1;
        n1 = 0;
        for (int c = 0; c < 256; c++) if (!member[c]) set1[n1++] = c;
    }
    if (translating && n2 == 0 && n1 > 0) {
        fprintf(stderr, "%s: when not truncating set1, string2 must be non-empty\n", program);
        return 1;
    }
    unsigned char map[256];
    char deleted[256] = { 0 }, squeezed[256] = { 0 };
    for (int c = 0; c < 256; c++) map[c] = c;
    if (translating) for (int i = 0; i < n1; i++) map[set1[i]] = set2[i < n2 ? i : n2 - 1];
    if (delete) for (int i = 0; i < n1; i++) deleted[set1[i]] = 1;
    if (squeeze) {
        const unsigned char *set = nsets > 1 ? set2 : set1;
        int n = nsets > 1 ? n2 : n1;
        for (int i = 0; i < n; i++) squeezed[set[i]] = 1;
    }
    filter(map, deleted, squeezed);
    return 0;
}
`;

/**
 * sort [-fnru] [-t SEP] [-k N[,M]] [-o FILE] [FILE...]: lines in the C locale's byte order; -n by
 * the number they start with, -f with lower case folded to upper, -r reversed, -u one of each
 * run of equal keys, -k by fields, -o into FILE (which may be one of the inputs).
 */
export const SORT_SOURCE = String.raw`
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>

static const char *program;

/* a line, with its first key found once (key, key_len) and, when that key is compared as a
   number that fits in a long, its value (exact) */
struct line { char *text; long len; long index; const char *key; long key_len; long number; int exact; };

static int numeric, reverse, unique, fold;
/* -k N[,M]: 1-based fields (end 0: to the end of the line); a key with its own n or r letters
   uses only those, one without uses the global -n and -r (as GNU sort) */
struct key { int field, end_field, numeric, reverse, fold, own; };
#define MAX_KEYS 16
static struct key keys[MAX_KEYS];
static int nkeys;
static int tab = -1;                           /* -t SEP, or -1: fields start at blanks */
static struct line *lines;
static long nlines, capacity;

static void usage_hint(void) { fprintf(stderr, "Try '%s --help' for more information.\n", program); }

static int is_blank(int c) { return c == ' ' || c == '\t'; }

/* Appends the lines of buf (n bytes, a last line without a newline counts) to lines. */
static void split_lines(char *buf, long n) {
    long start = 0;
    for (long i = 0; i <= n; i++) {
        if (i < n && buf[i] != '\n') continue;
        if (i == n && i == start) break;
        if (nlines == capacity) {
            capacity = capacity ? capacity * 2 : 256;
            lines = realloc(lines, capacity * sizeof(struct line));
        }
        buf[i] = 0;
        lines[nlines].text = buf + start;
        lines[nlines].len = i - start;
        lines[nlines].index = nlines;
        nlines++;
        start = i + 1;
    }
}

/* Reads all of fd into a new buffer (with room for a final 0); returns it, its length in *n. */
static char *read_all(int fd, long *n) {
    long size = 4096, used = 0, got;
    char *buf = malloc(size + 1);
    while ((got = read(fd, buf + used, size - used)) > 0) {
        used += got;
        if (used == size) { size *= 2; buf = realloc(buf, size + 1); }
    }
    *n = used;
    return got < 0 ? NULL : buf;
}

/* Where field FIELD (1-based) of the line starts, or ends when END is set (GNU's begfield/limfield). */
static const char *field_at(const char *p, const char *lim, int field, int end) {
    int skip = end ? field : field - 1;
    for (int f = 0; f < skip && p < lim; f++) {
        if (tab >= 0) {
            while (p < lim && *p != tab) p++;
            if (p < lim && (f < skip - 1 || !end)) p++;
        } else {
            while (p < lim && is_blank(*p)) p++;
            while (p < lim && !is_blank(*p)) p++;
        }
    }
    return p;
}

/* Compares the numbers that a and b start with, as strings of any length (GNU's numcompare). */
static int compare_numbers(const char *a, const char *alim, const char *b, const char *blim) {
    while (a < alim && is_blank(*a)) a++;
    while (b < blim && is_blank(*b)) b++;
    int sa = a < alim && *a == '-' ? -1 : 1, sb = b < blim && *b == '-' ? -1 : 1;
    if (sa < 0) a++;
    if (sb < 0) b++;
    const char *ai = a, *bi = b;
    while (ai < alim && *ai >= '0' && *ai <= '9') ai++;
    while (bi < blim && *bi >= '0' && *bi <= '9') bi++;
    const char *af = ai < alim && *ai == '.' ? ai + 1 : ai, *bf = bi < blim && *bi == '.' ? bi + 1 : bi;
    const char *afe = af, *bfe = bf;
    while (afe < alim && *afe >= '0' && *afe <= '9') afe++;
    while (bfe < blim && *bfe >= '0' && *bfe <= '9') bfe++;
    /* a number without any nonzero digit is zero, whatever its sign */
    int za = 1, zb = 1;
    for (const char *p = a; p < afe; p++) if (*p >= '1' && *p <= '9') za = 0;
    for (const char *p = b; p < bfe; p++) if (*p >= '1' && *p <= '9') zb = 0;
    if (za) sa = 0;
    if (zb) sb = 0;
    if (sa != sb) return sa < sb ? -1 : 1;
    if (sa == 0) return 0;
    while (a < ai && *a == '0') a++;
    while (b < bi && *b == '0') b++;
    int diff = 0;
    if (ai - a != bi - b) diff = ai - a < bi - b ? -1 : 1;
    else {
        for (; a < ai && !diff; a++, b++) if (*a != *b) diff = *a < *b ? -1 : 1;
        for (; !diff && (af < afe || bf < bfe); af++, bf++) {
            int da = af < afe ? *af : '0', db = bf < bfe ? *bf : '0';
            if (da != db) diff = da < db ? -1 : 1;
        }
    }
    return sa < 0 ? -diff : diff;
}

/* Compares two byte strings with lower-case letters as upper-case ones (-f). */
static int compare_folded(const char *a, long na, const char *b, long nb) {
    long n = na < nb ? na : nb;
    for (long i = 0; i < n; i++) {
        int x = toupper((unsigned char)a[i]), y = toupper((unsigned char)b[i]);
        if (x != y) return x < y ? -1 : 1;
    }
    return na < nb ? -1 : na > nb;
}

/* Compares two byte strings as memcmp, the shorter first when one starts the other. */
static int compare_bytes(const char *a, long na, const char *b, long nb) {
    int d = memcmp(a, b, na < nb ? na : nb);
    if (d) return d < 0 ? -1 : 1;
    return na < nb ? -1 : na > nb;
}

/* The text of a key in a line: from the start of its first field to the end of its last. */
static const char *key_range(const struct key *key, const struct line *x, long *len) {
    const char *a = x->text, *alim = a + x->len;
    if (key->field) {
        const char *start = field_at(a, alim, key->field, 0);
        if (key->end_field) alim = field_at(a, alim, key->end_field, 1);
        if (alim < start) alim = start;
        a = start;
    }
    *len = alim - a;
    return a;
}

/* Whether a key compares as a number, and reversed, by its own letters or the global options. */
static int key_numeric(const struct key *key) { return key->field && key->own ? key->numeric : numeric; }
static int key_reverse(const struct key *key) { return key->field && key->own ? key->reverse : reverse; }
static int key_fold(const struct key *key) { return key->field && key->own ? key->fold : fold; }

static const struct key whole_line;

/* Finds each line's first key, and its value when it is a number of at most 18 digits without
   decimals (then comparing two values is comparing two longs). */
static void prepare_keys(void) {
    const struct key *first = nkeys ? &keys[0] : &whole_line;
    int as_number = key_numeric(first);
    for (long i = 0; i < nlines; i++) {
        struct line *x = &lines[i];
        x->key = key_range(first, x, &x->key_len);
        x->exact = 0;
        if (!as_number) continue;
        const char *p = x->key, *lim = p + x->key_len;
        while (p < lim && is_blank(*p)) p++;
        int negative = p < lim && *p == '-';
        if (negative) p++;
        long v = 0;
        int digits = 0;
        for (; p < lim && *p >= '0' && *p <= '9' && digits <= 18; p++, digits++) v = v * 10 + (*p - '0');
        int decimals = p + 1 < lim && *p == '.' && p[1] >= '0' && p[1] <= '9';
        x->exact = digits <= 18 && !(p < lim && *p >= '0' && *p <= '9') && !decimals;
        x->number = negative ? -v : v;
    }
}

/* Compares one key of two lines (the first key was found by prepare_keys). */
static int compare_key(const struct key *key, int first, const struct line *x, const struct line *y) {
    long na, nb;
    const char *a = first ? x->key : key_range(key, x, &na), *b = first ? y->key : key_range(key, y, &nb);
    if (first) { na = x->key_len; nb = y->key_len; }
    int d;
    if (!key_numeric(key)) d = key_fold(key) ? compare_folded(a, na, b, nb) : compare_bytes(a, na, b, nb);
    else if (first && x->exact && y->exact) d = x->number < y->number ? -1 : x->number > y->number;
    else d = compare_numbers(a, a + na, b, b + nb);
    return key_reverse(key) ? -d : d;
}

/* Compares the keys of two lines in turn (the whole line without -k). */
static int compare_keys(const struct line *x, const struct line *y) {
    if (nkeys == 0) return compare_key(&whole_line, 1, x, y);
    for (int k = 0; k < nkeys; k++) {
        int d = compare_key(&keys[k], k == 0, x, y);
        if (d) return d;
    }
    return 0;
}

/* The order of two lines: their keys, then (unless -u) the whole lines, then their input order. */
static int compare_lines(const void *p, const void *q) {
    const struct line *x = p, *y = q;
    int d = compare_keys(x, y);
    if (!d && !unique && (nkeys || numeric || fold)) {
        d = compare_bytes(x->text, x->len, y->text, y->len);
        if (reverse) d = -d;
    }
    if (!d) d = x->index < y->index ? -1 : x->index > y->index;
    return d;
}

/* Reads the n and r letters after a field number of a key. */
static const char *key_letters(const char *p, struct key *key) {
    for (;; p++) {
        if (*p == 'n') key->numeric = 1;
        else if (*p == 'r') key->reverse = 1;
        else if (*p == 'f') key->fold = 1;
        else return p;
        key->own = 1;
    }
}

/* Parses -k N[,M] (letters n and r may follow each number); 0, or 2 after an error. */
static int parse_key(const char *spec) {
    struct key *key = &keys[nkeys < MAX_KEYS ? nkeys++ : MAX_KEYS - 1];
    char *p;
    if (*spec < '0' || *spec > '9') {
        fprintf(stderr, "%s: invalid number at field start: invalid count at start of '%s'\n", program, spec);
        return 2;
    }
    key->field = strtol(spec, &p, 10);
    if (key->field == 0) {
        fprintf(stderr, "%s: field number is zero: invalid field specification '%s'\n", program, spec);
        return 2;
    }
    p = (char *)key_letters(p, key);
    if (*p == ',') {
        p++;
        if (*p < '0' || *p > '9') {
            fprintf(stderr, "%s: invalid number after ',': invalid count at start of '%s'\n", program, p);
            return 2;
        }
        key->end_field = strtol(p, &p, 10);
        p = (char *)key_letters(p, key);
    }
    if (*p) {
        fprintf(stderr, "%s: invalid key specification '%s'\n", program, spec);
        return 2;
    }
    return 0;
}

/* Writes the sorted lines, each with a newline; with -u only the first of equal keys. */
static void print_lines(void) {
    for (long i = 0; i < nlines; i++) {
        if (unique && i > 0 && compare_keys(&lines[i - 1], &lines[i]) == 0) continue;
        lines[i].text[lines[i].len] = '\n';
        fwrite(lines[i].text, 1, lines[i].len + 1, stdout);
    }
}

int main(int argc, char *argv[]) {
    program = argv[0];
    char *files[256];
    const char *output = NULL;   /* -o FILE: opened once the input is read, so it may be an input */
    int nfiles = 0, options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) { options_done = 1; continue; }
        if (options_done || a[0] != '-' || !a[1]) { if (nfiles < 256) files[nfiles++] = argv[i]; continue; }
        for (const char *o = a + 1; *o; o++) {
            if (*o == 'n') numeric = 1;
            else if (*o == 'r') reverse = 1;
            else if (*o == 'u') unique = 1;
            else if (*o == 'f') fold = 1;
            else if (*o == 'k' || *o == 't' || *o == 'o') {
                const char *value = o[1] ? o + 1 : i + 1 < argc ? argv[++i] : NULL;
                if (!value) {
                    fprintf(stderr, "%s: option requires an argument -- '%c'\n", program, *o);
                    usage_hint();
                    return 2;
                }
                if (*o == 'k' && parse_key(value) != 0) return 2;
                if (*o == 'o') output = value;
                if (*o == 't') {
                    if (strlen(value) != 1) { fprintf(stderr, "%s: multi-character tab '%s'\n", program, value); return 2; }
                    tab = (unsigned char)value[0];
                }
                break;
            } else {
                fprintf(stderr, "%s: invalid option -- '%c'\n", program, *o);
                usage_hint();
                return 2;
            }
        }
    }
    if (nfiles == 0) files[nfiles++] = "-";
    for (int i = 0; i < nfiles; i++) {
        int fd = strcmp(files[i], "-") == 0 ? 0 : open(files[i], O_RDONLY);
        long n;
        if (fd < 0) {
            fprintf(stderr, "%s: cannot read: %s: %s\n", program, files[i], strerror(errno));
            return 2;
        }
        char *buf = read_all(fd, &n);
        if (!buf) {
            fprintf(stderr, "%s: read failed: %s: %s\n", program, files[i], strerror(errno));
            return 2;
        }
        if (fd != 0) close(fd);
        split_lines(buf, n);
    }
    prepare_keys();
    qsort(lines, nlines, sizeof(struct line), compare_lines);
    if (output) {
        int fd = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (fd < 0) {
            fprintf(stderr, "%s: open failed: %s: %s\n", program, output, strerror(errno));
            return 2;
        }
        dup2(fd, 1);
        close(fd);
    }
    print_lines();
    return 0;
}
`;

/**
 * uniq [-cdui] [INPUT [OUTPUT]]: one line of each run of equal adjacent lines; -c with counts,
 * -d only lines that repeat, -u only lines that do not, -i whatever the case.
 */
export const UNIQ_SOURCE = String.raw`
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

static const char *program;

static int counts, only_repeated, only_unique, ignore_case;

/* Whether two lines are equal (-i: whatever the case of their letters). */
static int same_line(const char *a, long na, const char *b, long nb) {
    if (na != nb) return 0;
    if (!ignore_case) return memcmp(a, b, na) == 0;
    for (long i = 0; i < na; i++) if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i])) return 0;
    return 1;
}

static void usage_hint(void) { fprintf(stderr, "Try '%s --help' for more information.\n", program); }

/* Reads one line of f (without its newline) into *buf, growing it; returns its length or -1 at the end. */
static long read_line(FILE *f, char **buf, long *size) {
    long n = 0;
    int c;
    while ((c = getc(f)) != EOF && c != '\n') {
        if (n + 1 >= *size) { *size *= 2; *buf = realloc(*buf, *size); }
        (*buf)[n++] = c;
    }
    if (c == EOF && n == 0) return -1;
    (*buf)[n] = 0;
    return n;
}

/* Writes one run (its line, seen TIMES times) if the options select it. */
static void print_run(FILE *out, const char *line, long len, long times) {
    if ((only_repeated && times < 2) || (only_unique && times > 1)) return;
    if (counts) fprintf(out, "%7ld ", times);
    fwrite(line, 1, len, out);
    fputc('\n', out);
}

int main(int argc, char *argv[]) {
    program = argv[0];
    const char *names[3];
    int nnames = 0, options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) { options_done = 1; continue; }
        if (!options_done && a[0] == '-' && a[1]) {
            for (const char *o = a + 1; *o; o++) {
                if (*o == 'c') counts = 1;
                else if (*o == 'd') only_repeated = 1;
                else if (*o == 'u') only_unique = 1;
                else if (*o == 'i') ignore_case = 1;
                else {
                    fprintf(stderr, "%s: invalid option -- '%c'\n", program, *o);
                    usage_hint();
                    return 1;
                }
            }
            continue;
        }
        if (nnames == 2) {
            fprintf(stderr, "%s: extra operand '%s'\n", program, a);
            usage_hint();
            return 1;
        }
        names[nnames++] = a;
    }
    FILE *in = stdin, *out = stdout;
    if (nnames > 0 && strcmp(names[0], "-") != 0 && !(in = fopen(names[0], "r"))) {
        fprintf(stderr, "%s: %s: %s\n", program, names[0], strerror(errno));
        return 1;
    }
    if (nnames > 1 && strcmp(names[1], "-") != 0 && !(out = fopen(names[1], "w"))) {
        fprintf(stderr, "%s: %s: %s\n", program, names[1], strerror(errno));
        return 1;
    }
    long size = 256, prev_size = 256;
    char *line = malloc(size), *prev = malloc(prev_size);
    long len, prev_len = -1, times = 0;
    while ((len = read_line(in, &line, &size)) >= 0) {
        if (prev_len >= 0 && same_line(prev, prev_len, line, len)) { times++; continue; }
        if (prev_len >= 0) print_run(out, prev, prev_len, times);
        char *t = prev; prev = line; line = t;
        long ts = prev_size; prev_size = size; size = ts;
        prev_len = len;
        times = 1;
    }
    if (prev_len >= 0) print_run(out, prev, prev_len, times);
    if (out != stdout) fclose(out);
    return 0;
}
`;

/**
 * tail [-n N | -N | -n +N] [FILE...]: the last N lines (10 by default), or from line N on with
 * +N; with ==> NAME <== before each of several files.
 */
export const TAIL_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>

static const char *program;

static void usage_hint(void) { fprintf(stderr, "Try '%s --help' for more information.\n", program); }

/* Reads all of fd into a new buffer; returns it (NULL after a read error), its length in *n. */
static char *read_all(int fd, long *n) {
    long size = 4096, used = 0, got;
    char *buf = malloc(size);
    while ((got = read(fd, buf + used, size - used)) > 0) {
        used += got;
        if (used == size) { size *= 2; buf = realloc(buf, size); }
    }
    *n = used;
    return got < 0 ? NULL : buf;
}

/* Writes the last COUNT lines of fd, or from line COUNT on when from_start. */
static int tail(int fd, long count, int from_start) {
    long n;
    char *buf = read_all(fd, &n);
    if (!buf) return 1;
    long start = 0;
    if (from_start) {
        for (long line = 1; line < count && start < n; start++) if (buf[start] == '\n') line++;
    } else {
        start = n;
        /* a last line without a newline counts as a line */
        long i = n > 0 && buf[n - 1] == '\n' ? n - 1 : n;
        for (long seen = 0; i > 0; i--) {
            if (buf[i - 1] == '\n' && ++seen == count) break;
        }
        start = count == 0 ? n : i;
    }
    fwrite(buf + start, 1, n - start, stdout);
    fflush(stdout);
    free(buf);
    return 0;
}

int main(int argc, char *argv[]) {
    program = argv[0];
    long count = 10;
    int from_start = 0, options_done = 0;
    char *files[256];
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) { options_done = 1; continue; }
        if (options_done || a[0] != '-' || !a[1]) { if (nfiles < 256) files[nfiles++] = argv[i]; continue; }
        if (a[1] >= '0' && a[1] <= '9') a += 1;
        else if (a[1] == 'n') {
            if (a[2]) a += 2;
            else if (i + 1 < argc) a = argv[++i];
            else {
                fprintf(stderr, "%s: option requires an argument -- 'n'\n", program);
                usage_hint();
                return 1;
            }
        } else {
            fprintf(stderr, "%s: invalid option -- '%c'\n", program, a[1]);
            usage_hint();
            return 1;
        }
        const char *number = a;
        from_start = *a == '+';
        if (*a == '+' || *a == '-') a++;
        char *end;
        count = strtol(a, &end, 10);
        if (*a < '0' || *a > '9' || *end) {
            fprintf(stderr, "%s: invalid number of lines: '%s'\n", program, number);
            return 1;
        }
    }
    if (nfiles == 0) return tail(0, count, from_start);
    int status = 0, printed = 0;
    for (int i = 0; i < nfiles; i++) {
        int is_stdin = strcmp(files[i], "-") == 0;
        int fd = is_stdin ? 0 : open(files[i], O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "%s: cannot open '%s' for reading: %s\n", program, files[i], strerror(errno));
            status = 1;
            continue;
        }
        if (nfiles > 1) {
            printf("%s==> %s <==\n", printed ? "\n" : "", is_stdin ? "standard input" : files[i]);
            fflush(stdout);
        }
        printed = 1;
        if (tail(fd, count, from_start) != 0) {
            fprintf(stderr, "%s: error reading '%s': %s\n", program, files[i], strerror(errno));
            status = 1;
        }
        if (!is_stdin) close(fd);
    }
    return status;
}
`;

/** tee [-a] [FILE...]: copies standard input to standard output and to each file (-a appends). */
export const TEE_SOURCE = String.raw`
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>

static const char *program;

#define MAX_FILES 256

/* Writes n bytes of buf to fd, all of them; returns 0, or -1 after an error. */
static int write_all(int fd, const char *buf, long n) {
    while (n > 0) {
        long w = write(fd, buf, n);
        if (w < 0) return -1;
        buf += w;
        n -= w;
    }
    return 0;
}

int main(int argc, char *argv[]) {
    program = argv[0];
    int append = 0, options_done = 0, status = 0;
    int fds[MAX_FILES + 1];
    const char *names[MAX_FILES + 1];
    int nfds = 0;
    fds[nfds] = 1;
    names[nfds++] = "standard output";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) { options_done = 1; continue; }
        if (!options_done && a[0] == '-' && a[1]) {
            for (const char *o = a + 1; *o; o++) {
                if (*o == 'a') append = 1;
                else if (*o != 'i') {
                    fprintf(stderr, "%s: invalid option -- '%c'\nTry '%s --help' for more information.\n", program, *o, program);
                    return 1;
                }
            }
        }
    }
    options_done = 0;
    for (int i = 1; i < argc && nfds <= MAX_FILES; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) { options_done = 1; continue; }
        if (!options_done && a[0] == '-' && a[1]) continue;
        int fd = open(a, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0666);
        if (fd < 0) {
            fprintf(stderr, "%s: %s: %s\n", program, a, strerror(errno));
            status = 1;
            continue;
        }
        fds[nfds] = fd;
        names[nfds++] = a;
    }
    char buf[4096];
    long n;
    while ((n = read(0, buf, sizeof buf)) > 0) {
        for (int k = 0; k < nfds; k++) {
            if (fds[k] < 0 || write_all(fds[k], buf, n) == 0) continue;
            fprintf(stderr, "%s: %s: %s\n", program, names[k], strerror(errno));
            fds[k] = -1;
            status = 1;
        }
    }
    for (int k = 1; k < nfds; k++) if (fds[k] >= 0) close(fds[k]);
    return status;
}
`;

/**
 * cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST [FILE...]: the chosen fields (separated by a
 * tab, or DELIM), or characters (bytes) of each line. LIST: N, N-M, N-, -M, separated by commas.
 */
export const CUT_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#define MAX_POSITION 4096

static const char *program;
static char chosen[MAX_POSITION + 2];   /* chosen[n]: position n (1-based) is chosen */
static long open_from;                 /* N-: every position from N on (0: none) */
static int fields, only_delimited;
static int delim = '\t';

/* Prints a message, the usage hint, and exits with status 1. */
static void usage_error(const char *message, const char *arg) {
    fprintf(stderr, "%s: ", program);
    fprintf(stderr, message, arg);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", program);
    exit(1);
}

static int is_chosen(long n) { return (open_from && n >= open_from) || (n <= MAX_POSITION && chosen[n]); }

/* Reads a position of the list at *p; 0 when there is none. */
static long position(const char **p) {
    const char *start = *p;
    long n = 0;
    while (**p >= '0' && **p <= '9') n = n * 10 + (*(*p)++ - '0');
    if (*p > start && n == 0) usage_error(fields ? "fields are numbered from 1" : "byte/character positions are numbered from 1", NULL);
    if (**p && **p != ',' && **p != '-') {
        char bad[64];
        snprintf(bad, sizeof bad, "%s", start);
        char *comma = strchr(bad, ',');
        if (comma) *comma = 0;
        usage_error(fields ? "invalid field value '%s'" : "invalid byte/character position '%s'", bad);
    }
    return n;
}

/* Parses LIST into chosen and open_from (GNU's set_fields). */
static void parse_list(const char *list) {
    const char *p = list;
    for (;;) {
        long from = position(&p), to = from;
        if (*p == '-') {
            p++;
            to = position(&p);
            if (from == 0 && to == 0) usage_error("invalid range with no endpoint: -", NULL);
            if (from == 0) from = 1;
            if (to == 0) { if (!open_from || from < open_from) open_from = from; to = from - 1; }
            else if (to < from) usage_error("invalid decreasing range", NULL);
        } else if (from == 0) {
            usage_error(fields ? "fields are numbered from 1" : "byte/character positions are numbered from 1", NULL);
        }
        for (long n = from; n <= to && n <= MAX_POSITION; n++) chosen[n] = 1;
        if (*p != ',') break;
        p++;
    }
}

/* Writes the chosen parts of one line (len bytes, without its newline). */
static void cut_line(const char *line, long len) {
    if (!fields) {
        for (long i = 0; i < len; i++) if (is_chosen(i + 1)) putchar(line[i]);
        putchar('\n');
        return;
    }
    if (!memchr(line, delim, len)) {
        if (!only_delimited) { fwrite(line, 1, len, stdout); putchar('\n'); }
        return;
    }
    long field = 1, start = 0;
    int printed = 0;
    for (long i = 0; i <= len; i++) {
        if (i < len && line[i] != delim) continue;
        if (is_chosen(field)) {
            if (printed++) putchar(delim);
            fwrite(line + start, 1, i - start, stdout);
        }
        field++;
        start = i + 1;
    }
    putchar('\n');
}

/* Cuts every line of f. */
static void cut_stream(FILE *f) {
    static char *line;
    static long size;
    if (!line) { size = 256; line = malloc(size); }
    long len = 0;
    int c;
    while ((c = getc(f)) != EOF) {
        if (c == '\n') { cut_line(line, len); len = 0; continue; }
        if (len + 1 >= size) { size *= 2; line = realloc(line, size); }
        line[len++] = c;
    }
    if (len > 0) cut_line(line, len);
}

int main(int argc, char *argv[]) {
    program = argv[0];
    const char *list = NULL, *delimiter = NULL;
    int options_done = 0;
    char *files[256];
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) { options_done = 1; continue; }
        if (options_done || a[0] != '-' || !a[1]) { if (nfiles < 256) files[nfiles++] = argv[i]; continue; }
        for (const char *o = a + 1; *o; o++) {
            if (*o == 's') { only_delimited = 1; continue; }
            if (*o != 'f' && *o != 'c' && *o != 'b' && *o != 'd') {
                fprintf(stderr, "%s: invalid option -- '%c'\n", program, *o);
                fprintf(stderr, "Try '%s --help' for more information.\n", program);
                return 1;
            }
            const char *value = o[1] ? o + 1 : i + 1 < argc ? argv[++i] : NULL;
            if (!value) {
                fprintf(stderr, "%s: option requires an argument -- '%c'\n", program, *o);
                fprintf(stderr, "Try '%s --help' for more information.\n", program);
                return 1;
            }
            if (*o == 'd') delimiter = value;
            else {
                if (list) usage_error("only one list may be specified", NULL);
                fields = *o == 'f';
                list = value;
            }
            break;
        }
    }
    if (!list) usage_error("you must specify a list of bytes, characters, or fields", NULL);
    if (delimiter && !fields) usage_error("an input delimiter may be specified only when operating on fields", NULL);
    if (only_delimited && !fields) usage_error("suppressing non-delimited lines makes sense\n\tonly when operating on fields", NULL);
    if (delimiter) {
        if (strlen(delimiter) > 1) usage_error("the delimiter must be a single character", NULL);
        delim = (unsigned char)delimiter[0];
    }
    parse_list(list);
    if (nfiles == 0) files[nfiles++] = "-";
    int status = 0;
    for (int i = 0; i < nfiles; i++) {
        FILE *f = strcmp(files[i], "-") == 0 ? stdin : fopen(files[i], "r");
        if (!f) {
            fflush(stdout);
            fprintf(stderr, "%s: %s: %s\n", program, files[i], strerror(errno));
            status = 1;
            continue;
        }
        cut_stream(f);
        if (f != stdin) fclose(f);
    }
    return status;
}
`;

/**
 * The lab's programs that make and move files, in its own C, printing what GNU coreutils 9.1
 * prints in the C locale (messages included, named after argv[0] as GNU names them): mkdir, mv.
 */

/** mkdir [-p] [-v] [-m MODE] DIRECTORY...: makes directories (-p: with their parents, no error if one exists). */
export const MKDIR_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>

static const char *program;
static int parents, verbose;
static unsigned mode = 0777;

static int is_directory(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int report(const char *path, int error) {
    fprintf(stderr, "%s: cannot create directory '%s': %s\n", program, path, strerror(error));
    return 1;
}

/* mkdir of one path; with -p, of each missing directory on its way first. Returns 0 or 1. */
static int make_directory(const char *path) {
    if (!parents) {
        if (mkdir(path, mode) != 0) return report(path, errno);
        if (verbose) printf("%s: created directory '%s'\n", program, path);
        return 0;
    }
    char *prefix = strdup(path);
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/') len--;      /* the last component ends here */
    for (size_t end = 1; end <= len; end++) {
        if (end < len && (path[end] != '/' || path[end - 1] == '/')) continue;
        memcpy(prefix, path, end);
        prefix[end] = 0;
        int last = end == len;
        if (mkdir(prefix, last ? mode : 0777) == 0) {
            if (verbose) printf("%s: created directory '%s'\n", program, prefix);
            continue;
        }
        int error = errno;
        if (error == EEXIST && is_directory(prefix)) continue;
        if (error == EEXIST && !last) error = ENOTDIR;
        report(last ? path : prefix, error);
        free(prefix);
        return 1;
    }
    free(prefix);
    return 0;
}

int main(int argc, char *argv[]) {
    program = argv[0];
    int operands = 0, status = 0, options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || !a[1]) { operands++; continue; }
        if (strcmp(a, "--") == 0) { options_done = 1; continue; }
        if (strcmp(a, "--parents") == 0) { parents = 1; argv[i] = NULL; continue; }
        for (const char *o = a + 1; *o; o++) {
            if (*o == 'p') parents = 1;
            else if (*o == 'v') verbose = 1;
            else if (*o == 'm') {
                const char *value = o[1] ? o + 1 : i + 1 < argc ? argv[i + 1] : NULL;
                if (!value) {
                    fprintf(stderr, "%s: option requires an argument -- 'm'\nTry '%s --help' for more information.\n", program, program);
                    return 1;
                }
                char *end;
                mode = strtol(value, &end, 8);
                if (!*value || *end || mode > 07777) { fprintf(stderr, "%s: invalid mode '%s'\n", program, value); return 1; }
                if (!o[1]) argv[++i] = NULL;
                break;
            } else {
                fprintf(stderr, "%s: invalid option -- '%c'\nTry '%s --help' for more information.\n", program, *o, program);
                return 1;
            }
        }
        argv[i] = NULL;
    }
    if (operands == 0) {
        fprintf(stderr, "%s: missing operand\nTry '%s --help' for more information.\n", program, program);
        return 1;
    }
    options_done = 0;
    for (int i = 1; i < argc; i++) {
        if (!argv[i]) continue;
        if (!options_done && strcmp(argv[i], "--") == 0) { options_done = 1; continue; }
        status |= make_directory(argv[i]);
    }
    return status;
}
`;

/**
 * mv SOURCE DEST, or mv SOURCE... DIRECTORY: renames files and directories. The lab has no
 * rename call, so mv copies (a directory with all it holds) and removes the original, keeping
 * each file's mode: what GNU mv does across file systems.
 */
export const MV_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>

static const char *program;

static void usage_hint(void) { fprintf(stderr, "Try '%s --help' for more information.\n", program); }

/* dir/name, in a new string (no doubled slash). */
static char *join(const char *dir, const char *name) {
    size_t n = strlen(dir);
    char *path = malloc(n + strlen(name) + 2);
    sprintf(path, n > 0 && dir[n - 1] == '/' ? "%s%s" : "%s/%s", dir, name);
    return path;
}

/* The last component of path (trailing slashes ignored), in a new string. */
static char *base_name(const char *path) {
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/') len--;
    size_t start = len;
    while (start > 0 && path[start - 1] != '/') start--;
    return strndup(path + start, len - start);
}

/* path made absolute with . and .. resolved (by name, as the lab's paths are). */
static char *absolute(const char *path) {
    char *out = malloc(8192);
    if (path[0] == '/') out[0] = 0;
    else if (!getcwd(out, 4096)) out[0] = 0;
    size_t n = strlen(out);
    while (n > 0 && out[n - 1] == '/') out[--n] = 0;
    for (const char *p = path; *p; ) {
        while (*p == '/') p++;
        const char *e = p;
        while (*e && *e != '/') e++;
        size_t len = e - p;
        if (len == 0 || (len == 1 && p[0] == '.')) { p = e; continue; }
        if (len == 2 && p[0] == '.' && p[1] == '.') {
            while (n > 0 && out[n - 1] != '/') n--;
            if (n > 0) n--;
            out[n] = 0;
        } else if (n + len + 2 < 8192) {
            out[n++] = '/';
            memcpy(out + n, p, len);
            n += len;
            out[n] = 0;
        }
        p = e;
    }
    return out;
}

/* Copies the regular file from (status st) to a new file to; 0, or an errno. */
static int copy_file(const char *from, const char *to, const struct stat *st) {
    int in = open(from, O_RDONLY);
    if (in < 0) return errno;
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL, st->st_mode & 07777);
    if (out < 0) { int e = errno; close(in); return e; }
    char buf[4096];
    long n;
    int error = 0;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        if (write(out, buf, n) != n) { error = errno ? errno : EIO; break; }
    }
    if (n < 0) error = errno;
    close(in);
    close(out);
    return error;
}

/* Moves from to the absent path to: copies, then removes the original; 0, or an errno. */
static int move_tree(const char *from, const char *to) {
    struct stat st;
    if (lstat(from, &st) != 0) return errno;
    if (!S_ISDIR(st.st_mode)) {
        int e = copy_file(from, to, &st);
        if (e) return e;
        return unlink(from) == 0 ? 0 : errno;
    }
    if (mkdir(to, st.st_mode & 07777) != 0) return errno;
    DIR *d = opendir(from);
    if (!d) return errno;
    struct dirent *entry;
    int error = 0;
    while (!error && (entry = readdir(d)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        char *a = join(from, entry->d_name), *b = join(to, entry->d_name);
        error = move_tree(a, b);
        free(a);
        free(b);
    }
    closedir(d);
    if (!error && rmdir(from) != 0) error = errno;
    return error;
}

/* mv of one source to the path target; returns 0 or 1 after a message. */
static int move(const char *source, const char *target) {
    struct stat from, to;
    if (lstat(source, &from) != 0) {
        fprintf(stderr, "%s: cannot stat '%s': %s\n", program, source, strerror(errno));
        return 1;
    }
    int exists = lstat(target, &to) == 0;
    if (exists && from.st_dev == to.st_dev && from.st_ino == to.st_ino) {
        fprintf(stderr, "%s: '%s' and '%s' are the same file\n", program, source, target);
        return 1;
    }
    if (S_ISDIR(from.st_mode)) {
        char *a = absolute(source), *b = absolute(target);
        size_t n = strlen(a);
        int inside = strncmp(a, b, n) == 0 && b[n] == '/';
        free(a);
        free(b);
        if (inside) {
            fprintf(stderr, "%s: cannot move '%s' to a subdirectory of itself, '%s'\n", program, source, target);
            return 1;
        }
    }
    if (exists && S_ISDIR(from.st_mode) && !S_ISDIR(to.st_mode)) {
        fprintf(stderr, "%s: cannot overwrite non-directory '%s' with directory '%s'\n", program, target, source);
        return 1;
    }
    if (exists && !S_ISDIR(from.st_mode) && S_ISDIR(to.st_mode)) {
        fprintf(stderr, "%s: cannot overwrite directory '%s' with non-directory\n", program, target);
        return 1;
    }
    /* rename replaces a file, or an empty directory */
    if (exists && (S_ISDIR(to.st_mode) ? rmdir(target) : unlink(target)) != 0) {
        fprintf(stderr, "%s: cannot move '%s' to '%s': %s\n", program, source, target, strerror(errno));
        return 1;
    }
    int error = move_tree(source, target);
    if (error) {
        fprintf(stderr, "%s: cannot move '%s' to '%s': %s\n", program, source, target, strerror(error));
        return 1;
    }
    return 0;
}

int main(int argc, char *argv[]) {
    program = argv[0];
    char *operands[256];
    int n = 0, options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) { options_done = 1; continue; }
        if (!options_done && a[0] == '-' && a[1]) {
            for (const char *o = a + 1; *o; o++) {
                if (*o != 'f') {
                    fprintf(stderr, "%s: invalid option -- '%c'\n", program, *o);
                    usage_hint();
                    return 1;
                }
            }
            continue;
        }
        if (n < 256) operands[n++] = argv[i];
    }
    if (n == 0) { fprintf(stderr, "%s: missing file operand\n", program); usage_hint(); return 1; }
    if (n == 1) {
        fprintf(stderr, "%s: missing destination file operand after '%s'\n", program, operands[0]);
        usage_hint();
        return 1;
    }
    const char *dest = operands[n - 1];
    struct stat st;
    int dest_is_dir = stat(dest, &st) == 0 && S_ISDIR(st.st_mode);
    if (n > 2 && !dest_is_dir) {
        int error = stat(dest, &st) != 0 ? errno : ENOTDIR;
        fprintf(stderr, "%s: target '%s': %s\n", program, dest, strerror(error));
        return 1;
    }
    int status = 0;
    for (int i = 0; i < n - 1; i++) {
        if (!dest_is_dir) { status |= move(operands[i], dest); continue; }
        char *base = base_name(operands[i]);
        char *target = join(dest, base);
        status |= move(operands[i], target);
        free(base);
        free(target);
    }
    return status;
}
`;

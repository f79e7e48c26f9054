/**
 * The C runtime's streams on files and commands, in the lab's own C (part of the runtime of
 * crt.ts): fopen, fdopen, fclose, fileno, feof, ferror, clearerr, fseek, ftell, rewind, remove,
 * getline, getdelim, fread,
 * popen, pclose, system, and opendir / readdir / closedir. As in glibc, a stream's FILE and its
 * 4096-byte buffer come from malloc, and every open stream is on a list that exit (and
 * fflush(NULL)) flushes, newest first. popen and system start the shell as glibc does, with
 * posix_spawn: a vfork child that execs /bin/sh at once (__lab_spawn), so the parent's unflushed
 * stdout is not copied; the shell then forks the commands.
 */

export const CRT_FILES_SOURCE = String.raw`
#include <fcntl.h>
#include <dirent.h>
#include <signal.h>

/* ---- streams on files */
#define __LAB_STREAMS 64
/* the streams opened besides stdin, stdout and stderr, oldest first (exit's flush walks it) */
FILE *__lab_streams[__LAB_STREAMS];
static int __lab_nstreams;
/* the shell each popen stream reads from or writes to (pclose waits for it) */
static pid_t __lab_popen_pids[__LAB_STREAMS];

#define __LAB_READ 1
#define __LAB_WRITE 2
#define __LAB_EOF 4
#define __LAB_ERROR 8
#define __LAB_READING 16

/* The open flags of an fopen mode ("r", "w+", "ae", ...), or -1 when it is not one. */
static int __lab_mode_flags(const char *mode) {
    int flags;
    switch (mode[0]) {
    case 'r': flags = O_RDONLY; break;
    case 'w': flags = O_WRONLY | O_CREAT | O_TRUNC; break;
    case 'a': flags = O_WRONLY | O_CREAT | O_APPEND; break;
    default: return -1;
    }
    for (const char *m = mode + 1; *m; m++) {
        if (*m == '+') flags = (flags & ~O_ACCMODE) | O_RDWR;
        else if (*m == 'e') flags |= O_CLOEXEC;
        else if (*m == 'x') flags |= O_EXCL;
    }
    return flags;
}

/* A new stream on descriptor fd with the access of open flags 'flags', on the list; NULL (ENOMEM, EMFILE) when it cannot. */
static FILE *__lab_new_stream(int fd, int flags) {
    if (__lab_nstreams == __LAB_STREAMS) { errno = EMFILE; return NULL; }
    FILE *f = malloc(sizeof(FILE));
    char *buf = malloc(4096);
    if (!f || !buf) { free(f); free(buf); errno = ENOMEM; return NULL; }
    int access = flags & O_ACCMODE;
    f->_fd = fd;
    f->_flags = (access == O_WRONLY ? 0 : __LAB_READ) | (access == O_RDONLY ? 0 : __LAB_WRITE);
    f->_mode = -1;
    f->_pos = 0;
    f->_size = 4096;
    f->_rpos = 0;
    f->_buf = buf;
    __lab_streams[__lab_nstreams] = f;
    __lab_popen_pids[__lab_nstreams] = 0;
    __lab_nstreams++;
    return f;
}

/* The slot of a stream on the list, or -1 (stdin, stdout, stderr). */
static int __lab_stream_slot(FILE *f) {
    for (int i = 0; i < __lab_nstreams; i++) if (__lab_streams[i] == f) return i;
    return -1;
}

/* Takes the stream in 'slot' off the list (the later ones move down: the list stays in opening order). */
static void __lab_forget_stream(int slot) {
    for (int i = slot; i + 1 < __lab_nstreams; i++) {
        __lab_streams[i] = __lab_streams[i + 1];
        __lab_popen_pids[i] = __lab_popen_pids[i + 1];
    }
    __lab_nstreams--;
    __lab_streams[__lab_nstreams] = NULL;
}

FILE *fopen(const char *path, const char *mode) {
    int flags = __lab_mode_flags(mode);
    if (flags < 0) { errno = EINVAL; return NULL; }
    int fd = open(path, flags, 0666);
    if (fd < 0) return NULL;
    FILE *f = __lab_new_stream(fd, flags);
    if (!f) { int e = errno; close(fd); errno = e; }
    return f;
}

FILE *fdopen(int fd, const char *mode) {
    int flags = __lab_mode_flags(mode);
    if (flags < 0) { errno = EINVAL; return NULL; }
    if (fcntl(fd, F_GETFL) < 0) return NULL;
    return __lab_new_stream(fd, flags);
}

/* Flushes and closes the stream; the FILE is freed (the standard streams' are not malloc'd). */
int fclose(FILE *f) {
    int r = fflush(f) == 0 ? 0 : EOF;
    if (close(f->_fd) != 0) r = EOF;
    int slot = __lab_stream_slot(f);
    if (slot >= 0) {
        __lab_forget_stream(slot);
        free(f->_buf);
        free(f);
    }
    return r;
}

int fileno(FILE *f) { return f->_fd; }
int feof(FILE *f) { return (f->_flags & __LAB_EOF) != 0; }
int ferror(FILE *f) { return (f->_flags & __LAB_ERROR) != 0; }
void clearerr(FILE *f) { f->_flags &= ~(__LAB_EOF | __LAB_ERROR); }

/* Where the stream is in its file: the descriptor's offset, less what was read ahead, plus what waits to be written. */
long ftell(FILE *f) {
    long at = lseek(f->_fd, 0, SEEK_CUR);
    if (at < 0) return -1;
    if (f->_flags & __LAB_READING) return at - (f->_pos - f->_rpos);
    return at + f->_pos;
}

/* Writes out pending output, forgets what was read ahead, then moves the descriptor's offset. */
int fseek(FILE *f, long offset, int whence) {
    if (!(f->_flags & __LAB_READING) && f->_pos > 0 && fflush(f) != 0) return -1;
    if (whence == SEEK_CUR && (f->_flags & __LAB_READING)) offset -= f->_pos - f->_rpos;
    f->_pos = 0;
    f->_rpos = 0;
    f->_flags &= ~(__LAB_READING | __LAB_EOF);
    return lseek(f->_fd, offset, whence) < 0 ? -1 : 0;
}

void rewind(FILE *f) {
    fseek(f, 0, SEEK_SET);
    f->_flags &= ~__LAB_ERROR;
}

/* glibc's getdelim: a NULL line or a size of 0 starts a 120-byte malloc'd buffer; a line that
   does not fit grows it with realloc to twice its size, or to what the line needs when that is
   more, checked at each buffer's worth of input (so n is what glibc's would be). */
ssize_t getdelim(char **lineptr, size_t *n, int delim, FILE *f) {
    if (!lineptr || !n) { errno = EINVAL; return -1; }
    if (*lineptr == NULL || *n == 0) {
        *n = 120;
        *lineptr = malloc(*n);
        if (!*lineptr) return -1;
    }
    size_t done = 0;
    ssize_t len = __lab_stream_chunk(f, delim);
    if (len <= 0) return -1;
    for (;;) {
        size_t needed = done + len + 1;
        if (needed > *n) {
            if (needed < 2 * *n) needed = 2 * *n;
            char *grown = realloc(*lineptr, needed);
            if (!grown) return -1;
            *lineptr = grown;
            *n = needed;
        }
        memcpy(*lineptr + done, f->_buf + f->_rpos, len);
        f->_rpos += len;
        done += len;
        if ((unsigned char) (*lineptr)[done - 1] == (unsigned char) delim) break;
        len = __lab_stream_chunk(f, delim);
        if (len <= 0) break;
    }
    (*lineptr)[done] = 0;
    return done;
}

ssize_t getline(char **lineptr, size_t *n, FILE *f) {
    return getdelim(lineptr, n, '\n', f);
}

/* fread: whole items, as many as the stream gives before end of file or an error. */
size_t fread(void *ptr, size_t size, size_t count, FILE *f) {
    size_t wanted = size * count;
    if (wanted == 0) return 0;
    size_t done = 0;
    while (done < wanted) {
        ssize_t len = __lab_stream_chunk(f, -1);
        if (len <= 0) break;
        if ((size_t) len > wanted - done) len = wanted - done;
        memcpy((char *) ptr + done, f->_buf + f->_rpos, len);
        f->_rpos += len;
        done += len;
    }
    return done == wanted ? count : done / size;
}

int remove(const char *path) {
    if (unlink(path) == 0) return 0;
    if (errno == EISDIR) return rmdir(path);
    return -1;
}

/* Appends one of __lab_spawn's file actions: op 1 is dup2(fd, to), op 2 close(fd). */
static void __lab_spawn_action(int *actions, int *n, int op, int fd, int to) {
    actions[*n * 3] = op;
    actions[*n * 3 + 1] = fd;
    actions[*n * 3 + 2] = to;
    (*n)++;
}

/* ---- commands through the shell: the child is spawned as glibc's posix_spawn does (a vfork
   that execs /bin/sh at once), with its standard input or output on the pipe */
FILE *popen(const char *command, const char *mode) {
    int reading = mode[0] == 'r';
    if ((mode[0] != 'r' && mode[0] != 'w') || (mode[1] && mode[1] != 'e')) { errno = EINVAL; return NULL; }
    int fds[2];
    if (pipe(fds) != 0) return NULL;
    int mine = reading ? fds[0] : fds[1];
    int theirs = reading ? fds[1] : fds[0];
    /* in the child: the pipe's other end on stdin (mode "w") or stdout (mode "r"), the pipe's descriptors closed */
    int target = reading ? 1 : 0;
    int actions[9];
    int nactions = 0;
    if (theirs != target) {
        __lab_spawn_action(actions, &nactions, 1, theirs, target);
        __lab_spawn_action(actions, &nactions, 2, theirs, 0);
    }
    __lab_spawn_action(actions, &nactions, 2, mine, 0);
    char *argv[] = { "sh", "-c", (char *)command, NULL };
    pid_t pid = __lab_spawn("/bin/sh", argv, environ, actions, nactions);
    close(theirs);
    if (pid < 0) { int e = errno; close(mine); errno = e; return NULL; }
    FILE *f = __lab_new_stream(mine, reading ? O_RDONLY : O_WRONLY);
    if (!f) { close(mine); return NULL; }
    __lab_popen_pids[__lab_stream_slot(f)] = pid;
    return f;
}

/* Closes the stream, waits for its shell and returns its wait status (-1 for a stream popen did not open). */
int pclose(FILE *f) {
    int slot = __lab_stream_slot(f);
    pid_t pid = slot >= 0 ? __lab_popen_pids[slot] : 0;
    if (!pid) { errno = ECHILD; return -1; }
    fclose(f);
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return status;
}

/* system(): the command runs in /bin/sh -c, spawned as posix_spawn does; the caller waits for it. */
int system(const char *command) {
    if (!command) return 1;
    char *argv[] = { "sh", "-c", (char *)command, NULL };
    pid_t pid = __lab_spawn("/bin/sh", argv, environ, NULL, 0);
    if (pid < 0) return -1;
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return status;
}

/* ---- directories: a DIR is an open descriptor and the entry readdir returns */
struct __lab_dir {
    int fd;
    struct dirent entry;
};

DIR *opendir(const char *name) {
    int fd = open(name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return NULL;
    DIR *d = malloc(sizeof(DIR));
    if (!d) { close(fd); errno = ENOMEM; return NULL; }
    d->fd = fd;
    return d;
}

struct dirent *readdir(DIR *d) {
    return __lab_readdir(d->fd, &d->entry) > 0 ? &d->entry : NULL;
}

int closedir(DIR *d) {
    int r = close(d->fd);
    free(d);
    return r;
}

int dirfd(DIR *d) { return d->fd; }
`;

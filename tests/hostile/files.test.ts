/**
 * Hostile programs for the run's file system and the system calls around it (issue 15, attacked
 * again once files, open/read/write/lseek and glibc's allocator landed): a program that makes
 * files without end (it filled a worker's heap: "the lab ran out of memory" after 37 s), files
 * grown past every budget, an offset past what the kernel's numbers hold, a directory beside
 * 16,000 others (each open searched them all), slices of slow system calls (a 3 s time limit held
 * a run for minutes), malloc of 1 MiB in a loop (each mmap searched the mappings cubically: the
 * run never ended). Each ends with Linux's answer or a clear stop, bounded in time and memory.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { builtFile } from '../../src-main/host/built.ts';
import { WorkerPool } from '../../src-main/host/pool.ts';
import { MAX_INODES } from '../../src-main/kernel/ramfs.ts';
import { MAX_FILE_BYTES, MAX_FS_BYTES } from '../../src-main/kernel/fs.ts';
import { runProgram } from '../../src-main/vm/run.ts';
import { elapsed } from './bounds.ts';

/** The heap of the worker running the programs that would fill the host: far below what they took. */
const HEAP_MB = 512;
const pool = new WorkerPool({ workerFile: builtFile('worker.mjs'), threads: 1, heapMb: HEAP_MB });
afterAll(() => pool.close());

const HEADERS = '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <errno.h>\n#include <fcntl.h>\n#include <unistd.h>\n#include <sys/stat.h>\n';

/** Long names (255 characters) in 100 directories: millions of names if nothing stops it. */
const FILES_WITHOUT_END = `${HEADERS}
int main(void) {
    char name[300]; memset(name, 'a', 255); name[255] = 0;
    long n = 0;
    for (int d = 0; d < 100; d++) {
        char dn[16]; sprintf(dn, "d%d", d); mkdir(dn, 0755); chdir(dn);
        for (int f = 0; f < 100000; f++) {
            name[0] = 'a' + f % 26; name[1] = 'a' + f / 26 % 26; name[2] = 'a' + f / 676 % 26; name[3] = 'a' + f / 17576 % 26;
            int fd = open(name, O_WRONLY | O_CREAT, 0644);
            if (fd < 0) { printf("%ld files, then: %s\\n", n, strerror(errno)); return 0; }
            close(fd); n++;
        }
        chdir("..");
    }
    return 1;
}
`;

describe('hostile programs for the file system', () => {
  it(`files made without end: ENOSPC at ${MAX_INODES} inodes, in a worker under ${HEAP_MB} MiB`, { timeout: 90_000 }, async () => {
    const t = elapsed();
    const result = await pool.run({ kind: 'engine-run', request: { source: FILES_WITHOUT_END, trace: 'none' } });
    expect(result.stopReason).toBe('exited');
    const [, count] = /^(\d+) files, then: No space left on device\n$/.exec(result.stdout) ?? [];
    expect(Number(count)).toBeGreaterThan(MAX_INODES - 100);
    expect(Number(count)).toBeLessThan(MAX_INODES);
    expect(t()).toBeLessThan(60_000);
  });

  it('removing files gives their inodes back: make and remove 20,000 files, one at a time', () => {
    const result = runProgram({ source: `${HEADERS}int main(void) { for (int i = 0; i < 20000; i++) { int fd = open("t", O_WRONLY | O_CREAT, 0644); if (fd < 0) { perror("open"); return 1; } close(fd); unlink("t"); mkdir("d", 0755); rmdir("d"); } puts("ok"); return 0; }\n` });
    expect(result.stdout).toBe('ok\n');
  });

  it('a write that crosses the largest file size is short, the next one EFBIG (as past RLIMIT_FSIZE)', () => {
    const result = runProgram({ source: `${HEADERS}static char buf[100];
int main(void) {
    int fd = open("f", O_WRONLY | O_CREAT, 0644);
    printf("%ld\\n", (long)lseek(fd, ${MAX_FILE_BYTES - 10}, SEEK_SET));
    printf("%ld\\n", (long)write(fd, buf, 100));
    long r = write(fd, buf, 100);
    printf("%ld %s\\n", r, strerror(errno));
    return 0;
}
` });
    expect(result.stdout).toBe(`${MAX_FILE_BYTES - 10}\n10\n-1 File too large\n`);
  });

  it('files that fill the file system: writes are short at the end, then ENOSPC; every byte of the budget is used', () => {
    const result = runProgram({ source: `${HEADERS}static char buf[3000000];
int main(void) {
    long total = 0;
    for (int f = 0; f < 10; f++) {
        char name[16]; sprintf(name, "f%d", f);
        int fd = open(name, O_WRONLY | O_CREAT, 0644);
        for (;;) {
            long n = write(fd, buf, sizeof buf);
            if (n < 0) { if (errno == ENOSPC) { printf("%ld %s\\n", total, strerror(errno)); return 0; } break; }
            total += n;
        }
        close(fd);
    }
    return 1;
}
` });
    expect(result.stdout).toBe(`${MAX_FS_BYTES} No space left on device\n`);
  });

  it('lseek to LONG_MAX is EINVAL, never a negative offset returned as success', () => {
    const result = runProgram({ source: `${HEADERS}#include <limits.h>
int main(void) {
    int fd = open("f", O_RDWR | O_CREAT, 0644);
    long r = lseek(fd, LONG_MAX, SEEK_SET);
    printf("%ld %s\\n", r, strerror(errno));
    printf("%ld\\n", (long)lseek(fd, 1L << 40, SEEK_SET));
    r = lseek(fd, LONG_MAX - 10, SEEK_CUR);
    printf("%ld %s\\n", r, strerror(errno));
    return 0;
}
` });
    expect(result.stdout).toBe('-1 Invalid argument\n1099511627776\n-1 Invalid argument\n');
  });

  it('opening files in a directory beside 16,000 others costs the same as anywhere', () => {
    const t = elapsed();
    const result = runProgram({ source: `${HEADERS}
int main(void) {
    char name[32];
    for (int i = 0; i < 16000; i++) { sprintf(name, "f%d", i); int fd = open(name, O_WRONLY | O_CREAT, 0644); close(fd); }
    mkdir("z", 0755);
    chdir("z");
    for (int i = 0; i < 50000; i++) { int fd = open("x", O_WRONLY | O_CREAT, 0644); close(fd); }
    char cwd[64]; puts(getcwd(cwd, sizeof cwd));
    return 0;
}
`, timeLimitMs: 120_000 });
    expect(result.stdout).toBe('/home/student/z\n');
    expect(t()).toBeLessThan(30_000);
  });
});

describe('hostile programs for the time limit and the allocator', () => {
  it('slices of slow system calls (8 MiB reads) stop at the time limit, not minutes later', { timeout: 60_000 }, () => {
    const t = elapsed();
    const result = runProgram({ source: `${HEADERS}static char buf[8 << 20];
int main(void) {
    int fd = open("f", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, buf, sizeof buf);
    for (;;) { lseek(fd, 0, SEEK_SET); read(fd, buf, sizeof buf); }
}
`, timeLimitMs: 2000, trace: 'none' });
    expect(result.stopReason).toBe('time-limit');
    expect(t()).toBeLessThan(20_000);
  });

  it('malloc(1 MiB) in a loop ends when the frames run out, in seconds (each mmap searched the mappings cubically)', { timeout: 90_000 }, () => {
    const t = elapsed();
    const result = runProgram({ source: `${HEADERS}int main(void) { long n = 0; while (malloc(1 << 20)) n++; printf("%ld\\n", n); return 0; }\n`, timeLimitMs: 120_000, trace: 'none' });
    // each block's header takes a frame: the machine runs out of frames before mmap runs out of room
    expect(result.exit.signal).toBe('SIGKILL');
    expect(result.stopMessage).toMatch(/out-of-memory/);
    expect(t()).toBeLessThan(60_000);
  });
});

describe('hostile paths and descriptors', () => {
  it('directories nested without end: chdir stops with ENAMETOOLONG where no path can name the next one, and mkdir never fails for it', () => {
    const t = elapsed();
    const result = runProgram({ source: `${HEADERS}
int main(void) {
    int i;
    for (i = 0; i < 5000; i++) {
        if (mkdir("d", 0755) < 0) { printf("mkdir %d: %s\\n", i, strerror(errno)); return 1; }
        if (chdir("d") < 0) { printf("chdir %d: %s\\n", i, strerror(errno)); break; }
    }
    char cwd[5000];
    printf("%d\\n", (int)strlen(getcwd(cwd, sizeof cwd)));
    return 0;
}
` });
    // /home/student is 13 characters; each level adds "/d"
    expect(result.stdout).toBe('chdir 2041: File name too long\n4095\n');
    expect(t()).toBeLessThan(20_000);
  });

  it('descriptors without end: EMFILE at 1,024 (RLIMIT_NOFILE), dup2 beyond it EBADF', () => {
    const result = runProgram({ source: `${HEADERS}
int main(void) {
    int n = 0;
    while (open("/dev/null", O_RDONLY) >= 0) n++;
    printf("%d %s\\n", n, strerror(errno));
    int r = dup2(1, 1024);
    printf("%d %s\\n", r, strerror(errno));
    return 0;
}
` });
    expect(result.stdout).toBe('1021 Too many open files\n-1 Bad file descriptor\n');
  });
});

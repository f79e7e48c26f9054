/**
 * System headers beyond processes: sys/resource.h (resource limits), sys/stat.h (file status,
 * mkdir), dirent.h (reading directories), sys/mman.h (anonymous memory mappings). Constants and layouts are Linux x86-64 glibc's, the same
 * as the kernel's (kernel/uapi.ts; tests/kernel/uapi.test.ts checks the constants).
 */
import { GID_T, guarded, MODE_T, OFF_T, PERMISSION_BITS, SIZE_T, typedefOnce, UID_T } from './common.ts';

const INO_T = typedefOnce('ino_t', 'unsigned long int');

const SYS_RESOURCE_H = guarded('_SYS_RESOURCE_H', `
typedef unsigned long int rlim_t;

#ifndef __timeval_defined
#define __timeval_defined 1
struct timeval {
  long int tv_sec;
  long int tv_usec;
};
#endif

/* what wait3 and wait4 report (all zeros in the lab) */
struct rusage {
  struct timeval ru_utime;
  struct timeval ru_stime;
  long int ru_maxrss;
  long int ru_ixrss;
  long int ru_idrss;
  long int ru_isrss;
  long int ru_minflt;
  long int ru_majflt;
  long int ru_nswap;
  long int ru_inblock;
  long int ru_oublock;
  long int ru_msgsnd;
  long int ru_msgrcv;
  long int ru_nsignals;
  long int ru_nvcsw;
  long int ru_nivcsw;
};

struct rlimit {
  rlim_t rlim_cur;
  rlim_t rlim_max;
};

#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9
#define RLIM_INFINITY (~0UL)

int getrlimit(int __resource, struct rlimit *__rlimits);
int setrlimit(int __resource, const struct rlimit *__rlimits);
`);

/* glibc's struct stat on x86-64: 144 bytes */
const SYS_STAT_H = guarded('_SYS_STAT_H', `
${MODE_T}${OFF_T}${UID_T}${GID_T}${INO_T}
#include <time.h>
typedef unsigned long int dev_t;
typedef unsigned long int nlink_t;
typedef long int blksize_t;
typedef long int blkcnt_t;

struct stat {
  dev_t st_dev;
  ino_t st_ino;
  nlink_t st_nlink;
  mode_t st_mode;
  uid_t st_uid;
  gid_t st_gid;
  int __pad0;
  dev_t st_rdev;
  off_t st_size;
  blksize_t st_blksize;
  blkcnt_t st_blocks;
  struct timespec st_atim;
  struct timespec st_mtim;
  struct timespec st_ctim;
  long int __glibc_reserved[3];
};
#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

#define S_IFMT 0170000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFBLK 0060000
#define S_IFREG 0100000
#define S_IFIFO 0010000
#define S_IFLNK 0120000
#define S_IFSOCK 0140000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m) (((m) & S_IFMT) == S_IFBLK)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)
#define S_ISUID 04000
#define S_ISGID 02000
#define S_ISVTX 01000
${PERMISSION_BITS}

int stat(const char *__file, struct stat *__buf);
int fstat(int __fd, struct stat *__buf);
int lstat(const char *__file, struct stat *__buf);
int mkdir(const char *__path, mode_t __mode);
`);

/* The lab's DIR: an open directory descriptor and the entry readdir fills (vm/libc/crt-files.ts). */
const DIRENT_H = guarded('_DIRENT_H', `
${INO_T}${OFF_T}
struct dirent {
  ino_t d_ino;
  off_t d_off;
  unsigned short int d_reclen;
  unsigned char d_type;
  char d_name[256];
};
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_REG 8

typedef struct __lab_dir DIR;

DIR *opendir(const char *__name);
struct dirent *readdir(DIR *__dirp);
int closedir(DIR *__dirp);
int dirfd(DIR *__dirp);
/* the runtime's hook: the next entry of the directory open at fd into *entry (1), 0 at the end */
int __lab_readdir(int __fd, struct dirent *__entry);
`);

const SYS_MMAN_H = guarded('_SYS_MMAN_H', `
${SIZE_T}
${OFF_T}
#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_SHARED_VALIDATE 0x03
#define MAP_TYPE 0x0f
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_ANON MAP_ANONYMOUS
#define MAP_FAILED ((void *) -1)

/* anonymous memory only (MAP_ANONYMOUS): MAP_SHARED pages stay shared with children after fork */
void *mmap(void *__addr, size_t __len, int __prot, int __flags, int __fd, off_t __offset);
int munmap(void *__addr, size_t __len);
int mprotect(void *__addr, size_t __len, int __prot);
`);

export const SYSTEM_HEADERS: Record<string, string> = {
  'sys/mman.h': SYS_MMAN_H,
  'sys/resource.h': SYS_RESOURCE_H,
  'sys/stat.h': SYS_STAT_H,
  'dirent.h': DIRENT_H,
};

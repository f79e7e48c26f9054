/**
 * System headers beyond processes: sys/resource.h (resource limits). Constants have Linux
 * x86-64 values, the same as the kernel's (kernel/uapi.ts; tests/kernel/uapi.test.ts checks).
 */
import { guarded } from './common.ts';

const SYS_RESOURCE_H = guarded('_SYS_RESOURCE_H', `
typedef unsigned long int rlim_t;

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

export const SYSTEM_HEADERS: Record<string, string> = {
  'sys/resource.h': SYS_RESOURCE_H,
};

/**
 * getrlimit and setrlimit (kernel/sys.ts): RLIMIT_NPROC is the limit fork checks, a process may
 * lower it (the fork-bomb exercise does) and its children inherit it, the soft limit cannot
 * exceed the hard one, and an unprivileged user cannot raise the hard limit again.
 */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.ts';

const HEAD = '#include <sys/resource.h>\n';

describe('RLIMIT_NPROC through getrlimit and setrlimit', () => {
  it('reads the limit the run was given, soft and hard', () => {
    const r = run(`${HEAD}
int main(void) {
  struct rlimit rl;
  int r = getrlimit(RLIMIT_NPROC, &rl);
  printf("%d %lu %lu\\n", r, rl.rlim_cur, rl.rlim_max);
  return 0;
}`, { nprocLimit: 50 });
    expect(r.stdout).toBe('0 50 50\n');
  });

  it('a child inherits its parent\'s lowered limit', () => {
    const r = run(`${HEAD}
int main(void) {
  struct rlimit rl = { 2, 2 };
  setrlimit(RLIMIT_NPROC, &rl);
  pid_t pid = fork();
  if (pid == 0) {
    pid_t grandchild = fork();
    if (grandchild == 0) _exit(0);
    printf("child's fork: %s\\n", grandchild < 0 ? strerror(errno) : "ok");
    if (grandchild > 0) wait(NULL);
    _exit(0);
  }
  wait(NULL);
  return 0;
}`);
    expect(r.stdout).toBe("child's fork: Resource temporarily unavailable\n");
  });

  it('a lowered limit makes fork fail with EAGAIN there', () => {
    const r = run(`${HEAD}
int main(void) {
  struct rlimit rl = { 3, 3 };
  if (setrlimit(RLIMIT_NPROC, &rl) != 0) { perror("setrlimit"); return 1; }
  int made = 0;
  for (int i = 0; i < 5; i++) {
    pid_t pid = fork();
    if (pid == 0) { pause(); _exit(0); }
    if (pid < 0) { printf("fork %d: %s\\n", i, strerror(errno)); break; }
    made++;
  }
  printf("made %d\\n", made);
  kill(0, SIGKILL);
  return 0;
}`);
    // the program itself is one of the user's 3 processes
    expect(r.stdout).toBe('fork 2: Resource temporarily unavailable\nmade 2\n');
    expect(r.trace.find((e) => e.kind === 'fork-failed')).toMatchObject({ reason: 'RLIMIT_NPROC', limit: 3 });
  });

  it('refuses a soft limit above the hard one (EINVAL) and raising the hard limit (EPERM)', () => {
    const r = run(`${HEAD}
int main(void) {
  struct rlimit rl = { 10, 5 };
  int r = setrlimit(RLIMIT_NPROC, &rl);
  printf("%d %s\\n", r, strerror(errno));
  rl.rlim_cur = 5; rl.rlim_max = 5;
  printf("%d\\n", setrlimit(RLIMIT_NPROC, &rl));
  rl.rlim_cur = 6; rl.rlim_max = 6;
  r = setrlimit(RLIMIT_NPROC, &rl);
  printf("%d %s\\n", r, strerror(errno));
  rl.rlim_cur = 4;  rl.rlim_max = 5;
  printf("%d\\n", setrlimit(RLIMIT_NPROC, &rl));
  getrlimit(RLIMIT_NPROC, &rl);
  printf("%lu %lu\\n", rl.rlim_cur, rl.rlim_max);
  return 0;
}`);
    expect(r.stdout).toBe('-1 Invalid argument\n0\n-1 Operation not permitted\n0\n4 5\n');
  });
});

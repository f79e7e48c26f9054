/**
 * mmap's system call side (kernel/mman.ts): what a program sees and what the trace shows. The
 * address-space work is tested in kernel/mm/mmap.test.ts; the errno of each bad argument against
 * Linux in corpus program 442.
 */
import { describe, expect, it } from 'vitest';
import { eventsOf, run } from './helpers.ts';

const MMAN = '#include <sys/mman.h>\n#include <fcntl.h>\n';

describe('mmap, munmap and mprotect', () => {
  it('traces the new mapping as a segment of the address space, shared ones marked, and a snapshot after munmap', () => {
    const r = run(MMAN + `int main(void) {
  char *s = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  char *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(p, 4096);
  return s[0]; }`, { trace: 'all' });
    const mmaps = eventsOf(r.trace, 'syscall').filter((e) => e.name === 'mmap');
    expect(mmaps).toHaveLength(2);
    const [shared, priv] = mmaps.map((e) => e.result as number);
    const snapshots = eventsOf(r.trace, 'mm-snapshot');
    const afterShared = snapshots.find((e) => e.segments.some((x) => x.start === shared))!;
    expect(afterShared.segments.find((x) => x.start === shared)).toEqual({ name: 'mmap', start: shared, end: shared + 8192, shared: true });
    // its two pages are there from the start, writable
    expect(afterShared.pages.filter(([vpn]) => vpn * 4096 >= shared && vpn * 4096 < shared + 8192).map(([, , flags]) => flags)).toEqual(['rw', 'rw']);
    const afterPrivate = snapshots.find((e) => e.segments.some((x) => x.start === priv))!;
    expect(afterPrivate.segments.find((x) => x.start === priv)).toEqual({ name: 'mmap', start: priv, end: priv + 4096 });
    expect(eventsOf(r.trace, 'munmap')).toEqual([expect.objectContaining({ start: priv, end: priv + 4096 })]);
    expect(snapshots.at(-1)!.segments.some((x) => x.start === priv)).toBe(false);
  });

  it('refuses to map a file, and MAP_FIXED, saying so: the run stops there (exit 127)', () => {
    const file = run(MMAN + `int main(void) {
  int fd = open("data", O_RDWR | O_CREAT, 0644); write(fd, "hello", 5);
  printf("before\\n");
  char *p = mmap(NULL, 5, PROT_READ, MAP_PRIVATE, fd, 0);
  printf("after %p\\n", (void *) p); return 0; }`, { trace: 'all' });
    expect(file.stdout).toBe('before\n');
    expect(file.exit.code).toBe(127);
    expect(file.stopMessage).toMatch(/mmap maps only anonymous memory \(MAP_ANONYMOUS\): mapping a file is not supported/);
    expect(eventsOf(file.trace, 'unsupported')).toEqual([expect.objectContaining({ function: 'mmap' })]);
    const fixed = run(MMAN + `int main(void) { mmap((void *) 0x10000000, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0); return 0; }`);
    expect(fixed.exit.code).toBe(127);
    expect(fixed.stopMessage).toMatch(/does not support MAP_FIXED/);
  });

  it('a shared mapping larger than the lab\'s physical memory fails with ENOMEM, and the next one works', () => {
    const r = run(MMAN + `#include <errno.h>
int main(void) {
  void *p = mmap(NULL, 1L << 30, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  printf("%d %d\\n", p == MAP_FAILED, errno == ENOMEM);
  char *q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  q[0] = 'x'; printf("%c\\n", q[0]); return 0; }`);
    expect(r.stdout).toBe('1 1\nx\n');
  });
});

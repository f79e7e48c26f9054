/**
 * The files panel's model tells the truth: at every position of a run that opens, dups, forks,
 * shares offsets, redirects and closes, the tables and open files rebuilt from the trace are the
 * kernel's own, read from the machine replayed to that position (vm/replay.ts).
 */
import { describe, expect, it } from 'vitest';
import { compileProgram, runProgram, type RunRequest } from '../../../src-main/vm/run.ts';
import { replayTo } from '../../../src-main/vm/replay.ts';
import type { Machine } from '../../../src-main/vm/machine.ts';
import { FilesModel, fileName, flagNames, type FilesView } from './files.ts';

const SOURCE = `#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  int fd = open("log.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
  write(fd, "before\\n", 7);
  int copy = dup(fd);
  int p[2];
  pipe(p);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fd, 1);
    close(p[0]);
    printf("child line\\n");
    fflush(stdout);
    int other = open("log.txt", O_RDONLY | O_CLOEXEC);
    lseek(other, 2, SEEK_SET);
    _exit(0);
  }
  close(p[1]);
  waitpid(pid, NULL, 0);
  write(copy, "after\\n", 6);
  close(copy);
  printf("offset %ld\\n", (long) lseek(fd, 0, SEEK_CUR));
  return 0;
}
`;

const THREADS = `#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <pthread.h>
static int fd;
static void *worker(void *arg) {
  int mine = open("t.txt", O_WRONLY | O_CREAT | O_APPEND, 0644);
  write(mine, "thread\\n", 7);
  write(fd, "shared\\n", 7);
  return NULL;
}
int main(void) {
  fd = open("s.txt", O_WRONLY | O_CREAT, 0644);
  pthread_t t;
  pthread_create(&t, NULL, worker, NULL);
  pthread_join(t, NULL);
  printf("%ld\\n", (long) lseek(fd, 0, SEEK_CUR));
  return 0;
}
`;

/** The kernel's own tables and open files (what the panel must show), read from a machine. */
function engineFiles(machine: Machine): FilesView {
  const tables: FilesView['tables'] = [];
  const holders = new Map<number, [number, number][]>();
  const files = new Map<number, FilesView['files'][number]>();
  for (const t of [...machine.kernel.tasks.values()].sort((a, b) => a.pid - b.pid)) {
    if (t.kernelThread) continue;
    const fds = t.files.fds.flatMap((e, fd) => (e ? [{ fd, file: e.file.id, cloexec: e.cloexec }] : []));
    if (fds.length === 0) continue;
    tables.push({ pid: t.pid, fds });
    t.files.fds.forEach((e, fd) => {
      if (!e) return;
      const f = e.file;
      holders.set(f.id, [...(holders.get(f.id) ?? []), [t.pid, fd]]);
      files.set(f.id, { id: f.id, kind: f.kind, path: f.path, flags: f.flags, pos: f.pos, size: f.kind === 'file' ? f.inode!.size : null, holders: [] });
    });
  }
  const open = [...files.values()].sort((a, b) => a.id - b.id).map((f) => ({ ...f, holders: holders.get(f.id)! }));
  return { tables, files: open };
}

describe('the files model against the kernel', () => {
  it.each([['fork, dup, pipe, dup2, O_CLOEXEC', SOURCE, 'offset 24\n'], ['threads sharing one table', THREADS, '7\n']])('%s: at every position, each task\'s descriptors and the open files with their offsets', (_what, source, stdout) => {
    const request: RunRequest = { source };
    const run = runProgram(request);
    expect(run.stdout).toBe(stdout);
    const image = compileProgram(source).image!;
    const model = new FilesModel(run.trace);
    // every position where a descriptor table or an open file changed, and the one after it
    const positions = new Set<number>();
    run.trace.forEach((e, i) => {
      if (e.kind === 'fd-table' || e.kind === 'file' || e.kind === 'exit' || e.kind === 'clone') {
        positions.add(i);
        positions.add(i + 1);
      }
    });
    expect(positions.size).toBeGreaterThan(10);
    for (const position of [...positions].sort((a, b) => a - b)) {
      if (position === 0) continue;
      const e = run.trace[position - 1];
      const replay = replayTo(image, request, { position, step: e.step, kind: e.kind, pid: e.pid });
      expect(replay.exact, `replay reaches position ${position}`).toBe(true);
      // the replay finishes the instruction that raised the event: its other events are part of the picture
      const reached = Math.min(replay.machine.kernel.trace.events.length, run.trace.length);
      expect(model.at(reached), `position ${position} (${e.kind})`).toEqual(engineFiles(replay.machine));
    }
  });

  it('names what it shows in words', () => {
    const run = runProgram({ source: SOURCE });
    const model = new FilesModel(run.trace);
    const clone = run.trace.findIndex((e) => e.kind === 'clone');
    const child = run.trace[clone].kind === 'clone' ? (run.trace[clone] as { child: number }).child : 0;
    // just after the child's table appears (copy_files: the parent's descriptors, shared)
    const end = model.at(run.trace.findIndex((e, i) => i > clone && e.kind === 'fd-table' && e.pid === child) + 1);
    const log = end.files.find((f) => f.path?.endsWith('/log.txt'))!;
    expect(fileName(log)).toBe('/home/student/log.txt');
    expect(flagNames(log.flags)).toBe('O_RDWR');
    // fd 3 and its dup in the parent, and fd 3 and 4 in the child: one description, one offset
    expect(log.holders.map(([, fd]) => fd)).toEqual([3, 4, 3, 4]);
    expect(end.files.map(fileName)).toContain('the terminal');
    expect(end.files.map(fileName)).toContain('a pipe (write end)');
  });
});

/**
 * copy_process builds the child in the steps of COPY_PROCESS (kernel/fork.ts): the `clone` event
 * lists the steps the code took, in its order, and a failure at any step undoes what was built,
 * in reverse order, leaving the parent and the machine as they were. Each step is made to fail
 * in turn with the kernel's fault injection, for a fork and for a thread (which shares instead
 * of copying), and the test checks what a leak would show: a pipe whose write end a half-built
 * child kept open (the read never sees end of file), frames still in use, shared structures
 * whose user counts stay up, a pid used up.
 */
import { describe, expect, it } from 'vitest';
import { COPY_PROCESS } from '../../src-main/kernel/fork.ts';
import { compileProgram } from '../../src-main/vm/run.ts';
import { Machine } from '../../src-main/vm/machine.ts';
import { ENOMEM } from '../../src-main/kernel/uapi.ts';
import { HEAD, eventsOf } from './helpers.ts';

const FORK = `
int main(void) {
  int fds[2];
  pipe(fds);
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  printf("fork: %s\\n", pid < 0 ? strerror(errno) : "ok");
  close(fds[1]);
  char c;
  printf("read: %ld\\n", (long) read(fds[0], &c, 1));
  if (pid > 0) waitpid(pid, NULL, 0);
  return 0;
}
`;

const THREAD = `
#include <pthread.h>
static int fds[2];
static void *child(void *arg) { return NULL; }
int main(void) {
  pipe(fds);
  pthread_t thread;
  int e = pthread_create(&thread, NULL, child, NULL);
  printf("fork: %s\\n", e ? strerror(e) : "ok");
  if (!e) pthread_join(thread, NULL);
  close(fds[1]);
  char c;
  printf("read: %ld\\n", (long) read(fds[0], &c, 1));
  return 0;
}
`;

/** Runs `body` with copy_process failing at `failAt` (none: null); returns the machine and the steps it was asked about. */
function runFailingAt(body: string, failAt: string | null) {
  const compiled = compileProgram(HEAD + body);
  expect(compiled.ok, JSON.stringify(compiled.diagnostics)).toBe(true);
  const machine = new Machine();
  const kernel = machine.kernel;
  const asked: string[] = [];
  kernel.injectFault = (step) => {
    asked.push(step);
    return step === failAt ? -ENOMEM : 0;
  };
  kernel.boot(compiled.image!, ['./prog'], ['PATH=/bin:/usr/bin']);
  const pidsAfterBoot = kernel.nextPid;
  kernel.run();
  const stdout = new TextDecoder().decode(Uint8Array.from(kernel.output.flatMap((c) => [...c.bytes])));
  return { machine, kernel, asked, stdout, pidsAfterBoot };
}

const STEP_NAMES = COPY_PROCESS.map((s) => s.name);

describe('copy_process: the steps the trace shows are the steps the code takes', () => {
  it.each([['fork', FORK, 'copy_mm'], ['thread', THREAD, 'share_mm']])('%s: the clone event lists every step, in the order performed', (_what, body, mmStep) => {
    const { kernel, asked, stdout } = runFailingAt(body, null);
    expect(stdout).toBe('fork: ok\nread: 0\n');
    expect(asked).toEqual(STEP_NAMES);
    const clone = eventsOf(kernel.trace.events, 'clone')[0];
    expect(clone.steps).toEqual(STEP_NAMES.map((n) => (n === 'copy_mm' ? mmStep : n)));
  });
});

describe('copy_process: a failure at any step undoes what was built, in reverse order', () => {
  for (const [what, body] of [['fork', FORK], ['thread', THREAD]] as const) {
    it.each(STEP_NAMES)(`${what} failing at %s`, (failAt) => {
      const { machine, kernel, asked, stdout, pidsAfterBoot } = runFailingAt(body, failAt);
      // the caller gets -1 and the step's errno; its pipe's write end was not left open by a
      // half-built child, so the read sees end of file instead of waiting for ever
      expect(stdout).toBe('fork: Cannot allocate memory\nread: 0\n');
      expect(kernel.stopReason).toBe('exited');
      // the steps ran in order up to the failing one, and were undone in reverse
      const index = STEP_NAMES.indexOf(failAt);
      expect(asked).toEqual(STEP_NAMES.slice(0, index + 1));
      const failed = eventsOf(kernel.trace.events, 'fork-failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ failedAt: failAt === 'copy_mm' && what === 'thread' ? 'share_mm' : failAt, injected: true });
      const undone = (failed[0].undone as string[]).map((n) => (n === 'share_mm' ? 'copy_mm' : n));
      expect(undone).toEqual(STEP_NAMES.slice(0, index).reverse());
      expect(eventsOf(kernel.trace.events, 'clone')).toHaveLength(0);
      // nothing is left behind: no pid used, no task, every frame free once the program is gone,
      // and the program's shared structures have no other user
      expect(kernel.nextPid).toBe(pidsAfterBoot);
      expect(kernel.allTasks().filter((t) => !t.kernelThread)).toHaveLength(1);
      expect(machine.kernel.memory.phys.framesInUse).toBe(0);
      const program = kernel.program;
      expect({ files: program.files.users, fs: program.fs.users, sighand: program.sighand.users, signal: program.signal.users })
        .toEqual({ files: 0, fs: 0, sighand: 0, signal: 0 });
    });
  }
});

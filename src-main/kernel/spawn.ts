/**
 * posix_spawn as glibc does it (sysdeps/unix/sysv/linux/spawni.c): a clone(CLONE_VM | CLONE_VFORK)
 * child applies the file actions to its own descriptors and execs the program at once, while the
 * parent waits for the exec. The child never runs code of the parent's program, so nothing of the
 * parent's memory (its unflushed stdout) is copied or touched. popen and system use it.
 */
import type { Kernel } from './kernel.ts';
import type { Task } from './task.ts';
import { CLONE_VFORK, CLONE_VM, SIGCHLD } from './uapi.ts';
import { kernelClone } from './fork.ts';
import { doExecve } from './exec.ts';
import { doExit } from './exit.ts';
import { exitedStatus } from './signals.ts';
import { sysClose, sysDup2 } from './fs.ts';

/** A file action of the child: dup2(fd, to), or close(fd). */
export type SpawnAction = { op: 'dup2'; fd: number; to: number } | { op: 'close'; fd: number };

/**
 * Spawns `path` with `argv` and `envp` as a child of `parent` after `actions`; returns the
 * child's pid or -errno (fork's errors). A child whose action or exec fails exits with status
 * 127, as glibc's does, for the parent's waitpid to see.
 */
export function doSpawn(k: Kernel, parent: Task, path: string, argv: string[], envp: string[], actions: SpawnAction[], nargs: number): number {
  const pid = kernelClone(k, parent, { flags: CLONE_VM | CLONE_VFORK | SIGCHLD, stack: 0, fn: 0, arg: 0, parentTid: 0, childTid: 0, nargs });
  if (pid < 0) return pid;
  const child = k.tasks.get(pid)!;
  for (const a of actions) {
    const r = a.op === 'dup2' ? sysDup2(k, child, a.fd, a.to) : sysClose(k, child, a.fd);
    if (r < 0) {
      doExit(k, child, exitedStatus(127));
      return pid;
    }
  }
  if (doExecve(k, child, path, argv, envp) < 0) doExit(k, child, exitedStatus(127));
  return pid;
}

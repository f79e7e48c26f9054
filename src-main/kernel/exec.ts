/**
 * execve (fs/exec.c in Linux): the task keeps its pid, parent and open descriptors (but the
 * close-on-exec ones) and gets a new address space built from the program file. Caught signals
 * go back to their default action; a vfork parent waits no more.
 */
import type { ProgramImage } from '../lang/image.ts';
import type { Kernel } from './kernel.ts';
import type { Task } from './task.ts';

/** How the kernel finds a program file: its image, or why it cannot run it. */
export type ProgramLookup = (path: string) => ProgramImage | 'ENOENT' | 'EACCES';

const ERRNO: Record<string, number> = { ENOENT: 2, E2BIG: 7, ENOEXEC: 8, ENOMEM: 12, EACCES: 13, EFAULT: 14 };

/**
 * do_execve: replaces the task's program. Returns 0 (the task now runs the new program from
 * its entry point) or -errno (the task carries on with the old one, unchanged).
 */
export function doExecve(k: Kernel, task: Task, path: string, argv: string[], envp: string[]): number {
  const found = path ? k.programs(path) : 'ENOENT';
  if (typeof found === 'string') {
    k.event(task, 'exec-failed', { path, errno: found });
    task.execFailed = true;
    return -ERRNO[found];
  }
  const error = k.execImage(task, found, argv, envp);
  if (error) {
    k.event(task, 'exec-failed', { path, errno: error });
    return -(ERRNO[error] ?? ERRNO.ENOEXEC);
  }
  return 0;
}

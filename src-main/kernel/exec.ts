/**
 * execve (fs/exec.c in Linux): the task keeps its pid, parent and open descriptors (but the
 * close-on-exec ones) and gets a new address space built from the program file, with argc, argv
 * and envp on a fresh stack. Caught signals go back to their default action; a vfork parent
 * waits no more.
 */
import type { ProgramImage } from '../lang/image.ts';
import { ARG_MAX, STACK_TOP } from '../lang/image.ts';
import type { Kernel } from './kernel.ts';
import type { Mm } from './memory.ts';
import type { Task } from './task.ts';
import { PF_FORKNOEXEC } from './task.ts';
import { createContext, pushI32, type CpuContext } from './context.ts';
import { ERRNO_BY_NAME, errnoName, type ErrnoName } from './uapi.ts';
import { mayAccess, STUDENT } from './ramfs.ts';
import { closeOnExec } from './fs.ts';
import { flushSignalHandlers } from './signal.ts';
import { mmPut, mmRelease } from './exit.ts';

/** The errno names exec fails with. */
export type ExecError = 'ENOENT' | 'EACCES' | 'E2BIG' | 'ENOMEM' | 'ENOEXEC' | 'EFAULT';

/**
 * do_execve: replaces the task's program. Returns 0 (the task now runs the new program from
 * its entry point) or -errno (the task carries on with the old one, unchanged).
 */
export function doExecve(k: Kernel, task: Task, path: string, argv: string[], envp: string[]): number {
  const found = openExec(k, task, path);
  if (typeof found === 'string') {
    k.event(task, 'exec-failed', { path, errno: found });
    task.execFailed = true;
    return -ERRNO_BY_NAME[found];
  }
  const error = execImage(k, task, found, argv, envp);
  if (error) {
    k.event(task, 'exec-failed', { path, errno: error });
    return -ERRNO_BY_NAME[error];
  }
  return 0;
}

/**
 * open_exec: the program file at `path` (from the working directory), or why it cannot run: it
 * does not exist (ENOENT, ENOTDIR), it is a directory or not executable (EACCES), or it is not a
 * program the lab can load (ENOEXEC: a text file, a copy of a program's bytes).
 */
function openExec(k: Kernel, task: Task, path: string): ProgramImage | ErrnoName {
  const inode = k.fs.resolve(path, task.fs.cwd, STUDENT);
  if (typeof inode === 'number') return errnoName(-inode) ?? 'ENOENT';
  if (inode.kind !== 'file' || !mayAccess(inode, STUDENT, 1)) return 'EACCES';
  return inode.program?.() ?? 'ENOEXEC';
}

/**
 * Replaces the task's memory with a fresh address space for `image` and points its registers at
 * the program's entry with argc, argv and envp (boot uses it for the first program). Returns an
 * errno name on failure (the task is unchanged), or null.
 */
export function execImage(k: Kernel, task: Task, image: ProgramImage, argv: string[], envp: string[]): ExecError | null {
  const encoder = new TextEncoder();
  const strings = [...argv, ...envp].map((s) => encoder.encode(s));
  const total = strings.reduce((n, s) => n + s.length + 1 + 8, 0);
  if (total > ARG_MAX) return 'E2BIG';
  return k.asActor(task, () => loadImage(k, task, image, argv, strings));
}

/** Builds the new address space and its initial stack, then switches the task over to it (the point of no return). */
function loadImage(k: Kernel, task: Task, image: ProgramImage, argv: string[], strings: Uint8Array[]): ExecError | null {
  const mm = k.memory.createFromImage(image);
  if (!mm) return 'ENOMEM';
  k.liveMms.set(mm.id, mm);
  const stack = setupArgStack(k, mm, argv.length, strings);
  if (!stack) {
    k.memory.mmput(mm);
    return 'ENOMEM';
  }
  // the point of no return: the old program is gone
  const old = task.mm as Mm | null;
  if (old) mmRelease(k, task);
  task.mm = mm;
  if (old) mmPut(k, task, old);
  const ctx = createContext(image, image.entryPc, stack.sp);
  ctx.fp = stack.sp;
  pushPointer(ctx, stack.envp);
  pushPointer(ctx, stack.argv);
  pushI32(ctx, argv.length);
  ctx.nargs = 3;
  // the registers change in place: whoever holds the task's context sees the new program
  if (task.ctx) Object.assign(task.ctx, ctx);
  else task.ctx = ctx;
  // the CPU must not go on with translations of the old address space
  k.needResched = true;
  task.comm = baseName(argv[0] ?? image.name);
  task.flags &= ~PF_FORKNOEXEC;
  if (old) {
    closeOnExec(k, task);
    flushSignalHandlers(task);
  }
  k.event(task, 'exec', { program: image.name, argv, mm: mm.id });
  k.traceMmSnapshot(task, mm);
  return null;
}

/**
 * Lays out the strings at the top of the new stack, then the argv and envp arrays below them,
 * then a return address and saved fp of 0 (as if _start had been called from nowhere). Returns
 * the stack pointer and the two arrays' addresses, or null when memory runs out.
 */
function setupArgStack(k: Kernel, mm: Mm, argc: number, strings: Uint8Array[]): { sp: number; argv: number; envp: number } | null {
  let sp = STACK_TOP - 16;
  const addresses: number[] = [];
  for (const s of strings) {
    sp -= s.length + 1;
    const bytes = new Uint8Array(s.length + 1);
    bytes.set(s);
    if (!k.memory.writeUser(mm, sp, bytes)) return null;
    addresses.push(sp);
  }
  sp = Math.floor(sp / 16) * 16;
  const table = [...addresses.slice(0, argc), 0, ...addresses.slice(argc), 0];
  sp -= table.length * 8;
  sp = Math.floor(sp / 16) * 16;
  const tableBytes = new Uint8Array(table.length * 8);
  const view = new DataView(tableBytes.buffer);
  table.forEach((p, i) => {
    view.setUint32(i * 8, p >>> 0, true);
    view.setUint32(i * 8 + 4, Math.floor(p / 4294967296), true);
  });
  if (!k.memory.writeUser(mm, sp, tableBytes)) return null;
  const argvAddress = sp;
  const envpAddress = sp + (argc + 1) * 8;
  sp -= 16;
  if (!k.memory.writeUser(mm, sp, new Uint8Array(16))) return null;
  return { sp, argv: argvAddress, envp: envpAddress };
}

function pushPointer(ctx: CpuContext, address: number): void {
  ctx.evalF64[ctx.esp++] = address;
}

function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i >= 0 ? path.slice(i + 1) : path;
}

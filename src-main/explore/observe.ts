/**
 * Observing what one transition did to the kernel's shared state: a cheap snapshot of that state
 * at each scheduling point, and the footprint of the transition between two snapshots (what
 * changed is written; what the library function or system call that ended the transition looks
 * at is read). See footprint.ts for the object keys.
 */
import type { Kernel } from '../kernel/kernel.ts';
import type { Task } from '../kernel/task.ts';
import type { MmStruct } from '../kernel/mm/mm.ts';
import { findVma, hasSharedVma } from '../kernel/mm/vma.ts';
import { Footprint } from './footprint.ts';
import type { ProgramImage } from '../lang/image.ts';
import { Op } from '../lang/isa.ts';

/** The shared state of one task, as other tasks can observe it. */
interface TaskSnap {
  life: string;
  /** running or runnable (R), sleeping (S, D): what ps shows */
  run: string;
  parent: number;
  /** pending and blocked signals and the dispositions (what a sender's signal will do) */
  sig: string;
  kids: string;
  comm: string;
}

interface PipeSnap {
  bytes: number[];
  ends: string;
}

/** The kernel's shared state at a scheduling point. */
export interface Snapshot {
  tasks: Map<number, TaskSnap>;
  pipes: Map<string, PipeSnap>;
  /** how many output chunks the terminal had */
  ttyChunks: number;
  tin: number;
  /** the highest pid in use or used */
  maxPid: number;
  /** the files and open files' offsets ('' while the program has touched no file) */
  fs: string;
}

/**
 * Names for pipes that are the same in every run of the program: "creator.n" for the n-th pipe
 * the task that made it made (global pipe ids grow from run to run).
 */
export class PipeNames {
  private readonly names = new WeakMap<object, string>();
  private readonly counts = new Map<number, number>();

  /** The pipe's name; a pipe seen for the first time is named after `actor`, its creator. */
  nameOf(pipe: object, actor: number): string {
    let name = this.names.get(pipe);
    if (name === undefined) {
      const n = (this.counts.get(actor) ?? 0) + 1;
      this.counts.set(actor, n);
      name = `${actor}.${n}`;
      this.names.set(pipe, name);
    }
    return name;
  }
}

/** Takes a snapshot of the kernel's shared state; `actor` ran last (it made any new pipe). */
export function snapshot(kernel: Kernel, names: PipeNames, actor: number): Snapshot {
  const tasks = new Map<number, TaskSnap>();
  const pipes = new Map<string, PipeSnap>();
  let maxPid = 0;
  for (const t of kernel.tasks.values()) {
    maxPid = Math.max(maxPid, t.pid);
    if (t.kernelThread && t !== kernel.init) continue;
    tasks.set(t.pid, snapTask(t));
    if (t.state === 'Z' || t.state === 'X') continue;
    for (const entry of t.files.fds) {
      const pipe = entry?.file.pipe;
      if (!pipe) continue;
      const name = names.nameOf(pipe, actor);
      if (!pipes.has(name)) pipes.set(name, { bytes: pipe.buffer.slice(), ends: `${pipe.readers}/${pipe.writers}` });
    }
  }
  return { tasks, pipes, ttyChunks: kernel.output.length, tin: kernel.terminal.inputPos, maxPid, fs: kernel.fs.version === 0 ? '' : fsDigest(kernel) };
}

/**
 * The state of the file system a program can observe: every file's path and bytes, and each
 * task's descriptors to files with their offsets (two runs that reach the same files by
 * different orders give the same digest).
 */
export function fsDigest(kernel: Kernel): string {
  const parts: string[] = [];
  for (const { path, inode } of kernel.fs.listFiles()) parts.push(`${path}=${latin1(inode.data.subarray(0, inode.size))}`);
  for (const t of kernel.tasks.values()) {
    if (t.state === 'Z' || t.state === 'X') continue;
    t.files.fds.forEach((e, fd) => {
      if (e?.file.inode) parts.push(`${t.pid}:${fd}:${e.file.path}@${e.file.pos}`);
    });
  }
  return parts.join('\n');
}

function snapTask(t: Task): TaskSnap {
  const state = t.state === 'Z' || t.state === 'X' || t.state === 'T' ? t.state : 'A';
  const life = `${state}${state === 'Z' ? t.exitCode : ''}${t.stopReported ? '' : 's'}${t.continueReported ? '' : 'c'}`;
  const sig = `${t.pending.size === 0 && t.blocked.size === 0 ? '' : `${[...t.pending].sort().join(',')}/${[...t.blocked].sort().join(',')}`}${dispositions(t)}${t.alarmAt === null ? '' : '@'}`;
  const run = t.state === 'S' || t.state === 'D' ? t.state : 'R';
  return { life, run, parent: t.parent?.pid ?? 0, sig, kids: t.children.map((c) => c.pid).join(','), comm: t.comm };
}

/** The signals a task catches or ignores, as text ("" when every one has its default action). */
function dispositions(t: Task): string {
  let out = '';
  const actions = t.sighand.actions;
  for (let sig = 1; sig < actions.length; sig++) {
    const a = actions[sig];
    if (a.handler !== 0 || a.flags !== 0) out += `;${sig}=${a.handler}/${a.flags}`;
  }
  return out;
}

/** Marks as written everything that differs between the two snapshots. */
export function addChanges(fp: Footprint, kernel: Kernel, before: Snapshot, after: Snapshot): void {
  for (const [pid, a] of after.tasks) {
    const b = before.tasks.get(pid);
    if (!b) {
      fp.write('pid');
      continue;
    }
    if (a.life !== b.life) {
      fp.write(`life:${pid}`);
      // a child becoming a zombie changes what wait(-1) of its parent finds (children becoming
      // zombies commute with each other: the same set either way; being reaped does not)
      if (a.life.startsWith('Z') && !b.life.startsWith('Z')) {
        fp.write(`zombies:${a.parent}`, '+');
        fp.write('nproc', '±');
      }
      // exiting, stopping and continuing signal the parent: what that does depends on its dispositions
      if (a.parent) fp.read(`sig:${a.parent}`);
    }
    if (a.run !== b.run) fp.write(`run:${pid}`);
    if (a.parent !== b.parent) fp.write(`parent:${pid}`);
    if (a.sig !== b.sig) fp.write(`sig:${pid}`);
    if (a.kids !== b.kids) fp.write(`kids:${pid}`);
    if (a.comm !== b.comm) fp.write(`comm:${pid}`);
  }
  for (const [pid, b] of before.tasks) {
    if (after.tasks.has(pid)) continue;
    fp.write(`life:${pid}`);
    if (b.life.startsWith('Z')) fp.write(`zombies:${b.parent}`);
    else {
      fp.write('nproc', '±');
      // a task that exited and was reaped at once (its parent ignores SIGCHLD) read the parent's dispositions
      if (b.parent) fp.read(`sig:${b.parent}`);
    }
  }
  for (const [id, a] of after.pipes) {
    const b = before.pipes.get(id);
    if (!b) continue; // a new pipe: only its creator knows it yet
    if (a.ends !== b.ends) fp.write(`pipe:${id}`);
    else if (!sameBytes(a.bytes, b.bytes)) {
      const appended = appendedBytes(b.bytes, a.bytes);
      fp.write(`pipe:${id}`, appended === null ? undefined : `+${appended}`);
    }
  }
  for (const id of before.pipes.keys()) if (!after.pipes.has(id)) fp.write(`pipe:${id}`);
  if (after.ttyChunks !== before.ttyChunks) {
    let text = '';
    for (let i = before.ttyChunks; i < after.ttyChunks; i++) text += latin1(kernel.output[i].bytes);
    fp.write('tty', text);
  }
  if (after.tin !== before.tin) fp.write('tin');
  if (after.fs !== before.fs) fp.write('fs');
}

function sameBytes(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The bytes `after` has beyond `before` when `before` is its prefix, else null. */
function appendedBytes(before: number[], after: number[]): string | null {
  if (after.length < before.length) return null;
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) return null;
  return String.fromCharCode(...after.slice(before.length));
}

/** The bytes as a string of one character per byte (for hashing and footprints, not for display). */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

const READS_INPUT = new Set(['getchar', 'fgets', 'fgetc', 'getc', 'read', 'scanf', 'fscanf', 'vscanf', 'vfscanf']);
/** Calls that may look at files: reads and writes by descriptor (a file's offset), paths, exec. */
const MAY_READ_FILES = new Set([
  ...READS_INPUT, 'write', 'printf', 'fprintf', 'dprintf', 'puts', 'putchar', 'fputs', 'fputc', 'putc', 'fflush', 'fwrite',
  'vprintf', 'vfprintf', 'vdprintf', 'perror', '__lab_flush_all', 'open', 'openat', 'creat', 'lseek', 'fstat', 'stat', 'lstat',
  'unlink', 'access', 'mkdir', 'rmdir', 'chdir', '__lab_readdir', 'execve', 'execv', 'execvp', 'execl', 'execlp', 'execle',
  '__lab_spawn', 'scanf', 'fscanf',
]);
const WAITS = new Set(['wait', 'waitpid', 'wait3', 'wait4']);
const FORKS = new Set(['fork', 'vfork', 'clone']);
const SIGNAL_SETUP = new Set(['signal', 'sigaction', 'sigprocmask', 'alarm', 'pause', 'raise', 'abort', 'sigsuspend', 'sigpending']);
/** Calls that read the process groups and sessions of others. */
const GROUP_READS = new Set(['getpgid', 'getpgrp', 'getsid']);

/** Arguments of the call that ended a transition, read before it ran (what it looks at). */
export interface CallInfo {
  name: string;
  /** first integer argument (a pid for kill and waitpid, a descriptor for read) */
  arg0: number;
  /** third integer argument (waitpid's options) */
  arg2: number;
}

const WUNTRACED = 2;
const WCONTINUED = 8;

/**
 * What wait and waitpid look at (do_wait's scan): the eligible children in order up to the first
 * one it can report, and when none, the whole set of children (it blocks, returns 0 or ECHILD).
 */
function addWaitReads(fp: Footprint, task: Task, pid: number, options: number): void {
  // wait(-1) reaps the first zombie in the list of children: what later children do does not
  // change which one, so it reads only the children up to that one
  for (const c of task.children) {
    if (c.tgid !== c.pid || (pid > 0 && c.pid !== pid)) continue;
    fp.read(`life:${c.pid}`);
    // a wait for a process group looks at every child's group (setpgid writes the child's life)
    if (pid === 0 || pid < -1) continue;
    if (c.state === 'Z') return;
    if (options & WUNTRACED && c.state === 'T' && !c.stopReported) return;
    if (options & WCONTINUED && !c.continueReported) return;
  }
  fp.read(`kids:${task.pid}`);
}

/**
 * Marks what the call `call`, made by `task` in the state before it ran, reads: the children a
 * wait looks at, the parent getppid returns, the pipe a read drains, and so on. `living` is the
 * number of the user's processes alive before the call (fork fails at RLIMIT_NPROC).
 */
export function addReads(fp: Footprint, kernel: Kernel, task: Task, call: CallInfo, living: number, names: PipeNames): void {
  const name = call.name;
  if (WAITS.has(name)) {
    // (wait3's options are not read: without them the scan reads at least as much)
    const byPid = name === 'waitpid' || name === 'wait4';
    addWaitReads(fp, task, byPid ? call.arg0 : -1, byPid ? call.arg2 : 0);
  } else if (name === 'getppid') {
    fp.read(`parent:${task.pid}`);
  } else if (name === 'kill' || name === 'killpg') {
    if (name === 'kill' && call.arg0 > 0) {
      fp.read(`life:${call.arg0}`);
      fp.write(`sig:${call.arg0}`);
    } else {
      fp.read('life:*');
      fp.write('sig:*');
    }
  } else if (name === 'setpgid' || name === 'setsid') {
    // a process's group is part of its life as waits and kills for a group see it
    fp.write(`life:${name === 'setpgid' && call.arg0 > 0 ? call.arg0 : task.tgid}`);
    fp.read('life:*');
  } else if (GROUP_READS.has(name)) {
    fp.read('life:*');
  } else if (SIGNAL_SETUP.has(name)) {
    fp.write(`sig:${task.pid}`);
  } else if (FORKS.has(name)) {
    fp.write('pid');
    // the number of living processes: forks and exits change it (in any order, the same
    // count); a fork near RLIMIT_NPROC looks at it (it fails with EAGAIN at the limit)
    fp.write('nproc', '±');
    if (living + 1 >= kernel.options.nprocLimit) fp.read('nproc');
  } else if (name === '__lab_ps') {
    fp.read('*');
  }
  // once the program has touched files, any call that may read one (by descriptor, by path, or
  // a program to exec) depends on the steps that changed them
  if (kernel.fs.version > 0 && MAY_READ_FILES.has(name)) fp.read('fs');
  if (READS_INPUT.has(name)) {
    const only = name === 'read' ? call.arg0 : -1;
    task.files.fds.forEach((entry, fd) => {
      if (!entry || (only >= 0 && fd !== only)) return;
      if (entry.file.kind === 'pipe-read' && entry.file.pipe) fp.read(`pipe:${names.nameOf(entry.file.pipe, task.pid)}`);
      if (entry.file.kind === 'tty') fp.read('tin');
    });
  }
}

/**
 * A write that failed with SIGPIPE read the pipe's reader count: marks the pipes the task writes
 * to as read.
 */
export function addWritePipeReads(fp: Footprint, task: Task, names: PipeNames): void {
  for (const entry of task.files.fds) {
    if (entry?.file.kind === 'pipe-write' && entry.file.pipe) fp.read(`pipe:${names.nameOf(entry.file.pipe, task.pid)}`);
  }
}

/** The number of the user's processes not yet exited. */
export function livingProcesses(kernel: Kernel): number {
  let n = 0;
  for (const t of kernel.tasks.values()) if (!t.kernelThread && t.state !== 'Z' && t.state !== 'X') n++;
  return n;
}

/**
 * When `task` shares its address space with another task still alive (threads, vfork), the
 * lowest pid among the tasks sharing it (a name for the address space); otherwise 0.
 */
export function memoryOwner(kernel: Kernel, task: Task): number {
  if (!task.mm) return 0;
  let owner = task.pid;
  // a MAP_SHARED mapping's frames are other processes' memory too (mm/mmap.ts)
  let shared = hasSharedVma((task.mm as MmStruct).vmas);
  for (const t of kernel.tasks.values()) {
    if (t !== task && t.mm === task.mm && t.state !== 'Z' && t.state !== 'X') {
      shared = true;
      owner = Math.min(owner, t.pid);
    }
  }
  return shared ? owner : 0;
}

/**
 * The footprint key of page `vpn` of `mm` touched by a task whose memory `owner` names: a page
 * of a MAP_SHARED mapping is its frame (`frame:F`, the same in every process that maps it),
 * any other page `mem:owner:vpn`.
 */
export function pageKey(mm: MmStruct, owner: number, vpn: number): string {
  const vma = findVma(mm.vmas, vpn * mm.pageSize);
  const pte = vma?.shared ? mm.pageTable.get(vpn) : 0;
  return pte !== 0 ? `frame:${pte >>> 4}` : `mem:${owner}:${vpn}`;
}

const COMPARISONS = new Set<number>([Op.EQ_I32, Op.NE_I32, Op.LT_I32, Op.LE_I32, Op.GT_I32, Op.GE_I32]);

/**
 * True when the code at `pc` (just after a call that returns a pid) only looks at whether the
 * result is positive: it drops it (`wait(NULL);`) or compares it with a constant of at most 0
 * (`while (wait(NULL) > 0)`, `!= -1`), where every pid gives the same answer.
 */
export function resultSignOnly(image: ProgramImage, pc: number): boolean {
  const code = image.code;
  if (code[pc] === Op.POP) return true;
  return code[pc] === Op.PUSH_I32 && code[pc + 1] <= 0 && COMPARISONS.has(code[pc + 2]);
}

/**
 * Whether a call shows which of a parent's zombie children a wait reaped (see runner.ts, "which
 * zombie"): a wait or waitpid that is not a blocking wait for any child without a status
 * (`wait(NULL)`, `waitpid(-1, NULL, 0)`) whose result only counts by its sign; a kill, which
 * finds a reaped child gone; ps. `args` reads the call's integer and pointer arguments; `next`
 * is the code index after the call.
 */
export function showsReapedChild(name: string, image: ProgramImage, next: number, args: { i32(i: number): number; ptr(i: number): number }): boolean {
  if (name === 'wait') return args.ptr(0) !== 0 || !resultSignOnly(image, next);
  if (name === 'waitpid') return args.i32(0) !== -1 || args.ptr(1) !== 0 || args.i32(2) !== 0 || !resultSignOnly(image, next);
  if (name === 'wait3' || name === 'wait4') return true;
  return name === 'kill' || name === '__lab_ps' || name === 'waitid' || name === 'killpg' || name === 'setpgid' || GROUP_READS.has(name);
}

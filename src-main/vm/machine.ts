/**
 * The machine: the kernel with the CPU plugged in and the C library wired to it.
 *
 * It is where a builtin call from compiled code lands: the CPU saves its registers and asks the
 * machine to run builtin `id`; the machine finds the native (library function or system call),
 * gives it typed access to the arguments and the task's memory, and puts the result back.
 */
import { BUILTIN_NAMES } from '../lang/builtins.ts';
import type { ProgramImage } from '../lang/image.ts';
import type { CpuContext } from '../kernel/context.ts';
import { growEvalStack } from '../kernel/context.ts';
import { Kernel, type KernelOptions } from '../kernel/kernel.ts';
import type { Task } from '../kernel/task.ts';
import { runSlice, SliceEnd, type CpuHost } from './interpreter.ts';
import { Tlb } from './tlb.ts';
import { UserMemory } from './user-memory.ts';
import { BLOCK, NORETURN, NativeCall, type NativeFunction, type Sys } from './libc/native.ts';
import { STDIO_NATIVES } from './libc/stdio.ts';
import { STRING_NATIVES } from './libc/string.ts';
import { CTYPE_NATIVES } from './libc/ctype.ts';
import { STDLIB_NATIVES } from './libc/stdlib.ts';
import { systemCallNatives } from './syscalls.ts';
import { BLOCKED, sysRead, sysWrite } from '../kernel/fs.ts';
import { deliverSignals } from '../kernel/signal.ts';
import { programLookup } from './bin/programs.ts';

const TWO32 = 4294967296;

export class Machine implements CpuHost {
  readonly kernel: Kernel;
  private readonly natives: (NativeFunction | undefined)[];
  private readonly symbolCache = new WeakMap<ProgramImage, Map<string, number>>();

  constructor(options: Partial<KernelOptions> = {}) {
    this.kernel = new Kernel(options);
    this.kernel.programs = programLookup();
    const table = {
      ...STDIO_NATIVES,
      ...STRING_NATIVES,
      ...CTYPE_NATIVES,
      ...STDLIB_NATIVES,
      ...systemCallNatives(this),
    };
    this.natives = BUILTIN_NAMES.map((name) => (table as Record<string, NativeFunction | undefined>)[name]);
    this.kernel.cpu = {
      run: (task, budget) => {
        const r = runSlice(task.ctx, this.tlbOf(task), this, budget);
        return { steps: r.steps, fault: r.end === SliceEnd.Fault ? r.fault : null, faultPc: r.faultPc };
      },
    };
  }

  /** The task's TLB over its current address space (a new one after exec or for a new task). */
  tlbOf(task: Task): Tlb {
    const ctx = task.ctx;
    let tlb = ctx.tlb as Tlb | null;
    const mmu = this.kernel.memory.mmuFor(task.mm);
    if (!tlb || tlb.mmu !== mmu) {
      tlb = new Tlb(mmu);
      ctx.tlb = tlb;
    }
    return tlb;
  }

  /** Address of a global symbol of the program the task runs, 0 when there is none. */
  symbolAddress(image: ProgramImage, name: string): number {
    let map = this.symbolCache.get(image);
    if (!map) {
      map = new Map();
      for (const s of image.symbols) if (s.kind === 'object' && s.binding === 'global') map.set(s.name, s.address);
      this.symbolCache.set(image, map);
    }
    return map.get(name) ?? 0;
  }

  private readonly plumbing = new WeakMap<Task, { tlb: Tlb; mem: UserMemory; sys: Sys }>();

  /** Builds the view of a call that natives use (memory and system calls cached per task). */
  callFor(task: Task, nargs: number, kinds: number): NativeCall {
    const image = task.ctx.image;
    const tlb = this.tlbOf(task);
    let p = this.plumbing.get(task);
    if (!p || p.tlb !== tlb) {
      p = { tlb, mem: new UserMemory(tlb), sys: this.sysFor(task) };
      this.plumbing.set(task, p);
    }
    return new NativeCall(task.ctx, nargs, kinds, p.mem, this.symbolAddress(image, 'errno'), (n) => this.symbolAddress(image, n), p.sys);
  }

  /** CpuHost: runs builtin `id` for the current task (see interpreter.ts for the contract). */
  builtin(ctx: CpuContext, id: number, nargs: number, kinds: number): boolean {
    const kernel = this.kernel;
    const task = kernel.current;
    if (!task) throw new Error('internal error: a builtin ran with no current task');
    const fn = this.natives[id];
    if (!fn) {
      const name = BUILTIN_NAMES[id] ?? `#${id}`;
      kernel.event(task, 'unsupported', { function: name });
      throw new UnsupportedFunction(name);
    }
    if (task.vforkDone) this.checkVforkChild(task, BUILTIN_NAMES[id] === '__lab_flush_all' ? 'exit' : BUILTIN_NAMES[id]);
    const call = this.callFor(task, nargs, kinds);
    const result = fn.fn(call);
    if (result === BLOCK) {
      // the task sleeps in this call; remember it so that a signal can interrupt it (EINTR)
      task.blockedCall ??= { name: BUILTIN_NAMES[id], nargs, ret: fn.ret };
      return false;
    }
    task.blockedCall = null;
    // the task may have exited inside the call (exit(), a fatal signal): nothing to push then
    if (task.state === 'Z' || task.state === 'X') return false;
    if (result !== NORETURN) {
      ctx.esp -= nargs;
      pushResult(ctx, fn.ret, result);
      ctx.pc += 4;
    }
    // back to user mode: signals that arrived (raise, kill of oneself, SIGPIPE) are delivered now
    if (task.pending.size > 0 && !deliverSignals(kernel, task)) return false;
    if (kernel.preemptsAtSyscalls) return false;
    return !kernel.needResched && task.state === 'R' && !kernel.stopReason;
  }

  /**
   * A vfork child shares its parent's memory and may only call exec or _exit. Returning from the
   * function that called vfork pops the parent's frame; calling other functions overwrites the
   * parent's stack below it.
   */
  private checkVforkChild(task: Task, name: string): void {
    const kernel = this.kernel;
    if (task.vforkFrame && task.ctx.fp > task.vforkFrame) {
      kernel.warn('vfork-child-returned', task, `the vfork child ${task.pid} returned from the function that called vfork(): that frame is its parent's, which will find it clobbered. A vfork child may only call exec or _exit`);
    } else if (!/^exec|^_exit$|^_Exit$/.test(name)) {
      kernel.warn('vfork-child-called-function', task, `the vfork child ${task.pid} called ${name}() while it shares its parent's memory and stack: only exec and _exit are safe after vfork()`);
    }
  }

  /** The system calls library code makes, on behalf of `task`. */
  sysFor(task: Task): Sys {
    return {
      write: (fd, bytes) => this.kernelWrite(task, fd, bytes),
      read: (fd, max) => this.kernelRead(task, fd, max),
      isatty: (fd) => task.files.get(fd)?.file.kind === 'tty',
    };
  }

  kernelWrite(task: Task, fd: number, bytes: Uint8Array): number {
    return sysWrite(this.kernel, task, fd, bytes);
  }

  kernelRead(task: Task, fd: number, max: number): Uint8Array | number | typeof BLOCK {
    const r = sysRead(this.kernel, task, fd, max);
    return r === BLOCKED ? BLOCK : r;
  }
}

/** A program called a library function the lab declares but does not implement yet. */
export class UnsupportedFunction extends Error {
  constructor(readonly functionName: string) {
    super(`the lab does not implement ${functionName}() yet`);
  }
}

/** Pushes a native's return value onto the evaluation stack with the right kind. */
function pushResult(ctx: CpuContext, ret: NativeFunction['ret'], value: number | bigint | undefined): void {
  if (ret === 'void') return;
  if ((ctx.esp + 1) * 8 > ctx.evalBuffer.byteLength) growEvalStack(ctx);
  const s = ctx.esp++;
  const v = value ?? 0;
  switch (ret) {
    case 'i32':
      ctx.evalI32[2 * s] = Number(v) | 0;
      ctx.evalI32[2 * s + 1] = Number(v) < 0 ? -1 : 0;
      return;
    case 'i64':
      if (typeof v === 'bigint') ctx.evalI64[s] = BigInt.asIntN(64, v);
      else {
        ctx.evalI32[2 * s] = v | 0;
        ctx.evalI32[2 * s + 1] = Math.floor(v / TWO32) | 0;
      }
      return;
    case 'f64':
      ctx.evalF64[s] = Number(v);
      return;
    case 'ptr':
      ctx.evalF64[s] = typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : v;
      return;
  }
}

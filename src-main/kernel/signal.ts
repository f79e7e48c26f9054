/**
 * Sending and delivering signals (kernel/signal.c in Linux).
 *
 * send_signal marks a signal pending on a task (and wakes it if it sleeps interruptibly). Pending
 * signals are delivered when the task returns to user mode: before it runs, and after each
 * system call. Delivery takes the default action (terminate, dump core, stop, ignore) or runs the
 * program's handler on the task's own stack: the kernel saves the interrupted registers in a
 * signal frame in user memory and makes the handler return into the C runtime's trampoline
 * (`__lab_restorer`), whose rt_sigreturn restores them.
 */
import type { Kernel } from './kernel.ts';
import type { SigHand, Task } from './task.ts';
import { SIGCHLD, SIGCONT, SIGKILL, SIGSTOP, defaultAction } from './signals.ts';
import { pushI32 } from './context.ts';

export const SIG_DFL = 0;
export const SIG_IGN = 1;
export const SA_NOCLDSTOP = 1;
export const SA_NOCLDWAIT = 2;
export const SA_NODEFER = 0x40000000;
export const SA_RESETHAND = 0x80000000;
export const SA_RESTART = 0x10000000;
const EINTR = 4;
const STOP_SIGNALS = [SIGSTOP, 20, 21, 22];

/** The size of the signal frame: saved pc, sp, fp, esp and the blocked set (as a bit mask). */
const SIGFRAME_SIZE = 48;
/** Bytes below the interrupted sp left alone (x86-64's red zone). */
const RED_ZONE = 128;

/** A fresh table of default dispositions. */
export function newSigHand(): SigHand {
  return { users: 1, actions: Array.from({ length: 65 }, () => ({ handler: SIG_DFL, flags: 0, mask: new Set<number>() })) };
}

/** fork without CLONE_SIGHAND: the child gets a copy of the handlers. */
export function copySigHand(sighand: SigHand): SigHand {
  return { users: 1, actions: sighand.actions.map((a) => ({ handler: a.handler, flags: a.flags, mask: new Set(a.mask) })) };
}

/** exec: caught signals go back to their default action; ignored ones stay ignored. */
export function flushSignalHandlers(task: Task): void {
  if (task.sighand.users > 1) {
    task.sighand.users--;
    task.sighand = copySigHand(task.sighand);
  }
  for (const a of task.sighand.actions) {
    if (a.handler !== SIG_IGN) a.handler = SIG_DFL;
    a.flags = 0;
    a.mask.clear();
  }
}

/** True when delivering `sig` to `task` would do nothing (ignored, explicitly or by default). */
function isIgnored(task: Task, sig: number): boolean {
  if (sig === SIGKILL || sig === SIGSTOP) return false;
  const h = task.sighand.actions[sig].handler;
  if (h === SIG_IGN) return true;
  return h === SIG_DFL && defaultAction(sig) === 'ignore';
}

/**
 * send_signal: makes `sig` pending on `task`. An ignored signal is discarded at once, as Linux
 * does; a sleeping task is woken so that it can take the signal.
 */
export function sendSignal(k: Kernel, task: Task, sig: number, from: Task | null = null): void {
  if (task.state === 'Z' || task.state === 'X' || sig <= 0 || sig > 64) return;
  k.event(task, 'signal-send', { signal: sig, from: from?.pid ?? null });
  if (sig === SIGCONT) {
    for (const s of STOP_SIGNALS) task.pending.delete(s);
    if (task.state === 'T') {
      task.state = 'S';
      k.wakeUp(task, 'continue');
      task.continueReported = false;
      k.event(task, 'continue', {});
      k.notifyParentStopped(task);
    }
  } else if (STOP_SIGNALS.includes(sig)) {
    task.pending.delete(SIGCONT);
  }
  if (isIgnored(task, sig)) return;
  task.pending.add(sig);
  if (sig === SIGKILL) {
    // SIGKILL is never left pending: it kills at once, wherever the task is
    k.event(task, 'signal-deliver', { signal: sig, action: 'terminate' });
    k.killBySignal(task, SIGKILL);
    return;
  }
  if (task.state === 'S' && !task.blocked.has(sig)) k.wakeUp(task, 'signal');
}

/** The lowest-numbered pending signal the task does not block, or 0. */
function nextSignal(task: Task): number {
  let best = 0;
  for (const s of task.pending) if (!task.blocked.has(s) && (best === 0 || s < best)) best = s;
  return best;
}

/**
 * Delivers the task's pending signals as it returns to user mode. Returns false when the task
 * can no longer run (it died or stopped).
 */
export function deliverSignals(k: Kernel, task: Task): boolean {
  for (;;) {
    if (task.state === 'Z' || task.state === 'X') return false;
    const sig = nextSignal(task);
    if (!sig) return task.state === 'R';
    task.pending.delete(sig);
    const action = task.sighand.actions[sig];
    if (action.handler === SIG_IGN) continue;
    if (action.handler === SIG_DFL) {
      const what = defaultAction(sig);
      if (what === 'ignore' || what === 'continue') continue;
      if (what === 'stop') {
        k.sleepOn(task, { kind: 'stopped' });
        task.state = 'T';
        task.stopSignal = sig;
        task.stopReported = false;
        k.event(task, 'stop', { signal: sig });
        k.notifyParentStopped(task);
        return false;
      }
      k.event(task, 'signal-deliver', { signal: sig, action: what });
      k.killBySignal(task, sig);
      return false;
    }
    interruptBlockedCall(k, task, (action.flags & SA_RESTART) !== 0);
    if (!setupFrame(k, task, sig, action.handler)) return false;
    if (action.flags & SA_RESETHAND) action.handler = SIG_DFL;
  }
}

/**
 * A handler is about to run while the task sleeps in a system call: the call returns -1 with
 * EINTR (sleep returns the seconds left), unless it may be restarted (SA_RESTART and a call
 * that Linux restarts: read, write, wait).
 */
function interruptBlockedCall(k: Kernel, task: Task, restart: boolean): void {
  const call = task.blockedCall;
  if (!call) return;
  task.blockedCall = null;
  const written = task.pipeWritten;
  task.pipeWritten = 0;
  // a write interrupted after some of its bytes went into the pipe returns their count
  const ctx = task.ctx;
  if (call.name === 'write' && written > 0) {
    ctx.esp -= call.nargs;
    pushI32(ctx, written);
    ctx.pc += 4;
    return;
  }
  if (restart && ['read', 'write', 'wait', 'waitpid', 'fgets', 'getchar', 'fgetc', 'getc'].includes(call.name)) return;
  ctx.esp -= call.nargs;
  let value = -1;
  if (call.name === 'sleep' && call.deadline !== undefined) value = Math.ceil(Math.max(0, call.deadline - k.time) / 1e9);
  else k.setErrno(task, EINTR);
  if (call.ret !== 'void') {
    if (call.ret === 'ptr' || call.ret === 'f64') ctx.evalF64[ctx.esp++] = call.ret === 'ptr' ? 0 : value;
    else pushI32(ctx, value);
  }
  ctx.pc += 4;
}

/**
 * Builds the signal frame and points the task at the handler: the handler runs as if called
 * from the trampoline, with the signal number as its argument.
 */
function setupFrame(k: Kernel, task: Task, sig: number, handler: number): boolean {
  const ctx = task.ctx;
  const restorer = k.restorerAddress(ctx.image);
  let frame = Math.floor((ctx.sp - RED_ZONE - SIGFRAME_SIZE) / 16) * 16;
  let mask = 0n;
  for (const s of task.blocked) mask |= 1n << BigInt(s - 1);
  const words = [ctx.pc, ctx.sp, ctx.fp, ctx.esp];
  const bytes = new Uint8Array(SIGFRAME_SIZE + 16);
  const view = new DataView(bytes.buffer);
  // [frame-16] saved fp, [frame-8] return address (the trampoline), [frame..] the signal frame
  writeU64(view, 0, ctx.fp);
  writeU64(view, 8, restorer);
  words.forEach((w, i) => writeU64(view, 16 + i * 8, w));
  view.setBigUint64(16 + 32, mask, true);
  frame -= 16;
  if (!k.memory.writeUser(task.mm, frame, bytes)) {
    k.killBySignal(task, 11);
    return false;
  }
  const action = task.sighand.actions[sig];
  for (const s of action.mask) task.blocked.add(s);
  if (!(action.flags & SA_NODEFER)) task.blocked.add(sig);
  ctx.sp = frame;
  ctx.fp = frame;
  ctx.pc = k.codeIndexOf(ctx.image, handler);
  pushI32(ctx, sig);
  ctx.nargs = 1;
  k.event(task, 'signal-handler', { signal: sig, handler });
  return true;
}

/** rt_sigreturn: restores the registers and blocked set saved in the signal frame at sp. */
export function sigreturn(k: Kernel, task: Task): void {
  const ctx = task.ctx;
  const bytes = k.memory.readUser(task.mm, ctx.sp, SIGFRAME_SIZE);
  if (!bytes) {
    k.killBySignal(task, 11);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  ctx.pc = readU64(view, 0);
  ctx.sp = readU64(view, 8);
  ctx.fp = readU64(view, 16);
  ctx.esp = readU64(view, 24);
  const mask = view.getBigUint64(32, true);
  task.blocked.clear();
  for (let s = 1; s <= 64; s++) if (mask & (1n << BigInt(s - 1))) task.blocked.add(s);
}

/** Whether the parent asked for its children to be reaped at once (SIG_IGN or SA_NOCLDWAIT). */
export function autoReaps(parent: Task): boolean {
  const a = parent.sighand.actions[SIGCHLD];
  return a.handler === SIG_IGN || (a.flags & SA_NOCLDWAIT) !== 0;
}

function writeU64(view: DataView, offset: number, value: number): void {
  view.setUint32(offset, value >>> 0, true);
  view.setUint32(offset + 4, Math.floor(value / 4294967296), true);
}

function readU64(view: DataView, offset: number): number {
  return view.getUint32(offset + 4, true) * 4294967296 + view.getUint32(offset, true);
}

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
import type { SigAction, SigHand, Task } from './task.ts';
import { BLOCKED } from './task.ts';
import { defaultAction } from './signals.ts';
import {
  EINTR, EINVAL, ESRCH, NSIG, SA_NOCLDSTOP, SA_NOCLDWAIT, SA_NODEFER, SA_RESETHAND, SA_RESTART,
  SIG_BLOCK, SIG_DFL, SIG_IGN, SIG_SETMASK, SIG_UNBLOCK, SIGABRT, SIGCHLD, SIGCONT, SIGKILL,
  SIGSEGV, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU,
} from './uapi.ts';
import { pushI32 } from './context.ts';
import { killBySignal } from './exit.ts';
import { groupMembers } from './pgrp.ts';
import { sleepOn, wakeUp } from './sched-core.ts';
import { sleepTimeLeft, NSEC_PER_SEC } from './time.ts';

const STOP_SIGNALS = [SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU];

/** The size of the signal frame: saved pc, sp, fp, esp and the blocked set (as a bit mask). */
const SIGFRAME_SIZE = 48;
/** Bytes below the interrupted sp left alone (x86-64's red zone). */
const RED_ZONE = 128;

/** A fresh table of default dispositions. */
export function newSigHand(): SigHand {
  return { users: 1, actions: Array.from({ length: NSIG }, () => ({ handler: SIG_DFL, flags: 0, mask: new Set<number>() })) };
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
 * send_signal: makes `sig` pending on `task`. init (pid 1) takes from user tasks only the signals
 * it has a handler for, as Linux's SIGNAL_UNKILLABLE: the lab's init has none, so kill(1, SIGKILL)
 * or SIGSTOP or anything else from a program is ignored (kill returns 0). An ignored signal is discarded at once, as Linux
 * does; a sleeping task is woken so that it can take the signal.
 */
export function sendSignal(k: Kernel, task: Task, sig: number, from: Task | null = null): void {
  if (task.state === 'Z' || task.state === 'X' || sig <= 0 || sig >= NSIG) return;
  k.event(task, 'signal-send', { signal: sig, from: from?.pid ?? null });
  if (task === k.init && from !== null && !from.kernelThread) return;
  if (sig === SIGCONT) {
    for (const s of STOP_SIGNALS) task.pending.delete(s);
    if (task.state === 'T') {
      task.state = 'S';
      wakeUp(k, task, 'continue');
      task.continueReported = false;
      k.event(task, 'continue', {});
      notifyParentStopped(k, task);
    }
  } else if (STOP_SIGNALS.includes(sig)) {
    task.pending.delete(SIGCONT);
  }
  if (isIgnored(task, sig)) return;
  task.pending.add(sig);
  if (sig === SIGKILL) {
    // SIGKILL is never left pending: it kills at once, wherever the task is
    k.event(task, 'signal-deliver', { signal: sig, action: 'terminate' });
    killBySignal(k, task, SIGKILL);
    return;
  }
  if (task.state === 'S' && !task.blocked.has(sig)) wakeUp(k, task, 'signal');
}

/** The lowest-numbered pending signal the task does not block, or 0. */
function nextSignal(task: Task): number {
  let best = 0;
  for (const s of task.pending) if (!task.blocked.has(s) && (best === 0 || s < best)) best = s;
  return best;
}

/**
 * Delivers the task's pending signals as it returns to user mode. Returns false when the task
 * can no longer run (it died or stopped). A task woken in a call that can now return (a wait with
 * a child to report, a read with data: task.wouldReturn) makes the call first; its signals are
 * delivered as that call returns.
 */
export function deliverSignals(k: Kernel, task: Task): boolean {
  if (task.blockedCall && task.state === 'R' && task.wouldReturn?.()) return true;
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
        sleepOn(k, task, { kind: 'stopped' });
        task.state = 'T';
        task.stopSignal = sig;
        task.stopReported = false;
        k.event(task, 'stop', { signal: sig });
        notifyParentStopped(k, task);
        return false;
      }
      k.event(task, 'signal-deliver', { signal: sig, action: what });
      killBySignal(k, task, sig);
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
  task.wouldReturn = null;
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
  const left = sleepTimeLeft(k, task);
  if (call.name === 'sleep') value = Math.ceil(left / NSEC_PER_SEC);
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
  // a handler that ends a sigsuspend returns to the mask from before it (restore_saved_sigmask)
  for (const s of task.savedSigmask ?? task.blocked) mask |= 1n << BigInt(s - 1);
  task.savedSigmask = null;
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
    killBySignal(k, task, SIGSEGV);
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
    killBySignal(k, task, SIGSEGV);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  ctx.pc = readU64(view, 0);
  ctx.sp = readU64(view, 8);
  ctx.fp = readU64(view, 16);
  ctx.esp = readU64(view, 24);
  const mask = view.getBigUint64(32, true);
  task.blocked.clear();
  for (let s = 1; s < NSIG; s++) if (mask & (1n << BigInt(s - 1))) task.blocked.add(s);
}

/**
 * do_notify_parent_cldstop: a child stopped or continued; its parent gets SIGCHLD (unless it
 * asked for SA_NOCLDSTOP) and wakes if it waits for children (waitpid with WUNTRACED or
 * WCONTINUED reports it).
 */
export function notifyParentStopped(k: Kernel, task: Task): void {
  const parent = task.parent;
  if (!parent || parent.kernelThread) return;
  const action = parent.sighand.actions[SIGCHLD];
  if (!(action.flags & SA_NOCLDSTOP)) sendSignal(k, parent, SIGCHLD, task);
  if (parent.state === 'S' && parent.waitingFor?.kind === 'child') wakeUp(k, parent, 'child-stopped');
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

// ---------------------------------------------------------------- system calls

/** A valid signal number (1..64). */
function validSignal(sig: number): boolean {
  return sig >= 1 && sig < NSIG;
}

/**
 * kill(2): `pid` > 0 that process; 0 every process of the caller's process group; -1 every
 * process of the user's but the caller; < -1 every process of group -pid (a zombie member counts,
 * as on Linux, though it takes nothing). Signal 0 only checks that the target exists. -EINVAL
 * for a bad signal, -ESRCH when no process matches.
 */
export function sysKill(k: Kernel, task: Task, pid: number, sig: number): number {
  if (sig < 0 || sig >= NSIG) return -EINVAL;
  const targets = pid === 0 || pid < -1 ? groupMembers(k, pid === 0 ? task.signal.pgid : -pid) : [...k.tasks.values()].filter((t) => {
    if (pid > 0) return t.pid === pid && t.state !== 'X';
    return !t.kernelThread && t.state !== 'X' && t.state !== 'Z' && t !== task;
  });
  if (targets.length === 0) return -ESRCH;
  if (sig === 0) return 0;
  for (const t of targets) sendSignal(k, t, sig, task);
  return 0;
}

/**
 * rt_sigaction: installs `act` for `sig` (when given) and returns the old disposition in
 * `old`. -EINVAL for a bad signal, or for SIGKILL and SIGSTOP, whose action cannot change.
 */
export function sysSigaction(task: Task, sig: number, act: SigAction | null, old: SigAction | null): number {
  if (!validSignal(sig) || ((sig === SIGKILL || sig === SIGSTOP) && act)) return -EINVAL;
  const action = task.sighand.actions[sig];
  if (old) {
    old.handler = action.handler;
    old.flags = action.flags;
    old.mask = new Set(action.mask);
  }
  if (act) {
    action.handler = act.handler;
    action.flags = act.flags;
    action.mask = new Set(act.mask);
  }
  return 0;
}

/**
 * signal(3) as glibc does it (BSD semantics: SA_RESTART, the handler stays installed): returns
 * the old handler, or -EINVAL (glibc's wrapper returns SIG_ERR).
 */
export function sysSignal(task: Task, sig: number, handler: number): number {
  const old: SigAction = { handler: 0, flags: 0, mask: new Set() };
  const r = sysSigaction(task, sig, { handler, flags: SA_RESTART, mask: new Set() }, old);
  return r < 0 ? r : old.handler;
}

/**
 * rt_sigprocmask: SIG_BLOCK adds `set` to the blocked signals, SIG_UNBLOCK removes it,
 * SIG_SETMASK replaces them (SIGKILL and SIGSTOP are never blocked). Returns the old set in
 * `old`; -EINVAL for another `how` when a set is given.
 */
export function sysSigprocmask(task: Task, how: number, set: Set<number> | null, old: Set<number> | null): number {
  if (old) for (const s of task.blocked) old.add(s);
  if (!set) return 0;
  if (how !== SIG_BLOCK && how !== SIG_UNBLOCK && how !== SIG_SETMASK) return -EINVAL;
  for (let s = 1; s < NSIG; s++) {
    if (s === SIGKILL || s === SIGSTOP) continue;
    const inSet = set.has(s);
    if (how === SIG_BLOCK && inSet) task.blocked.add(s);
    else if (how === SIG_UNBLOCK && inSet) task.blocked.delete(s);
    else if (how === SIG_SETMASK) {
      if (inSet) task.blocked.add(s);
      else task.blocked.delete(s);
    }
  }
  return 0;
}

/** pause(2): sleeps until a signal is delivered (which interrupts it with EINTR). */
export function sysPause(k: Kernel, task: Task): typeof BLOCKED {
  sleepOn(k, task, { kind: 'pause' });
  return BLOCKED;
}

/**
 * rt_sigsuspend(2): replaces the blocked set with `mask` (SIGKILL and SIGSTOP stay unblocked) and
 * sleeps until a signal runs a handler or kills, atomically: a signal already pending that `mask`
 * unblocks is taken at once (the task stays runnable and takes it as it returns to user mode,
 * which interrupts the call). It never returns 0: the handler's delivery makes it return -1 with
 * EINTR (interruptBlockedCall), and the frame of that handler saves the blocked set from before,
 * so the program finds its old mask when the handler returns. A signal ignored does not wake it.
 * The VM repeats the call when the task wakes without a handler (a stop and continue): the
 * saved mask is kept from the first time.
 */
export function sysSigsuspend(k: Kernel, task: Task, mask: Set<number>): typeof BLOCKED {
  if (task.savedSigmask === null) {
    task.savedSigmask = new Set(task.blocked);
    task.blocked = new Set([...mask].filter((s) => s !== SIGKILL && s !== SIGSTOP));
  }
  // a pending signal the new mask lets through is taken before the task would sleep
  if (nextSignal(task) === 0) sleepOn(k, task, { kind: 'pause' });
  return BLOCKED;
}

/** rt_sigpending(2): the signals pending on the task while it blocks them. */
export function sysSigpending(task: Task): Set<number> {
  return new Set([...task.pending].filter((s) => task.blocked.has(s)));
}

/** abort(3)'s kernel side: SIGABRT is unblocked and reset to its default, then sent, so that it kills. */
export function forceAbort(k: Kernel, task: Task): void {
  task.blocked.delete(SIGABRT);
  task.sighand.actions[SIGABRT].handler = SIG_DFL;
  sendSignal(k, task, SIGABRT, task);
}

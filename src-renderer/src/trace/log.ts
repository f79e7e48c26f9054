/**
 * The kernel log: one short line per kernel event worth reading (copy_process and its steps,
 * exec, exit, vfork_done, reparenting, reaping, faults, signals, warnings). Line events and
 * descriptor bookkeeping are left out.
 */
import type { TraceEvent } from '../lab/index.ts';
import { waitingFor } from './words.ts';

/** The system calls worth a log line (process life, pipes, opening and redirecting files); read, write, close … are left out. */
const LOGGED_SYSCALL = /^(fork|vfork|clone|exec|wait|exit|_exit|kill|pipe|prctl|open|creat|unlink|dup|posix_spawn)/;

/** An address in hex as the memory view shows it ('?' when the event has none). */
export function hex(v: unknown): string {
  return typeof v === 'number' ? '0x' + v.toString(16) : '?';
}

/** The kinds of event with a line in the log (a `syscall` only when LOGGED_SYSCALL names it). */
const LOGGED_KINDS = new Set([
  'task-new', 'clone', 'fork-failed', 'exec', 'exec-failed', 'exit', 'vfork-done', 'reparent', 'reap', 'subreaper', 'block', 'wake', 'stop',
  'continue', 'mm-snapshot', 'mm-release', 'fault', 'cow-copy', 'cow-reuse', 'signal-send', 'signal-deliver', 'syscall', 'warning', 'run-end', 'pipe',
]);

/** Whether the log has a line for `e` (what describeEvent answers with a string for), without writing it. */
export function isLogged(e: TraceEvent): boolean {
  if (!LOGGED_KINDS.has(e.kind)) return false;
  return e.kind !== 'syscall' || LOGGED_SYSCALL.test(String(e.name));
}

/** A line of text describing `e`, or null when the log leaves it out. */
export function describeEvent(e: TraceEvent): string | null {
  if (!isLogged(e)) return null;
  const p = `[${e.pid}]`;
  switch (e.kind) {
    case 'task-new':
      return `${p} boot: task ${e.pid} (${String(e.command ?? '?')}), parent ${String(e.ppid)}`;
    case 'clone': {
      const steps = Array.isArray(e.steps) ? (e.steps as string[]).join(' → ') : '';
      return `${p} copy_process (${String(e.what ?? 'clone')}) → pid ${String(e.child)}${steps ? `: ${steps}` : ''}`;
    }
    case 'fork-failed':
      return `${p} fork failed: ${String(e.reason ?? '')}${e.limit !== undefined ? ` (limit ${String(e.limit)})` : ''}`;
    case 'exec':
      return `${p} exec ${String(e.program ?? '')}${Array.isArray(e.argv) ? ` ${JSON.stringify(e.argv)}` : ''}`;
    case 'exec-failed':
      return `${p} exec ${String(e.path ?? '')} failed: ${String(e.errno ?? '')}`;
    case 'exit':
      return `${p} exit: ${e.signal ? `killed by ${String(e.signal)}` : `code ${String(e.code)}`} → zombie`;
    case 'vfork-done':
      return `${p} vfork_done: parent ${String(e.parent)} released`;
    case 'reparent':
      return `${p} reparent: orphan, parent ${String(e.from)} → ${String(e.to)}`;
    case 'reap':
      return `${p} reaped by ${e.by === null || e.by === undefined ? 'the kernel (auto)' : String(e.by)}`;
    case 'subreaper':
      return `${p} prctl(PR_SET_CHILD_SUBREAPER, ${String(e.on)})`;
    case 'block':
      return `${p} ${waitingFor(e.on ?? null)}`;
    case 'wake':
      return `${p} wakes${e.reason ? ` (${String(e.reason)})` : ''}`;
    case 'stop':
    case 'continue':
      return `${p} ${e.kind} (${String(e.signal ?? '')})`;
    case 'mm-snapshot':
      return `${p} mm ${String(e.mm)}: page table of ${Array.isArray(e.pages) ? e.pages.length : 0} pages`;
    case 'mm-release':
      return `${p} mm ${String(e.mm)} released`;
    case 'fault':
      if (e.signal !== undefined) return `${p} ${String(e.signal)} at ${hex(e.address)} (${String(e.reason ?? '')})`;
      return `${p} page fault (${String(e.reason ?? '')}) mm ${String(e.mm)} at ${hex(e.address)}${e.write ? ' on write' : ''}`;
    case 'cow-copy':
      return `${p} COW: page of ${hex(e.address)} copied, frame ${String(e.frame)} → ${String(e.newFrame)}`;
    case 'cow-reuse':
      return `${p} COW: page of ${hex(e.address)} made writable, no copy (no one else maps frame ${String(e.frame)})`;
    case 'signal-send':
      return `${p} receives signal ${String(e.signal)} from ${String(e.from)}`;
    case 'signal-deliver':
      return `${p} signal ${String(e.signal)}: ${String(e.action ?? '')}`;
    case 'syscall':
      if (!LOGGED_SYSCALL.test(String(e.name))) return null;
      return `${p} ${String(e.name)}(${Array.isArray(e.args) ? e.args.map((a) => JSON.stringify(a)).join(', ') : ''}) = ${String(e.result)}${e.errno ? ` ${String(e.errno)}` : ''}`;
    case 'warning':
      return `${p} warning: ${String(e.message ?? e.warningKind ?? '')}`;
    case 'run-end':
      return `run ended: ${String(e.reason ?? '')}${e.message ? ` (${String(e.message)})` : ''}`;
    case 'pipe':
      return `${p} pipe ${String(e.pipe)} fds ${JSON.stringify(e.fds)}`;
    default:
      return null;
  }
}

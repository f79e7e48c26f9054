/**
 * The terminal (drivers/tty in Linux): the one the shell and the program share. Output is kept
 * chunk by chunk with the task that wrote it (the viewer colours it by writer); input is what
 * the user typed in advance (`--stdin`), read in canonical mode, a line at a time.
 */
import type { Kernel } from './kernel.ts';
import type { Task } from './task.ts';

export interface Terminal {
  /** bytes typed in advance (from --stdin) that programs have not read yet */
  input: Uint8Array;
  inputPos: number;
}

/** One piece of terminal output, with the task that wrote it. */
export interface OutputChunk {
  pid: number;
  fd: number;
  bytes: Uint8Array;
  step: number;
}

const decoder = new TextDecoder();

/** A write to the terminal by `task` on descriptor `fd`. Stops the run at the output limit. */
export function ttyWrite(k: Kernel, task: Task, fd: number, bytes: Uint8Array): void {
  const room = k.options.maxOutputBytes - k.outputBytes;
  const kept = bytes.length > room ? bytes.subarray(0, Math.max(0, room)) : bytes;
  if (kept.length > 0) {
    k.output.push({ pid: task.pid, fd, bytes: kept.slice(), step: k.steps });
    k.outputBytes += kept.length;
    k.event(task, 'output', { fd, text: decoder.decode(kept) });
  }
  if (bytes.length > room) {
    k.stopReason = 'output-limit';
    k.needResched = true;
  }
}

/**
 * Reads up to `max` bytes of terminal input (empty at end of input). The terminal is in
 * canonical mode: one read returns at most one line.
 */
export function ttyRead(k: Kernel, max: number): Uint8Array {
  const t = k.terminal;
  const newline = t.input.indexOf(10, t.inputPos);
  const lineEnd = newline < 0 ? t.input.length : newline + 1;
  const n = Math.min(max, lineEnd - t.inputPos);
  const bytes = t.input.subarray(t.inputPos, t.inputPos + n);
  t.inputPos += n;
  return bytes.slice();
}

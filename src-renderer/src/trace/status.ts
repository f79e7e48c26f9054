/**
 * How a run and a task ended, in words and a tone for its colour: a process killed by a signal is
 * 'bad' (red) and says which signal, whatever exit status the shell reports (139 = 128 + SIGSEGV);
 * a normal exit with status 0 is 'ok' (green), another status 'warn'. Pure TypeScript.
 */
import type { TaskView } from './state.ts';

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

export interface Status {
  /** the badge's words */
  label: string;
  tone: Tone;
}

/** What a run's stop reason means, for the badge (reasons the lab adds later read as they are). */
const STOP_LABELS: Record<string, Status> = {
  'step-limit': { label: 'stopped: step limit reached', tone: 'warn' },
  'output-limit': { label: 'stopped: output limit reached', tone: 'warn' },
  deadlock: { label: 'stopped: every process waits (deadlock)', tone: 'bad' },
  cancelled: { label: 'cancelled', tone: 'warn' },
  'compile-error': { label: 'does not compile', tone: 'bad' },
};

/** The run header's badge: killed by a signal, exited (with its status), or why the run stopped. */
export function runStatus(run: { stopReason: string; exit: { code: number; signal: string | null } }): Status {
  if (run.stopReason === 'exited') {
    if (run.exit.signal) return { label: `killed by ${run.exit.signal}`, tone: 'bad' };
    return run.exit.code === 0 ? { label: 'exited', tone: 'ok' } : { label: `exited with status ${run.exit.code}`, tone: 'warn' };
  }
  return STOP_LABELS[run.stopReason] ?? { label: `stopped: ${run.stopReason.replace(/-/g, ' ')}`, tone: 'warn' };
}

/** A task's ending, once it has one (zombie or reaped): killed by its signal, or its exit status; null while it lives. */
export function taskEnd(t: Pick<TaskView, 'state' | 'signal' | 'exitCode'>): Status | null {
  if (t.state !== 'Z' && t.state !== 'X') return null;
  if (t.signal) return { label: `killed by ${t.signal}`, tone: 'bad' };
  return { label: `exit ${t.exitCode ?? '?'}`, tone: t.exitCode === 0 ? 'ok' : 'warn' };
}
